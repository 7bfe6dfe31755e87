"""The demarcation of the border: treaty, marking, length, border marks and buoys."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks

from ..grammar import format_number, join_list, kilometres, strip_final_stop
from .base import FactBlock, heading_block, sources_block
from .choices import ChoiceBlock
from .dates import FuzzyDateBlock, date_adverbial, dated_sentence

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


def water_bodies_phrase(lakes, ponds):
    """Lakes, then ponds; 'ir' before the very last name, as one enumeration."""
    phrases = []
    if lakes:
        names = ", ".join(lakes) if ponds else join_list(lakes)
        phrases.append(water_body_group(LAKE, names, len(lakes)))
    if ponds:
        phrases.append(water_body_group(POND, join_list(ponds), len(ponds)))
    return ", ".join(phrases)


def water_body_group(kind, names, count):
    params = {"names": names}
    # The names are listed, not counted: one name is singular ("ežere"), several are plural
    # ("ežeruose") whatever their number, so 21 names must not take the form of the numeral 21.
    number = 1 if count == 1 else 2
    if kind == LAKE:
        return ngettext("in lake %(names)s", "in lakes %(names)s", number) % params
    return ngettext("in pond %(names)s", "in ponds %(names)s", number) % params


def last_mark_phrase(value, country):
    if not value.get("last_mark_kind"):
        return ""
    mark = _("a buoy") if value["last_mark_kind"] == BUOY else _("a border post")
    place = value.get("last_mark_water_body")
    if place:
        mark = "%s %s" % (mark, water_body_group(value["last_mark_water_body_kind"], place, 1))
    return _(", the last mark of the state border of Lithuania and %(country)s was placed – %(mark)s") % {
        "country": country.get("genitive", ""),
        "mark": mark,
    }


def marking_sentence(value, country, name=conditional_escape):
    """The treaty and the marking, as HTML: `name` writes the treaty's title (marked with its language
    inside a sentence of another)."""
    template = _(
        "In implementation of the Lithuania–%(country)s treaty “%(treaty)s” signed %(treaty_date)s, "
        "the marking of the state border of Lithuania and %(country)s was completed "
        "%(marking_date)s%(last_mark)s."
    )
    params = {
        "country": country.get("genitive", ""),
        "treaty_date": date_adverbial(value["treaty_signed"]),
        "marking_date": date_adverbial(value["marking_completed"]),
        "last_mark": last_mark_phrase(value, country),
    }
    params = {key: conditional_escape(text) for key, text in params.items()}
    params["treaty"] = name(value["treaty_title"])
    return mark_safe(conditional_escape(template) % params)  # noqa: S308 (template and values escaped)


def marking_paragraph(value, writer):
    if value.get("last_mark_kind") and value.get("last_mark_water_body"):
        # The lake's name is stored in the genitive the Lithuanian sentence needs: the sentence is
        # written whole in that language.
        sentence = writer.with_free_text(
            lambda forms: marking_sentence(value, forms), texts=[value.get("last_mark_water_body")]
        )
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


def buoys_sentence(value):
    buoys = value.get("buoys_count")
    if not buoys:
        return ""
    stretch = ""
    if value.get("water_stretch_km"):
        stretch = _(" in a %(length)s long stretch of border waters") % {
            "length": kilometres(value["water_stretch_km"])
        }
    water_bodies = water_bodies_phrase(value["lakes"], value["ponds"])
    return _(
        "The state border running through water bodies, lakes and ponds is marked by "
        "%(buoys)s%(stretch)s%(water_bodies)s."
    ) % {
        "buoys": ngettext("%(count)s buoy", "%(count)s buoys", buoys) % {"count": format_number(buoys)},
        "stretch": stretch,
        "water_bodies": ": %s" % water_bodies if water_bodies else "",
    }


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
        # Lakes and ponds are named in the genitive the Lithuanian sentence needs.
        named = value.get("lakes") or value.get("ponds")
        if named:
            names = [*(value.get("lakes") or []), *(value.get("ponds") or [])]
            sentences.append(writer.with_free_text(lambda forms: buoys_sentence(value), texts=names))
        else:
            sentences.append(writer.plain(lambda forms: buoys_sentence(value)))
    return mark_safe(" ".join(str(sentence) for sentence in sentences))  # noqa: S308 (each escaped)


class BorderMarkCountBlock(blocks.StructBlock):
    """How many border marks of one type were installed."""

    mark_type = ChoiceBlock(choices=MARK_TYPE_CHOICES, label=gettext_lazy("Type"))
    count = blocks.IntegerBlock(min_value=0, label=gettext_lazy("Number of marks"))

    class Meta:
        icon = "pick"
        label = gettext_lazy("Border marks")


def water_body_list(label):
    return blocks.ListBlock(
        blocks.CharBlock(max_length=100, label=gettext_lazy("Name (genitive)")),
        required=False,
        default=[],
        label=label,
        help_text=gettext_lazy("Each name in the genitive, as the sentence needs it: “Dubo”, “Gilutės”."),
    )


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
    last_mark_water_body = blocks.CharBlock(
        required=False, max_length=100, label=gettext_lazy("Where: lake or pond (genitive)")
    )
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
