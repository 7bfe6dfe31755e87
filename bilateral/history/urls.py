"""The Atom feeds of major changes: "<page address>atnaujinimai.atom" for a section or country page,
/atnaujinimai.atom for the whole portal, each under /en/ for English pages (see feeds.py)."""

from django.urls import re_path

from .feeds import MajorChangesFeed

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w-]+/)*)atnaujinimai\.atom$", MajorChangesFeed(), name="major_changes_feed"),
]
