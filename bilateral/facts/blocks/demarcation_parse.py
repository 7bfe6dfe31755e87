"""Reading the demarcation's paragraphs back: the inverse of marking_paragraph, figures_paragraph and
final_documents_paragraph (demarcation.py)."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from . import parsing
from .dates import date_adverbial_pattern, parse_date_adverbial, parse_dated_sentence
from .demarcation import BUOY, LAKE, LAND, POND, POST, SPECIAL, TRANSITIONAL, WATERCOURSES

NOTE = r"(?:\s(?P<note>.+))?"


def with_country(template, country_name):
    """A template with the country's name filled in and its other placeholders kept."""
    return template.replace("%(country)s", country_name)


# --- The treaty and the marking -------------------------------------------------------------------


def marking_template():
    return _(
        "In implementation of the Lithuania–%(country)s treaty “%(treaty)s” signed %(treaty_date)s, "
        "the marking of the state border of Lithuania and %(country)s was completed "
        "%(marking_date)s%(last_mark)s."
    )


def last_mark_pattern(country):
    template = _(", the last mark of the state border of Lithuania and %(country)s was placed – %(mark)s")
    return parsing.template_regex(with_country(template, country.get("genitive", "")), mark=".+?")


def water_body_template(kind, number):
    if kind == LAKE:
        return ngettext("in lake %(names)s", "in lakes %(names)s", number)
    return ngettext("in pond %(names)s", "in ponds %(names)s", number)


def parse_mark(text):
    """'plūduras Gilutės ežere' → the last mark's kind, water body and its kind."""
    for kind, label in ((BUOY, _("a buoy")), (POST, _("a border post"))):
        label = parsing.normalise_text(label)
        if text == label:
            return {"last_mark_kind": kind, "last_mark_water_body": "", "last_mark_water_body_kind": LAKE}
        if text.startswith(label + " "):
            for body_kind in (LAKE, POND):
                match = parsing.match_template(water_body_template(body_kind, 1), text[len(label) + 1 :], names=".+")
                if match:
                    return {
                        "last_mark_kind": kind,
                        "last_mark_water_body": match["names"],
                        "last_mark_water_body_kind": body_kind,
                    }
    return None


def parse_marking_paragraph(text, country):
    pattern = parsing.template_regex(
        marking_template(),
        country=re.escape(country.get("genitive", "")),
        treaty=".+?",
        treaty_date=date_adverbial_pattern(),
        marking_date=date_adverbial_pattern(),
        last_mark="(?:%s)?" % last_mark_pattern(country).replace("(?P<mark>", "(?P<mark_text>"),
    )
    match = re.fullmatch(pattern + NOTE, text)
    if not match:
        return None
    fields = {
        "treaty_title": match["treaty"],
        "treaty_signed": parse_date_adverbial(match["treaty_date"]),
        "marking_completed": parse_date_adverbial(match["marking_date"]),
        "last_mark_kind": "",
        "last_mark_water_body": "",
        "last_mark_water_body_kind": LAKE,
        "marking_note": match["note"] or "",
    }
    if match["mark_text"]:
        mark = parse_mark(match["mark_text"])
        if mark is None:
            return None
        fields.update(mark)
    return fields


# --- The figures: length, border marks, buoys -----------------------------------------------------


def parse_length_sentence(text, country):
    """(fields, rest) or (None, text)."""
    groups = {
        "country": re.escape(country.get("genitive", "")),
        **{name: parsing.number_pattern() for name in ("total", "land", "water")},
    }
    both = _(
        "The total length of the state border of Lithuania and %(country)s is %(total)s km, "
        "of which – %(land)s km by land, %(water)s km by water."
    )
    total_only = _("The total length of the state border of Lithuania and %(country)s is %(total)s km.")
    for template in (both, total_only):
        match, rest = parsing.sentence_prefix(parsing.template_regex(template, **groups), text)
        if match:
            named = match.groupdict()
            return {
                "total_length_km": parsing.parse_number(match["total"]),
                "land_length_km": parsing.parse_number(named["land"]) if named.get("land") else None,
                "water_length_km": parsing.parse_number(named["water"]) if named.get("water") else None,
            }, rest
    return None, text


def mark_type_forms():
    return [
        (LAND, [_("%(count)s on land")]),
        (WATERCOURSES, [_("%(count)s along rivers, streams and drainage ditches")]),
        (TRANSITIONAL, parsing.plural_forms("%(count)s transitional", "%(count)s transitional")),
        (SPECIAL, parsing.plural_forms("%(count)s special", "%(count)s special")),
    ]


def parse_mark_parts(text):
    """'1246 sausumoje, 457 palei upes, … ir 2 specialieji' → the marks by type, or None."""
    marks, position, conjunction = [], 0, _("and")
    while position < len(text):
        found = None
        for mark_type, templates in mark_type_forms():
            for template in templates:
                pattern = parsing.template_regex(template, count=parsing.number_pattern())
                match = re.compile(pattern + rf"(?=, |\s{re.escape(conjunction)}\s|$)").match(text, position)
                if match:
                    found = {"mark_type": mark_type, "count": parsing.parse_number(match["count"])}, match.end()
                    break
            if found:
                break
        if not found:
            return None
        marks.append(found[0])
        position = found[1]
        separator = re.compile(rf", |\s{re.escape(conjunction)}\s").match(text, position)
        if separator:
            position = separator.end()
    return marks


