"""The diplomatic timeline: dated events and the first representatives."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from django.core.exceptions import ValidationError

from ..grammar import agreeing_with, spaced_initials
from ..models import FEMININE, MASCULINE, NEUTER, PLURAL
from . import parsing
from .base import FactBlock, NameBlock, heading_block, sources_block
from .choices import ChoiceBlock
from .dates import FuzzyDateBlock, dated_sentence_html, parse_dated_sentence
from .structs import StructBlock

RECOGNITION_DE_JURE = "recognition_de_jure"
DIPLOMATIC_RELATIONS = "diplomatic_relations"
OTHER_EVENT = "other"

LITHUANIA_IN_PARTNER = "lithuania_in_partner"
PARTNER_IN_LITHUANIA = "partner_in_lithuania"
DIRECTION_CHOICES = [
    (LITHUANIA_IN_PARTNER, gettext_lazy("Lithuania's representative in the partner country")),
    (PARTNER_IN_LITHUANIA, gettext_lazy("The partner country's representative in Lithuania")),
]

ROLE_CHOICES = [
    ("charge_daffaires_ai", pgettext_lazy("diplomatic role", "chargé d'affaires a.i.")),
    ("charge_daffaires", pgettext_lazy("diplomatic role", "chargé d'affaires")),
    ("ambassador", pgettext_lazy("diplomatic role", "ambassador extraordinary and plenipotentiary")),
    ("consul_general", pgettext_lazy("diplomatic role", "consul general")),
]


RECOGNITION_SENTENCE = {
    FEMININE: lambda: pgettext("country's name feminine", "%(country)s recognised the independence of Lithuania de jure."),
    MASCULINE: lambda: pgettext("country's name masculine", "%(country)s recognised the independence of Lithuania de jure."),
    NEUTER: lambda: pgettext("country's name neuter", "%(country)s recognised the independence of Lithuania de jure."),
    PLURAL: lambda: pgettext("country's name plural", "%(country)s recognised the independence of Lithuania de jure."),
}


def event_sentence(kind, country, description=""):
    if kind == RECOGNITION_DE_JURE:
        return agreeing_with(country, RECOGNITION_SENTENCE) % {"country": country.get("nominative", "")}
    if kind == DIPLOMATIC_RELATIONS:
        return _("diplomatic relations were established.")
    return description


def representative_sentence(value, country):
    params = {
        "role": dict(ROLE_CHOICES)[value["role"]],
        "name": spaced_initials(value["name"]),
        "since": _(" after the restoration of independence") if value["since_restoration"] else "",
        "country_locative": country.get("locative", ""),
        "country_genitive": country.get("genitive", ""),
    }
    if value["direction"] == LITHUANIA_IN_PARTNER:
        template = (
            _("the first representative of Lithuania in %(country_locative)s%(since)s was %(role)s %(name)s.")
            if value["first"]
            else _("the representative of Lithuania in %(country_locative)s%(since)s was %(role)s %(name)s.")
        )
    else:
        template = (
            _("the first representative of %(country_genitive)s in Lithuania%(since)s was %(role)s %(name)s.")
            if value["first"]
            else _("the representative of %(country_genitive)s in Lithuania%(since)s was %(role)s %(name)s.")
        )
    return template % params


def timeline_line(item, writer):
    """One line of the timeline opened by its date; another event's description is free text."""
    if item.block_type == "representative":
        date = item.value["period"]
        return {"date": date, "html": writer.plain(
            lambda forms: dated_sentence_html(date, representative_sentence(item.value, forms))
        )}
    date, kind = item.value["date"], item.value["kind"]

    def line(forms):
        return dated_sentence_html(date, event_sentence(kind, forms, item.value["description"]))

    return {"date": date, "html": (
        writer.with_free_text(line, texts=[item.value["description"]]) if kind == OTHER_EVENT else writer.plain(line)
    )}


class TimelineEventBlock(StructBlock):
    """A dated event of the relations: recognition, diplomatic relations, or another event."""

    date = FuzzyDateBlock()
    kind = ChoiceBlock(
        choices=[
            (RECOGNITION_DE_JURE, gettext_lazy("Recognition of Lithuania's independence de jure")),
            (DIPLOMATIC_RELATIONS, gettext_lazy("Diplomatic relations established")),
            (OTHER_EVENT, gettext_lazy("Other event (describe it)")),
        ],
        label=gettext_lazy("Event"),
    )
    description = blocks.CharBlock(
        required=False,
        max_length=500,
        label=gettext_lazy("Description"),
        help_text=gettext_lazy("Only for another event: the sentence after the date."),
    )

    class Meta:
        icon = "date"
        label = gettext_lazy("Event")

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] == OTHER_EVENT and not value.get("description"):
            raise StructBlockValidationError(
                block_errors={"description": ValidationError(_("Describe the event."))}
            )
        return value


