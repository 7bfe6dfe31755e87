"""Checks of the dates in any block: spans of years in order, past events not dated in the future."""

from django.utils.translation import gettext as _
from wagtail.blocks import StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue

from ..blocks.dates import FuzzyDate
from .common import _warning

# The dates that record something that has already happened, by block: (item type, field name);
# the item type is None for a field of the block itself.
PAST_EVENT_DATES = {
    "timeline": {("event", "date"), ("representative", "period")},
    "activities": {("accreditation", "date"), ("activity", "date")},
    "demarcation": {(None, "treaty_signed"), (None, "marking_completed"), (None, "final_documents_signed")},
}


def _iter_fuzzy_dates(value, item_type=None, where=None, field=None):
    """Every FuzzyDate inside a block value: (item type, field name, where, date, block field).

    ``where`` names the date for the editor: the item it belongs to ("Representative 3") or,
    for a field of the block itself, the field's label ("Treaty signed"). ``block field`` is the
    block's own field the date is in (where the editor shows the warning).
    """
    if isinstance(value, StructValue):
        for name, child in value.items():
            child_block = value.block.child_blocks.get(name) if hasattr(value, "block") else None
            label = str(child_block.label) if child_block is not None and child_block.label else name
            if isinstance(child, FuzzyDate):
                yield item_type, name, where or label, child, field or name
            else:
                yield from _iter_fuzzy_dates(child, item_type, where or label, field or name)
    elif isinstance(value, StreamValue):
        for number, child in enumerate(value, start=1):
            label = str(child.block.label or child.block_type)
            yield from _iter_fuzzy_dates(child.value, child.block_type, "%s %d" % (label, number), field)
    elif isinstance(value, ListValue):
        child_label = str(value.list_block.child_block.label or "")
        for number, child in enumerate(value, start=1):
            where_item = where or ("%s %d" % (child_label, number)).strip()
            yield from _iter_fuzzy_dates(child, item_type, where_item, field)


# --- Dates anywhere ----------------------------------------------------------------------------


def check_date_ranges(value):
    """dates.range_order: a span of years does not end before it starts."""
    warnings = []
    for _item_type, _name, where, date, field in _iter_fuzzy_dates(value):
        if date.is_empty or not date.get("end_year"):
            continue
        if date["end_year"] < date["year"]:
            warnings.append(
                _warning(
                    "dates.range_order",
                    _("“%(where)s”: the span of years ends before it starts.") % {"where": where},
                    "%s–%s" % (date["year"], date["end_year"]),
                    field,
                )
            )
    return warnings


def check_future_dates(block_type, value, today):
    """dates.future: an event that has happened cannot be dated after today."""
    past_events = PAST_EVENT_DATES.get(block_type, set())
    warnings = []
    for item_type, name, where, date, field in _iter_fuzzy_dates(value):
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
                    _("%(date)s, today %(today)s") % {"date": date.iso(), "today": today.isoformat()},
                    field,
                )
            )
    return warnings
