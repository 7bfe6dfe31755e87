"""Site-wide public URLs of the pages app that are not pages themselves: feeds, sitemap, robots.txt.

Feeds: "<page address>atnaujinimai.atom" for a section or country page, /atnaujinimai.atom for the
whole portal, each under /en/ for English pages (see feeds.py).
"""

from django.urls import path, re_path
from wagtail.contrib.sitemaps.views import sitemap

from .feeds import MajorChangesFeed
from .robots import robots_txt
from .sitemap import PortalSitemap

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w-]+/)*)atnaujinimai\.atom$", MajorChangesFeed(), name="major_changes_feed"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PortalSitemap}, "template_name": "pages/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]
