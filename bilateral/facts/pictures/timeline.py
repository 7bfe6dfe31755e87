"""The diplomatic chronology on a year axis: one row per event or representative, an event as a
diamond on its day (a band over its month or year where only that is known), a representative as a
band over the years in office, each named in the row."""

import datetime
import functools
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import get_language, pgettext

from ..blocks.timeline import DIPLOMATIC_RELATIONS, LITHUANIA_IN_PARTNER, RECOGNITION_DE_JURE, ROLE_CHOICES
from ..blocks.dates import DAY
from ..grammar import agreeing_with
from ..models import FEMININE, MASCULINE, NEUTER, PLURAL
from .figure import figure_html
from .tables import chronology_rows
from .svg import DARK, INK, PAPER, element, empty, hatch_pattern, picture_id, svg

WIDTH = 640
LEFT, RIGHT = 12, 12
ROW = 46  # a label line above its mark: labels never cover a mark, however long the span
AXIS = 34
CHARACTER = 7.4  # average width of a character at font size 14, to keep a label inside the picture


RECOGNITION_LABEL = {
    FEMININE: lambda: pgettext("country's name feminine", "%(country)s recognised Lithuania de jure"),
    MASCULINE: lambda: pgettext("country's name masculine", "%(country)s recognised Lithuania de jure"),
    NEUTER: lambda: pgettext("country's name neuter", "%(country)s recognised Lithuania de jure"),
    PLURAL: lambda: pgettext("country's name plural", "%(country)s recognised Lithuania de jure"),
}


@functools.lru_cache(maxsize=16)
def timeline_words(language):
    """The timeline's fixed words in a language, looked up once per process and language."""
    return {"relations": _("Diplomatic relations established"), "title": _("Timeline of the diplomatic relations"),
            "summary": _("The chronology as a table"), "headers": (_("Date"), _("Event"))}


def event_label(value, country):
    if value["kind"] == RECOGNITION_DE_JURE:
        return agreeing_with(country, RECOGNITION_LABEL) % {"country": country.get("nominative", "")}
    if value["kind"] == DIPLOMATIC_RELATIONS:
        return timeline_words(get_language())["relations"]
    description = value.get("description") or ""
    return description if len(description) <= 70 else description[:69] + "…"


def representative_label(value, country):
    params = {"name": value["name"], "role": dict(ROLE_CHOICES).get(value["role"], ""),
              "country": country.get("genitive", "")}
    if value["direction"] == LITHUANIA_IN_PARTNER:
        return _("Lithuania's first representative: %(name)s") % params if value["first"] else \
            _("Lithuania's representative: %(name)s") % params
    return _("First representative of %(country)s: %(name)s") % params if value["first"] else \
        _("Representative of %(country)s: %(name)s") % params


def chronology(items, country):
    """(date, label, kind) for every dated item, in the editor's order."""
    rows = []
    for item in items:
        if item.block_type == "event" and not item.value["date"].is_empty:
            rows.append((item.value["date"], event_label(item.value, country), "event"))
        elif item.block_type == "representative" and not item.value["period"].is_empty:
            rows.append((item.value["period"], representative_label(item.value, country), item.value["direction"]))
    return rows


def year_span(rows):
    start = min(date.first_day().year for date, _, _ in rows)
    end = max(date.last_day().year for date, _, _ in rows) + 1
    return start, max(end, start + 2)


def tick_years(start, end):
    step = 1 if end - start <= 12 else 5 if end - start <= 60 else 10
    return [year for year in range(start, end + 1) if year % step == 0 or year == start]


def timeline_picture(value, country_forms, context_id=None):
    rows = chronology(value["items"], country_forms)
    if not rows:
        return None
    ident = picture_id(context_id, "timeline")
    start, end = year_span(rows)
    first = datetime.date(start, 1, 1).toordinal()
    span = datetime.date(end, 1, 1).toordinal() - first
    plot = WIDTH - LEFT - RIGHT

    def x_of(day):
        return LEFT + plot * (day.toordinal() - first) / span

    height = AXIS + ROW * len(rows) + 12
    body = [axis(start, end, x_of, height)]
    for index, (date, label, kind) in enumerate(rows):
        y = AXIS + ROW * index + 30
        body.append(row_mark(date, kind, x_of, y, ident))
        body.append(row_label(label, x_of(date.first_day()), y - 14))
    words = timeline_words(get_language())
    title = words["title"]
    table = [{"date": date, "words": str(date), "label": label} for date, label, _ in rows]
    description = "; ".join("%s: %s" % (row["words"], row["label"]) for row in table) + "."
    picture = {
        "id": ident,
        "svg": svg(ident, WIDTH, height, title, description, "".join(body), defs=hatch_pattern(ident + "-hatch", DARK)),
        "title": title,
        "description": description,
        "rows": table,
        "table_rows": chronology_rows(table),
    }
    picture["figure"] = figure_html(picture, "timeline", words["summary"], headers=words["headers"])
    return picture


# The marks drawn once per year or per row, as %-format strings written out once.
AXIS_LINE = empty("line", x1=str(LEFT), y1=str(AXIS - 8), x2=str(WIDTH - RIGHT), y2=str(AXIS - 8), stroke=INK,
                  stroke_width="1.5")
TICK = empty("line", x1="%.1f", y1=str(AXIS - 12), x2="%.1f", y2="%d", stroke="#b1b4b6", stroke_width="1")
YEAR = element("text", "%d", x="%.1f", y="%.1f", font_size="14", text_anchor="%s", fill=INK)
DAY_MARK = empty("polygon", points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f", fill=DARK, stroke=INK,
                 stroke_width="1.5")
SPAN_MARK = empty("rect", x="%.1f", y="%.1f", width="%.1f", height="14", fill="%s", stroke=INK, stroke_width="1.5")
ROW_LABEL = element("text", "%s", x="%.1f", y="%.1f", font_size="14", fill=INK)


def axis(start, end, x_of, height):
    parts = [AXIS_LINE]
    for year in tick_years(start, end):
        x = x_of(datetime.date(year, 1, 1))
        parts.append(TICK % (x, x, height - 6))
        anchor = "start" if year == start else "middle" if year < end else "end"
        parts.append(YEAR % (x, AXIS - 16, anchor, year))
    return element("g", "".join(parts), **{"class": "picture__axis"})


def row_mark(date, kind, x_of, y, ident):
    if kind == "event" and date.precision == DAY:
        x = x_of(date.first_day())
        return DAY_MARK % (x, y - 8, x + 8, y, x, y + 8, x - 8, y)
    left = x_of(date.first_day())
    right = x_of(date.last_day() + datetime.timedelta(days=1))
    fill = "url(#%s-hatch)" % escape(ident) if kind == LITHUANIA_IN_PARTNER else PAPER if kind == "event" else DARK
    return SPAN_MARK % (left, y - 7, max(right - left, 3), fill)


def row_label(label, left, y):
    """Above its mark, from the mark's start, moved left as far as the label needs to stay inside."""
    x = max(LEFT, min(left - 8, WIDTH - RIGHT - len(label) * CHARACTER))
    return ROW_LABEL % (x, y, escape(str(label)))
