"""The seed document imports to the seed's facts, and the imported page, published, is the seed page."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from bilateral.facts.grammar import spaced_initials
from bilateral.imports.importing import import_page
from bilateral.pages.models import SectionPage

from ..pages.seed_text import SUBSCRIPTION_LINES, corrected_seed_lines, read_corrections
from ..pages.test_seed_fidelity import main_text, missing_in_order
from .facts import stored

SEED_DOCUMENT = Path(__file__).resolve().parent.parent / "fixtures" / "seed-politinis-bendradarbiavimas.txt"


def seed_facts():
    data = yaml.safe_load((settings.BASE_DIR / "data" / "seed" / "belarus.yaml").read_text(encoding="utf-8"))
    return stored(data["sections"][0]["body"])


def corrected_document():
    """The seed document with the corrections of seed-corrections.tsv, bullets and all."""
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    for correction in read_corrections():
        assert text.count(correction["seed text"]) == 1, correction
        text = text.replace(correction["seed text"], correction["our text"])
    return text


def with_spaced_initials(body):
    """Names as the page writes them: the corrections' "an initial is followed by a space" is how a
    name is written out (grammar.spaced_initials), not what is stored."""
    for block in body:
        for item in block["value"].get("items", []) if isinstance(block["value"], dict) else []:
            if "name" in item["value"]:
                item["value"]["name"] = spaced_initials(item["value"]["name"])
    return body


@pytest.mark.django_db
def test_corrected_seed_document_imports_to_the_seed_facts(seeded):
    result = import_page(corrected_document().encode(), "BY")
    assert with_spaced_initials(stored(result.page.body.raw_data)[:-1]) == with_spaced_initials(seed_facts())
    # The subscription form's two lines are no facts: kept as text for the editor, and reported so.
    assert [line.text for line in result.unstructured] == sorted(SUBSCRIPTION_LINES, reverse=True)
    assert result.page.body.raw_data[-1]["type"] == "prose"


@pytest.mark.django_db
def test_seed_document_as_it_is_differs_only_where_the_corrections_say(seeded):
    """The uncorrected page reads into the same facts, its slips read as the house style writes them,
    except the euroregions' member lists: two of the corrections are there, and they change what the
    sentence says (a group without its country, a member joined with a comma)."""
    imported = stored(import_page(SEED_DOCUMENT.read_bytes(), "BY").page.body.raw_data)[:-1]
    expected = seed_facts()
    assert [block["type"] for block in imported] == [block["type"] for block in expected]
    differing = [block["type"] for block, seed in zip(imported, expected, strict=True) if block != seed]
    assert differing == ["euroregions"]
    in_euroregions = [
        row for row in read_corrections() if "Kaliningrado" in row["seed text"] or "dūma" in row["seed text"]
    ]
    assert len(in_euroregions) == 2


@pytest.mark.django_db
def test_seed_document_report_and_checks(seeded):
    result = import_page(SEED_DOCUMENT.read_bytes(), "BY")
    assert result.page.title == "Politinis bendradarbiavimas"
    assert not result.page.live
    assert result.page.get_parent().specific.country.iso_code == "BY"
    texts = [line.text for line in result.report]
    assert "1992 gruodžio 30 d. užmegzti diplomatiniai santykiai." in texts
    assert {line.text for line in result.unstructured} == SUBSCRIPTION_LINES
    # The seed's 1955 marks against 1798 by type: warned, never corrected.
    rules = [warning.rule for warning in result.warnings]
    assert rules == ["demarcation.marks_total"]
    demarcation = next(block for block in result.page.body.raw_data if block["type"] == "demarcation")
    assert demarcation["value"]["marks_declared_total"] == 1955


@pytest.mark.django_db
def test_imported_page_published_reproduces_the_seed_in_order(client, seeded):
    page = import_page(corrected_document().encode(), "BY").page
    SectionPage.objects.get(pk=page.pk).get_latest_revision().publish()
    page = SectionPage.objects.get(pk=page.pk)
    assert page.url != seeded.url
    text = main_text(client, page.url)
    lines = corrected_seed_lines()
    assert len(lines) == 27
    assert missing_in_order(lines, text) == []
