"""Fact checks of the demarcation block: length parts, border marks, lakes, ponds and buoys, dates in order."""

from .check_helpers import SEED_MARKS, check, demarcation, only, rules, seed_value


# --- demarcation.length_parts --------------------------------------------------------------------


def test_length_parts_in_whole_kilometres_may_round_the_total(lithuanian):
    assert only(check("demarcation", demarcation()), "demarcation.length_parts") == []


def test_length_parts_that_do_not_add_up_warn_with_decimal_commas_in_lithuanian(lithuanian):
    [warning] = only(check("demarcation", demarcation(water_length_km="200")), "demarcation.length_parts")
    assert warning.figures == "Sausuma ir vandeniu: 380 + 200 = 580 km, bendras ilgis 678,819 km"
    assert warning.field == "total_length_km"
    assert warning.block_type == "demarcation"


def test_length_parts_in_english_use_a_decimal_point(english):
    [warning] = only(check("demarcation", demarcation(water_length_km="200")), "demarcation.length_parts")
    assert warning.figures == "By land and by water: 380 + 200 = 580 km, total length 678.819 km"


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
    assert warning.field == "marks_declared_total"
    assert warning.message


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
    assert warning.figures == "Ežerai: Dubo × 2"
    assert warning.field == "lakes"


def test_fewer_buoys_than_named_water_bodies_warn():
    assert only(check("demarcation", demarcation(buoys_count=11)), "demarcation.water_bodies") == []
    [warning] = check("demarcation", demarcation(buoys_count=10))
    assert warning.rule == "demarcation.water_bodies"
    assert warning.figures == "Plūdurai: 10, įvardytų ežerų ir tvenkinių: 11"
    assert warning.field == "buoys_count"


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
    assert warning.figures == "Sienos ženklinimas baigtas: 1994-12; Sutartis pasirašyta: 1995-02-06"
    assert warning.field == "marking_completed"


def test_final_documents_before_the_marking_warn():
    [warning] = check("demarcation", demarcation(final_documents_signed={"year": 2005}))
    assert warning.rule == "demarcation.dates_order"
    assert warning.figures == "Baigiamieji demarkavimo dokumentai pasirašyti: 2005; Sienos ženklinimas baigtas: 2006-03-10"
