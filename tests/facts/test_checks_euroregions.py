"""Fact checks of the euroregions block: members from at least two countries."""

import pytest

from .check_helpers import check, seed_value


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
    assert warning.figures == "Euroregionai: narių šalys – LT"
    assert warning.field == "euroregions"
