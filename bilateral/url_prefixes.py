"""Addresses that depend only on the URL configuration, reversed once per process instead of on every
render: a page shows some forty links, and each Django reverse() walks its candidate patterns with a
regular expression (a tenth of an uncached page's time). The URL configuration does not change while
a process runs; what reverse() also reads, the script prefix, the language and a thread's own
urlconf, are part of the key, and a test's new ROOT_URLCONF forgets everything.
(docs/adr/0026-chrome-without-repeated-work.md)"""

import re

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

_reversed = {}

# A page address below its site's root that Wagtail's page pattern takes as it is: words of ASCII
# letters, digits, "_" and "-", each ending with "/" (reverse() would percent-encode anything else).
PLAIN_PAGE_PATH = re.compile(r"(?:[A-Za-z0-9_\-]+/)*")


def reverse_once(viewname):
    """reverse(viewname) of an address without arguments, in the active language."""
    key = (viewname, get_urlconf(), get_script_prefix(), translation.get_language())
    try:
        return _reversed[key]
    except KeyError:
        address = _reversed[key] = reverse(viewname)
        return address


def page_address(language_code, path_below_root):
    """reverse("wagtail_serve", args=(path_below_root,)) in that language: its language prefix
    ("/", "/en/") reversed once, then the page's path appended; None where reverse() itself must
    judge the path (anything but plain words)."""
    if not PLAIN_PAGE_PATH.fullmatch(path_below_root):
        return None
    key = ("page prefix", get_urlconf(), get_script_prefix(), language_code)
    try:
        prefix = _reversed[key]
    except KeyError:
        with translation.override(language_code):
            prefix = _reversed[key] = reverse("wagtail_serve", args=("",))
    return prefix + path_below_root


def subpage_address(page, name):
    """page.reverse_subpage(name) of a route without arguments ("istorija/"): a page type's routes
    are its class's, so once per type and language."""
    key = ("subpage", type(page), name, translation.get_language())
    try:
        return _reversed[key]
    except KeyError:
        address = _reversed[key] = page.reverse_subpage(name)
        return address


def forget(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reversed.clear()


setting_changed.connect(forget)
