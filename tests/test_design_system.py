"""The public stylesheet as `make styles` compiles it from GOV.UK Frontend's Sass source: our system font
stack, no GOV.UK typeface, crown or other asset of theirs, print rules; built, not committed."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SITE_CSS = BASE_DIR / "bilateral" / "static" / "build" / "site.css"


def compiled():
    assert SITE_CSS.is_file(), f"{SITE_CSS} is missing: run `make styles` (part of make install)"
    return SITE_CSS.read_text(encoding="utf-8")


def test_the_stylesheet_is_govuk_frontend_with_our_font():
    css = compiled()
    assert ".govuk-generic-header" in css and ".govuk-error-summary" in css and ".govuk-button" in css
    assert "font-family:system-ui,-apple-system" in css
    assert "GDS Transport" not in css and "@font-face" not in css


def test_no_govuk_asset_is_referenced():
    """The crest and fonts are GOV.UK's own: the stylesheet points at no file at all."""
    assert re.findall(r"url\(", compiled()) == []


def test_printing_hides_navigation_and_forms_and_shows_link_addresses():
    css = compiled()
    print_rules = " ".join(re.findall(r"@media print\{(.*?\})\}", css))
    hidden = {selector.strip() for group in re.findall(r"([^{}]*)\{display:none !important\}", print_rules)
              for selector in group.split(",")}
    assert {".govuk-breadcrumbs", ".section-nav", ".site-tools", ".site-subscribe", "form"} <= hidden
    assert 'content:" (" attr(href) ")"' in css


def test_the_build_output_is_not_committed_and_make_install_builds_it():
    ignored = subprocess.run(["git", "check-ignore", "-q", str(SITE_CSS)], cwd=BASE_DIR)
    assert ignored.returncode == 0, "bilateral/static/build/ must be git-ignored"
    makefile = (BASE_DIR / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^install: .*\bstyles\b", makefile, re.M) and re.search(r"^install-dev: .*\bstyles\b", makefile, re.M)
