"""Fact checks of the dates in any block: spans of years in order, past events not in the future."""

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.checks import check_block

from .check_helpers import check, demarcation, only, representative, rules, seed_value


# --- dates.range_order ---------------------------------------------------------------------------


def test_year_ranges_in_order_pass():
    assert check("timeline", seed_value("timeline")) == []


def test_a_year_range_ending_before_it_starts_warns():
    value = seed_value("timeline")
    value["items"].append(representative({"year": 1996, "end_year": 1995}))
    [warning] = check("timeline", value)
    assert warning.rule == "dates.range_order"
    assert warning.figures == "1996–1995"
    assert warning.field == "items"  # the timeline's list: the warning goes beside it


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
    assert warning.figures == "2025-07, šiandien 2025-06-01"
    assert warning.field == "items"


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
