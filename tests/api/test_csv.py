"""CSV of the facts: RFC 4180 (CRLF, quoted fields, UTF-8, a header row), from the API and the page."""

import csv
import io
import re
from html import unescape

import pytest

from bilateral.api.facts import CSV_HEADER
from bilateral.api.serializers import FACT_TYPES

from .conftest import SITE_URL

pytestmark = pytest.mark.django_db


def rows_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    text = response.content.decode("utf-8")
    return text, list(csv.DictReader(io.StringIO(text, newline="")))


def test_rfc_4180(client, seeded):
    response = client.get("/api/facts.csv?type=border_crossings&country=BY")
    text, rows = rows_of(response)
    assert response["Content-Disposition"] == 'attachment; filename="facts-border_crossings-BY-lt.csv"'
    lines = text.split("\r\n")
    assert lines[0] == ",".join(f'"{name}"' for name in CSV_HEADER)
    assert lines[-1] == "" and all("\n" not in line for line in lines)  # CRLF after every record, no bare LF
    assert all(re.fullmatch(r'"[^"]*"(,"[^"]*")*', line) for line in lines[:-1])  # every field quoted
    assert {row["fact_type"] for row in rows} == {"border_crossings"}
    values = {row["field"]: row["value"] for row in rows}
    assert values["figures.points.0.kind"] == "rail"
    assert values["figures.points.0.count"] == "2"
    assert values["figures.international_total"] == "6"
    assert values["figures.planned.0.condition"] == "įrengus infrastruktūrą"
    assert values["heading"] == "Sienos perėjimo punktai"
    assert {row["country"] for row in rows} == {"BY"}
    assert rows[0]["page_url"] == f"{SITE_URL}/salys/baltarusija/politinis-bendradarbiavimas/"


def test_every_fact_type_and_dates_with_precision(client, seeded):
    _text, rows = rows_of(client.get("/api/facts.csv"))
    assert {row["fact_type"] for row in rows} == set(FACT_TYPES)
    values = {(row["fact_type"], row["field"]): row["value"] for row in rows}
    assert values[("demarcation", "figures.treaty_signed.iso")] == "1995-02-06"
    assert values[("demarcation", "figures.treaty_signed.precision")] == "day"
    assert values[("demarcation", "figures.total_length_km")] == "678.819"


def test_a_field_with_quotes_commas_and_a_line_break_survives(client, seeded):
    note = 'Pirma eilutė, su kableliu\nir „kabutėmis“ bei "kabutėmis"'
    body = list(seeded.body.raw_data)
    next(block for block in body if block["type"] == "demarcation")["value"]["funding_note"] = note
    seeded.body = body
    seeded.save_revision().publish()
    _text, rows = rows_of(client.get("/api/facts.csv?type=demarcation"))
    assert {row["field"]: row["value"] for row in rows}["figures.funding_note"] == note


def test_the_page_links_each_fact_block_to_its_own_csv(client, seeded):
    """In the page's one "Duomenys" place (not under every block): one row per fact block."""
    html = client.get(seeded.url).content.decode()
    links = [unescape(href) for href in re.findall(r'<a href="([^"]+)" type="text/csv" download>', html)]
    fact_blocks = [block for block in seeded.body if block.block_type in FACT_TYPES]
    assert len(links) == len(fact_blocks) == 5
    assert html.count(">Duomenys</h2>") == 1
    assert "Atsisiųsti duomenis (CSV)" not in html
    for link, block in zip(links, fact_blocks):
        assert link == f"/api/facts.csv?fact={block.id}&language=lt"
        _text, rows = rows_of(client.get(link))
        assert rows and {(row["fact_id"], row["fact_type"]) for row in rows} == {(block.id, block.block_type)}


def test_the_english_page_links_to_english_data(client, seeded):
    from wagtail.models import Locale

    english = seeded.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english.url).content.decode()
    link = unescape(re.search(r'<a href="([^"]+)" type="text/csv" download>', html).group(1))
    assert link.endswith("&language=en")
    _text, rows = rows_of(client.get(link))
    assert rows[0]["page_url"].startswith(f"{SITE_URL}/en/")
