"""The language of each free-text value on a translated page (docs/adr/0015): a value not translated yet
is the source's text, in Lithuanian, and its sentence is written whole in Lithuanian and marked; a
translated value is in the page's language. Every block type with free text is tested here."""

import copy

import pytest
from bs4 import BeautifulSoup

from bilateral.facts.blocks.languages import TextOrigins

from .demarcation_values import NOMINATIVES, with_nominatives
from .helpers import lithuanian_parts, render_block
from .test_activities import SEED as ACTIVITIES
from .test_euroregions import countries  # noqa: F401 (the fixture: partner countries of the euroregions)
from .test_languages import CASES, SOURCE, english_text

TRANSLATED_NATO = "Since 1 September 2004 the embassy has been NATO's contact point embassy."


def strings_of(value):
    """Every text in a block's raw value (kinds and codes too: they are never free text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_of(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_of(item)]
    return []


@pytest.mark.parametrize("block_type", list(CASES))
def test_untranslated_values_of_a_translated_page_are_lithuanian_whole(english, countries, block_type):
    """A translated page whose free text nobody translated reads as a copy did: every sentence with
    free text whole in Lithuanian, marked, the same HTML."""
    value, _expected = CASES[block_type]
    value = dict(value, heading="Antraštė", sources=[SOURCE])
    origins = TextOrigins(strings_of(value))
    translated_page = render_block(block_type, value, countries, free_text_language="en", free_text_origins=origins)
    copy_page = render_block(block_type, value, countries)
    assert str(translated_page) == str(copy_page)
    assert lithuanian_parts(translated_page)


@pytest.mark.parametrize("block_type", list(CASES))
def test_translated_values_are_in_the_pages_language(english, countries, block_type):
    value, _expected = CASES[block_type]
    if block_type == "demarcation":
        # Lakes are named, not translated: with their nominatives, only those names are marked.
        value = with_nominatives(**{key: value[key] for key in ("marking_note", "funding_note", "final_documents_note")})
    origins = TextOrigins(["a Lithuanian text not on this page"])
    html = str(render_block(block_type, value, countries, free_text_language="en", free_text_origins=origins))
    assert set(lithuanian_parts(html)) <= set(NOMINATIVES)
    assert not [element for element in BeautifulSoup(html, "html.parser").find_all(lang=True) if element["lang"] != "lt"]


def test_each_value_in_its_own_language(english, countries):
    value = copy.deepcopy(ACTIVITIES)
    nato = value["items"][2]["value"]
    source_text = nato["text"]
    nato["text"] = TRANSLATED_NATO
    untranslated = [text for text in strings_of(value) if text != TRANSLATED_NATO]
    origins = TextOrigins(untranslated, {TRANSLATED_NATO: source_text})

    html = str(render_block("activities", value, countries, free_text_language="en", free_text_origins=origins))
    assert TRANSLATED_NATO in english_text(html)  # the translated activity: English, unmarked
    parts = lithuanian_parts(html)
    assert any("Keičiamasi informacija su NATO pareigūnais" in part for part in parts)  # the others: Lithuanian
    assert not any("contact point" in part for part in parts)


def test_a_sentence_with_a_translated_and_an_untranslated_value_is_lithuanian_with_the_source_texts(english, countries):
    value = copy.deepcopy(ACTIVITIES)
    value["items"] = value["items"][:1]
    value["items"][0]["value"]["position"] = "defence attaché"  # translated; the rank "plk.lt." is not
    origins = TextOrigins(["plk.lt."], {"defence attaché": "gynybos atašė"})

    html = str(render_block("activities", value, countries, free_text_language="en", free_text_origins=origins))
    assert lithuanian_parts(html) == [
        "2004 m. akredituotas Lietuvos Respublikos gynybos atašė Baltarusijoje plk.lt. A. Danėnas."
    ]
    assert "defence attaché" not in html


def test_prose_untranslated_is_marked_translated_is_not(english, countries):
    lithuanian = "<p>Santykiai su Baltarusija yra sudėtingi ir ilgi.</p>"
    origins = TextOrigins(["Santykiai su Baltarusija yra sudėtingi ir ilgi."])
    untranslated = str(render_block("prose", lithuanian, countries, free_text_language="en", free_text_origins=origins))
    assert untranslated.strip().startswith('<div class="prose" lang="lt">')
    translated = str(
        render_block(
            "prose", "<p>Relations with Belarus.</p>", countries, free_text_language="en", free_text_origins=origins
        )
    )
    assert translated.strip().startswith('<div class="prose">')
