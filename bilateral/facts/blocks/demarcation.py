"""The demarcation of the border: treaty, marking, length, border marks and buoys."""

from functools import partial

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks

from ..grammar import format_number, join_list, kilometres, strip_final_stop
from .base import FactBlock, NameBlock, heading_block, sources_block
from .choices import ChoiceBlock
from .dates import FuzzyDateBlock, date_adverbial, dated_sentence
from .water_bodies import genitive_of, nominative_block, nominative_of, nominative_source_block, water_body_list
from .structs import StructBlock

LAND, WATERCOURSES, TRANSITIONAL, SPECIAL = "land", "watercourses", "transitional", "special"
MARK_TYPE_CHOICES = [
    (LAND, gettext_lazy("On land")),
    (WATERCOURSES, gettext_lazy("Along rivers, streams and drainage ditches")),
    (TRANSITIONAL, gettext_lazy("Transitional")),
    (SPECIAL, gettext_lazy("Special")),
]
BUOY, POST = "buoy", "post"
LAKE, POND = "lake", "pond"


def marks_of_type(mark_type, count):
    params = {"count": format_number(count)}
    if mark_type == LAND:
        return _("%(count)s on land") % params
    if mark_type == WATERCOURSES:
        return _("%(count)s along rivers, streams and drainage ditches") % params
    if mark_type == TRANSITIONAL:
        return ngettext("%(count)s transitional", "%(count)s transitional", count) % params
    return ngettext("%(count)s special", "%(count)s special", count) % params


def join_names(names):
    """Escaped names listed as join_list lists them ("a, b ir c"), safe HTML."""
    return mark_safe(join_list([str(name) for name in names], conditional_escape(_("and"))))  # noqa: S308 (escaped)


def water_bodies_phrase(lakes, ponds, name):
    """Lakes, then ponds; 'ir' before the very last name, as one enumeration. `name(water_body)` writes
    each name (escaped HTML): the genitive in Lithuanian, the marked nominative elsewhere."""
    phrases = []
    if lakes:
        names = [name(lake) for lake in lakes]
        listed = mark_safe(", ".join(str(each) for each in names)) if ponds else join_names(names)  # noqa: S308
        phrases.append(water_body_group(LAKE, listed, len(lakes)))
    if ponds:
        phrases.append(water_body_group(POND, join_names([name(pond) for pond in ponds]), len(ponds)))
    return mark_safe(", ".join(str(phrase) for phrase in phrases))  # noqa: S308 (each escaped)


def water_body_group(kind, names, count):
    """`names` is escaped HTML; so is the result."""
    params = {"names": names}
    # The names are listed, not counted: one name is singular ("ežere"), several are plural
    # ("ežeruose") whatever their number, so 21 names must not take the form of the numeral 21.
    number = 1 if count == 1 else 2
    if kind == LAKE:
        template = ngettext("in lake %(names)s", "in lakes %(names)s", number)
    else:
        template = ngettext("in pond %(names)s", "in ponds %(names)s", number)
    return mark_safe(conditional_escape(template) % params)  # noqa: S308 (template and names escaped)


def last_mark_water_body(value):
    """The last mark's lake or pond, as a water body of the lists."""
    return {
        "genitive": value.get("last_mark_water_body") or "",
        "nominative": value.get("last_mark_water_body_nominative") or "",
    }


def last_mark_phrase(value, country, name):
    if not value.get("last_mark_kind"):
        return ""
    mark = conditional_escape(_("a buoy") if value["last_mark_kind"] == BUOY else _("a border post"))
    if value.get("last_mark_water_body"):
        place = water_body_group(value["last_mark_water_body_kind"], name(last_mark_water_body(value)), 1)
        mark = mark_safe("%s %s" % (mark, place))  # noqa: S308 (both escaped)
    template = _(", the last mark of the state border of Lithuania and %(country)s was placed – %(mark)s")
    return mark_safe(  # noqa: S308 (template and values escaped)
        conditional_escape(template) % {"country": conditional_escape(country.get("genitive", "")), "mark": mark}
    )


def genitive_name(water_body):
    return conditional_escape(genitive_of(water_body))


def water_body_namer(writer):
    """How the reader's sentence names a water body: its genitive in Lithuanian, elsewhere its
    nominative marked as Lithuanian."""
    if writer.reads_source_language():
        return genitive_name
    return lambda water_body: writer.source_name(nominative_of(water_body))


