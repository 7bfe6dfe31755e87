"""The seed is the acceptance test: the rebuilt page carries every content line, in order."""

import pytest
from bs4 import BeautifulSoup

from .seed_text import SUBSCRIPTION_LINES, corrected_seed_lines, normalise, read_corrections, seed_lines

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"


def main_text(client, url=SECTION_URL):
    """The page's prose as a reader reads it: <main> without its figures. A <figure> is, by HTML's own
    definition, self-contained content referenced from the main flow that could be moved away from it
    without affecting it; the pictures (and their tables of the same figures) are figures."""
    response = client.get(url)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").find("main")
    for figure in main.find_all("figure"):
        figure.decompose()
    return normalise(main.get_text(" "))


def missing_in_order(lines, text):
    """The lines not found in `text` after the previous line, with the place where the search stopped."""
    missing, position = [], 0
    for line in lines:
        found = text.find(line, position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(line)
    return missing


@pytest.mark.django_db
def test_every_seed_line_is_on_the_page_in_order(client, seeded):
    text = main_text(client)
    lines = corrected_seed_lines()
    assert len(lines) == 27
    assert missing_in_order(lines, text) == []


@pytest.mark.django_db
def test_an_uncorrected_seed_slip_is_not_on_the_page(client, seeded):
    """The corrections are needed: the page does not repeat the slips."""
    text = main_text(client)
    for correction in read_corrections():
        assert correction["seed text"] not in text
        assert correction["our text"] in text


def test_corrections_are_few_and_each_applies_once():
    corrections = read_corrections()
    # Seven slips of the seed itself, five of house style (dash between the names, initials, "taip pat").
    assert 0 < len(corrections) <= 12
    assert all(row["reason"].strip() for row in corrections)
    corrected_seed_lines()  # raises if a correction matches the seed other than once


def test_seed_copy_has_the_subscription_footer_lines():
    assert {"Naujienlaiškio prenumerata", "Captcha"} <= SUBSCRIPTION_LINES
    assert seed_lines()[0] == "Politinis bendradarbiavimas"


@pytest.mark.django_db
def test_missing_line_is_detected(client, seeded):
    """The order check can fail: a line moved to the end is reported."""
    lines = corrected_seed_lines()
    moved = lines[2]
    reordered = lines[:2] + lines[3:] + [moved]
    assert missing_in_order(reordered, main_text(client)) == [moved]


@pytest.mark.django_db
def test_changing_a_figure_changes_the_sentence_and_its_plural(client, seeded):
    page = seeded
    body = page.body.raw_data
    for block in body:
        if block["type"] == "demarcation":
            block["value"]["marks_declared_total"] = 1951
            block["value"]["buoys_count"] = 72
    page.body = body
    page.save_revision().publish()
    text = main_text(client)
    assert "Iš viso įrengtas 1951 valstybės sienos ženklas, iš jų" in text
    assert "ženklina 72 plūdurai 32 kilometrų ilgio" in text
    assert "1955" not in text
