"""Crossing points listed by name: the sentence counts them, the checks compare them with the totals."""

import pytest
from django.core.exceptions import ValidationError

from bilateral.facts.checks import check_block
from tests.facts.helpers import block_text, clean_block
from tests.facts.test_crossings import SEED

from .records import RECORDS, record, seed_with

pytestmark = pytest.mark.django_db

def to_value(raw):
    from bilateral.facts.blocks import SectionBodyBlock

    return SectionBodyBlock().child_blocks["border_crossings"].to_python(raw)

def rules(raw):
    """The rules that warn about the value, with the seed's stated totals (6 international, 11 local)."""
    raw = dict(raw, international_total=6, local_total=11)
    return [warning.rule for warning in check_block("border_crossings", to_value(raw))]

def test_the_seed_sentence_is_the_same_with_its_points_listed(belarus, lithuanian):
    assert block_text("border_crossings", seed_with(RECORDS), belarus) == block_text("border_crossings", SEED, belarus)

def test_listed_points_give_the_counts_of_their_regime(belarus, lithuanian):
    value = seed_with([record("A"), record("B"), record("C", "rail")])
    text = block_text("border_crossings", value, belarus)
    assert "veikia 3 tarptautiniai sienos perėjimo punktai (2 autokelių, 1 geležinkelių)" in text
    assert "11 autokelių vietinio eismo režimu" in text  # the unlisted regime keeps its numbers by kind

def test_a_planned_new_point_is_not_counted_as_operating(belarus, lithuanian):
    value = seed_with(RECORDS + [record("Upė", "river", status="planned_new")])
    assert "veikia 6 tarptautiniai" in block_text("border_crossings", value, belarus)

def test_the_seed_with_its_points_listed_has_no_warning():
    assert rules(seed_with(RECORDS)) == []

def test_listed_points_are_checked_against_the_stated_total():
    value = seed_with(RECORDS[:5])
    found = rules(value)
    assert "crossings.international_total" in found
    assert "crossings.records" in found  # 3 road points listed, 4 entered by kind

def test_listed_points_need_not_repeat_the_numbers_by_kind():
    value = seed_with(RECORDS)
    value["points"] = [point for point in value["points"] if point["regime"] == "local"]
    assert rules(value) == []

def test_points_listed_as_planned_are_checked_against_the_planned_changes():
    upgrade = [record("L%d" % n, regime="local", status="planned_upgrade") for n in range(2)]
    # The two listed local points are all the local points now: 2 against the 11 stated and entered.
    assert rules(seed_with(RECORDS + upgrade + [record("U", "river", status="planned_new")])) == [
        "crossings.local_total", "crossings.records"]
    assert "crossings.planned_records" in rules(seed_with(RECORDS + upgrade[:1]))

def test_a_point_needs_both_coordinates_or_neither():
    value = seed_with([record("A", longitude=None)])
    with pytest.raises(ValidationError):
        clean_block("border_crossings", value)
    clean_block("border_crossings", seed_with(RECORDS))
