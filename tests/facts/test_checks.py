"""Fact checks: contradictions in the figures and dates are reported, never corrected."""

import copy
import dataclasses
import datetime
import io
import json

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.checks import FactWarning, check_block, check_body

TODAY = datetime.date(2025, 6, 1)
SEED_FILE = settings.BASE_DIR / "data" / "seed" / "belarus.yaml"
SEED_MARKS = "1246 + 457 + 93 + 2 = 1798, declared 1955"


def seed_value(block_type):
    """A fresh copy of the seed's raw value of one block type."""
    body = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))["sections"][0]["body"]
    return copy.deepcopy(next(block["value"] for block in body if block["type"] == block_type))


def check(block_type, raw_value, today=TODAY):
    block = SectionBodyBlock().child_blocks[block_type]
    return check_block(block_type, block.to_python(raw_value), today=today)


def rules(warnings):
    return [warning.rule for warning in warnings]


def only(warnings, rule):
    return [warning for warning in warnings if warning.rule == rule]


def demarcation(**changes):
    value = seed_value("demarcation")
    value["marks_declared_total"] = 1798  # the seed's own contradiction is tested on its own
    value.update(changes)
    return value


def crossings(**changes):
    value = seed_value("border_crossings")
    value.update(changes)
    return value


def commands_output(*args):
    out = io.StringIO()
    call_command("check_facts", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


# --- The warning itself --------------------------------------------------------------------------


def test_a_warning_is_frozen_and_turns_into_a_dict():
    warning = FactWarning(2, "demarcation", "Demarcation", "demarcation.marks_total", "text", "1 + 1 = 2, declared 3")
    with pytest.raises(dataclasses.FrozenInstanceError):
        warning.rule = "other"
    assert warning.to_dict() == {
        "block_index": 2,
        "block_type": "demarcation",
        "block_label": "Demarcation",
        "rule": "demarcation.marks_total",
        "message": "text",
        "figures": "1 + 1 = 2, declared 3",
    }


def test_the_checks_do_not_change_the_value():
    block = SectionBodyBlock().child_blocks["demarcation"]
    value = block.to_python(demarcation(marks_declared_total=1955, water_length_km="200"))
    before = block.get_prep_value(value)
    assert check_block("demarcation", value, today=TODAY)
    assert block.get_prep_value(value) == before


# --- demarcation.length_parts --------------------------------------------------------------------


def test_length_parts_in_whole_kilometres_may_round_the_total(lithuanian):
    assert only(check("demarcation", demarcation()), "demarcation.length_parts") == []


def test_length_parts_that_do_not_add_up_warn_with_decimal_commas_in_lithuanian(lithuanian):
    [warning] = only(check("demarcation", demarcation(water_length_km="200")), "demarcation.length_parts")
    assert warning.figures == "380 + 200 = 580 km, total 678,819 km"
    assert warning.block_type == "demarcation"


def test_length_parts_in_english_use_a_decimal_point(english):
    [warning] = only(check("demarcation", demarcation(water_length_km="200")), "demarcation.length_parts")
    assert warning.figures == "380 + 200 = 580 km, total 678.819 km"


def test_exact_length_parts_get_no_tolerance():
    assert only(check("demarcation", demarcation(land_length_km="379.819", water_length_km="299")),
                "demarcation.length_parts") == []
    assert rules(check("demarcation", demarcation(land_length_km="379.5", water_length_km="299.5"))) == [
        "demarcation.length_parts"
    ]


# --- demarcation.marks_total ---------------------------------------------------------------------


def test_marks_by_type_adding_up_to_the_declared_total_pass():
    assert only(check("demarcation", demarcation(marks_declared_total=1798)), "demarcation.marks_total") == []


def test_the_seeds_marks_warn_with_their_figures():
    [warning] = only(check("demarcation", seed_value("demarcation")), "demarcation.marks_total")
    assert warning.figures == SEED_MARKS
    assert warning.message


# --- crossings.international_total, crossings.local_total -------------------------------------------


def test_crossing_points_adding_up_to_the_stated_totals_pass():
    assert check("border_crossings", crossings()) == []


def test_international_points_against_a_different_stated_total_warn():
    [warning] = check("border_crossings", crossings(international_total=7))
    assert warning.rule == "crossings.international_total"
    assert warning.figures == "2 + 4 = 6, stated 7"


def test_local_points_against_a_different_stated_total_warn():
    [warning] = check("border_crossings", crossings(local_total=12))
    assert warning.rule == "crossings.local_total"
    assert warning.figures == "11, stated 12"


def test_no_stated_total_is_nothing_to_check():
    assert check("border_crossings", crossings(international_total=None, local_total=None)) == []


# --- crossings.planned_upgrades ------------------------------------------------------------------


def upgrade(count, kind="road"):
    return {"action": "upgrade", "count": count, "kind": kind, "regime": "international", "condition": ""}


def test_upgrading_no_more_local_points_than_there_are_passes():
    assert check("border_crossings", crossings(planned=[upgrade(11)])) == []


def test_upgrading_more_local_points_than_there_are_warns():
    [warning] = check("border_crossings", crossings(planned=[upgrade(9), upgrade(3)]))
    assert warning.rule == "crossings.planned_upgrades"
    assert warning.figures == "12 > 11"


def test_upgrading_local_points_of_a_kind_that_has_none_warns():
    assert rules(check("border_crossings", crossings(planned=[upgrade(1, "rail")]))) == [
        "crossings.planned_upgrades"
    ]


# --- demarcation.water_bodies --------------------------------------------------------------------


def test_the_seeds_lakes_ponds_and_buoys_pass():
    assert only(check("demarcation", demarcation()), "demarcation.water_bodies") == []


def test_the_last_marks_lake_must_be_among_the_named_lakes():
    [warning] = check("demarcation", demarcation(last_mark_water_body="Drysvjatų"))
    assert warning.rule == "demarcation.water_bodies"
    assert "Drysvjatų" in warning.message


def test_the_last_marks_pond_must_be_among_the_named_ponds():
    assert check("demarcation", demarcation(last_mark_water_body="Purvėnų", last_mark_water_body_kind="pond")) == []
    assert rules(check("demarcation", demarcation(last_mark_water_body_kind="pond"))) == [
        "demarcation.water_bodies"
    ]


def test_a_name_repeated_warns():
    value = demarcation()
    value["lakes"] = value["lakes"] + ["Dubo"]
    [warning] = check("demarcation", value)
    assert warning.rule == "demarcation.water_bodies"
    assert warning.figures == "Dubo × 2"


def test_fewer_buoys_than_named_water_bodies_warn():
    assert only(check("demarcation", demarcation(buoys_count=11)), "demarcation.water_bodies") == []
    [warning] = check("demarcation", demarcation(buoys_count=10))
    assert warning.rule == "demarcation.water_bodies"
    assert warning.figures == "10 < 11"


# --- demarcation.dates_order ---------------------------------------------------------------------


def test_the_seeds_demarcation_dates_are_in_order():
    assert only(check("demarcation", demarcation()), "demarcation.dates_order") == []


def test_fuzzy_dates_that_may_be_in_order_do_not_warn():
    # The treaty "in 2006" may well be before the marking completed on 10 March 2006.
    value = demarcation(treaty_signed={"year": 2006}, final_documents_signed={"year": 2006, "month": 3})
    assert only(check("demarcation", value), "demarcation.dates_order") == []


def test_marking_completed_before_the_treaty_was_signed_warns():
    [warning] = check("demarcation", demarcation(marking_completed={"year": 1994, "month": 12}))
    assert warning.rule == "demarcation.dates_order"
    assert warning.figures == "1994-12 < 1995-02-06"


def test_final_documents_before_the_marking_warn():
    [warning] = check("demarcation", demarcation(final_documents_signed={"year": 2005}))
    assert warning.rule == "demarcation.dates_order"
    assert warning.figures == "2005 < 2006-03-10"


# --- dates.range_order ---------------------------------------------------------------------------


def representative(period):
    return {
        "type": "representative",
        "value": {
            "period": period,
            "direction": "lithuania_in_partner",
            "first": True,
            "since_restoration": False,
            "role": "ambassador",
            "name": "A. B.",
        },
    }


def test_year_ranges_in_order_pass():
    assert check("timeline", seed_value("timeline")) == []


def test_a_year_range_ending_before_it_starts_warns():
    value = seed_value("timeline")
    value["items"].append(representative({"year": 1996, "end_year": 1995}))
    [warning] = check("timeline", value)
    assert warning.rule == "dates.range_order"
    assert warning.figures == "1996–1995"


def test_year_ranges_are_checked_in_any_block():
    value = demarcation(final_documents_signed={"year": 2008, "end_year": 2007})
    assert rules(check("demarcation", value)) == ["dates.range_order"]


# --- dates.future --------------------------------------------------------------------------------


def test_past_dates_and_today_pass():
    value = seed_value("timeline")
    value["items"].append({"type": "event", "value": {"date": {"year": 2025, "month": 6, "day": 1},
                                                      "kind": "other", "description": "Susitikimas."}})
    assert check("timeline", value) == []
    assert check("activities", seed_value("activities")) == []


def test_a_timeline_event_in_the_future_warns():
    value = seed_value("timeline")
    value["items"][0]["value"]["date"] = {"year": 2025, "month": 7}
    [warning] = check("timeline", value)
    assert warning.rule == "dates.future"
    assert warning.figures == "2025-07 > 2025-06-01"


def test_a_representative_in_the_future_warns():
    value = seed_value("timeline")
    value["items"].append(representative({"year": 2026}))
    assert rules(check("timeline", value)) == ["dates.future"]


def test_an_accreditation_and_a_dated_activity_in_the_future_warn():
    value = seed_value("activities")
    value["items"][0]["value"]["date"] = {"year": 2030}
    value["items"][2]["value"]["date"] = {"year": 2026, "month": 1, "day": 1}
    assert rules(check("activities", value)) == ["dates.future", "dates.future"]


def test_a_demarcation_date_in_the_future_warns():
    assert only(check("demarcation", demarcation()), "dates.future") == []
    value = demarcation(final_documents_signed={"year": 2027})
    assert rules(check("demarcation", value)) == ["dates.future"]


def test_today_defaults_to_the_local_date():
    value = seed_value("timeline")
    value["items"][0]["value"]["date"] = {"year": 2999}
    block = SectionBodyBlock().child_blocks["timeline"]
    assert rules(check_block("timeline", block.to_python(value))) == ["dates.future"]


# --- euroregions.two_countries -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_seeds_euroregions_have_members_from_several_countries():
    assert check("euroregions", seed_value("euroregions")) == []


@pytest.mark.django_db
def test_a_euroregion_of_one_country_warns():
    value = seed_value("euroregions")
    value["euroregions"][1]["member_groups"] = [
        {"country": "LT", "members": ["Zarasų rajono savivaldybės taryba"]},
        {"country": "LT", "members": ["Visagino savivaldybės taryba"]},
    ]
    [warning] = check("euroregions", value)
    assert warning.rule == "euroregions.two_countries"
    assert "Ežerų kraštas" in warning.message
    assert warning.figures == "LT"


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


# --- The check_facts command --------------------------------------------------------------------


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
    english = seeded.get_translations().get()
    assert [row["rule"] for row in rows_of(english, "--format", "json")] == ["demarcation.marks_total"]
    rows = rows_of(seeded, "--format", "json")
    assert [(row["rule"], row["figures"], row["state"]) for row in rows] == [
        ("demarcation.marks_total", SEED_MARKS, "published")
    ]
    [row] = rows
    assert set(row) == {
        "page_id", "page_title", "page_path", "state", "block_index", "block_type", "block_label",
        "rule", "message", "figures",
    }
    assert row["page_id"] == seeded.pk
    assert row["page_title"] == seeded.title
    assert row["page_path"] == seeded.url_path
    assert row["block_index"] == 2 and row["block_type"] == "demarcation"


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
        ("draft", "crossings.international_total", "2 + 4 = 6, stated 7")
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
