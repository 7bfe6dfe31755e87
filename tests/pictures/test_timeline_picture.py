"""The timeline: a year axis with the events and the first representatives, and its table."""

import pytest

from tests.facts.test_timeline import SEED, event

from .helpers import SVG, assert_titled, figures, only_figure, parsed_svg, svg_texts, table_cells

pytestmark = pytest.mark.django_db


def the_picture(belarus, value=SEED):
    return only_figure("timeline", value, belarus)


def test_the_timeline_is_well_formed_titled_svg(belarus, lithuanian):
    root = parsed_svg(the_picture(belarus))
    assert_titled(root)
    assert root.find(SVG + "title").text == "Diplomatinių santykių laiko juosta"


def test_the_axis_spans_the_years_of_the_chronology(belarus, lithuanian):
    texts = svg_texts(parsed_svg(the_picture(belarus)))
    assert [year for year in texts if year.isdigit()] == ["1991", "1992", "1993", "1994", "1995"]


def test_each_event_and_representative_has_its_row(belarus, lithuanian):
    figure = the_picture(belarus)
    texts = svg_texts(parsed_svg(figure))
    assert "Baltarusija pripažino Lietuvą de jure" in texts
    assert "Pirmasis Lietuvos atstovas: Alfonsas Augulis" in texts
    assert "Pirmasis Baltarusijos atstovas: Vladimir Sčastnyj" in texts
    cells = table_cells(figure)
    assert cells[cells.index("Data") + 2:][:2] == ["1991 m. gruodžio 27 d.", "Baltarusija pripažino Lietuvą de jure"]
    assert "1993–1994 m." in cells


def test_a_day_is_a_diamond_and_a_span_a_band(belarus, english):
    root = parsed_svg(the_picture(belarus))
    assert len(root.findall(f".//{SVG}polygon")) == 2  # the two events known to the day
    bands = [rect for rect in root.iter(SVG + "rect") if rect.get("height") == "14"]
    assert len(bands) == 2
    year = float(bands[0].get("width")) / 2  # 1993–1994: two years wide
    assert year == pytest.approx((640 - 24) / 4, rel=0.01)  # the axis runs from 1991 to the start of 1995


def test_labels_stay_inside_the_picture(belarus, english):
    root = parsed_svg(the_picture(belarus))
    for label in root.iter(SVG + "text"):
        x = float(label.get("x"))
        width = len(label.text) * 7.4
        if label.get("text-anchor") == "end":
            assert x - width >= 0
        elif label.get("text-anchor") != "middle":
            assert x + width <= 640


def test_no_timeline_without_dated_items(belarus):
    assert figures("timeline", {"heading": "", "items": []}, belarus) == []


def test_another_event_is_named_by_its_description(belarus, english):
    value = {"heading": "", "items": [event("other", {"year": 2004}, "Embassy opened")]}
    assert "Embassy opened" in svg_texts(parsed_svg(the_picture(belarus, value)))