class RepresentativeBlock(StructBlock):
    """Who represented one country in the other, in what role, from when to when."""

    period = FuzzyDateBlock(label=gettext_lazy("When"))
    direction = ChoiceBlock(choices=DIRECTION_CHOICES, label=gettext_lazy("Whose representative"))
    first = blocks.BooleanBlock(
        required=False, default=True, label=gettext_lazy("The first representative")
    )
    since_restoration = blocks.BooleanBlock(
        required=False,
        label=gettext_lazy("Say “after the restoration of independence”"),
    )
    role = ChoiceBlock(choices=ROLE_CHOICES, label=gettext_lazy("Role"))
    name = NameBlock(max_length=200, label=gettext_lazy("Name"))

    class Meta:
        icon = "user"
        label = gettext_lazy("Representative")


class TimelineItemsBlock(blocks.StreamBlock):
    event = TimelineEventBlock()
    representative = RepresentativeBlock()


class DiplomaticTimelineBlock(FactBlock):
    """The diplomatic timeline: recognition, relations and the first representatives."""

    heading = heading_block()
    items = TimelineItemsBlock(label=gettext_lazy("Events and representatives"))

    sources = sources_block()

    class Meta:
        icon = "history"
        template = "blocks/diplomatic_timeline_block.html"
        label = gettext_lazy("Diplomatic timeline")
        description = gettext_lazy("Recognition, diplomatic relations and the first representatives.")
        group = gettext_lazy("Facts")

    def sentences(self, value, writer):
        return {"lines": [timeline_line(item, writer) for item in value["items"]]}

    def pictures(self, value, context):
        from ..pictures.timeline import timeline_picture

        return {"timeline_picture": timeline_picture(value, context["country_forms"], context.get("id"))}


# --- Reading the timeline back (the inverse of event_sentence and representative_sentence) ---------


def parse_event_sentence(sentence, country):
    """A recognised event's kind, or None (another event's free description is not told apart from
    any other dated sentence, so it is left to the editor)."""
    nominative = re.escape(country.get("nominative", ""))
    template = event_sentence(RECOGNITION_DE_JURE, {"nominative": "%(country)s", "gender": country.get("gender")})
    if parsing.match_template(template, sentence, country=nominative):
        return RECOGNITION_DE_JURE
    if parsing.match_template(event_sentence(DIPLOMATIC_RELATIONS, country), sentence):
        return DIPLOMATIC_RELATIONS
    return None


def representative_templates():
    """(direction, first, template) for each representative sentence."""
    return [
        (LITHUANIA_IN_PARTNER, True, _("the first representative of Lithuania in %(country_locative)s%(since)s was %(role)s %(name)s.")),
        (LITHUANIA_IN_PARTNER, False, _("the representative of Lithuania in %(country_locative)s%(since)s was %(role)s %(name)s.")),
        (PARTNER_IN_LITHUANIA, True, _("the first representative of %(country_genitive)s in Lithuania%(since)s was %(role)s %(name)s.")),
        (PARTNER_IN_LITHUANIA, False, _("the representative of %(country_genitive)s in Lithuania%(since)s was %(role)s %(name)s.")),
    ]


def parse_representative_sentence(sentence, country):
    roles = {key: str(label) for key, label in ROLE_CHOICES}
    groups = {
        "country_locative": re.escape(country.get("locative", "")),
        "country_genitive": re.escape(country.get("genitive", "")),
        "since": "(?:%s)?" % parsing.escape_literal(_(" after the restoration of independence")),
        "role": parsing.choice_pattern(roles.values()),
        "name": ".+",
    }
    for direction, first, template in representative_templates():
        match = parsing.match_template(template, sentence, **groups)
        if match:
            return {
                "direction": direction,
                "first": first,
                "since_restoration": bool(match["since"]),
                "role": parsing.choice_of(roles, match["role"]),
                "name": match["name"],
            }
    return None


def parse_timeline_line(text, country):
    """One line of the timeline as an item ({"type", "value"}), or None."""
    date, since, sentence = parse_dated_sentence(text)
    if date is None or since:
        return None
    kind = parse_event_sentence(sentence, country)
    if kind:
        return {"type": "event", "value": {"date": date, "kind": kind, "description": ""}}
    representative = parse_representative_sentence(sentence, country)
    if representative:
        return {"type": "representative", "value": {"period": date, **representative}}
    return None


def parse(paragraphs, country, **context):
    """The timeline read from the paragraphs at the start of `paragraphs`: (value, how many it read),
    or None. `country` is the partner's name forms in the active language."""
    items = []
    for paragraph in paragraphs:
        item = parse_timeline_line(paragraph.text, country)
        if item is None:
            break
        items.append(item)
    if not items:
        return None
    return {"heading": "", "items": items, "sources": []}, len(items)
