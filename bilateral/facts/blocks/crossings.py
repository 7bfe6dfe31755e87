"""Border crossing points: how many of each kind under each regime, and what is planned."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy
from wagtail import blocks

from ..grammar import format_number, join_list
from .base import FactBlock, heading_block, sources_block

ROAD, RAIL, RIVER = "road", "rail", "river"
KIND_CHOICES = [
    (ROAD, pgettext_lazy("crossing kind", "Road")),
    (RAIL, pgettext_lazy("crossing kind", "Rail")),
    (RIVER, pgettext_lazy("crossing kind", "River")),
]
INTERNATIONAL, LOCAL = "international", "local"
REGIME_CHOICES = [
    (INTERNATIONAL, gettext_lazy("International")),
    (LOCAL, gettext_lazy("Local border traffic")),
]
UPGRADE, OPEN = "upgrade", "open"


def kind_attribute(kind):
    """The kind as the attribute before 'punktai': 'autokelių', 'geležinkelių', 'upių'."""
    return {
        ROAD: pgettext("crossing kind as attribute (genitive plural)", "road"),
        RAIL: pgettext("crossing kind as attribute (genitive plural)", "rail"),
        RIVER: pgettext("crossing kind as attribute (genitive plural)", "river"),
    }[kind]


def breakdown(entries):
    """'2 geležinkelių, 4 autokelių'"""
    return ", ".join(
        "%s %s" % (format_number(entry["count"]), kind_attribute(entry["kind"])) for entry in entries
    )


def stated_or_sum(stated, entries):
    """The source's own total where it states one (the checks compare it with the parts)."""
    return stated if stated is not None else sum(entry["count"] for entry in entries)


def international_phrase(entries, stated_total=None):
    total = stated_or_sum(stated_total, entries)
    if len(entries) == 1:
        return ngettext(
            "%(count)s international %(kind)s border crossing point",
            "%(count)s international %(kind)s border crossing points",
            total,
        ) % {"count": format_number(total), "kind": kind_attribute(entries[0]["kind"])}
    return ngettext(
        "%(count)s international border crossing point (%(breakdown)s)",
        "%(count)s international border crossing points (%(breakdown)s)",
        total,
    ) % {"count": format_number(total), "breakdown": breakdown(entries)}


def local_phrase(entries, stated_total=None):
    total = stated_or_sum(stated_total, entries)
    if len(entries) == 1:
        return ngettext(
            "%(count)s %(kind)s checkpoint operating under the local border traffic regime",
            "%(count)s %(kind)s checkpoints operating under the local border traffic regime",
            total,
        ) % {"count": format_number(total), "kind": kind_attribute(entries[0]["kind"])}
    return ngettext(
        "%(count)s checkpoint operating under the local border traffic regime (%(breakdown)s)",
        "%(count)s checkpoints operating under the local border traffic regime (%(breakdown)s)",
        total,
    ) % {"count": format_number(total), "breakdown": breakdown(entries)}


def points_by_regime(points):
    by_regime = {INTERNATIONAL: [], LOCAL: []}
    for point in points:
        by_regime[point["regime"]].append(point)
    return by_regime


def existing_sentence(value, country):
    by_regime = points_by_regime(value["points"])
    phrases = []
    if by_regime[INTERNATIONAL]:
        phrases.append(international_phrase(by_regime[INTERNATIONAL], value.get("international_total")))
    if by_regime[LOCAL]:
        phrases.append(local_phrase(by_regime[LOCAL], value.get("local_total")))
    if not phrases:
        return ""
    return _("Between Lithuania and %(country)s there operate %(points)s.") % {
        "country": country.get("genitive", ""),
        "points": join_list(phrases),
    }


def condition_clause(change):
    return _(", %(condition)s,") % {"condition": change["condition"]} if change.get("condition") else ""


