"""Fact checks: find figures and dates that contradict each other, and tell the editor.

Every check is a pure function of a block's value: it reads, it never corrects. A warning names the
rule it comes from, says in words what is wrong (``message``, in the active language) and shows the
figures it compared (``figures``, plain numbers in the active language's number format).
"""

import dataclasses
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.blocks import StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue

from .blocks.crossings import INTERNATIONAL, LOCAL, UPGRADE, kind_attribute
from .blocks.dates import FuzzyDate
from .blocks.demarcation import LAKE, POND
from .grammar import format_number, is_whole

# Half a kilometre for each part given in whole kilometres; the epsilon only absorbs rounding noise.
WHOLE_KM_TOLERANCE = Decimal("0.5")
EPSILON = Decimal("0.0000001")

# The dates that record something that has already happened, by block: (item type, field name);
# the item type is None for a field of the block itself.
PAST_EVENT_DATES = {
    "timeline": {("event", "date"), ("representative", "period")},
    "activities": {("accreditation", "date"), ("activity", "date")},
    "demarcation": {(None, "treaty_signed"), (None, "marking_completed"), (None, "final_documents_signed")},
}


@dataclasses.dataclass(frozen=True)
class FactWarning:
    block_index: int
    block_type: str
    block_label: str
    rule: str
    message: str
    figures: str

    def to_dict(self):
        return dataclasses.asdict(self)


# --- Small helpers ------------------------------------------------------------------------------


def _number(value):
    """A figure the editor filled in, or None (drafts may hold blanks)."""
    if value is None or value == "":
        return None
    return value if isinstance(value, (int, Decimal)) else Decimal(str(value))


def _sum_figures(parts, total):
    """'1246 + 457 + 93 + 2 = 1798'; a single part is its own sum; no parts is 0."""
    if not parts:
        return format_number(total)
    if len(parts) == 1:
        return format_number(parts[0])
    return "%s = %s" % (" + ".join(format_number(part) for part in parts), format_number(total))


def _counts(entries):
    return [count for count in (_number(entry.get("count")) for entry in entries or []) if count is not None]


def _is_date(value):
    return isinstance(value, FuzzyDate) and not value.is_empty


def _normalised(name):
    return " ".join(str(name or "").split()).casefold()


def _iter_fuzzy_dates(value, item_type=None, where=None):
    """Every FuzzyDate inside a block value: (item type, field name, where, date).

    ``where`` names the date for the editor: the item it belongs to ("Representative 3") or,
    for a field of the block itself, the field's label ("Treaty signed").
    """
    if isinstance(value, StructValue):
        for name, child in value.items():
            child_block = value.block.child_blocks.get(name) if hasattr(value, "block") else None
            label = str(child_block.label) if child_block is not None and child_block.label else name
            if isinstance(child, FuzzyDate):
                yield item_type, name, where or label, child
            else:
                yield from _iter_fuzzy_dates(child, item_type, where or label)
    elif isinstance(value, StreamValue):
        for number, child in enumerate(value, start=1):
            label = str(child.block.label or child.block_type)
            yield from _iter_fuzzy_dates(child.value, child.block_type, "%s %d" % (label, number))
    elif isinstance(value, ListValue):
        child_label = str(value.list_block.child_block.label or "")
        for number, child in enumerate(value, start=1):
            yield from _iter_fuzzy_dates(child, item_type, where or ("%s %d" % (child_label, number)).strip())


def _warning(rule, message, figures):
    return {"rule": rule, "message": message, "figures": figures}


# --- Demarcation -------------------------------------------------------------------------------


def check_length_parts(value):
    """demarcation.length_parts: land + water against the total length.

    Sources often round the parts to whole kilometres while giving the total to the metre, so each
    part that is a whole number may be off by up to half a kilometre.
    """
    total = _number(value.get("total_length_km"))
    land = _number(value.get("land_length_km"))
    water = _number(value.get("water_length_km"))
    if total is None or land is None or water is None:
        return []
    parts = [Decimal(land), Decimal(water)]
    allowed = WHOLE_KM_TOLERANCE * sum(1 for part in parts if is_whole(part)) + EPSILON
    if abs(sum(parts) - Decimal(total)) <= allowed:
        return []
    return [
        _warning(
            "demarcation.length_parts",
            _("The length by land and the length by water do not add up to the total length of the border."),
            "%s km, total %s km" % (_sum_figures(parts, sum(parts)), format_number(total)),
        )
    ]


