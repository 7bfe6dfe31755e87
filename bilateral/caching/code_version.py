"""The code version: a fingerprint of everything besides content that shapes a rendered page (the
code, templates, translations, static files).

Rendered pages and blocks outlive a deployment in Redis; keyed by this fingerprint, a release that
changes a template, a sentence's code, a translation or a stylesheet (whose hashed name is in the
HTML) is never served with yesterday's renders. Computed once per process from the files themselves,
so nobody has to remember to bump a constant.
"""

import functools
import hashlib
from pathlib import Path

import django
import wagtail
from django.conf import settings

SUFFIXES = {".py", ".html", ".txt", ".xml", ".css", ".js", ".mo", ".svg"}


def source_files():
    roots = [Path(settings.BASE_DIR) / "bilateral", *(Path(path) for path in settings.LOCALE_PATHS)]
    for root in roots:
        if root.is_dir():
            yield from sorted(path for path in root.rglob("*") if path.suffix in SUFFIXES and path.is_file())


@functools.cache
def code_version():
    digest = hashlib.sha256(f"django {django.__version__} wagtail {wagtail.__version__}".encode())
    for path in source_files():
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
