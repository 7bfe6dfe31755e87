"""The border map: the common border of Lithuania and the partner, with the listed crossing points.

A point's kind is its shape (road: square, rail: circle, river: triangle), its regime its fill
(international: solid, local border traffic: white), a planned change a dashed ring; every point is
also named next to its mark and in the table, so nothing rests on colour."""

import functools
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import get_language, ngettext, pgettext

from ..blocks.crossings import (
    INTERNATIONAL,
    KIND_CHOICES,
    PLANNED_NEW,
    PLANNED_UPGRADE,
    RAIL,
    REGIME_CHOICES,
    RIVER,
    STATUS_CHOICES,
)
from ..grammar import format_number
from .figure import figure_html
from .geometry import projected_border
from .tables import crossing_point_rows
from .svg import DARK, GREY, INK, PAPER, element, empty, hatch_pattern, picture_id, svg, text

WIDTH = 640
MARK = 7


# Each mark as a %-format string, written out once: a map draws one per crossing point.
ROUND_MARK = empty("circle", cx="%.1f", cy="%.1f", r=str(MARK), fill="%s", stroke=INK, stroke_width="2")
TRIANGLE_MARK = empty("polygon", points="%.1f,%.1f %.1f,%.1f %.1f,%.1f", fill="%s", stroke=INK, stroke_width="2")
SQUARE_MARK = empty("rect", x="%.1f", y="%.1f", width=str(2 * MARK), height=str(2 * MARK), fill="%s", stroke=INK,
                    stroke_width="2")
PLANNED_RING = empty("circle", cx="%.1f", cy="%.1f", r=str(MARK + 5), fill="none", stroke=INK, stroke_width="2",
                     stroke_dasharray="4 3")
MARK_NAME = element("text", "%s", x="%.1f", y="%.1f", text_anchor="%s", font_size="15", fill=INK, stroke=PAPER,
                    stroke_width="3", paint_order="stroke")


def marker_shape(kind, x, y, fill):
    if kind == RAIL:
        return ROUND_MARK % (x, y, fill)
    if kind == RIVER:
        return TRIANGLE_MARK % (x, y - MARK - 1, x + MARK + 1, y + MARK, x - MARK - 1, y + MARK, fill)
    return SQUARE_MARK % (x - MARK, y - MARK, fill)


def marker(record, x, y, css="picture__marker"):
    fill = DARK if record["regime"] == INTERNATIONAL else PAPER
    parts = marker_shape(record["kind"], x, y, fill)
    if record.get("status") in (PLANNED_UPGRADE, PLANNED_NEW):
        parts += PLANNED_RING % (x, y)
    if record["name"]:
        anchor, dx = ("end", -MARK - 6) if x > WIDTH * 0.7 else ("start", MARK + 6)
        parts += MARK_NAME % (x + dx, y + 5, anchor, escape(str(record["name"])))
    return '<g class="%s">%s</g>' % (css, parts)


def has_position(record):
    return record.get("latitude") is not None and record.get("longitude") is not None


def placed(records, projection):
    """(record, x, y) for every point inside the map; the others are counted as not drawn."""
    drawn = []
    for record in records:
        if not has_position(record):
            continue
        x, y = projection(float(record["longitude"]), float(record["latitude"]))
        if 0 <= x <= projection.width and 0 <= y <= projection.height:
            drawn.append((record, x, y))
    return drawn


def legend_rows():
    return [
        ("road", INTERNATIONAL, None, _("Road point, international")),
        (RAIL, INTERNATIONAL, None, _("Rail point, international")),
        ("road", "local", None, _("Road point, local border traffic")),
        (RIVER, INTERNATIONAL, PLANNED_NEW, _("Planned change (dashed ring)")),
    ]


@functools.lru_cache(maxsize=16)
def legend(top, language):
    """The key, the same for every map of one size in one language: drawn once per process."""
    parts = []
    for row, (kind, regime, status, label) in enumerate(legend_rows()):
        y = top + 22 * row
        parts.append(marker({"kind": kind, "regime": regime, "status": status, "name": ""}, 18, y, "picture__key"))
        parts.append(text(36, y + 5, label, font_size="14", fill=INK))
    return element("g", "".join(parts), **{"class": "picture__legend"})


@functools.cache
def legend_size():
    """How many rows the key has (in any language): counted once, not by translating its labels."""
    return len(legend_rows())


def not_drawn_sentence(count):
    return ngettext(
        "%(count)s point is not drawn: its position is not given.",
        "%(count)s points are not drawn: their positions are not given.",
        count,
    ) % {"count": format_number(count)}


