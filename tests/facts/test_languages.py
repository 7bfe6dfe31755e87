"""No sentence mixes languages: on an English page, a sentence that needs Lithuanian free text is
written whole in Lithuanian, in its own element marked lang="lt"; names kept in Lithuanian are marked
lang="lt" inside the English sentence. Every block type with free text is tested here."""

import pytest
from bs4 import BeautifulSoup

from .demarcation_values import NOMINATIVES, with_nominatives
from .helpers import lithuanian_parts, reading_text, render_block
from .test_activities import SEED as ACTIVITIES
from .test_crossings import SEED as CROSSINGS
from .test_demarcation import SEED as DEMARCATION
from .test_euroregions import SEED as EUROREGIONS
from .test_euroregions import countries  # noqa: F401 (the fixture: partner countries of the euroregions)
from .test_timeline import event

OTHER_EVENT = {"items": [event("other", date={"year": 1995, "month": 2}, description="pasirašyta sienos sutartis.")]}
SOURCE = {"title": "Vidaus reikalų ministerija: punktų pavadinimai", "url": "https://vrm.lrv.lt/"}


def english_text(html):
    """The text outside the elements marked lang="lt": what must be English throughout."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(lang="lt"):
        element.decompose()
    for figure in soup.find_all("figure"):
        figure.decompose()
    return " ".join(soup.get_text(" ").split())


LITHUANIAN_WORDS = ("ir ", "Lietuvos", "ežer", "atašė", "įrengus", "sritis", "apskritys", "Gilutės", "Dubo", "m. ")


def assert_english_only(html):
    text = english_text(html)
    for word in LITHUANIAN_WORDS:
        assert word not in text, (word, text)


CASES = {
    "timeline": (OTHER_EVENT, ["1995 m. vasario mėn. pasirašyta sienos sutartis."]),
    "border_crossings": (CROSSINGS, ["Ateityje numatyta 2 autokelių vietinio eismo režimo kontrolės punktams, "
                                     "įrengus infrastruktūrą, suteikti tarptautinių kontrolės punktų statusą, taip "
                                     "pat atidaryti tarptautinį 1 upių pasienio kontrolės punktą."]),
    "demarcation": (DEMARCATION, ["Lietuva jau anksčiau buvo užbaigusi fizinį valstybės sienos žymėjimą.",
                                  "Tai pirmoji baigta demarkuoti rytinė išorinė ES siena."]),
    "euroregions": (EUROREGIONS, []),
    "activities": (ACTIVITIES, ["2004 m. akredituotas Lietuvos Respublikos gynybos atašė Baltarusijoje plk.lt. "
                                "A. Danėnas."]),
}


@pytest.mark.parametrize("block_type", list(CASES))
def test_untranslated_free_text_is_lithuanian_whole_and_marked(english, countries, block_type):
    value, expected = CASES[block_type]
    html = str(render_block(block_type, value, countries))
    parts = lithuanian_parts(html)
    assert parts, "no element marked lang=lt"
    for sentence in expected:
        assert sentence in parts
    assert_english_only(html)


@pytest.mark.parametrize("block_type", list(CASES))
def test_a_lithuanian_page_marks_nothing(lithuanian, countries, block_type):
    value, _expected = CASES[block_type]
    assert 'lang="' not in str(render_block(block_type, value, countries))


@pytest.mark.parametrize("block_type", list(CASES))
def test_translated_free_text_is_written_in_english(english, countries, block_type):
    """Free text in the reader's language (a translation) leaves nothing to mark but the Lithuanian
    names of lakes, which are names, not free text (given here with their nominatives)."""
    value, _expected = CASES[block_type]
    if block_type == "demarcation":
        value = with_nominatives(**{key: value[key] for key in ("marking_note", "funding_note", "final_documents_note")})
    html = str(render_block(block_type, value, countries, free_text_language="en")).strip()
    assert set(lithuanian_parts(html)) <= set(NOMINATIVES)


@pytest.mark.parametrize(
    "slip", ["the gynybos atašė of", "Lithuania Alytaus ir Marijampolės apskritys", "a buoy in lake Gilutės",
             "lakes Dubo", "checkpoints, įrengus infrastruktūrą", "Taking part in the euroregion's activities: Lithuania"]
)
def test_the_slips_of_the_english_page_are_gone(english, countries, slip):
    text = " ".join(reading_text(block_type, value, countries) for block_type, (value, _) in CASES.items())
    assert slip not in text


def test_the_treaty_title_is_a_name_marked_inside_the_english_sentence(english, countries):
    value = dict(DEMARCATION, last_mark_kind="")
    html = str(render_block("demarcation", value, countries))
    assert '“<span lang="lt">Dėl Lietuvos ir Baltarusijos valstybių sienos</span>” signed on Feb. 6, 1995' in html
    assert "In implementation of the Lithuania–Belarus treaty" in english_text(html)


def test_the_lake_of_the_last_mark_makes_the_marking_sentence_lithuanian(english, countries):
    html = str(render_block("demarcation", DEMARCATION, countries))
    marking = [part for part in lithuanian_parts(html) if part.startswith("Įgyvendinant")]
    assert marking and marking[0].endswith("plūduras Gilutės ežere.")


def test_the_funding_note_is_marked(english, countries):
    html = str(render_block("demarcation", DEMARCATION, countries))
    assert DEMARCATION["funding_note"] in lithuanian_parts(html)


def test_an_editors_heading_is_marked(english, countries):
    html = str(render_block("activities", dict(ACTIVITIES, heading="Gynyba"), countries))
    assert '<h2 lang="lt">Gynyba</h2>' in html
    standard = str(render_block("activities", ACTIVITIES, countries))
    assert "<h2>Cooperation in the field of defence</h2>" in standard


def test_source_titles_are_marked(english, countries):
    html = str(render_block("timeline", dict(OTHER_EVENT, sources=[SOURCE]), countries))
    assert f'<a href="https://vrm.lrv.lt/" lang="lt">{SOURCE["title"]}</a>' in html


def test_prose_is_marked(english, countries):
    html = str(render_block("prose", "<p>Santykiai su Baltarusija.</p>", countries)).strip()
    assert html.startswith('<div class="prose" lang="lt">')
    with_translation = str(render_block("prose", "<p>Relations with Belarus.</p>", countries, free_text_language="en")).strip()
    assert with_translation.startswith('<div class="prose">')
