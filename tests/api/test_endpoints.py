"""The JSON resources: countries, pages and facts, their filters, pagination and 4xx answers."""

import pytest

from bilateral.api.params import MAX_LIMIT
from bilateral.api.serializers import FACT_TYPES

from .conftest import SITE_URL

pytestmark = pytest.mark.django_db

SECTION_PATH = "/salys/baltarusija/politinis-bendradarbiavimas/"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_countries(client, seeded):
    data = get_json(client, "/api/countries")
    by_code = {item["iso_code"]: item for item in data["items"]}
    assert by_code["BY"]["name"] == "Baltarusija" and by_code["BY"]["name_en"] == "Belarus"
    assert by_code["BY"]["url"] == f"{SITE_URL}/salys/baltarusija/"
    assert data["count"] == len(by_code) >= 2
    english = get_json(client, "/api/countries?language=en")
    assert {item["iso_code"]: item for item in english["items"]}["BY"]["url"] == f"{SITE_URL}/en/countries/belarus/"


def test_pages(client, seeded):
    data = get_json(client, "/api/pages")
    assert data["count"] == 1
    page = data["items"][0]
    assert page == {
        "id": seeded.pk,
        "country": "BY",
        "language": "lt",
        "title": "Politinis bendradarbiavimas",
        "url": SITE_URL + SECTION_PATH,
        "first_published_at": "2014-05-09T09:00:00+03:00",
        "last_major_change_at": "2020-03-30T14:11:00+03:00",
    }


def test_pages_in_english(client, seeded):
    (page,) = get_json(client, "/api/pages?language=en")["items"]
    assert page["language"] == "en" and page["title"] == "Political cooperation"
    assert page["url"].startswith(f"{SITE_URL}/en/")


def test_every_fact_type_of_the_seed(client, seeded):
    data = get_json(client, "/api/facts")
    assert [item["type"] for item in data["items"]] == [
        block.block_type for block in seeded.body if block.block_type in FACT_TYPES
    ]
    assert set(FACT_TYPES) == {"timeline", "border_crossings", "demarcation", "euroregions", "activities"}
    assert "prose" not in FACT_TYPES


def test_a_fact_carries_figures_sources_page_and_last_change(client, seeded):
    (fact,) = get_json(client, "/api/facts?type=border_crossings")["items"]
    assert fact["country"] == "BY" and fact["language"] == "lt"
    assert fact["heading"] == "Sienos perėjimo punktai"
    assert fact["figures"]["points"][0] == {"kind": "rail", "regime": "international", "count": 2}
    assert fact["figures"]["international_total"] == 6
    assert fact["figures"]["planned"][0]["condition"] == "įrengus infrastruktūrą"
    assert "heading" not in fact["figures"] and "sources" not in fact["figures"]
    assert len(fact["sources"]) == 6  # where the crossing points' names and coordinates come from
    assert fact["sources"][0]["title"].startswith("Vidaus reikalų ministerija")
    assert fact["page"] == {"id": seeded.pk, "title": seeded.title, "url": SITE_URL + SECTION_PATH}
    assert fact["last_change"] == "2020-03-30T14:11:00+03:00"
    block_id = next(block.id for block in seeded.body if block.block_type == "border_crossings")
    assert fact["id"] == block_id
    assert fact["csv_url"] == f"{SITE_URL}/api/facts.csv?fact={block_id}&language=lt"


def test_dates_are_iso_with_their_precision(client, seeded):
    (timeline,) = get_json(client, "/api/facts?type=timeline")["items"]
    dates = [item.get("date") or item.get("period") for item in timeline["figures"]["items"]]
    assert {"iso": "1991-12-27", "precision": "day"} in dates
    assert {"iso": "1993/1994", "precision": "year_range"} in dates
    (demarcation,) = get_json(client, "/api/facts?type=demarcation")["items"]
    assert demarcation["figures"]["treaty_signed"] == {"iso": "1995-02-06", "precision": "day"}
    assert demarcation["figures"]["total_length_km"] == 678.819
    assert demarcation["figures"]["land_length_km"] == 380


def test_sources_are_listed_with_iso_dates(client, seeded):
    body = list(seeded.body.raw_data)
    block = next(block for block in body if block["type"] == "euroregions")
    block["value"]["sources"] = [
        {"type": "item", "id": "0d9f6c1e-1111-4c3e-9a55-2d2b8d5f0a01", "value": {"title": "Sutartis", "url": "https://example.org/s", "date": "2019-05-04"}}
    ]
    seeded.body = body
    seeded.save_revision().publish()
    (fact,) = get_json(client, "/api/facts?type=euroregions")["items"]
    assert fact["sources"] == [{"title": "Sutartis", "url": "https://example.org/s", "date": "2019-05-04"}]


def test_filters_by_country_and_type(client, seeded):
    assert get_json(client, "/api/facts?country=BY&type=euroregions")["count"] == 1
    assert get_json(client, "/api/facts?country=by")["count"] == 5
    assert get_json(client, "/api/facts?country=LV")["count"] == 0
    assert get_json(client, "/api/pages?country=LV")["count"] == 0


def test_filter_by_fact_id(client, seeded):
    block_id = next(block.id for block in seeded.body if block.block_type == "demarcation")
    (fact,) = get_json(client, f"/api/facts?fact={block_id}")["items"]
    assert fact["type"] == "demarcation"
    assert get_json(client, "/api/facts?fact=nothing")["count"] == 0


def test_pagination(client, seeded):
    everything = get_json(client, "/api/facts")["items"]
    first = get_json(client, "/api/facts?limit=2")
    second = get_json(client, "/api/facts?limit=2&offset=2")
    assert first["count"] == second["count"] == len(everything) == 5
    assert (first["limit"], first["offset"], second["offset"]) == (2, 0, 2)
    assert first["items"] + second["items"] == everything[:4]
    assert get_json(client, "/api/facts?offset=5")["items"] == []
    assert get_json(client, f"/api/facts?limit={MAX_LIMIT}")["limit"] == MAX_LIMIT


BAD_QUERIES = [
    f"limit={MAX_LIMIT + 1}",
    "limit=0",
    "limit=ten",
    "offset=-1",
    "type=prose",
    "type=nonsense",
    "country=XX",
    "country=BYE",
    "country=",
    "language=de",
    "as_of=2019-02-30",
    "as_of=2019",
    "as_of=",
    "fact=" + "x" * 65,
]


def test_bad_parameters_are_400_with_a_json_error(client, seeded):
    # One test for all of them: the seed is loaded once.
    for query in BAD_QUERIES:
        for resource in ("facts", "facts.csv", "pages"):
            if resource != "facts" and query.split("=")[0] in ("fact", "type", "limit", "offset"):
                continue
            assert get_json(client, f"/api/{resource}?{query}", status=400)["detail"], query


def test_errors_are_in_lithuanian(client, seeded):
    assert get_json(client, "/api/facts?country=XX", status=400) == {"detail": "Šalies su kodu XX nėra."}
    assert get_json(client, "/api/pages?as_of=2019-02-30", status=400) == {
        "detail": "as_of turi būti kalendorinė diena, parašyta MMMM-MM-DD, pavyzdžiui, 2019-01-01."
    }
