"""/sitemap.xml: every live public page in every language, with its last change and its translations."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .addresses import absolute, hreflang_alternates, page_path, site_homes, translations


def last_change(page):
    """A section page changes for readers when a major change goes live; other pages when published."""
    return getattr(page, "last_major_change_at", None) or page.last_published_at or page.first_published_at


class PortalSitemap(Sitemap):
    """Wagtail's sitemap over the home page of every language, with hreflang alternates."""

    def items(self):
        homes = site_homes(self.request)
        if not homes:
            return Page.objects.none()
        in_a_home = Q()
        for home in homes:
            in_a_home |= Q(path__startswith=home.path)
        return Page.objects.live().public().filter(in_a_home).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls, last_mods = [], []
        for item in self.paginator.page(page).object_list:
            path = page_path(item)
            if path is None:
                continue
            versions = [(code, absolute(page_path(version))) for code, version in translations(item)]
            lastmod = last_change(item)
            urls.append(
                {
                    "item": item,
                    "location": absolute(path),
                    "lastmod": lastmod,
                    # Alternates only where the page has another language version.
                    "alternates": hreflang_alternates(versions) if len(versions) > 1 else [],
                }
            )
            last_mods.append(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
