"""GET /api/facts and /api/facts.csv: the fact blocks of every section page, by type and country."""

import csv
import io
import re
from typing import Literal, Optional

from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from ninja import Query, Router

from bilateral.pages.addresses import absolute

from . import serializers
from .content import section_versions
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
from .schemas import Error, FactList
from .spreadsheet import SafeWriter

router = Router(tags=["facts"])

FactType = Literal[serializers.FACT_TYPES]
CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
CSV_HEADER = ["country", "page_title", "page_url", "last_change", "fact_id", "fact_type", "field", "value"]
CSV_RESPONSE = {
    "responses": {
        "200": {
            "description": "RFC 4180 CSV, UTF-8, header row; a row per field of each fact (field: a dotted path).",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    }
}


def type_param():
    return Query(None, description="Kind of fact: " + ", ".join(serializers.FACT_TYPES) + ".")


def fact_param():
    return Query(None, max_length=64, description="A single fact, by its id.")


def facts_of(request, language, country=None, day=None, fact_type=None, fact_id=None):
    """The facts as the API shows them, in country, page and body order."""
    csv_address = absolute(reverse("api:facts_csv"))
    for version in section_versions(language, country, day):
        for child in version.shown.body:
            if child.block_type not in serializers.FACT_TYPES or fact_type not in (None, child.block_type):
                continue
            if fact_id not in (None, child.id):
                continue
            query = {"fact": child.id, "language": language, **({"as_of": day.isoformat()} if day else {})}
            yield {
                "id": child.id,
                "type": child.block_type,
                "heading": serializers.heading(child.block, child.value, language),
                "country": version.country.iso_code,
                "language": language,
                "figures": serializers.figures(child.value),
                "sources": serializers.sources(child.value),
                "page": {"id": version.page.pk, "title": version.shown.title, "url": version.url(request, day)},
                "last_change": version.last_change,
                "csv_url": f"{csv_address}?{urlencode(query)}",
            }


@router.get("/facts", response={200: FactList, 400: Error}, operation_id="facts", summary="Facts")
def facts(
    request,
    type: Optional[FactType] = type_param(),
    country: Optional[str] = country_param(),
    language: Language = language_param(),
    fact: Optional[str] = fact_param(),
    as_of: Optional[str] = as_of_param(),
    limit: int = limit_param(),
    offset: int = offset_param(),
):
    """Fact blocks across countries: figures as structured data, sources, page and last change."""
    items = list(facts_of(request, language, country_or_none(country), day_or_none(as_of), type, fact))
    return page_of(items, limit, offset)


@router.get(
    "/facts.csv",
    response={400: Error},
    url_name="facts_csv",
    operation_id="facts_csv",
    summary="Facts as CSV",
    openapi_extra=CSV_RESPONSE,
)
def facts_csv(
    request,
    type: Optional[FactType] = type_param(),
    country: Optional[str] = country_param(),
    language: Language = language_param(),
    fact: Optional[str] = fact_param(),
    as_of: Optional[str] = as_of_param(),
):
    """The same facts as a table: one row per field (dotted path) of each fact, all of them."""
    day, country_obj = day_or_none(as_of), country_or_none(country)
    buffer = io.StringIO()
    writer = SafeWriter(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for item in facts_of(request, language, country_obj, day, type, fact):
        fields = {"heading": item["heading"], "figures": item["figures"], "sources": item["sources"]}
        last_change = item["last_change"].isoformat() if item["last_change"] else ""
        for field, value in serializers.flatten(fields):
            page = item["page"]
            writer.writerow(
                [item["country"], page["title"], page["url"], last_change, item["id"], item["type"], field, value]
            )
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type=CSV_CONTENT_TYPE)
    filename = csv_filename(type, country, language, fact, as_of)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_filename(*parts):
    # Letters, digits, _ and - only: a fact id comes from the query string and ends up in a header.
    safe = (re.sub(r"[^A-Za-z0-9_-]", "", str(part))[:16] for part in parts if part)
    return "-".join(["facts", *(part for part in safe if part)]) + ".csv"
