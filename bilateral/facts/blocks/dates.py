"""Dates as history writes them: a day, a month, a year or a span of years."""

import copy
import datetime
import functools
import re

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from . import parsing
from .choices import ChoiceBlock
from .structs import StructBlock

MONTH_CHOICES = [
    (1, gettext_lazy("January")),
    (2, gettext_lazy("February")),
    (3, gettext_lazy("March")),
    (4, gettext_lazy("April")),
    (5, gettext_lazy("May")),
    (6, gettext_lazy("June")),
    (7, gettext_lazy("July")),
    (8, gettext_lazy("August")),
    (9, gettext_lazy("September")),
    (10, gettext_lazy("October")),
    (11, gettext_lazy("November")),
    (12, gettext_lazy("December")),
]

DAY, MONTH, YEAR, YEAR_RANGE = "day", "month", "year", "year_range"
PRECISIONS = (DAY, MONTH, YEAR, YEAR_RANGE)

# A month's name where a sentence puts it after "in": Polish declines it ("w sierpniu", locative), which
# no Django date format letter gives; Lithuanian writes the genitive ("1991 m. rugpjūčio mėn.").
MONTHS_IN_SENTENCE = {
    1: lambda: pgettext("month of a date inside a sentence, after 'in'", "January"),
    2: lambda: pgettext("month of a date inside a sentence, after 'in'", "February"),
    3: lambda: pgettext("month of a date inside a sentence, after 'in'", "March"),
    4: lambda: pgettext("month of a date inside a sentence, after 'in'", "April"),
    5: lambda: pgettext("month of a date inside a sentence, after 'in'", "May"),
    6: lambda: pgettext("month of a date inside a sentence, after 'in'", "June"),
    7: lambda: pgettext("month of a date inside a sentence, after 'in'", "July"),
    8: lambda: pgettext("month of a date inside a sentence, after 'in'", "August"),
    9: lambda: pgettext("month of a date inside a sentence, after 'in'", "September"),
    10: lambda: pgettext("month of a date inside a sentence, after 'in'", "October"),
    11: lambda: pgettext("month of a date inside a sentence, after 'in'", "November"),
    12: lambda: pgettext("month of a date inside a sentence, after 'in'", "December"),
}


class FuzzyDate(blocks.StructValue):
    """A date known to a day, a month, a year or a range of years."""

    @property
    def is_empty(self):
        return not self.get("year")

    @property
    def precision(self):
        if self.get("end_year"):
            return YEAR_RANGE
        if self.get("day"):
            return DAY
        if self.get("month"):
            return MONTH
        return YEAR

    def first_day(self):
        """The earliest day the date can mean: what ordering checks compare."""
        if self.is_empty:
            return None
        return datetime.date(self["year"], int(self.get("month") or 1), self.get("day") or 1)

    def last_day(self):
        if self.is_empty:
            return None
        if self.precision == YEAR_RANGE:
            return datetime.date(self["end_year"], 12, 31)
        if self.precision == YEAR:
            return datetime.date(self["year"], 12, 31)
        if self.precision == MONTH:
            next_month = datetime.date(self["year"], int(self["month"]), 28) + datetime.timedelta(days=4)
            return next_month - datetime.timedelta(days=next_month.day)
        return self.first_day()

    def iso(self):
        """ISO 8601 text for machines: 1995-02-06, 1991-08, 2004, 1993/1994."""
        if self.is_empty:
            return ""
        if self.precision == YEAR_RANGE:
            return "%04d/%04d" % (self["year"], self["end_year"])
        if self.precision == YEAR:
            return "%04d" % self["year"]
        if self.precision == MONTH:
            return "%04d-%02d" % (self["year"], int(self["month"]))
        return self.first_day().isoformat()

    def __str__(self):
        return format_fuzzy_date(self)

    def words(self):
        """format_fuzzy_date(self), worked out once per language and date: a render writes a date in
        its sentence, its picture's label and its table (Django's date formatting is the dearest part)."""
        key = (translation.get_language(), self.get("year"), self.get("month"), self.get("day"), self.get("end_year"))
        memo = self.__dict__.get("_words")
        if memo is None or memo[0] != key:
            memo = self.__dict__["_words"] = (key, write_fuzzy_date(self))
        return memo[1]

    def as_html(self, in_sentence=False):
        """The date in words, wrapped in <time> where HTML can express its precision."""
        if self.is_empty:
            return ""
        return self.words_as_html(date_in_sentence(self) if in_sentence else format_fuzzy_date(self))

    def words_as_html(self, words):
        """The date's words (as str() or a sentence gives them) wrapped as as_html wraps them."""
        if self.precision == YEAR_RANGE:
            return format_html('<span class="date">{}</span>', words)
        return format_html('<time datetime="{}">{}</time>', self.iso(), words)


