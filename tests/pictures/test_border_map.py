"""The border map of the crossings block: markers from the listed points, what is not drawn, the table."""

import pytest

from tests.facts.test_crossings import SEED

from .helpers import SVG, assert_titled, figures, only_figure, parsed_svg, svg_texts, table_cells
from .records import RECORDS, record, seed_with

pytestmark = pytest.mark.django_db


def the_map(belarus, records=RECORDS):
    return only_figure("border_crossings", seed_with(records), belarus)


def markers(root):
    return root.findall(f".//{SVG}g[@class='picture__marker']")


def test_the_map_is_well_formed_titled_svg(belarus, lithuanian):
    root = parsed_svg(the_map(belarus))
    assert_titled(root)
    assert root.find(SVG + "title").text == "Sienos ir jos perėjimo punktų žemėlapis"


def test_one_marker_for_each_point_with_coordinates(belarus, lithuanian):
    root = parsed_svg(the_map(belarus))
    assert len(markers(root)) == 4
    assert {"Kena", "Medininkai", "Šalčininkai", "Lavoriškės"} <= set(svg_texts(root))
    assert "Stasylos" not in svg_texts(root)


def test_the_map_says_how_many_points_are_not_drawn(belarus, english):
    figure = the_map(belarus)
    root = parsed_svg(figure)
    assert "2 points are not drawn: their positions are not given." in svg_texts(root)
    assert "2 points are not drawn" in figure.get_text()


def test_the_not_drawn_note_in_lithuanian_takes_the_plural_of_its_number(belarus, lithuanian):
    root = parsed_svg(the_map(belarus, RECORDS[:2]))
    assert "1 punktas nenubrėžtas: nenurodyta jo vieta." in svg_texts(root)


def test_every_point_is_drawn_when_all_have_coordinates(belarus, english):
    figure = the_map(belarus, [r for r in RECORDS if r["latitude"]])
    assert "not drawn" not in figure.get_text()
    assert len(markers(parsed_svg(figure))) == 4


def test_the_table_lists_every_point_with_its_position(belarus, english):
    cells = table_cells(the_map(belarus))
    for name in ("Kena", "Stasylos", "Medininkai", "Šalčininkai", "Raigardas", "Lavoriškės"):
        assert name in cells
    assert "54.53889° N, 25.65° E" in cells
    assert cells.count("not given (not drawn)") == 2


def test_planned_points_are_drawn_apart(belarus, english):
    records = [record("A"), record("B", regime="local", status="planned_upgrade"),
               record("C", kind="river", status="planned_new")]
    root = parsed_svg(the_map(belarus, records))
    rings = [circle for circle in root.iter(SVG + "circle") if circle.get("stroke-dasharray")]
    assert len(rings) == 2 + 1  # two planned points and the legend's example
    regimes = {marker.find(SVG + "rect").get("fill") for marker in markers(root)[:2]}
    assert len(regimes) == 2  # international solid, local white


def test_no_map_without_listed_points(belarus):
    assert figures("border_crossings", SEED, belarus) == []


def test_no_map_for_a_partner_without_a_border(db, english):
    from bilateral.facts.models import Country

    japan = Country.objects.create(iso_code="JP", name="Japonija", name_genitive="Japonijos",
                                   name_locative="Japonijoje", official_name_genitive="Japonijos", name_en="Japan")
    assert figures("border_crossings", seed_with(RECORDS), japan) == []


def test_the_map_holds_no_external_reference(belarus):
    svg = str(the_map(belarus).find("svg"))
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