def map_description(country_name, drawn, not_drawn_text):
    text_ = _("The border of Lithuania and %(country)s from Natural Earth; crossing points marked: %(count)s.") % {
        "country": country_name, "count": format_number(drawn)}
    return text_ + (" " + not_drawn_text if not_drawn_text else "")


def translated(choices):
    """The choices' labels in the active language, each translated once for the whole table."""
    return {key: str(label) for key, label in choices}


@functools.lru_cache(maxsize=16)
def map_words(language):
    """The map's fixed words in a language (its labels, title, table headings, source): the same for
    every map, looked up once per process and language, as its legend is drawn."""
    return {
        "kinds": translated(KIND_CHOICES), "regimes": translated(REGIME_CHOICES),
        "statuses": translated(STATUS_CHOICES), "not_given": _("not given (not drawn)"),
        "lithuania": _("Lithuania"), "title": _("Map of the border and its crossing points"),
        "summary": _("The crossing points as a table"),
        "headers": (pgettext("crossing point", "Name"), _("Kind"), _("Regime"), _("Status"),
                    pgettext("place on the map", "Position")),
        "source": _("Border line: Natural Earth (public domain), from the world-atlas package."),
    }


def table_rows(records, words):
    kinds, regimes, statuses = words["kinds"], words["regimes"], words["statuses"]
    rows = []
    for record in records:
        if has_position(record):
            position = "%s° N, %s° E" % (format_number(record["latitude"]), format_number(record["longitude"]))
        else:
            position = words["not_given"]
        rows.append({
            "name": record["name"], "kind": kinds.get(record["kind"], record["kind"]),
            "regime": regimes.get(record["regime"], record["regime"]),
            "status": statuses.get(record.get("status"), ""), "position": position,
            "since": record.get("since"), "source_url": record.get("source_url") or "",
        })
    return rows


def border_map(value, country, context_id=None):
    """The map picture of a crossings block, or None where there is nothing to draw (no listed points,
    no country, or no border data built for the pair)."""
    records = list(value.get("records") or [])
    if not records or country is None:
        return None
    geometry = projected_border(country.iso_code, WIDTH)
    if geometry is None:
        return None
    projection = geometry["projection"]
    drawn = placed(records, projection)
    not_drawn = len(records) - len(drawn)
    forms = country.forms()
    ident = picture_id(context_id, "map")
    language = get_language()
    words = map_words(language)
    legend_top = projection.height + 24
    not_drawn_text = not_drawn_sentence(not_drawn) if not_drawn else ""
    height = legend_top + 22 * legend_size() + (28 if not_drawn else 0)
    body = [
        empty("rect", x="0", y="0", width=str(WIDTH), height="%.1f" % projection.height, fill=PAPER, stroke=GREY),
        empty("path", d=geometry["home"], fill=GREY, stroke="none"),
        empty("path", d=geometry["partner"], fill="url(#%s-hatch)" % ident, stroke="none"),
        empty("path", d=geometry["border"], fill="none", stroke=INK, stroke_width="3",
              stroke_linejoin="round", **{"class": "picture__border"}),
        text(geometry["home_label"][0], geometry["home_label"][1], words["lithuania"], font_size="18",
             font_weight="bold", text_anchor="middle", fill=INK, stroke=PAPER, stroke_width="4", paint_order="stroke"),
        text(geometry["partner_label"][0], geometry["partner_label"][1], forms.get("nominative", ""),
             font_size="18", font_weight="bold", text_anchor="middle", fill=INK, stroke=PAPER, stroke_width="4",
             paint_order="stroke"),
        "".join(marker(record, x, y) for record, x, y in drawn),
        legend(legend_top, language),
    ]
    if not_drawn:
        body.append(text(8, height - 8, not_drawn_text, font_size="15", fill=INK,
                         **{"class": "picture__not-drawn"}))
    title = words["title"]
    rows = table_rows(records, words)
    description = map_description(forms.get("genitive", ""), len(drawn), not_drawn_text)
    picture = {
        "id": ident,
        "svg": svg(ident, WIDTH, height, title, description, "".join(body), defs=hatch_pattern(ident + "-hatch", "#8c8f91")),
        "title": title,
        "description": description,
        "rows": rows,
        "table_rows": crossing_point_rows(rows),
        "not_drawn": not_drawn_text,
    }
    picture["figure"] = figure_html(picture, "map", words["summary"], headers=words["headers"], source=words["source"])
    return picture
