"""The gettext catalogues: Lithuanian complete, with Django's plural rule; both compile."""

import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

LOCALE = Path(settings.BASE_DIR) / "locale"
DJANGO_LT_PLURALS = (
    "nplurals=4; plural=(n % 10 == 1 && (n % 100 > 19 || n % 100 < 11) ? 0 : "
    "(n % 10 >= 2 && n % 10 <=9) && (n % 100 > 19 || n % 100 < 11) ? 1 : n % 1 != 0 ? 2: 3);"
)


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def test_lithuanian_catalogue_uses_djangos_plural_rule():
    assert catalogue("lt").metadata["Plural-Forms"] == DJANGO_LT_PLURALS


def test_every_lithuanian_message_is_translated():
    po = catalogue("lt")
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    incomplete_plurals = [
        entry.msgid for entry in po if entry.msgid_plural and len([s for s in entry.msgstr_plural.values() if s]) != 4
    ]
    assert incomplete_plurals == []


@pytest.mark.parametrize("language", ["lt", "en"])
def test_catalogue_compiles_without_errors(tmp_path, language):
    source = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "count, form",
    [(0, "vizitų"), (1, "vizitas"), (2, "vizitai"), (9, "vizitai"), (10, "vizitų"), (11, "vizitų"),
     (19, "vizitų"), (21, "vizitas"), (22, "vizitai"), (30, "vizitų"), (101, "vizitas"), (111, "vizitų")],
)
def test_lithuanian_plural_forms_follow_the_grammar(count, form):
    with translation.override("lt"):
        text = ngettext("%(count)s visit took place", "%(count)s visits took place", count) % {"count": count}
    assert text == f"įvyko {count} {form}"


def test_every_message_in_the_code_and_templates_is_in_the_lithuanian_catalogue(tmp_path):
    """makemessages over a copy of the code finds nothing untranslated: a string shown to readers
    that was never extracted (gettext inside an f-string, say) or never translated fails here."""
    import shutil
    import sys

    base = Path(settings.BASE_DIR)
    shutil.copytree(base / "bilateral", tmp_path / "bilateral", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(LOCALE, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path),
                   "DJANGO_SETTINGS_MODULE": "bilateral.settings.test", "BILATERAL_VAR_DIR": str(tmp_path / "var")}
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "lt", "-v0"],
        cwd=tmp_path, env=environment, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    po = polib.pofile(str(tmp_path / "locale" / "lt" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
