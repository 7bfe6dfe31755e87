"""The English seed section as a reader gets it: English sentences, and the sentences whose free text
is still Lithuanian written whole in Lithuanian, marked lang="lt" (no sentence mixes the two)."""

import pytest

from .helpers import EN_SECTION, LT_SECTION, main_text, soup_of

pytestmark = pytest.mark.django_db
SLIPS = [
    "the gynybos atašė of",
    "Lithuania Alytaus ir Marijampolės apskritys",
    "a buoy in lake Gilutės",
    "lakes Dubo",
    "was completed on 1999",
    "Republic of Lithuania - ",
    "Lithuania - Belarus",
    "Since Sept. 1, 2004 Lietuvos",
    "checkpoints, įrengus infrastruktūrą",
]


def english_part(soup):
    """<main> without its figures and without what is marked Lithuanian."""
    main = soup.find("main")
    for element in main.find_all(["figure"]) + main.find_all(lang="lt"):
        element.decompose()
    return " ".join(main.get_text(" ").split())


def test_no_slip_is_on_the_english_section(client, seeded):
    text = main_text(soup_of(client, EN_SECTION))
    for slip in SLIPS:
        assert slip not in text


def test_what_is_not_marked_lithuanian_is_english(client, seeded):
    text = english_part(soup_of(client, EN_SECTION))
    for lithuanian in ("Lietuvos", "ežer", "atašė", "sritis", "įrengus", "vizit", "Baltarusij"):
        assert lithuanian not in text
    for english in (
        "On Dec. 27, 1991 , Belarus recognised the independence of Lithuania de jure.",
        "The total length of the state border of Lithuania and Belarus is 678.819 km",
        "the final documents of the demarcation of the Republic of Lithuania–Republic of Belarus border were signed.",
        "At present two euroregions have been established",
    ):
        assert english in text


def test_the_lithuanian_parts_are_the_lithuanian_pages_sentences(client, seeded):
    """Each element marked lang="lt" on the English page is a sentence of the Lithuanian page, whole."""
    english = soup_of(client, EN_SECTION)
    lithuanian_text = main_text(soup_of(client, LT_SECTION))
    parts = [" ".join(element.get_text(" ").split()) for element in english.find("main").find_all(lang="lt")]
    assert len(parts) >= 10
    for part in parts:
        assert part in lithuanian_text


def test_the_lithuanian_page_marks_no_language_of_its_own(client, seeded):
    main = soup_of(client, LT_SECTION).find("main")
    assert main.find_all(lang="lt") == []
