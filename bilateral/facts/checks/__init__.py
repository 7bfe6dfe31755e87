"""Fact checks: find figures and dates that contradict each other, and tell the editor.

Every check is a pure function of a block's value: it reads, it never corrects. A warning names the
rule it comes from, says in words what is wrong (``message``, in the active language), shows the
figures it compared, named by their field (``figures``, in the active language and its number
format), and names the block's own field it concerns (``field``), beside which the editor shows it.

The checks live in one module per block family (``demarcation``, ``crossings``, ``euroregions``),
the date checks that apply to every block in ``dates`` and the shared helpers in ``common``; this
module holds the dispatch (``BLOCK_CHECKS``) and the entry points the rest of the project imports.
"""

import dataclasses

from django.utils import timezone
from wagtail.blocks import StructValue

from ..blocks.completeness import missing_fields
from .common import FactWarning
from .crossings import (
    check_crossings_totals,
    check_planned_records,
    check_planned_upgrades,
    check_records_against_entered,
)
from .dates import check_date_ranges, check_future_dates
from .demarcation import check_demarcation_dates_order, check_length_parts, check_marks_total, check_water_bodies
from .euroregions import check_euroregion_countries

__all__ = [
    "BLOCK_CHECKS",
    "FactWarning",
    "block_label",
    "check_block",
    "check_body",
    "check_crossings_totals",
    "check_date_ranges",
    "check_demarcation_dates_order",
    "check_euroregion_countries",
    "check_future_dates",
    "check_length_parts",
    "check_marks_total",
    "check_planned_records",
    "check_planned_upgrades",
    "check_records_against_entered",
    "check_water_bodies",
]


# --- Entry points ------------------------------------------------------------------------------

BLOCK_CHECKS = {
    "demarcation": [
        check_length_parts,
        check_marks_total,
        check_water_bodies,
        check_demarcation_dates_order,
    ],
    "border_crossings": [
        check_crossings_totals,
        check_planned_upgrades,
        check_records_against_entered,
        check_planned_records,
    ],
    "euroregions": [check_euroregion_countries],
}

_body_block = None


def _block_definition(block_type, value):
    block = getattr(value, "block", None)
    if block is not None:
        return block
    global _body_block
    if _body_block is None:
        from ..blocks import SectionBodyBlock

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


def check_block(block_type, value, today=None, complete_only=True):
    """The warnings for one block value; ``block_index`` is 0 here, the caller fills it in.

    A saved draft's block not filled in yet is skipped (nothing to compare until its figures are
    there); the editor's live check (``complete_only=False``) compares whatever figures it has, as
    the editor types them.
    """
    if not isinstance(value, StructValue):
        return []  # prose and anything else without figures
    if complete_only and missing_fields(value.block, value):
        return []
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
