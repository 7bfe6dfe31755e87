"""TopoJSON decoding, shared arcs, and the Lithuania–Belarus border as the build extracts it."""

import pytest

from bilateral.facts.pictures import geometry

# Two unit squares side by side; arc 1 is the edge they share (quantized, delta-encoded).
TOPOLOGY = {
    "transform": {"scale": [0.5, 0.25], "translate": [20, 50]},
    "arcs": [
        [[2, 0], [-2, 0], [0, 4], [2, 0]],  # west square's outer edge: (21,50) (20,50) (20,51) (21,51)
        [[2, 4], [0, -4]],  # the shared edge: (21,51) (21,50)
        [[2, 4], [2, 0], [0, -4], [-2, 0]],  # east square's outer edge: (21,51) (22,51) (22,50) (21,50)
    ],
}


def test_arcs_are_delta_decoded_and_transformed():
    arcs = geometry.decoded_arcs(TOPOLOGY)
    assert arcs[0] == [(21.0, 50.0), (20.0, 50.0), (20.0, 51.0), (21.0, 51.0)]
    assert arcs[1] == [(21.0, 51.0), (21.0, 50.0)]


def test_the_border_is_the_arcs_both_geometries_use():
    arcs = geometry.decoded_arcs(TOPOLOGY)
    west = {"type": "Polygon", "arcs": [[0, 1]]}
    east = {"type": "Polygon", "arcs": [[2, ~1]]}
    border = geometry.border_of(west, east, arcs, "LT", "BY")
    assert border["border"] == [[[21.0, 51.0], [21.0, 50.0]]]
    assert geometry.border_of(west, {"type": "Polygon", "arcs": [[2]]}, arcs, "LT", "BY") is None


def test_a_ring_is_joined_from_its_arcs_reversed_where_negative():
    arcs = geometry.decoded_arcs(TOPOLOGY)
    (ring,) = geometry.rings([[2, ~1]], arcs)
    assert ring[0] == ring[-1] == (21.0, 51.0)
    assert len(ring) == 5


def test_clipping_keeps_the_part_inside_the_box():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    clipped = geometry.clipped(square, (5, -1, 20, 20))
    assert min(x for x, _ in clipped) == 5 and max(x for x, _ in clipped) == 10


def test_simplifying_drops_points_on_a_straight_line():
    assert geometry.simplified([(0, 0), (1, 0.0001), (2, 0)]) == [(0, 0), (2, 0)]


def test_simplifying_keeps_a_closed_ring():
    square = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    assert geometry.simplified(square) == square


def test_the_lithuania_belarus_border_is_built_from_the_atlas(border_data):
    belarus = border_data["borders"]["BY"]
    points = [point for line in belarus["border"] for point in line]
    assert len(points) > 50
    # The border runs from the Polish tripoint near Druskininkai to the Latvian one near Lake Drūkšiai.
    assert all(23.3 < lon < 27.0 and 53.8 < lat < 56.0 for lon, lat in points)
    assert set(border_data["borders"]) == {"BY", "LV", "PL", "RU"}
    assert belarus["outlines"]["LT"] and belarus["outlines"]["BY"]


def test_the_border_is_projected_inside_the_view(border_data):
    projected = geometry.projected_border("BY", 640)
    projection = projected["projection"]
    assert 300 < projection.height < 1000
    coordinates = [float(value) for part in projected["border"].replace("M", " ").replace("L", " ").split()
                   for value in part.split(",")]
    xs, ys = coordinates[::2], coordinates[1::2]
    assert xs and 0 <= min(xs) and max(xs) <= 640 and 0 <= min(ys) and max(ys) <= projection.height


def test_the_projection_keeps_the_local_scale():
    """A degree of longitude at 54.5° N is cos(54.5°) ≈ 0.58 of a degree of latitude on the map."""
    projection = geometry.Projection((24, 54, 25, 55), 100)
    x0, y0 = projection(24, 54.5)
    x1, _ = projection(25, 54.5)
    _, y1 = projection(24, 55.5)
    assert (x1 - x0) / (y0 - y1) == pytest.approx(0.58, abs=0.01)


def test_a_pair_without_data_has_no_border():
    assert geometry.projected_border("JP", 640) is None
