"""What a reader can follow from the page the form is on: this page, its country, the whole portal."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import COUNTRY, PAGE, SITE


@dataclass
class Target:
    """The page the form was shown on and the scopes that make sense there."""

    form_page_id: int | None = None
    page: object = None  # a SectionPage
    country_page: object = None  # a CountryPage

    @property
    def scopes(self):
        scopes = []
        if self.page is not None:
            scopes.append(PAGE)
        if self.country_page is not None:
            scopes.append(COUNTRY)
        return scopes + [SITE]

    @property
    def default_scope(self):
        return self.scopes[0]

    def scope_choices(self):
        labels = {
            PAGE: lambda: _("This page (%(title)s)") % {"title": self.page.title},
            COUNTRY: lambda: _("This country (%(title)s)") % {"title": self.country_page.title},
            SITE: lambda: pgettext("what to follow", "The whole portal"),
        }
        return [(scope, labels[scope]()) for scope in self.scopes]

    def subscription_fields(self, scope):
        """The Subscription columns for a scope chosen on this page."""
        return {
            "scope": scope,
            "page": self.page if scope == PAGE else None,
            "country_page": self.country_page if scope == COUNTRY else None,
        }


def target_for(page):
    """The Target of a Wagtail page (any type, or None for pages that are not in the tree)."""
    from bilateral.pages.models import CountryPage, SectionPage

    page = getattr(page, "specific", page)
    if isinstance(page, SectionPage):
        return Target(form_page_id=page.pk, page=page, country_page=page.country_page)
    if isinstance(page, CountryPage):
        return Target(form_page_id=page.pk, country_page=page)
    return Target(form_page_id=getattr(page, "pk", None))


def target_from_id(page_id):
    """The Target of a live, public page id sent back by the form; a bad id gives the portal only."""
    from wagtail.models import Page

    try:
        page_id = int(str(page_id)[:12])
    except (TypeError, ValueError):
        return Target()
    if not 0 < page_id < 2**31:  # beyond any id, and beyond what an integer column takes
        return Target()
    page = Page.objects.live().public().filter(pk=page_id).first()
    return target_for(page) if page else Target()


def describe(subscription):
    """What a subscription follows, in words, for emails and the manage page."""
    if subscription.scope == PAGE and subscription.page_id:
        page = subscription.page
        country_page = page.country_page
        if country_page:
            return _("Page: %(title)s (%(country)s)") % {"title": page.title, "country": country_page.title}
        return _("Page: %(title)s") % {"title": page.title}
    if subscription.scope == COUNTRY and subscription.country_page_id:
        return _("Country: %(title)s") % {"title": subscription.country_page.title}
    return pgettext("what a subscription follows", "The whole portal")
