"""The public section pages the API reads, today or as they were published on a past day."""

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from django.utils import timezone

from bilateral.facts.models import Country
from bilateral.history.history import published_revision_on, updated_on
from bilateral.pages.addresses import absolute
from bilateral.pages.models import CountryPage, SectionPage


@dataclass
class SectionVersion:
    """A section page (for its id and address) with the version of it the answer shows."""

    page: SectionPage
    shown: SectionPage
    country: Country
    last_change: Optional[datetime]

    def url(self, request, day=None):
        address = absolute(self.page.get_url(request=request))
        return f"{address}?as_of={day.isoformat()}" if day else address


def local(moment):
    return timezone.localtime(moment) if moment else None


def section_versions(language, country=None, day=None):
    """Public section pages of a language in country and tree order; with `day`, as published that day."""
    country_pages = (
        CountryPage.objects.public()
        .filter(locale__language_code=language)
        .select_related("country")
        .order_by("country__iso_code", "path")
    )
    if country is not None:
        country_pages = country_pages.filter(country=country)
    if day is None:
        country_pages = country_pages.live()
    # A page not yet published on that day, or unpublished then, is left out.
    for country_page in country_pages:
        sections = SectionPage.objects.child_of(country_page).public().order_by("path")
        for page in sections.live() if day is None else sections:
            if day is None:
                yield SectionVersion(page, page, country_page.country, local(page.last_major_change_at))
                continue
            revision = published_revision_on(page, day)
            if revision is not None:
                shown, stamp = revision.as_object(), local(updated_on(page, day))
                yield SectionVersion(page, shown, country_page.country, stamp)
