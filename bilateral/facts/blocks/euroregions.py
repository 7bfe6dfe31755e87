"""Euroregions: cross-border associations and their member bodies, grouped by country."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks

from ..grammar import join_list, number_in_words
from .base import FactBlock, heading_block, sources_block


def country_choices():
    from ..models import Country

    return [(country.iso_code, country.name) for country in Country.objects.all()]


def countries_by_code(codes):
    from ..models import Country

    return {country.iso_code: country for country in Country.objects.filter(iso_code__in=set(codes))}


class CountryChoiceBlock(blocks.ChoiceBlock):
    """A country by its ISO code. The stored value is already the choice's key (a string), so reading
    it does not look it up among the choices: ChoiceBlock would, and with choices from the database
    that is a query per member group on every render. The form still offers and validates the
    choices. Migrations see a plain ChoiceBlock (ChoiceBlock.deconstruct)."""

    def to_python(self, value):
        return value


class MemberGroupBlock(blocks.StructBlock):
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


class EuroregionBlock(blocks.StructBlock):
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
