"""The demarcation bars: land and water kilometres, marks by type, and the unexplained difference."""

import copy

import pytest

from tests.facts.demarcation_values import SEED

from .helpers import SVG, assert_titled, only_figure, parsed_svg, svg_texts, table_cells

pytestmark = pytest.mark.django_db


def the_picture(belarus, value=SEED):
    return only_figure("demarcation", value, belarus)


def test_the_bars_are_well_formed_titled_svg(belarus, lithuanian):
    root = parsed_svg(the_picture(belarus))
    assert_titled(root)
    assert root.find(SVG + "title").text == "Demarkavimas skaičiais"


def test_the_table_holds_the_facts_figures(belarus, lithuanian):
    cells = table_cells(the_picture(belarus))
    rows = dict(zip(cells[::2], cells[1::2]))
    assert rows["Sienos ilgis, km"] == "678,819"
    assert rows["Sausuma, km"] == "380" and rows["Vandeniu, km"] == "299"
    assert rows["Sausumoje"] == "1246"
    assert rows["Sienos ženklai pagal tipus kartu"] == "1798"
    assert rows["Sienos ženklų nurodyta iš viso"] == "1955"
    assert rows["Skirtumas, nepaaiškintas"] == "157"


def test_the_unexplained_difference_is_shown_as_its_own_part(belarus, english):
    figure = the_picture(belarus)
    root = parsed_svg(figure)
    assert "Not explained by type: 157" in svg_texts(root)
    assert "Border marks: 1955 declared, 1798 by type" in svg_texts(root)
    dashed = [rect for rect in root.iter(SVG + "rect") if rect.get("stroke-dasharray")]
    assert dashed  # drawn, as an empty dashed part of the bar
    assert "157 of the declared marks are not among the marks by type" in figure.get_text(" ")


def test_the_bar_parts_are_proportional_to_the_figures(belarus, english):
    root = parsed_svg(the_picture(belarus))
    widths = [float(rect.get("width")) for rect in root.iter(SVG + "rect") if rect.get("height") == "34"]
    land, water, *marks = widths
    assert land / water == pytest.approx(380 / 299, rel=0.01)
    assert marks[0] / marks[1] == pytest.approx(1246 / 457, rel=0.01)
    assert marks[-1] / sum(marks) == pytest.approx(157 / 1955, rel=0.01)


def test_no_difference_part_when_the_marks_add_up(belarus, english):
    value = copy.deepcopy(SEED)
    value["marks_declared_total"] = 1798
    figure = the_picture(belarus, value)
    assert "Not explained" not in figure.get_text()
    assert not [rect for rect in parsed_svg(figure).iter(SVG + "rect") if rect.get("stroke-dasharray")]


def test_more_marks_by_type_than_declared_is_said(belarus, english):
    value = copy.deepcopy(SEED)
    value["marks_declared_total"] = 1700
    assert "The marks by type are 98 more than the declared total" in the_picture(belarus, value).get_text()


def test_a_border_of_0_km_draws_no_length_bar_and_still_its_marks(belarus, english):
    """A draft may say 0 km (or the source does): the bar of lengths would have no scale."""
    value = dict(SEED, total_length_km="0", land_length_km="0", water_length_km="0")
    texts = svg_texts(parsed_svg(the_picture(belarus, value)))
    assert not any(text.startswith("Length of the border") for text in texts)
    assert "Border marks: 1955 declared, 1798 by type" in texts
