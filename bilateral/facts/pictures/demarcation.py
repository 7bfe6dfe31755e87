"""Demarcation in two bars: the border's kilometres by land and by water, and its marks by type, with
the marks the declared total has beyond the types shown as a part of their own, named as unexplained."""

import functools
from decimal import Decimal
from html import escape

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..blocks.demarcation import MARK_TYPE_CHOICES
from ..grammar import format_number
from .figure import figure_html
from .tables import demarcation_rows
from .svg import DARK, INK, LIGHT, PAPER, dot_pattern, element, empty, hatch_pattern, picture_id, svg, text

WIDTH = 640
BAR = 34
LEFT = 8


# The parts of a bar and their captions, as %-format strings written out once.
PART = empty("rect", x="%.1f", y="%d", width="%.1f", height=str(BAR), fill="%s", stroke=INK, stroke_width="1.5")
DASHED_PART = PART.replace("/>", ' stroke-dasharray="5 3"/>')
SWATCH = empty("rect", x=str(LEFT), y="%d", width="16", height="16", fill="%s", stroke=INK, stroke_width="1.5")
DASHED_SWATCH = SWATCH.replace("/>", ' stroke-dasharray="5 3"/>')
CAPTION = element("text", "%s: %s", x="%.1f" % (LEFT + 24), y="%.1f", font_size="15", fill=INK)


def bar(top, parts, scale, fills):
    """One stacked bar: (label, amount) parts, each a rectangle with its fill, left to right."""
    shapes, x = [], LEFT
    for (_label, amount), fill in zip(parts, fills):
        width = float(amount) * scale
        if width <= 0:
            continue
        shapes.append((DASHED_PART if fill == "none" else PART) % (x, top, width, escape(fill)))
        x += width
    return "".join(shapes)


def captions(top, parts, fills_key):
    """The parts named under their bar, one line each, with the key swatch: no label on the bar to collide."""
    lines = []
    for row, ((label, amount), fill) in enumerate(zip(parts, fills_key)):
        y = top + 22 * row
        lines.append((DASHED_SWATCH if fill == "none" else SWATCH) % (y - 13, escape(fill)))
        lines.append(CAPTION % (y, escape(str(label)), escape(str(amount))))
    return "".join(lines)


@functools.lru_cache(maxsize=16)
def demarcation_words(language):
    """The bars' fixed words in a language, looked up once per process and language."""
    return {"by_land": _("By land"), "by_water": _("By water"), "title": _("Demarcation in figures"),
            "summary": _("The figures as a table"), "mark_types": {key: str(label) for key, label in MARK_TYPE_CHOICES}}


def length_parts(value):
    """The lengths by land and by water, where given; none when they add up to nothing to draw (a bar
    of 0 km has no scale)."""
    words = demarcation_words(get_language())
    parts = []
    if value.get("land_length_km") is not None:
        parts.append((words["by_land"], value["land_length_km"]))
    if value.get("water_length_km") is not None:
        parts.append((words["by_water"], value["water_length_km"]))
    if sum(Decimal(amount) for _, amount in parts) + Decimal(value.get("total_length_km") or 0) <= 0:
        return []
    return parts


def mark_parts(value):
    labels = demarcation_words(get_language())["mark_types"]
    return [(str(labels.get(mark["mark_type"], mark["mark_type"])), mark["count"]) for mark in value.get("marks") or []]


def marks_difference(value):
    """Declared total minus the marks by type: what the source leaves unexplained (0 when they agree)."""
    declared = value.get("marks_declared_total")
    by_type = sum(mark["count"] for mark in value.get("marks") or [])
    return (declared - by_type) if declared is not None else 0


def demarcation_bars(value, context_id=None):
    lengths, marks = length_parts(value), mark_parts(value)
    if not lengths and not marks:
        return None
    # Each figure in the active language's format once, for the bars' captions, the description and the table.
    shown_lengths = [(label, format_number(amount)) for label, amount in lengths]
    shown_marks = [(label, format_number(count)) for label, count in marks]
    ident = picture_id(context_id, "demarcation")
    fills = ["url(#%s-hatch)" % ident, "url(#%s-dots)" % ident, DARK, LIGHT]
    body, y = [], 24
    if lengths:
        total_km = max(Decimal(value.get("total_length_km") or 0), sum(Decimal(a) for _, a in lengths))
        body.append(text(LEFT, y, _("Length of the border, km (total %(total)s)") % {
            "total": format_number(value.get("total_length_km"))}, font_size="16", font_weight="bold", fill=INK))
        scale = (WIDTH - 2 * LEFT) / float(total_km)
        body.append(bar(y + 10, lengths, scale, fills))
        body.append(captions(y + BAR + 34, shown_lengths, fills))
        y += BAR + 34 + 22 * len(lengths) + 20
    difference = marks_difference(value)
    if marks:
        declared = value.get("marks_declared_total")
        by_type = sum(count for _, count in marks)
        body.append(text(LEFT, y, _("Border marks: %(declared)s declared, %(by_type)s by type") % {
            "declared": format_number(declared if declared is not None else by_type),
            "by_type": format_number(by_type)}, font_size="16", font_weight="bold", fill=INK))
        parts = list(marks)
        mark_fills = fills[: len(parts)] + [PAPER] * max(0, len(parts) - len(fills))
        if difference > 0:
            parts.append((_("Not explained by type"), difference))
            mark_fills.append("none")
        scale = (WIDTH - 2 * LEFT) / float(max(by_type + max(difference, 0), 1))
        body.append(bar(y + 10, parts, scale, mark_fills))
        shown = shown_marks + ([(parts[-1][0], format_number(difference))] if difference > 0 else [])
        body.append(captions(y + BAR + 34, shown, mark_fills))
        y += BAR + 34 + 22 * len(parts)
        if difference < 0:
            body.append(text(LEFT, y + 4, difference_sentence(difference), font_size="15", fill=INK))
            y += 22
    height = y + 8
    words = demarcation_words(get_language())
    title = words["title"]
    description = demarcation_description(shown_lengths, shown_marks, difference)
    defs = hatch_pattern(ident + "-hatch") + dot_pattern(ident + "-dots")
    picture = {
        "id": ident,
        "svg": svg(ident, WIDTH, height, title, description, "".join(body), defs=defs),
        "title": title,
        "description": description,
        "lengths": shown_lengths,
        "total_length": format_number(value.get("total_length_km")),
        "marks": shown_marks,
        "marks_by_type": format_number(sum(count for _, count in marks)),
        "marks_declared": format_number(value.get("marks_declared_total")),
        "difference": format_number(difference) if difference else "",
        "difference_sentence": difference_sentence(difference) if difference else "",
    }
    picture["table_rows"] = demarcation_rows(picture)
    picture["figure"] = figure_html(picture, "demarcation", words["summary"], note=picture["difference_sentence"])
    return picture


def difference_sentence(difference):
    if difference > 0:
        return _("%(count)s of the declared marks are not among the marks by type; the source does not say why.") % {
            "count": format_number(difference)}
    return _("The marks by type are %(count)s more than the declared total; the source does not say why.") % {
        "count": format_number(-difference)}


def demarcation_description(lengths, marks, difference):
    """From the figures as shown: (label, formatted figure) pairs."""
    parts = []
    if lengths:
        parts.append(", ".join("%s %s km" % (label, amount) for label, amount in lengths) + ".")
    if marks:
        parts.append(", ".join("%s: %s" % (label, count) for label, count in marks) + ".")
    if difference:
        parts.append(difference_sentence(difference))
    return " ".join(parts)