def check_marks_total(value):
    """demarcation.marks_total: the border marks by type against the declared total."""
    declared = _number(value.get("marks_declared_total"))
    counts = _counts(value.get("marks"))
    if declared is None or not counts or sum(counts) == declared:
        return []
    return [
        _warning(
            "demarcation.marks_total",
            _("The border marks by type do not add up to the declared total."),
            "%s, declared %s" % (_sum_figures(counts, sum(counts)), format_number(declared)),
        )
    ]


def check_water_bodies(value):
    """demarcation.water_bodies: the last mark's lake or pond is named; no name twice; enough buoys."""
    lakes = [name for name in value.get("lakes") or [] if _normalised(name)]
    ponds = [name for name in value.get("ponds") or [] if _normalised(name)]
    warnings = []

    place = value.get("last_mark_water_body")
    if _normalised(place) and (lakes or ponds):
        if value.get("last_mark_water_body_kind") == POND:
            named, message = ponds, _("The pond of the last mark, “%(name)s”, is not among the named ponds.")
        else:
            named, message = lakes, _("The lake of the last mark, “%(name)s”, is not among the named lakes.")
        if _normalised(place) not in {_normalised(name) for name in named}:
            warnings.append(
                _warning("demarcation.water_bodies", message % {"name": place.strip()}, place.strip())
            )

    for names, message in (
        (lakes, _("The lake “%(name)s” is named more than once.")),
        (ponds, _("The pond “%(name)s” is named more than once.")),
    ):
        spelling, times = {}, {}
        for name in names:
            key = _normalised(name)
            spelling.setdefault(key, name.strip())
            times[key] = times.get(key, 0) + 1
        for key, count in times.items():
            if count > 1:
                warnings.append(
                    _warning(
                        "demarcation.water_bodies",
                        message % {"name": spelling[key]},
                        "%s × %s" % (spelling[key], format_number(count)),
                    )
                )

    buoys = _number(value.get("buoys_count"))
    water_bodies = len({_normalised(name) for name in lakes}) + len({_normalised(name) for name in ponds})
    if buoys is not None and water_bodies and buoys < water_bodies:
        warnings.append(
            _warning(
                "demarcation.water_bodies",
                _("There are fewer buoys than named lakes and ponds."),
                "%s < %s" % (format_number(buoys), format_number(water_bodies)),
            )
        )
    return warnings


def check_demarcation_dates_order(value):
    """demarcation.dates_order: treaty signed ≤ marking completed ≤ final documents signed.

    A date known to a year or a month is a span of days; only dates that cannot be in order
    whatever day they mean are reported (the later event's last possible day is before the earlier
    event's first possible day).
    """
    block = getattr(value, "block", None)
    dated = []
    for name in ("treaty_signed", "marking_completed", "final_documents_signed"):
        date = value.get(name)
        if _is_date(date):
            child = block.child_blocks.get(name) if block is not None else None
            dated.append((str(child.label) if child is not None else name, date))
    warnings = []
    for (earlier_label, earlier), (later_label, later) in zip(dated, dated[1:]):
        try:
            out_of_order = later.last_day() < earlier.first_day()
        except ValueError:  # an impossible day: the block's own validation reports it
            continue
        if out_of_order:
            warnings.append(
                _warning(
                    "demarcation.dates_order",
                    _("“%(later)s” is dated before “%(earlier)s”.")
                    % {"later": later_label, "earlier": earlier_label},
                    "%s < %s" % (later.iso(), earlier.iso()),
                )
            )
    return warnings


# --- Border crossings ----------------------------------------------------------------------------


def check_crossings_totals(value):
    """crossings.international_total, crossings.local_total: points by kind against the stated totals."""
    warnings = []
    points = list(value.get("points") or [])
    for regime, field, message in (
        (
            INTERNATIONAL,
            "international_total",
            _("The international crossing points by kind do not add up to the stated total."),
        ),
        (
            LOCAL,
            "local_total",
            _("The local border traffic points by kind do not add up to the stated total."),
        ),
    ):
        stated = _number(value.get(field))
        if stated is None:
            continue
        counts = _counts([point for point in points if point.get("regime") == regime])
        if sum(counts) != stated:
            warnings.append(
                _warning(
                    "crossings.%s" % field,
                    message,
                    "%s, stated %s" % (_sum_figures(counts, sum(counts)), format_number(stated)),
                )
            )
    return warnings