def parse_marks_sentence(text):
    of_which = parsing.template_regex(_(", of which %(parts)s"), parts=".+?")
    singular = "In total %(count)s state border mark has been installed"
    plural = "In total %(count)s state border marks have been installed"
    for template in parsing.plural_forms(singular, plural):
        pattern = parsing.template_regex(template, count=parsing.number_pattern()) + f"(?:{of_which})?" + r"\."
        match, rest = parsing.sentence_prefix(pattern, text)
        if match:
            marks = parse_mark_parts(match["parts"]) if match["parts"] else []
            if marks is None:
                return None, text
            return {"marks_declared_total": parsing.parse_number(match["count"]), "marks": marks}, rest
    return None, text


def parse_length(text):
    """The inverse of grammar.kilometres."""
    templates = [
        *parsing.plural_forms("%(count)s kilometre", "%(count)s kilometres"),
        pgettext("fractional length, genitive", "%(length)s kilometres").replace("%(length)s", "%(count)s"),
    ]
    match = parsing.match_any(templates, text, count=parsing.number_pattern())
    return parsing.parse_number(match["count"]) if match else None


def parse_names(text, conjunction_joined):
    if conjunction_joined:
        return parsing.split_list(text, _("and"))
    return text.split(", ")


def parse_water_group(text, kind, last):
    """One group: 'Dubo, Grūdos … ežeruose' → the names, or None. Only the last group's names are
    joined with "ir"."""
    for number in (1, 2):
        match = parsing.match_template(water_body_template(kind, number), text, names=".+")
        if match:
            names = parse_names(match["names"], last)
            if (number == 1) == (len(names) == 1):
                return names
    return None


def parse_water_bodies(text):
    """(lakes, ponds), or None."""
    pieces = text.split(", ")
    for index in range(1, len(pieces)):
        lakes = parse_water_group(", ".join(pieces[:index]), LAKE, False)
        ponds = parse_water_group(", ".join(pieces[index:]), POND, True)
        if lakes and ponds:
            return lakes, ponds
    lakes = parse_water_group(text, LAKE, True)
    if lakes:
        return lakes, []
    ponds = parse_water_group(text, POND, True)
    return ([], ponds) if ponds else None


def parse_buoys_sentence(text):
    template = _(
        "The state border running through water bodies, lakes and ponds is marked by "
        "%(buoys)s%(stretch)s%(water_bodies)s."
    )
    stretch = parsing.template_regex(_(" in a %(length)s long stretch of border waters"), length=".+?")
    stretch = stretch.replace("(?P<length>", "(?P<stretch_length>")
    for buoys in parsing.plural_forms("%(count)s buoy", "%(count)s buoys"):
        pattern = parsing.template_regex(
            template,
            buoys=parsing.template_regex(buoys, count=parsing.number_pattern()),
            stretch=f"(?:{stretch})?",
            water_bodies=r"(?::\s(?P<bodies>.+))?",
        )
        match = re.fullmatch(pattern, text)
        if not match:
            continue
        fields = {
            "buoys_count": parsing.parse_number(match["count"]),
            "water_stretch_km": None,
            "lakes": [],
            "ponds": [],
        }
        if match["stretch_length"]:
            fields["water_stretch_km"] = parse_length(match["stretch_length"])
            if fields["water_stretch_km"] is None:
                return None
        if match["bodies"]:
            bodies = parse_water_bodies(match["bodies"])
            if bodies is None:
                return None
            fields["lakes"], fields["ponds"] = bodies
        return fields
    return None


def parse_figures_paragraph(text, country):
    length, rest = parse_length_sentence(text, country)
    if length is None:
        return None
    marks, rest = parse_marks_sentence(rest)
    if marks is None:
        return None
    fields = {**length, **marks, "buoys_count": None, "water_stretch_km": None, "lakes": [], "ponds": []}
    if rest:
        buoys = parse_buoys_sentence(rest)
        if buoys is None:
            return None
        fields.update(buoys)
    return fields


# --- The final documents ---------------------------------------------------------------------------


def parse_final_documents_paragraph(text, country):
    date, since, sentence = parse_dated_sentence(text)
    if date is None or since:
        return None
    template = _("the final documents of the demarcation of the Republic of Lithuania–%(country)s border were signed.")
    pattern = parsing.template_regex(template, country=re.escape(country.get("official_genitive", "")))
    match = re.fullmatch(pattern + NOTE, sentence)
    if not match:
        return None
    return {"final_documents_signed": date, "final_documents_note": match["note"] or ""}


def parse(paragraphs, country, **context):
    """The demarcation read from the paragraphs at the start of `paragraphs`: (value, how many), or None.
    The funding note is free text: it is recognised only between the figures and the final documents."""
    texts = [paragraph.text for paragraph in paragraphs[:4]]
    if len(texts) < 2:
        return None
    marking = parse_marking_paragraph(texts[0], country)
    figures = parse_figures_paragraph(texts[1], country) if marking else None
    if not figures:
        return None
    value = {
        "heading": "",
        **marking,
        **figures,
        "funding_note": "",
        "final_documents_signed": {},
        "final_documents_note": "",
        "sources": [],
    }
    used = 2
    final = parse_final_documents_paragraph(texts[2], country) if len(texts) > 2 else None
    if final:
        used = 3
    elif len(texts) > 3 and paragraphs[2].kind == parsing.Paragraph.TEXT:
        final = parse_final_documents_paragraph(texts[3], country)
        if final:
            value["funding_note"], used = texts[2], 4
    if final:
        value.update(final)
    return value, used
