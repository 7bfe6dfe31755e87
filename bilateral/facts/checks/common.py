"""What every fact check shares: the warning, reading the editor's figures, and the figures line.

Every check returns plain dicts made by ``_warning``; the entry points in ``__init__`` turn them into
``FactWarning``s.
"""

import dataclasses
from decimal import Decimal

from ..grammar import format_number


@dataclasses.dataclass(frozen=True)
class FactWarning:
    block_index: int
    block_type: str
    block_label: str
    rule: str
    message: str
    figures: str
    field: str = ""  # the block's own field the warning is about, where the editor shows it

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


def _warning(rule, message, figures, field=""):
    return {"rule": rule, "message": message, "figures": figures, "field": field}


def field_label(value, name):
    """A field's label as the editor sees it (translated), or its name for a value without its block."""
    block = getattr(value, "block", None)
    child = block.child_blocks.get(name) if block is not None else None
    return str(child.label) if child is not None and child.label else name
