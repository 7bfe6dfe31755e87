"""CSV cells a spreadsheet would run as formulas are neutralised; numbers stay numbers."""

import csv
import io

import pytest

from bilateral.api.spreadsheet import neutralised

pytestmark = pytest.mark.django_db

FORMULA = 'HYPERLINK("http://evil.example","x")'


def rows_of(response):
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))


def with_demarcation_heading(page, heading):
    body = list(page.body.raw_data)
    block = next(block for block in body if block["type"] == "demarcation")
    block["value"]["heading"] = heading
    page.body = body
    page.save_revision().publish()
    return block["id"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_heading_that_starts_a_formula_is_written_as_text(client, seeded, start):
    heading = start + FORMULA
    block_id = with_demarcation_heading(seeded, heading)
    for address in ("/api/facts.csv?type=demarcation", f"/api/facts.csv?fact={block_id}&language=lt"):
        values = {row["field"]: row["value"] for row in rows_of(client.get(address))}
        assert values["heading"] == "'" + heading


def test_a_page_title_that_starts_a_formula_is_written_as_text(client, seeded):
    seeded.title = "=1+1"
    seeded.save_revision().publish()
    rows = rows_of(client.get("/api/facts.csv?type=demarcation"))
    assert {row["page_title"] for row in rows} == {"'=1+1"}


def test_numbers_in_the_csv_stay_numbers(client, seeded):
    values = {row["field"]: row["value"] for row in rows_of(client.get("/api/facts.csv?type=demarcation"))}
    assert values["figures.total_length_km"] == "678.819"


@pytest.mark.parametrize("number", ["-12", "+3", "-0.5", "-678.819", "1e5", "-2E-3", "-,5"])
def test_plain_numbers_including_negative_ones_are_left_as_they_are(number):
    assert neutralised(number) == number


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("-1+1", "'-1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Sienos ženklai", "Sienos ženklai"),
        ("a=b", "a=b"),
        (None, ""),
        (678.819, "678.819"),
    ],
)
def test_neutralised(cell, expected):
    assert neutralised(cell) == expected