def sentence_naming(writer, water_bodies, make):
    """A sentence naming water bodies: `make(forms, name, water_body_name)`, where `name` writes another
    proper name (the treaty's title) and `water_body_name` a lake or pond. In the reader's language
    where it is Lithuanian or every water body has its nominative; otherwise whole in Lithuanian, with
    the genitives, marked (nothing inside it is marked again)."""
    if writer.reads_source_language() or all(nominative_of(body) for body in water_bodies):
        water_body_name = water_body_namer(writer)
        return writer.plain(lambda forms: make(forms, writer.name, water_body_name))
    return writer.in_source_language(lambda forms: make(forms, conditional_escape, genitive_name))


def marking_sentence(value, country, name=conditional_escape, water_body_name=genitive_name):
    """The treaty and the marking, as HTML: `name` writes the treaty's title (marked with its language
    inside a sentence of another), `water_body_name` the last mark's lake or pond."""
    template = _(
        "In implementation of the Lithuania–%(country)s treaty “%(treaty)s” signed %(treaty_date)s, "
        "the marking of the state border of Lithuania and %(country)s was completed "
        "%(marking_date)s%(last_mark)s."
    )
    params = {
        "country": country.get("genitive", ""),
        "treaty_date": date_adverbial(value["treaty_signed"]),
        "marking_date": date_adverbial(value["marking_completed"]),
        "last_mark": last_mark_phrase(value, country, water_body_name),
    }
    params = {key: conditional_escape(text) for key, text in params.items()}
    params["treaty"] = name(value["treaty_title"])
    return mark_safe(conditional_escape(template) % params)  # noqa: S308 (template and values escaped)


def marking_paragraph(value, writer):
    if value.get("last_mark_kind") and value.get("last_mark_water_body"):
        sentence = sentence_naming(writer, [last_mark_water_body(value)], partial(marking_sentence, value))
    else:
        sentence = writer.plain(lambda forms: marking_sentence(value, forms, writer.name))
    return with_note(sentence, value.get("marking_note"), writer)


def with_note(sentence, note, writer):
    """A sentence followed by the editor's note, a sentence of its own in the note's language."""
    if not note:
        return sentence
    return format_html("{} {}", sentence, writer.free_text(strip_final_stop(note) + "."))


def length_sentence(value, country):
    params = {
        "country": country.get("genitive", ""),
        "total": format_number(value["total_length_km"]),
        "land": format_number(value.get("land_length_km")),
        "water": format_number(value.get("water_length_km")),
    }
    if value.get("land_length_km") is not None and value.get("water_length_km") is not None:
        return (
            _(
                "The total length of the state border of Lithuania and %(country)s is %(total)s km, "
                "of which – %(land)s km by land, %(water)s km by water."
            )
            % params
        )
    return _("The total length of the state border of Lithuania and %(country)s is %(total)s km.") % params


def marks_sentence(value):
    declared = value.get("marks_declared_total")
    if declared is None:
        declared = sum(mark["count"] for mark in value["marks"])
    text = ngettext(
        "In total %(count)s state border mark has been installed",
        "In total %(count)s state border marks have been installed",
        declared,
    ) % {"count": format_number(declared)}
    parts = [marks_of_type(mark["mark_type"], mark["count"]) for mark in value["marks"]]
    if parts:
        text += _(", of which %(parts)s") % {"parts": join_list(parts)}
    return text + "."


def buoys_sentence(value, name=genitive_name):
    """Safe HTML: `name` writes each lake's and pond's name (water_bodies_phrase)."""
    buoys = value.get("buoys_count")
    if not buoys:
        return ""
    stretch = ""
    if value.get("water_stretch_km"):
        stretch = _(" in a %(length)s long stretch of border waters") % {
            "length": kilometres(value["water_stretch_km"])
        }
    water_bodies = water_bodies_phrase(value.get("lakes") or [], value.get("ponds") or [], name)
    template = _(
        "The state border running through water bodies, lakes and ponds is marked by "
        "%(buoys)s%(stretch)s%(water_bodies)s."
    )
    params = {
        "buoys": conditional_escape(
            ngettext("%(count)s buoy", "%(count)s buoys", buoys) % {"count": format_number(buoys)}
        ),
        "stretch": conditional_escape(stretch),
        "water_bodies": format_html(": {}", water_bodies) if water_bodies else "",
    }
    return mark_safe(conditional_escape(template) % params)  # noqa: S308 (template and values escaped)


def final_documents_sentence(value, country):
    return dated_sentence(
        value["final_documents_signed"],
        _("the final documents of the demarcation of the Republic of Lithuania–%(country)s border were signed.")
        % {"country": country.get("official_genitive", "")},
    )


def final_documents_paragraph(value, writer):
    if not value.get("final_documents_signed") or value["final_documents_signed"].is_empty:
        return ""
    sentence = writer.plain(lambda forms: final_documents_sentence(value, forms))
    return with_note(sentence, value.get("final_documents_note"), writer)