def format_fuzzy_date(value):
    """'1995 m. vasario 6 d.', '1991 m. rugpjūčio mėn.', '2004 m.', '1993–1994 m.'"""
    if value is None or value.is_empty:
        return ""
    return value.words() if isinstance(value, FuzzyDate) else write_fuzzy_date(value)


def write_fuzzy_date(value):
    precision = value.precision
    if precision == DAY:
        return formats.date_format(value.first_day(), "DATE_FORMAT")
    if precision == MONTH:
        # Django's YEAR_MONTH_FORMAT is nominative ("rugpjūtis"); inside a sentence it must be genitive.
        return formats.date_format(
            value.first_day(), pgettext("date format for a month inside a sentence", "F Y")
        )
    if precision == YEAR:
        return _("%(year)s") % {"year": value["year"]}
    return _("%(start)s–%(end)s") % {"start": value["year"], "end": value["end_year"]}


def date_in_sentence(value):
    """The date as a sentence says it after "in"/"on": a month-only date in the form that follows the
    preposition ("w sierpniu 1991 r."); any other date as format_fuzzy_date writes it."""
    if value is None or value.is_empty or value.precision != MONTH:
        return format_fuzzy_date(value)
    return pgettext("a month of a year inside a sentence, after 'in'", "%(month)s %(year)s") % {
        "month": MONTHS_IN_SENTENCE[value["month"]](),
        "year": value["year"],
    }


def adverbial_template(precision):
    """How a sentence places a date of this precision inside it; the reader below uses the same."""
    if precision == DAY:
        return pgettext("a date of a day inside a sentence", "on %(date)s")
    if precision == YEAR_RANGE:
        # Its own message: Polish says "w latach 1993–1994" where a year is "w 2004 r.".
        return pgettext("a span of years inside a sentence", "in %(date)s")
    return pgettext("a month, a year or a span of years inside a sentence", "in %(date)s")


def date_adverbial(value):
    """The date as a time adverbial inside a sentence: English "on 6 Feb. 1995" for a day, "in August
    1991", "in 1999", "in 1993–1994" otherwise; Lithuanian needs no preposition ("1999 m.")."""
    if value is None or value.is_empty:
        return ""
    return adverbial_template(value.precision) % {"date": date_in_sentence(value)}


def opening_template(precision, since=False):
    """How a sentence opens with a date of this precision: "On …, ", "In …, ", "Since …, " in English;
    the bare date (or "Nuo …") in Lithuanian, which puts no comma after it. The reader uses the same."""
    if since:
        return pgettext("a sentence opening with the date since which it holds", "Since %(date)s, %(sentence)s")
    if precision == DAY:
        return pgettext("a sentence opening with a date of a day", "On %(date)s, %(sentence)s")
    if precision == YEAR_RANGE:
        return pgettext("a sentence opening with a span of years", "In %(date)s, %(sentence)s")
    return pgettext("a sentence opening with a month, a year or a span of years", "In %(date)s, %(sentence)s")


def dated_sentence(value, sentence, since=False):
    """The sentence opened by its date, as text: "In August 1991, Latvia recognised …"."""
    if value is None or value.is_empty:
        return sentence
    return opening_template(value.precision, since) % {"date": date_in_sentence(value), "sentence": sentence}


def dated_sentence_html(value, sentence, since=False):
    """The same, the date in its <time> element; `sentence` is escaped unless it is already safe HTML."""
    if value is None or value.is_empty:
        return conditional_escape(sentence)
    template = conditional_escape(opening_template(value.precision, since))
    return mark_safe(template % {"date": value.as_html(in_sentence=True), "sentence": conditional_escape(sentence)})  # noqa: S308


