"""Activities of cooperation (defence and the like): items, dated or not, with counted outcomes."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks

from ..grammar import format_number, spaced_initials, strip_final_stop
from . import parsing
from .base import FactBlock, NameBlock, heading_block, sources_block
from .choices import ChoiceBlock
from .dates import FuzzyDateBlock, dated_sentence_html, parse_dated_sentence
from .timeline import DIRECTION_CHOICES, LITHUANIA_IN_PARTNER, PARTNER_IN_LITHUANIA
from .structs import StructBlock

VISIT, MEETING, EVENT, SEMINAR = "visit", "meeting", "event", "seminar"
OUTCOME_CHOICES = [
    (VISIT, gettext_lazy("Visits")),
    (MEETING, gettext_lazy("Meetings")),
    (EVENT, gettext_lazy("Events")),
    (SEMINAR, gettext_lazy("Seminars")),
]


def outcome_phrase(kind, count):
    """'įvyko 11 vizitų', 'įvyko 5 vizitai', 'įvyko 1 vizitas'"""
    params = {"count": format_number(count)}
    if kind == VISIT:
        return ngettext("%(count)s visit took place", "%(count)s visits took place", count) % params
    if kind == MEETING:
        return ngettext("%(count)s meeting took place", "%(count)s meetings took place", count) % params
    if kind == SEMINAR:
        return ngettext("%(count)s seminar took place", "%(count)s seminars took place", count) % params
    return ngettext("%(count)s event took place", "%(count)s events took place", count) % params


def activity_sentence(value):
    text = strip_final_stop(value["text"])
    if value.get("outcome_count") is not None and value.get("outcome_kind"):
        text = "%s (%s)" % (text, outcome_phrase(value["outcome_kind"], value["outcome_count"]))
    return dated_sentence_html(value["date"], text + ".", since=value["since"])


def accreditation_sentence(value, country):
    params = {
        "position": value["position"],
        "person": " ".join(part for part in (value.get("rank"), spaced_initials(value["name"])) if part),
        "country_locative": country.get("locative", ""),
        "country_official": country.get("official_genitive", ""),
    }
    if value["direction"] == LITHUANIA_IN_PARTNER:
        text = _("the %(position)s of the Republic of Lithuania in %(country_locative)s, %(person)s, was accredited.")
    else:
        text = _("the %(position)s of the %(country_official)s in Lithuania, %(person)s, was accredited.")
    return dated_sentence_html(value["date"], text % params)


class ActivityBlock(StructBlock):
    """One activity: what is done, since or when, and how many times it happened."""

    date = FuzzyDateBlock(required=False, label=gettext_lazy("Date (optional)"))
    since = blocks.BooleanBlock(required=False, label=gettext_lazy("Ongoing since that date"))
    text = blocks.TextBlock(label=gettext_lazy("What is done"))
    outcome_count = blocks.IntegerBlock(
        required=False, min_value=0, label=gettext_lazy("Counted outcome: how many")
    )
    outcome_kind = ChoiceBlock(
        choices=OUTCOME_CHOICES, required=False, label=gettext_lazy("Counted outcome: of what")
    )

    class Meta:
        icon = "tick"
        label = gettext_lazy("Activity")


class AccreditationBlock(StructBlock):
    """An attaché accredited in the other country."""

    date = FuzzyDateBlock(label=gettext_lazy("Accredited"))
    direction = ChoiceBlock(choices=DIRECTION_CHOICES, label=gettext_lazy("Whose attaché"))
    position = blocks.CharBlock(
        max_length=200, label=gettext_lazy("Position"), help_text=gettext_lazy("“gynybos atašė”")
    )
    rank = blocks.CharBlock(max_length=50, required=False, label=gettext_lazy("Rank"), help_text="plk.")
    name = NameBlock(max_length=200, label=gettext_lazy("Name"))

    class Meta:
        icon = "user"
        label = gettext_lazy("Accreditation")


class ActivityItemsBlock(blocks.StreamBlock):
    activity = ActivityBlock()
    accreditation = AccreditationBlock()


class ActivitiesBlock(FactBlock):
    """Cooperation in a field (defence and the like): accreditations and activities."""

    default_heading = gettext_lazy("Cooperation in the field of defence")

    heading = heading_block()
    items = ActivityItemsBlock(label=gettext_lazy("Items"))

    sources = sources_block()

    class Meta:
        icon = "list-ul"
        template = "blocks/activities_block.html"
        label = gettext_lazy("Activities")
        description = gettext_lazy("Accreditations and activities, dated or not, with counted outcomes.")
        group = gettext_lazy("Facts")

    def sentences(self, value, writer):
        # Both kinds of item carry free text (the activity, the attaché's position): each is written
        # whole in the free text's language until that is translated.
        lines = []
        for item in value["items"]:
            if item.block_type == "accreditation":
                lines.append(writer.with_free_text(
                    lambda forms, item=item: accreditation_sentence(item.value, forms),
                    texts=[item.value.get("position"), item.value.get("rank")],
                ))
            else:
                lines.append(writer.with_free_text(
                    lambda forms, item=item: activity_sentence(item.value), texts=[item.value.get("text")]
                ))
        return {"lines": lines}


# --- Reading the activities back (the inverse of accreditation_sentence and activity_sentence) ------

OUTCOME_FORMS = {
    VISIT: ("%(count)s visit took place", "%(count)s visits took place"),
    MEETING: ("%(count)s meeting took place", "%(count)s meetings took place"),
    SEMINAR: ("%(count)s seminar took place", "%(count)s seminars took place"),
    EVENT: ("%(count)s event took place", "%(count)s events took place"),
}
# A rank is written before the name in small letters and abbreviated: "plk.", "plk.lt.".
RANK = re.compile(r"(?P<rank>[a-ząčęėįšųūž][\wąčęėįšųūž.]*\.)\s(?P<name>.+)")


def parse_person(text):
    match = RANK.fullmatch(text)
    return (match["rank"], match["name"]) if match else ("", text)


def parse_accreditation(sentence, date, country):
    templates = (
        (LITHUANIA_IN_PARTNER, _("the %(position)s of the Republic of Lithuania in %(country_locative)s, %(person)s, was accredited.")),
        (PARTNER_IN_LITHUANIA, _("the %(position)s of the %(country_official)s in Lithuania, %(person)s, was accredited.")),
    )
    groups = {
        "country_locative": re.escape(country.get("locative", "")),
        "country_official": re.escape(country.get("official_genitive", "")),
        "person": "[^,]+",
    }
    for direction, template in templates:
        match = parsing.match_template(template, sentence, **groups)
        if match:
            rank, name = parse_person(match["person"])
            return {"date": date, "direction": direction, "position": match["position"], "rank": rank, "name": name}
    return None


def parse_outcome(text):
    """'(įvyko 11 vizitų).' at the end of an activity: (text before it, count, kind), or None."""
    for kind, (singular, plural) in OUTCOME_FORMS.items():
        for template in parsing.plural_forms(singular, plural):
            outcome = parsing.template_regex(template, count=parsing.number_pattern())
            match = re.fullmatch(rf"(?P<text>.+) \({outcome}\)\.", text)
            if match:
                return match["text"], parsing.parse_number(match["count"]), kind
    return None


def parse_activity(text, date, since):
    if not text.endswith("."):
        return None
    value = {"date": date or {}, "since": since, "text": text, "outcome_count": None, "outcome_kind": ""}
    outcome = parse_outcome(text)
    if outcome:
        value["text"], value["outcome_count"], value["outcome_kind"] = outcome[0] + ".", outcome[1], outcome[2]
    return value


def parse_line(text, country):
    date, since, sentence = parse_dated_sentence(text)
    if date and not since:
        accreditation = parse_accreditation(sentence, date, country)
        if accreditation:
            return {"type": "accreditation", "value": accreditation}
    activity = parse_activity(sentence if date else text, date, since)
    return {"type": "activity", "value": activity} if activity else None


def parse(paragraphs, country, after_heading=False, **context):
    """The list of activities at the start of `paragraphs`: (value, how many), or None. An activity is
    free text: list items are read as activities under the block's own heading, or after a line only
    this block writes (an accreditation)."""
    items = []
    for paragraph in paragraphs:
        if paragraph.kind != parsing.Paragraph.ITEM:
            break
        item = parse_line(paragraph.text, country)
        if item is None or (not items and not after_heading and item["type"] != "accreditation"):
            break
        items.append(item)
    if not items:
        return None
    return {"heading": "", "items": items, "sources": []}, len(items)