def figures_paragraph(value, writer):
    sentences = [
        writer.plain(lambda forms: length_sentence(value, forms)),
        writer.plain(lambda forms: marks_sentence(value)),
    ]
    if value.get("buoys_count"):
        water_bodies = [*(value.get("lakes") or []), *(value.get("ponds") or [])]
        sentences.append(
            sentence_naming(writer, water_bodies, lambda forms, _name, water_body_name: buoys_sentence(value, water_body_name))
        )
    return mark_safe(" ".join(str(sentence) for sentence in sentences))  # noqa: S308 (each escaped)


class BorderMarkCountBlock(StructBlock):
    """How many border marks of one type were installed."""

    mark_type = ChoiceBlock(choices=MARK_TYPE_CHOICES, label=gettext_lazy("Type"))
    count = blocks.IntegerBlock(min_value=0, label=gettext_lazy("Number of marks"))

    class Meta:
        icon = "pick"
        label = gettext_lazy("Border marks")


class DemarcationBlock(FactBlock):
    """The border's demarcation: treaty, marking, length by land and water, marks and buoys."""

    default_heading = gettext_lazy("Demarcation of the border")

    heading = heading_block()
    treaty_title = blocks.CharBlock(
        max_length=300, label=gettext_lazy("Treaty title"), help_text=gettext_lazy("Without quotation marks.")
    )
    treaty_signed = FuzzyDateBlock(label=gettext_lazy("Treaty signed"))
    marking_completed = FuzzyDateBlock(label=gettext_lazy("Marking of the border completed"))
    last_mark_kind = ChoiceBlock(
        choices=[(BUOY, gettext_lazy("Buoy")), (POST, gettext_lazy("Border post"))],
        required=False,
        label=gettext_lazy("The last mark placed"),
    )
    last_mark_water_body = NameBlock(
        required=False, max_length=100, label=gettext_lazy("Where: lake or pond (genitive)")
    )
    last_mark_water_body_nominative = nominative_block()
    last_mark_water_body_source_url = nominative_source_block()
    last_mark_water_body_kind = ChoiceBlock(
        choices=[(LAKE, gettext_lazy("Lake")), (POND, gettext_lazy("Pond"))],
        default=LAKE,
        required=False,
        label=gettext_lazy("Lake or pond"),
    )
    marking_note = blocks.TextBlock(required=False, label=gettext_lazy("Note on the marking"))
    total_length_km = blocks.DecimalBlock(
        min_value=0, decimal_places=3, label=gettext_lazy("Total length, km")
    )
    land_length_km = blocks.DecimalBlock(
        required=False, min_value=0, decimal_places=3, label=gettext_lazy("Of which by land, km")
    )
    water_length_km = blocks.DecimalBlock(
        required=False, min_value=0, decimal_places=3, label=gettext_lazy("Of which by water, km")
    )
    marks_declared_total = blocks.IntegerBlock(
        required=False,
        min_value=0,
        label=gettext_lazy("Border marks in total (as declared)"),
        help_text=gettext_lazy("The total the source states; it is checked against the marks by type."),
    )
    marks = blocks.ListBlock(BorderMarkCountBlock(), required=False, default=[], label=gettext_lazy("Border marks by type"))
    buoys_count = blocks.IntegerBlock(required=False, min_value=0, label=gettext_lazy("Buoys"))
    water_stretch_km = blocks.DecimalBlock(
        required=False,
        min_value=0,
        decimal_places=3,
        label=gettext_lazy("Length of the stretch of border waters, km"),
    )
    lakes = water_body_list(gettext_lazy("Lakes"))
    ponds = water_body_list(gettext_lazy("Ponds"))
    funding_note = blocks.TextBlock(required=False, label=gettext_lazy("Funding of the works"))
    final_documents_signed = FuzzyDateBlock(
        required=False, label=gettext_lazy("Final demarcation documents signed")
    )
    final_documents_note = blocks.TextBlock(required=False, label=gettext_lazy("Note on the final documents"))

    sources = sources_block()

    class Meta:
        icon = "crosshairs"
        template = "blocks/demarcation_block.html"
        label = gettext_lazy("Demarcation of the border")
        description = gettext_lazy("Treaty, marking, length by land and water, border marks and buoys.")
        group = gettext_lazy("Facts")

    def sentences(self, value, writer):
        return {
            "marking": marking_paragraph(value, writer),
            "figures": figures_paragraph(value, writer),
            "funding": writer.free_text(value.get("funding_note", "")),
            "final_documents": final_documents_paragraph(value, writer),
        }

    def pictures(self, value, context):
        from ..pictures.demarcation import demarcation_bars

        return {"demarcation_picture": demarcation_bars(value, context.get("id"))}