class FuzzyDateBlock(StructBlock):
    """A date with its precision: fill the year; the month and day only when they are known."""

    year = blocks.IntegerBlock(label=gettext_lazy("Year"), min_value=1000, max_value=2999)
    month = ChoiceBlock(
        choices=MONTH_CHOICES, required=False, label=gettext_lazy("Month (if known)")
    )
    day = blocks.IntegerBlock(
        required=False, min_value=1, max_value=31, label=gettext_lazy("Day (if known)")
    )
    end_year = blocks.IntegerBlock(
        required=False,
        min_value=1000,
        max_value=2999,
        label=gettext_lazy("Until year"),
        help_text=gettext_lazy("Only for a span of years, such as 1993–1994."),
    )

    class Meta:
        value_class = FuzzyDate
        icon = "date"
        form_classname = "fuzzy-date"
        label = gettext_lazy("Date")

    def __init__(self, *args, required=True, **kwargs):
        self._required = required
        super().__init__(*args, **kwargs)
        if not required:
            # The declared child blocks are shared by every FuzzyDateBlock: give this one its own
            # optional year instead of making the year optional for all of them.
            year = copy.deepcopy(self.child_blocks["year"])
            year.field.required = False
            self.child_blocks["year"] = year

    @property
    def required(self):
        return self._required

    def to_python(self, value):
        value = dict(value or {})
        if value.get("month") not in (None, ""):
            value["month"] = int(value["month"])
        return super().to_python(value)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.is_empty:
            if any(value.get(name) for name in ("month", "day", "end_year")):
                errors["year"] = ValidationError(_("Enter the year."))
        elif value.get("day") and not value.get("month"):
            errors["month"] = ValidationError(_("A day needs its month."))
        elif value.get("end_year") and (value.get("month") or value.get("day")):
            errors["end_year"] = ValidationError(_("A span of years has no month or day."))
        elif value.get("end_year") and value["end_year"] < value["year"]:
            errors["end_year"] = ValidationError(_("The span must not end before it starts."))
        elif value.get("day"):
            try:
                value.first_day()
            except ValueError:
                errors["day"] = ValidationError(_("There is no such day in that month."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


# --- Reading a date back (the inverse of format_fuzzy_date and dated_sentence) -------------------

SAMPLE_YEAR, SAMPLE_DAY = 1999, 28


def written_date_pattern(written, named):
    """The pattern of one written sample date: its year (and the year's abbreviation, "m.", which
    hand-typed pages sometimes left out) and its day become groups."""
    year_match = re.search(r"%d(\s\S{1,3}\.)?" % SAMPLE_YEAR, written)
    before, after = written[: year_match.start()], written[year_match.end() :]
    year = r"(?P<year>\d{4})" if named else r"\d{4}"
    suffix = "(?:%s)?" % re.escape(year_match.group(1)) if year_match.group(1) else ""
    day = r"(?P<day>\d{1,2})" if named else r"\d{1,2}"
    escape = parsing.escape_literal
    return escape(before).replace(str(SAMPLE_DAY), day) + year + suffix + escape(after).replace(str(SAMPLE_DAY), day)


def date_forms(named=True):
    """(pattern, precision, month) for every way format_fuzzy_date and date_in_sentence write a date in
    the active language."""
    return date_forms_in(translation.get_language(), named)


@functools.lru_cache(maxsize=16)
def date_forms_in(language, named):
    forms = []
    for month in range(1, 13):
        day = {"year": SAMPLE_YEAR, "month": month, "day": SAMPLE_DAY}
        forms.append((written_date_pattern(format_fuzzy_date(FuzzyDate(None, day.items())), named), DAY, month))
    for month in range(1, 13):
        value = FuzzyDate(None, {"year": SAMPLE_YEAR, "month": month}.items())
        for written in dict.fromkeys((format_fuzzy_date(value), date_in_sentence(value))):
            forms.append((written_date_pattern(written, named), MONTH, month))
    year = r"\d{4}"
    forms.append((parsing.template_regex(_("%(start)s–%(end)s"), start=year, end=year), YEAR_RANGE, None))
    forms.append((parsing.template_regex(_("%(year)s"), year=year), YEAR, None))
    return forms


def date_pattern():
    """Any written date, as a pattern without groups, to be placed in a sentence's pattern."""
    return "(?:%s)" % "|".join(parsing.unnamed(pattern) for pattern, _precision, _month in date_forms(named=False))


def parse_fuzzy_date(text):
    """The inverse of format_fuzzy_date and date_in_sentence: {"year", "month", "day", "end_year"} (those
    known), or None."""
    text = parsing.normalise_text(text)
    for pattern, precision, month in date_forms():
        match = re.fullmatch(pattern, text)
        if not match:
            continue
        if precision == YEAR_RANGE:
            return {"year": int(match["start"]), "end_year": int(match["end"])}
        value = {"year": int(match["year"])}
        if month:
            value["month"] = month
        if precision == DAY:
            value["day"] = int(match["day"])
        return value
    return None


def parse_dated_sentence(text):
    """The inverse of dated_sentence: (date or None, since, the sentence after the date). A sentence
    that does not open with a date comes back whole, without a date."""
    text = parsing.normalise_text(text)
    openings = [(True, opening_template(None, since=True))]
    openings += [(False, template) for template in dict.fromkeys(opening_template(precision) for precision in PRECISIONS)]
    for since, template in openings:
        match = parsing.match_template(template, text, date=date_pattern(), sentence=".+")
        if match:
            date = parse_fuzzy_date(match["date"])
            if date:
                return date, since, match["sentence"]
    return None, False, text


def adverbial_templates():
    """Every way date_adverbial places a date, each once (languages share some)."""
    return list(dict.fromkeys(adverbial_template(precision) for precision in PRECISIONS))


def parse_date_adverbial(text):
    """The inverse of date_adverbial ("on 6 Feb. 1995", "1995 m. vasario 6 d.")."""
    for template in adverbial_templates():
        match = parsing.match_template(template, text, date=date_pattern())
        if match:
            date = parse_fuzzy_date(match["date"])
            if date:
                return date
    return None


def date_adverbial_pattern():
    """A date as date_adverbial writes it, as a pattern without groups."""
    return "(?:%s)" % "|".join(
        parsing.unnamed(parsing.template_regex(template, date=date_pattern())) for template in adverbial_templates()
    )