def check_planned_upgrades(value):
    """crossings.planned_upgrades: no more local points of a kind upgraded than there are."""
    local = {}
    for point in value.get("points") or []:
        if point.get("regime") == LOCAL and _number(point.get("count")) is not None:
            local[point.get("kind")] = local.get(point.get("kind"), 0) + point["count"]
    planned = {}
    for change in value.get("planned") or []:
        if change.get("action") == UPGRADE and _number(change.get("count")) is not None:
            planned[change.get("kind")] = planned.get(change.get("kind"), 0) + change["count"]
    warnings = []
    for kind, count in planned.items():
        existing = local.get(kind, 0)
        if count > existing:
            try:
                kind_words = kind_attribute(kind)
            except KeyError:
                kind_words = str(kind)
            warnings.append(
                _warning(
                    "crossings.planned_upgrades",
                    _(
                        "More %(kind)s local border traffic points are planned to get international "
                        "status than there are."
                    )
                    % {"kind": kind_words},
                    "%s > %s" % (format_number(count), format_number(existing)),
                )
            )
    return warnings


# --- Euroregions -------------------------------------------------------------------------------


def check_euroregion_countries(value):
    """euroregions.two_countries: a euroregion has members from at least two countries."""
    warnings = []
    for euroregion in value.get("euroregions") or []:
        countries = []
        for group in euroregion.get("member_groups") or []:
            members = [member for member in group.get("members") or [] if str(member or "").strip()]
            if group.get("country") and members and group["country"] not in countries:
                countries.append(group["country"])
        if len(countries) < 2:
            warnings.append(
                _warning(
                    "euroregions.two_countries",
                    _("Euroregion “%(name)s” has members from fewer than two countries.")
                    % {"name": euroregion.get("name") or ""},
                    ", ".join(countries) or "0",
                )
            )
    return warnings


# --- Dates anywhere ----------------------------------------------------------------------------


def check_date_ranges(value):
    """dates.range_order: a span of years does not end before it starts."""
    warnings = []
    for _item_type, _name, where, date in _iter_fuzzy_dates(value):
        if date.is_empty or not date.get("end_year"):
            continue
        if date["end_year"] < date["year"]:
            warnings.append(
                _warning(
                    "dates.range_order",
                    _("“%(where)s”: the span of years ends before it starts.") % {"where": where},
                    "%s–%s" % (date["year"], date["end_year"]),
                )
            )
    return warnings


def check_future_dates(block_type, value, today):
    """dates.future: an event that has happened cannot be dated after today."""
    past_events = PAST_EVENT_DATES.get(block_type, set())
    warnings = []
    for item_type, name, where, date in _iter_fuzzy_dates(value):
        if (item_type, name) not in past_events or date.is_empty:
            continue
        try:
            first_day = date.first_day()
        except ValueError:  # an impossible day: the block's own validation reports it
            continue
        if first_day > today:
            warnings.append(
                _warning(
                    "dates.future",
                    _("“%(where)s”: the date of an event that has happened is in the future.")
                    % {"where": where},
                    "%s > %s" % (date.iso(), today.isoformat()),
                )
            )
    return warnings


# --- Entry points ------------------------------------------------------------------------------

BLOCK_CHECKS = {
    "demarcation": [
        check_length_parts,
        check_marks_total,
        check_water_bodies,
        check_demarcation_dates_order,
    ],
    "border_crossings": [check_crossings_totals, check_planned_upgrades],
    "euroregions": [check_euroregion_countries],
}

_body_block = None


def _block_definition(block_type, value):
    block = getattr(value, "block", None)
    if block is not None:
        return block
    global _body_block
    if _body_block is None:
        from .blocks import SectionBodyBlock

        _body_block = SectionBodyBlock()
    return _body_block.child_blocks.get(block_type)


def block_label(block_type, value):
    """The block's heading as the page shows it: the editor's own, or the standard one."""
    heading = value.get("heading") if isinstance(value, dict) else None
    if heading and str(heading).strip():
        return str(heading).strip()
    block = _block_definition(block_type, value)
    if block is None:
        return block_type
    default = getattr(block, "default_heading", None) or block.meta.label or block_type
    return str(default)


def check_block(block_type, value, today=None):
    """The warnings for one block value; ``block_index`` is 0 here, the caller fills it in."""
    if not isinstance(value, StructValue):
        return []  # prose and anything else without figures
    if today is None:
        today = timezone.localdate()
    found = []
    for check in BLOCK_CHECKS.get(block_type, []):
        found.extend(check(value))
    found.extend(check_date_ranges(value))
    found.extend(check_future_dates(block_type, value, today))
    if not found:
        return []
    label = block_label(block_type, value)
    return [FactWarning(block_index=0, block_type=block_type, block_label=label, **item) for item in found]


def check_body(stream_value, today=None):
    """The warnings for every block of a page body (a StreamValue), in the order of the blocks."""
    if today is None:
        today = timezone.localdate()
    warnings = []
    for index, child in enumerate(stream_value or []):
        for warning in check_block(child.block_type, child.value, today=today):
            warnings.append(dataclasses.replace(warning, block_index=index))
    return warnings
