"""The shapes of the API's JSON, as the OpenAPI schema documents them."""

from datetime import datetime
from typing import Any, Optional

from ninja import Schema


class Error(Schema):
    """A 4xx answer: what was wrong with the request."""

    detail: Any


class PageRef(Schema):
    id: int
    title: str
    url: str


class Country(Schema):
    iso_code: str
    name: str
    name_en: str
    url: Optional[str]


class Page(Schema):
    id: int
    country: str
    language: str
    title: str
    url: str
    first_published_at: Optional[datetime]
    last_major_change_at: Optional[datetime]


class Source(Schema):
    title: Optional[str]
    url: Optional[str]
    date: Optional[str]


class Fact(Schema):
    """One fact block: its figures as structured data (dates as {"iso", "precision"})."""

    id: str
    type: str
    heading: Optional[str]
    country: str
    language: str
    figures: dict[str, Any]
    sources: list[Source]
    page: PageRef
    last_change: Optional[datetime]
    csv_url: str


class Listing(Schema):
    count: int
    limit: int
    offset: int


class CountryList(Listing):
    items: list[Country]


class PageList(Listing):
    items: list[Page]


class FactList(Listing):
    items: list[Fact]
