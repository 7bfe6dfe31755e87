"""Fact blocks as data: block values walked into JSON-ready figures, and flattened for CSV."""

import datetime
from decimal import Decimal

from django.utils import translation
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.blocks.base import FactBlock
from bilateral.facts.blocks.dates import FuzzyDate

# Every block of a section body that holds facts (prose does not); new fact blocks join by themselves.
FACT_TYPES = tuple(
    name for name, block in SectionBodyBlock.base_blocks.items() if isinstance(block, FactBlock)
)
NOT_FIGURES = ("heading", "sources")


def data(value):
    """A block value as JSON-ready data; a fuzzy date keeps its precision: {"iso": "1991-08", "precision": "month"}."""
    if isinstance(value, FuzzyDate):
        return None if value.is_empty else {"iso": value.iso(), "precision": value.precision}
    if isinstance(value, StructValue):
        return {name: data(child) for name, child in value.items()}
    if isinstance(value, StreamValue):
        return [stream_item(child.block_type, data(child.value)) for child in value]
    if isinstance(value, (list, tuple, ListValue)):
        return [data(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, RichText):
        return value.source
    return value


def stream_item(block_type, item):
    return {"type": block_type, **item} if isinstance(item, dict) else {"type": block_type, "value": item}


def figures(value):
    return {name: item for name, item in data(value).items() if name not in NOT_FIGURES}


def sources(value):
    return [
        {
            "title": source["title"],
            "url": source.get("url") or None,
            "date": source["date"].isoformat() if source.get("date") else None,
        }
        for source in value.get("sources") or []
    ]


def heading(block, value, language):
    """The heading the page shows: the editor's, or the standard one of the block's kind."""
    with translation.override(language):
        return value.get("heading") or (str(block.default_heading) if block.default_heading else None)


def flatten(item, prefix=""):
    """(path, text) pairs of nested data: {"points": [{"count": 4}]} → ("points.0.count", "4")."""
    if isinstance(item, dict):
        for key, child in item.items():
            yield from flatten(child, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(item, list):
        for index, child in enumerate(item):
            yield from flatten(child, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield prefix, text(item)


def text(scalar):
    if scalar is None:
        return ""
    if isinstance(scalar, bool):
        return "true" if scalar else "false"
    return str(scalar)
