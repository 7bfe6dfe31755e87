"""Borders from Natural Earth (npm package world-atlas): decoded from TopoJSON at build time into a
small data file (manage.py build_borders), read and projected at run time, once per country pair.

TopoJSON keeps every line once, as an "arc" shared by the countries on both sides; the border of two
countries is the arcs their geometries have in common. Arcs are quantized and delta-encoded: each
point is the sum of the previous ones, scaled and translated by the topology's transform.
"""

import functools
import json
import math
from pathlib import Path

import pycountry
from django.conf import settings

HOME_COUNTRY = "LT"  # the portal is Lithuania's: every border drawn is one of Lithuania's
ATLAS = Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "countries-10m.json"
DATA_FILE = Path(__file__).resolve().parent.parent / "geodata" / "borders.json"
MARGIN_DEGREES = 0.4  # how much of both countries is shown around the border
SIMPLIFY_DEGREES = 0.002  # about 150 m: far below a pixel at the map's scale


def numeric_code(alpha2):
    return pycountry.countries.get(alpha_2=alpha2).numeric


def decoded_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def arc_indexes(arcs):
    """Every arc a geometry uses, as a non-negative index (~i is arc i reversed)."""
    if isinstance(arcs, int):
        return {arcs if arcs >= 0 else ~arcs}
    found = set()
    for part in arcs:
        found |= arc_indexes(part)
    return found


def rings(arcs_of_geometry, arcs):
    """The closed outlines of a Polygon or MultiPolygon, joining its arcs in order."""
    polygons = arcs_of_geometry if isinstance(arcs_of_geometry[0][0], list) else [arcs_of_geometry]
    result = []
    for polygon in polygons:
        for ring in polygon:
            points = []
            for index in ring:
                part = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
                points.extend(part if not points else part[1:])
            result.append(points)
    return result


def simplified(points, tolerance=SIMPLIFY_DEGREES):
    """Douglas–Peucker: the points a line needs to keep its shape within the tolerance."""
    if len(points) < 3:
        return list(points)
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    farthest, distance = 0, -1.0
    for index in range(1, len(points) - 1):
        x, y = points[index]
        # From the chord; a closed ring has none, so from its first point.
        gap = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length if length else math.hypot(x - x1, y - y1)
        if gap > distance:
            farthest, distance = index, gap
    if distance <= tolerance:
        return [points[0], points[-1]]
    return simplified(points[: farthest + 1], tolerance)[:-1] + simplified(points[farthest:], tolerance)


def clipped(ring, box):
    """Sutherland–Hodgman: the part of a closed outline inside the box (west, south, east, north)."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: cut_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: cut_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: cut_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: cut_y(a, b, north)),
    ]
    points = ring
    for inside, cut in edges:
        if not points:
            break
        kept, previous = [], points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    kept.append(cut(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(cut(previous, point))
            previous = point
        points = kept
    return points


def cut_x(a, b, x):
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def cut_y(a, b, y):
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def bounding_box(lines, margin):
    xs = [x for line in lines for x, _ in line]
    ys = [y for line in lines for _, y in line]
    return (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)


def rounded(points):
    return [[round(x, 4), round(y, 4)] for x, y in points]


def border_of(mine, theirs, arcs, home, partner):
    """The shared border of two countries' geometries and both outlines around it, or None if they do
    not touch."""
    shared = sorted(arc_indexes(mine["arcs"]) & arc_indexes(theirs["arcs"]))
    if not shared:
        return None
    lines = [simplified(arcs[index]) for index in shared]
    box = bounding_box(lines, MARGIN_DEGREES)
    outlines = {}
    for code, geometry in ((home, mine), (partner, theirs)):
        parts = [clipped(simplified(ring), box) for ring in rings(geometry["arcs"], arcs)]
        outlines[code] = [rounded(part) for part in parts if len(part) >= 3]
    return {"box": [round(value, 4) for value in box], "border": [rounded(line) for line in lines], "outlines": outlines}


def build_borders(atlas=ATLAS, home=HOME_COUNTRY):
    """Every border of the home country found in the atlas, by the partner's ISO alpha-2 code."""
    topology = json.loads(Path(atlas).read_text(encoding="utf-8"))
    arcs = decoded_arcs(topology)
    geometries = [g for g in topology["objects"]["countries"]["geometries"] if g.get("arcs") and g.get("id")]
    home_numeric = numeric_code(home)
    mine = next(geometry for geometry in geometries if geometry["id"] == home_numeric)
    borders = {}
    for theirs in geometries:
        partner = pycountry.countries.get(numeric=theirs["id"])
        if theirs is mine or partner is None:
            continue
        border = border_of(mine, theirs, arcs, home, partner.alpha_2)
        if border is not None:
            borders[partner.alpha_2] = border
    return {"source": "world-atlas countries-10m.json (Natural Earth)", "home": home, "borders": borders}


def write_borders(path=DATA_FILE, atlas=ATLAS):
    data = build_borders(atlas)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return data


@functools.lru_cache(maxsize=1)
def stored_borders(path=DATA_FILE):
    """The built data file, read once per process; None when it was never built."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


class Projection:
    """Equirectangular with the horizontal scale of the map's middle latitude (cos φ): at 54° N, within
    a few per cent of true shape over a few hundred kilometres, and cheap to compute."""

    def __init__(self, box, width):
        west, south, east, north = box
        self.west, self.north = west, north
        self.x_scale = math.cos(math.radians((south + north) / 2))
        self.unit = width / ((east - west) * self.x_scale)
        self.width = width
        self.height = (north - south) * self.unit

    def __call__(self, lon, lat):
        return ((lon - self.west) * self.x_scale * self.unit, (self.north - lat) * self.unit)


def path_data(lines, projection, closed=False):
    parts = []
    for line in lines:
        points = ["%.1f,%.1f" % projection(lon, lat) for lon, lat in line]
        parts.append("M" + "L".join(points) + ("Z" if closed else ""))
    return "".join(parts)


def label_point(outlines, projection):
    """Where a country's name goes: the centre of area of the largest part of it the map shows."""
    if not outlines:
        return (projection.width / 2, projection.height / 2)
    best = (0.0, projection.width / 2, projection.height / 2)
    for outline in outlines:
        points = [projection(lon, lat) for lon, lat in outline]
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if abs(area) > abs(best[0]):
            best = (area, cx / (3 * area), cy / (3 * area))
    return best[1], best[2]


@functools.lru_cache(maxsize=64)
def projected_border(partner, width):
    """The border and outlines of one pair as SVG path data, projected once per process."""
    data = stored_borders()
    border = (data or {}).get("borders", {}).get(partner)
    if border is None:
        return None
    projection = Projection(border["box"], width)
    home_outline, partner_outline = border["outlines"].get(data["home"], []), border["outlines"].get(partner, [])
    return {
        "projection": projection,
        "home_label": label_point(home_outline, projection),
        "partner_label": label_point(partner_outline, projection),
        "border": path_data(border["border"], projection),
        "home": path_data(home_outline, projection, closed=True),
        "partner": path_data(partner_outline, projection, closed=True),
    }
