"""Fact checks of the border crossings block: points by kind against the totals, planned upgrades."""

from .check_helpers import check, crossings, rules


# --- crossings.international_total, crossings.local_total -------------------------------------------


def test_crossing_points_adding_up_to_the_stated_totals_pass():
    assert check("border_crossings", crossings()) == []


def test_international_points_against_a_different_stated_total_warn():
    [warning] = check("border_crossings", crossings(international_total=7))
    assert warning.rule == "crossings.international_total"
    assert warning.figures == "Tarptautiniai punktai pagal rūšį: 2 + 4 = 6, nurodyta iš viso 7"
    assert warning.field == "international_total"


def test_local_points_against_a_different_stated_total_warn():
    [warning] = check("border_crossings", crossings(local_total=12))
    assert warning.rule == "crossings.local_total"
    assert warning.figures == "Vietinio eismo punktai pagal rūšį: 11, nurodyta iš viso 12"
    assert warning.field == "local_total"


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
    assert warning.figures == (
        "Numatyti pokyčiai: tarptautinį statusą numatyta suteikti 12, tokios rūšies vietinio eismo punktų yra 11"
    )
    assert warning.field == "planned"


def test_upgrading_local_points_of_a_kind_that_has_none_warns():
    assert rules(check("border_crossings", crossings(planned=[upgrade(1, "rail")]))) == [
        "crossings.planned_upgrades"
    ]
