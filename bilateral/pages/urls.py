"""Site-wide public URLs of the pages app that are not pages themselves: sitemap, robots.txt (the
feeds are the history app's)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .robots import robots_txt
from .sitemap import PortalSitemap

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PortalSitemap}, "template_name": "pages/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]
