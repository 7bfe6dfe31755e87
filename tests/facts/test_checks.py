"""Fact checks: contradictions in the figures and dates are reported, never corrected.

The checks of each block family are tested in test_checks_<family>.py, the check_facts command (it
reads pages, so it lives there) in tests/pages/test_check_facts_command.py; here the warning itself,
the labels and check_body.
"""

import dataclasses

import pytest

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.checks import FactWarning, check_block, check_body

from .check_helpers import SEED_MARKS, TODAY, check, crossings, demarcation, representative, seed_value


# --- The warning itself --------------------------------------------------------------------------


def test_a_warning_is_frozen_and_turns_into_a_dict():
    warning = FactWarning(
        2, "demarcation", "Demarcation", "demarcation.marks_total", "text", "Marks: 1 + 1 = 2, declared total 3",
        "marks_declared_total",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        warning.rule = "other"
    assert warning.to_dict() == {
        "block_index": 2,
        "block_type": "demarcation",
        "block_label": "Demarcation",
        "rule": "demarcation.marks_total",
        "message": "text",
        "figures": "Marks: 1 + 1 = 2, declared total 3",
        "field": "marks_declared_total",
    }


def test_the_checks_do_not_change_the_value():
    block = SectionBodyBlock().child_blocks["demarcation"]
    value = block.to_python(demarcation(marks_declared_total=1955, water_length_km="200"))
    before = block.get_prep_value(value)
    assert check_block("demarcation", value, today=TODAY)
    assert block.get_prep_value(value) == before


# --- Labels and the body ------------------------------------------------------------------------


def test_the_label_is_the_heading_or_the_standard_one(english):
    [standard] = check("border_crossings", crossings(international_total=7))
    assert standard.block_label == "Border crossing points"
    [own] = check("border_crossings", crossings(international_total=7, heading="Punktai"))
    assert own.block_label == "Punktai"
    value = seed_value("timeline")
    value["items"].append(representative({"year": 1996, "end_year": 1995}))
    [timeline] = check("timeline", value)
    assert timeline.block_label == "Diplomatic timeline"  # no default heading: its label


def test_check_body_numbers_the_blocks(seeded):
    warnings = check_body(seeded.body, today=TODAY)
    assert [(warning.block_index, warning.rule, warning.figures) for warning in warnings] == [
        (2, "demarcation.marks_total", SEED_MARKS)
    ]
    assert isinstance(warnings[0].block_label, str)
