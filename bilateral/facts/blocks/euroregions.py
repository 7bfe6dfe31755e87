"""Euroregions: cross-border associations and their member bodies, grouped by country."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks

from ..countries import countries_by_code
from ..grammar import SMALL_NUMBER_WORDS, join_list, number_in_words
from . import parsing
from .base import FactBlock, heading_block, sources_block
from .structs import StructBlock


def country_choices():
    from ..models import Country

    return [(country.iso_code, country.name) for country in Country.objects.all()]


class CountryChoiceBlock(blocks.ChoiceBlock):
    """A country by its ISO code. The stored value is already the choice's key (a string), so reading
    it does not look it up among the choices: ChoiceBlock would, and with choices from the database
    that is a query per member group on every render. The form still offers and validates the
    choices. Migrations see a plain ChoiceBlock (ChoiceBlock.deconstruct)."""

    def to_python(self, value):
        return value


class MemberGroupBlock(StructBlock):
    """The member bodies of one country in a euroregion."""

    country = CountryChoiceBlock(choices=country_choices, label=gettext_lazy("Country"))
    members = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=gettext_lazy("Member body")),
        label=gettext_lazy("Member bodies"),
        help_text=gettext_lazy(
            "As the sentence names them after the country: “Alytaus ir Marijampolės apskritys”."
        ),
    )

    class Meta:
        icon = "group"
        label = gettext_lazy("Members from one country")


class EuroregionBlock(StructBlock):
    """One euroregion: its name and its members by country."""

    name = blocks.CharBlock(max_length=200, label=gettext_lazy("Name"), help_text=gettext_lazy("Without quotation marks."))
    member_groups = blocks.ListBlock(MemberGroupBlock(), label=gettext_lazy("Members by country"))

    class Meta:
        icon = "globe"
        label = gettext_lazy("Euroregion")


def group_phrase(group, country):
    """'Baltarusijos Gardino sritis bei Gardino savivaldybė'"""
    members = join_list(list(group["members"]), conjunction=_("as well as"))
    if country is None:
        return members
    return "%s %s" % (country.forms()["genitive"], members)


def euroregion_sentence(euroregion, countries, is_last):
    groups = join_list(
        [group_phrase(group, countries.get(group["country"])) for group in euroregion["member_groups"]]
    )
    return _("Euroregion “%(name)s”. Taking part in the euroregion's activities: %(members)s%(end)s") % {
        "name": euroregion["name"],
        "members": groups,
        "end": "." if is_last else ";",
    }


def free_texts_of(euroregion):
    """The euroregion's name and its member bodies: the free text its sentence is written with."""
    return [euroregion["name"], *(member for group in euroregion["member_groups"] for member in group["members"])]


def intro_sentence(count, country):
    return ngettext(
        "At present %(count)s euroregion has been established in whose activities municipalities of "
        "%(country)s and Lithuania take part:",
        "At present %(count)s euroregions have been established in whose activities municipalities of "
        "%(country)s and Lithuania take part:",
        count,
    ) % {"count": number_in_words(count), "country": country.get("genitive", "")}


class EuroregionsBlock(FactBlock):
    """Euroregions in which the two countries' municipalities take part."""

    default_heading = gettext_lazy("Euroregions")

    heading = heading_block()
    euroregions = blocks.ListBlock(EuroregionBlock(), label=gettext_lazy("Euroregions"))

    sources = sources_block()

    class Meta:
        icon = "globe"
        template = "blocks/euroregions_block.html"
        label = gettext_lazy("Euroregions")
        description = gettext_lazy("Euroregions and their member bodies by country.")
        group = gettext_lazy("Facts")

    def sentences(self, value, writer):
        euroregions = list(value["euroregions"])
        countries = countries_by_code(
            group["country"] for euroregion in euroregions for group in euroregion["member_groups"]
        )
        # The member bodies are free text ("Alytaus ir Marijampolės apskritys"): each euroregion's
        # sentence is written whole in their language until they are translated.
        return {
            "intro": writer.plain(lambda forms: intro_sentence(len(euroregions), forms)),
            "items": [
                writer.with_free_text(
                    lambda forms, euroregion=euroregion, is_last=index == len(euroregions) - 1: euroregion_sentence(
                        euroregion, countries, is_last
                    ),
                    texts=free_texts_of(euroregion),
                )
                for index, euroregion in enumerate(euroregions)
            ],
        }


# --- Reading the euroregions back (the inverse of intro_sentence and euroregion_sentence) ----------


def parse_count_word(text):
    """The inverse of grammar.number_in_words."""
    for count, word in SMALL_NUMBER_WORDS.items():
        if word() == text:
            return count
    return int(text) if text.isdigit() else None


def parse_intro(text, country):
    singular = (
        "At present %(count)s euroregion has been established in whose activities municipalities of "
        "%(country)s and Lithuania take part:"
    )
    plural = (
        "At present %(count)s euroregions have been established in whose activities municipalities of "
        "%(country)s and Lithuania take part:"
    )
    match = parsing.match_any(
        parsing.plural_forms(singular, plural), text, count=r"\S+", country=re.escape(country.get("genitive", ""))
    )
    return parse_count_word(match["count"]) if match else None


def parse_group(text, genitives):
    """'Baltarusijos Gardino sritis bei Gardino savivaldybė' → a member group. Members are read as
    join_list wrote them with "bei", the last one after it; what comes before it is one member (a
    member's own name may hold commas: "Ignalinos rajono, Švenčionių rajono … tarybos")."""
    for genitive, code in genitives.items():
        if text.startswith(genitive + " "):
            members = text[len(genitive) + 1 :]
            head, separator, last = members.rpartition(" %s " % _("as well as"))
            return {"country": code, "members": [head, last] if separator else [members]}
    return None


def parse_members(text, genitives):
    """The member groups joined by ", " and "ir", each opening with a country's name, or None."""
    names = "|".join(re.escape(genitive) for genitive in sorted(genitives, key=len, reverse=True))
    if not names:
        return None
    starts = [0] + [
        match.end() for match in re.finditer(r"(?:, | %s )(?=(?:%s) )" % (re.escape(_("and")), names), text)
    ]
    separators = [match for match in re.finditer(r"(?:, | %s )(?=(?:%s) )" % (re.escape(_("and")), names), text)]
    ends = [match.start() for match in separators] + [len(text)]
    groups = [parse_group(text[start:end], genitives) for start, end in zip(starts, ends, strict=True)]
    return groups if all(groups) else None


def parse_euroregion(text, genitives):
    template = _("Euroregion “%(name)s”. Taking part in the euroregion's activities: %(members)s%(end)s")
    match = parsing.match_template(template, text, name="[^„“”\"]+", members=".+", end="[.;]")
    if not match:
        return None
    groups = parse_members(match["members"], genitives)
    return {"name": match["name"], "member_groups": groups} if groups else None


def country_genitives():
    """Every country's genitive in the active language, with its code."""
    from ..models import Country

    return {country.forms()["genitive"]: country.iso_code for country in Country.objects.all()}


def parse(paragraphs, country, **context):
    """The intro and the euroregions after it: (value, how many paragraphs), or None."""
    if not paragraphs:
        return None
    count = parse_intro(paragraphs[0].text, country)
    if not count or len(paragraphs) <= count:
        return None
    genitives = country_genitives()
    euroregions = [parse_euroregion(paragraph.text, genitives) for paragraph in paragraphs[1 : count + 1]]
    if not all(euroregions):
        return None
    return {"heading": "", "euroregions": euroregions, "sources": []}, count + 1
