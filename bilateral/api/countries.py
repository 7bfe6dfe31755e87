"""GET /api/countries: the countries the portal knows, with the address of their section."""

from ninja import Router

from bilateral.facts.models import Country
from bilateral.pages.addresses import absolute
from bilateral.pages.models import CountryPage

from .params import Language, language_param, limit_param, offset_param, page_of
from .schemas import CountryList, Error

router = Router(tags=["countries"])


@router.get("/countries", response={200: CountryList, 400: Error}, operation_id="countries", summary="Countries")
def countries(
    request, language: Language = language_param(), limit: int = limit_param(), offset: int = offset_param()
):
    """Every country, by ISO code; `url` is its country page in that language, or null when it has none."""
    country_pages = CountryPage.objects.live().public().filter(locale__language_code=language)
    pages = {page.country_id: page for page in country_pages}
    items = [
        {
            "iso_code": country.iso_code,
            "name": country.name,
            "name_en": country.name_en,
            "url": address(request, pages.get(country.pk)),
        }
        for country in Country.objects.order_by("iso_code")
    ]
    return page_of(items, limit, offset)


def address(request, page):
    """Its absolute address, from SITE_URL: never the request's Host, which an answer kept by the proxy
    would carry to readers of another host name."""
    return absolute(page.get_url(request=request)) if page else None
