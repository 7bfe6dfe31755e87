"""GET /api/pages: the section pages, with their country, address and stamp."""

from typing import Optional

from ninja import Router

from .content import local, section_versions
from .params import (
    Language,
    as_of_param,
    country_or_none,
    country_param,
    day_or_none,
    language_param,
    limit_param,
    offset_param,
    page_of,
)
from .schemas import Error, PageList

router = Router(tags=["pages"])


@router.get("/pages", response={200: PageList, 400: Error}, operation_id="pages", summary="Section pages")
def pages(
    request,
    country: Optional[str] = country_param(),
    language: Language = language_param(),
    as_of: Optional[str] = as_of_param(),
    limit: int = limit_param(),
    offset: int = offset_param(),
):
    """Public section pages; with `as_of`, as published at the end of that day (later pages left out)."""
    day = day_or_none(as_of)
    items = [
        {
            "id": version.page.pk,
            "country": version.country.iso_code,
            "language": language,
            "title": version.shown.title,
            "url": version.url(request, day),
            "first_published_at": local(version.page.first_published_at),
            "last_major_change_at": version.last_change,
        }
        for version in section_versions(language, country_or_none(country), day)
    ]
    return page_of(items, limit, offset)
