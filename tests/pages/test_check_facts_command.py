"""The check_facts command: the warnings of every page, live and draft, as text or JSON; --strict."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bilateral.facts.checks import check_body

from tests.facts.check_helpers import SEED_MARKS, TODAY


# --- The check_facts command --------------------------------------------------------------------


def commands_output(*args):
    out = io.StringIO()
    call_command("check_facts", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def fix_marks(page):
    for block in page.body:
        if block.block_type == "demarcation":
            block.value["marks_declared_total"] = 1798
    return page


def fix_marks_in_every_language(page):
    """The seed's English translation carries the same facts, so the same slip."""
    for version in [page, *(translation.specific for translation in page.get_translations())]:
        fix_marks(version).save_revision().publish()


def rows_of(page, *args):
    return [row for row in json.loads(commands_output(*args)) if row["page_id"] == page.pk]


def test_check_facts_on_the_seed_reports_exactly_the_marks(seeded):
    english = seeded.get_translations().get(locale__language_code="en")
    assert [row["rule"] for row in rows_of(english, "--format", "json")] == ["demarcation.marks_total"]
    rows = rows_of(seeded, "--format", "json")
    assert [(row["rule"], row["figures"], row["state"]) for row in rows] == [
        ("demarcation.marks_total", SEED_MARKS, "published")
    ]
    [row] = rows
    assert set(row) == {
        "page_id", "page_title", "page_path", "state", "block_index", "block_type", "block_label",
        "rule", "message", "figures", "field",
    }
    assert row["page_id"] == seeded.pk
    assert row["page_title"] == seeded.title
    assert row["page_path"] == seeded.url_path
    assert row["block_index"] == 2 and row["block_type"] == "demarcation"
    assert row["field"] == "marks_declared_total"


def test_check_facts_as_text(seeded):
    output = commands_output()
    assert SEED_MARKS in output
    assert "demarcation.marks_total" in output
    assert seeded.url_path in output and seeded.title in output
    assert "published" in output
    assert "678" not in output  # the rounded length is no warning


def test_strict_fails_on_the_seed(seeded):
    with pytest.raises(CommandError) as raised:
        commands_output("--strict")
    assert raised.value.returncode == 1


def test_strict_passes_when_the_data_is_fixed(seeded):
    fix_marks_in_every_language(seeded)
    output = commands_output("--strict", "--format", "json")
    assert json.loads(output) == []
    assert commands_output("--strict").strip()  # still says how many it found


def test_a_draft_only_change_is_reported_as_draft(seeded):
    fix_marks_in_every_language(seeded)
    page = type(seeded).objects.get(pk=seeded.pk)
    for block in page.body:
        if block.block_type == "border_crossings":
            block.value["international_total"] = 7
    page.save_revision()
    rows = json.loads(commands_output("--format", "json"))
    assert [(row["state"], row["rule"], row["figures"]) for row in rows] == [
        ("draft", "crossings.international_total", "Tarptautiniai punktai pagal rūšį: 2 + 4 = 6, nurodyta iš viso 7")
    ]
    live = type(seeded).objects.get(pk=seeded.pk)
    assert check_body(live.body, today=TODAY) == []  # the live page is untouched


def test_a_draft_keeps_the_published_warning_too(seeded):
    page = type(seeded).objects.get(pk=seeded.pk)
    page.title = "Politinis bendradarbiavimas (juodraštis)"
    page.save_revision()
    rows = rows_of(seeded, "--format", "json")
    assert [(row["state"], row["page_title"]) for row in rows] == [
        ("published", "Politinis bendradarbiavimas"),
        ("draft", "Politinis bendradarbiavimas (juodraštis)"),
    ]
