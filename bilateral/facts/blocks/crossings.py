"""Border crossing points: how many of each kind under each regime, and what is planned."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..grammar import format_number, join_list
from .base import FactBlock, NameBlock, heading_block, sources_block
from .choices import ChoiceBlock
from .dates import FuzzyDateBlock
from .structs import StructBlock

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
# A listed point's status: operating, operating and to be given international status, or to be opened.
OPERATING, PLANNED_UPGRADE, PLANNED_NEW = "open", "planned_upgrade", "planned_new"
STATUS_CHOICES = [
    (OPERATING, gettext_lazy("Open")),
    (PLANNED_UPGRADE, gettext_lazy("Open; planned to become international")),
    (PLANNED_NEW, gettext_lazy("Planned new point")),
]


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


def operating_records(records):
    """The listed points that operate today (a point to be upgraded operates under its present regime)."""
    return [record for record in records or [] if record.get("status") != PLANNED_NEW]


def counts_from_records(records, regime):
    """'How many of each kind' under one regime, in the order the kinds are first listed."""
    counts = {}
    for record in operating_records(records):
        if record.get("regime") == regime:
            counts[record["kind"]] = counts.get(record["kind"], 0) + 1
    return [{"kind": kind, "regime": regime, "count": count} for kind, count in counts.items()]


def effective_points(value):
    """The points by kind and regime the sentence counts: from the listed points for every regime that
    has any listed, otherwise as entered by kind (a regime may be listed point by point, the other not)."""
    entered = list(value.get("points") or [])
    records = value.get("records") or []
    result = []
    for regime in (INTERNATIONAL, LOCAL):
        listed = counts_from_records(records, regime)
        result.extend(listed or [point for point in entered if point.get("regime") == regime])
    return result


def existing_sentence(value, country):
    by_regime = points_by_regime(effective_points(value))
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


class CrossingPointCountBlock(StructBlock):
    """How many crossing points of one kind operate under one regime."""

    kind = ChoiceBlock(choices=KIND_CHOICES, label=gettext_lazy("Kind"))
    regime = ChoiceBlock(choices=REGIME_CHOICES, label=gettext_lazy("Regime"))
    count = blocks.IntegerBlock(min_value=0, label=gettext_lazy("Number of points"))

    class Meta:
        icon = "list-ol"
        label = gettext_lazy("Crossing points")


class PlannedCrossingChangeBlock(StructBlock):
    """A planned change: give local points international status, or open new points."""

    action = ChoiceBlock(
        choices=[
            (UPGRADE, gettext_lazy("Give local traffic points international status")),
            (OPEN, gettext_lazy("Open new points")),
        ],
        label=gettext_lazy("Change"),
    )
    count = blocks.IntegerBlock(min_value=0, label=gettext_lazy("Number of points"))
    kind = ChoiceBlock(choices=KIND_CHOICES, label=gettext_lazy("Kind"))
    regime = ChoiceBlock(
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


def latitude_block(label, limit):
    return blocks.DecimalBlock(
        required=False, min_value=-limit, max_value=limit, decimal_places=5, label=label
    )


class CrossingPointRecordBlock(StructBlock):
    """One crossing point by name: where it is, what crosses there, under which regime, and its status."""

    name = NameBlock(max_length=200, label=gettext_lazy("Name"))
    latitude = latitude_block(gettext_lazy("Latitude (°N)"), 90)
    longitude = latitude_block(gettext_lazy("Longitude (°E)"), 180)
    kind = ChoiceBlock(choices=KIND_CHOICES, label=gettext_lazy("Kind"))
    regime = ChoiceBlock(choices=REGIME_CHOICES, label=gettext_lazy("Regime"))
    status = ChoiceBlock(choices=STATUS_CHOICES, default=OPERATING, label=gettext_lazy("Status"))
    since = FuzzyDateBlock(required=False, label=gettext_lazy("Operating since"))
    source_url = blocks.URLBlock(required=False, label=gettext_lazy("Source of the position"))

    class Meta:
        icon = "location"
        label = gettext_lazy("Crossing point")

    def clean(self, value):
        value = super().clean(value)
        if (value.get("latitude") is None) != (value.get("longitude") is None):
            missing = "longitude" if value.get("longitude") is None else "latitude"
            raise StructBlockValidationError(
                block_errors={missing: ValidationError(_("Give both coordinates, or neither."))}
            )
        return value


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
    points = blocks.ListBlock(
        CrossingPointCountBlock(),
        required=False,
        default=[],
        label=gettext_lazy("Operating points"),
        help_text=gettext_lazy("By kind; a regime whose points are listed below is counted from the list."),
    )
    international_total = stated_total_block(gettext_lazy("International points in total (as stated)"))
    local_total = stated_total_block(gettext_lazy("Local traffic points in total (as stated)"))
    planned = blocks.ListBlock(
        PlannedCrossingChangeBlock(), required=False, default=[], label=gettext_lazy("Planned changes")
    )

    records = blocks.ListBlock(
        CrossingPointRecordBlock(),
        required=False,
        default=[],
        label=gettext_lazy("Crossing points by name"),
        help_text=gettext_lazy(
            "Optional. The points of a regime listed here are what the sentence counts and the map shows; "
            "points without coordinates are counted but not drawn."
        ),
    )

    sources = sources_block()

    class Meta:
        icon = "site"
        template = "blocks/border_crossings_block.html"
        label = gettext_lazy("Border crossing points")
        description = gettext_lazy("Crossing points by kind and regime, and planned changes.")
        group = gettext_lazy("Facts")

    def sentences(self, value, writer):
        planned = list(value["planned"])
        # A condition ("įrengus infrastruktūrą") is free text inside the planned sentence.
        conditions = [change.get("condition") for change in planned if change.get("condition")]
        if conditions:
            planned_html = writer.with_free_text(lambda forms: planned_sentence(planned), texts=conditions)
        else:
            planned_html = writer.plain(lambda forms: planned_sentence(planned))
        return {
            "existing": writer.plain(lambda forms: existing_sentence(value, forms)),
            "planned": planned_html,
        }

    def pictures(self, value, context):
        from ..pictures.border_map import border_map

        return {"border_map": border_map(value, context["country"], context.get("id"))}