def planned_change_phrase(change):
    params = {
        "count": format_number(change["count"]),
        "kind": kind_attribute(change["kind"]),
        "condition": condition_clause(change),
    }
    count = change["count"]
    if change["action"] == UPGRADE:
        return ngettext(
            "to give %(count)s %(kind)s local border traffic checkpoint%(condition)s the status of an international checkpoint",
            "to give %(count)s %(kind)s local border traffic checkpoints%(condition)s the status of international checkpoints",
            count,
        ) % params
    if change["regime"] == LOCAL:
        return ngettext(
            "to open%(condition)s %(count)s %(kind)s local border traffic checkpoint",
            "to open%(condition)s %(count)s %(kind)s local border traffic checkpoints",
            count,
        ) % params
    return ngettext(
        "to open%(condition)s %(count)s international %(kind)s border checkpoint",
        "to open%(condition)s %(count)s international %(kind)s border checkpoints",
        count,
    ) % params


def planned_sentence(planned):
    if not planned:
        return ""
    phrases = [planned_change_phrase(change) for change in planned]
    return _("In the future it is planned %(changes)s.") % {
        "changes": _(", and also ").join(phrases)
    }


class CrossingPointCountBlock(blocks.StructBlock):
    """How many crossing points of one kind operate under one regime."""

    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=gettext_lazy("Kind"))
    regime = blocks.ChoiceBlock(choices=REGIME_CHOICES, label=gettext_lazy("Regime"))
    count = blocks.IntegerBlock(min_value=0, label=gettext_lazy("Number of points"))

    class Meta:
        icon = "list-ol"
        label = gettext_lazy("Crossing points")


class PlannedCrossingChangeBlock(blocks.StructBlock):
    """A planned change: give local points international status, or open new points."""

    action = blocks.ChoiceBlock(
        choices=[
            (UPGRADE, gettext_lazy("Give local traffic points international status")),
            (OPEN, gettext_lazy("Open new points")),
        ],
        label=gettext_lazy("Change"),
    )
    count = blocks.IntegerBlock(min_value=0, label=gettext_lazy("Number of points"))
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=gettext_lazy("Kind"))
    regime = blocks.ChoiceBlock(
        choices=REGIME_CHOICES,
        default=INTERNATIONAL,
        label=gettext_lazy("Regime of the new points"),
        help_text=gettext_lazy("For new points only; upgraded points become international."),
    )
    condition = blocks.CharBlock(
        required=False,
        max_length=200,
        label=gettext_lazy("Condition"),
        help_text=gettext_lazy("Optional, as a participle phrase: “įrengus infrastruktūrą”."),
    )

    class Meta:
        icon = "calendar-alt"
        label = gettext_lazy("Planned change")


def stated_total_block(label):
    return blocks.IntegerBlock(
        required=False,
        min_value=0,
        label=label,
        help_text=gettext_lazy("The total the source states; it is checked against the points by kind."),
    )


class BorderCrossingsBlock(FactBlock):
    """Border crossing points by kind and regime, with the planned changes."""

    default_heading = gettext_lazy("Border crossing points")

    heading = heading_block()
    points = blocks.ListBlock(CrossingPointCountBlock(), label=gettext_lazy("Operating points"))
    international_total = stated_total_block(gettext_lazy("International points in total (as stated)"))
    local_total = stated_total_block(gettext_lazy("Local traffic points in total (as stated)"))
    planned = blocks.ListBlock(
        PlannedCrossingChangeBlock(), required=False, default=[], label=gettext_lazy("Planned changes")
    )

    sources = sources_block()

    class Meta:
        icon = "site"
        template = "blocks/border_crossings_block.html"
        label = gettext_lazy("Border crossing points")
        description = gettext_lazy("Crossing points by kind and regime, and planned changes.")
        group = gettext_lazy("Facts")

    def sentences(self, value, country):
        return {
            "existing": existing_sentence(value, country),
            "planned": planned_sentence(value["planned"]),
        }
