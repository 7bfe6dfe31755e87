"""The rows of the tables that give each picture's figures as text, written in Python like the SVG
above them: a row is a handful of cells, and a template spends more on looking up and escaping each
cell than the cell is worth (a page render writes some fifty). The table around the rows, its caption
and headers, is the picture's figure (figure.py)."""

import functools
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CELL = '<td class="govuk-table__cell">%s</td>'
ROW_HEADER = '<th scope="row" class="govuk-table__header">%s</th>'


def html(value):
    """A value as the template would write it: HTML as it is, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


@functools.lru_cache(maxsize=16)
def row_labels(language):
    """The tables' fixed words in a language, escaped, looked up once per process and language."""
    return {"since": escape(_("since")), "length": escape(_("Length of the border, km")),
            "declared": escape(_("Border marks declared")), "difference": escape(_("Difference, not explained")),
            "by_type": escape(_("Border marks by type together"))}


def crossing_point_rows(rows):
    """The border map's table: one row per listed crossing point (pictures/figure.py)."""
    since = row_labels(get_language())["since"]
    lines = []
    for row in rows:
        name = html(row["name"])
        if row["source_url"]:
            name = '<a href="%s">%s</a>' % (html(row["source_url"]), name)
        status = html(row["status"])
        if row["since"] and not row["since"].is_empty:
            status += ", %s %s" % (since, html(row["since"].as_html()))
        cells = (CELL % html(row["kind"])) + (CELL % html(row["regime"])) + (CELL % status) + (CELL % html(row["position"]))
        lines.append('\n          <tr class="govuk-table__row">%s%s</tr>\n        ' % (ROW_HEADER % name, cells))
    return mark_safe("".join(lines))


def chronology_rows(rows):
    """The timeline's table: date and event, one row per dated item (pictures/figure.py)."""
    return mark_safe("".join(
        '<tr class="govuk-table__row">%s%s</tr>' % (CELL % html(row["date"].words_as_html(row["words"])), CELL % html(row["label"]))
        for row in rows
    ))


def figure_row(label, figure):
    return ('<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">%s</th>'
            '<td class="govuk-table__cell govuk-table__cell--numeric picture__number">%s</td></tr>') % (label, html(figure))


def demarcation_rows(picture):
    """The demarcation bars' table: the lengths, then the marks by type and their totals
    (pictures/figure.py)."""
    labels = row_labels(get_language())
    lengths = marks = ""
    if picture["lengths"]:
        lengths = "\n          %s\n          %s\n        " % (
            figure_row(labels["length"], picture["total_length"]),
            "".join(figure_row(html(label) + ", km", amount) for label, amount in picture["lengths"]))
    if picture["marks"]:
        declared = figure_row(labels["declared"], picture["marks_declared"]) \
            if picture["marks_declared"] else ""
        difference = figure_row(labels["difference"], picture["difference"]) \
            if picture["difference"] else ""
        marks = "\n          %s\n          %s\n          %s\n        " % (
            figure_row(labels["by_type"], picture["marks_by_type"]), declared, difference)
    by_type = "".join(figure_row(html(label), count) for label, count in picture["marks"])
    return mark_safe("%s\n        %s\n        %s" % (lengths, by_type, marks))
