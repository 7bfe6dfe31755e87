"""The fact blocks' struct values are read from storage (facts/blocks/structs.py) as Wagtail's
StructBlock reads them: every struct of every seeded section body, and values with fields missing."""

import datetime

from wagtail import blocks

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.blocks.structs import StructBlock
from bilateral.pages.models import SectionPage

from .test_choice_blocks import descendants


def as_wagtail_reads(block, values):
    """What Wagtail's own StructBlock.bulk_to_python gives, this block's children read the same way."""
    return blocks.StructBlock.bulk_to_python(block, values)


def stored_values_by_block(bodies):
    """Each struct block of the body with every stored value it has in these bodies."""
    found = {}

    def walk(block, raw):
        if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
            found.setdefault(id(block), (block, []))[1].append(raw)
            for name, child in block.child_blocks.items():
                if name in raw:
                    walk(child, raw[name])
        elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
            for item in raw:
                walk(block.child_block, item["value"] if isinstance(item, dict) and item.get("type") == "item" else item)

    body_block = SectionBodyBlock()
    for body in bodies:
        for child in body:
            walk(body_block.child_blocks[child["type"]], child["value"])
    return body_block, list(found.values())


def same_values(read, expected):
    assert type(read) is type(expected)
    if isinstance(expected, blocks.StructValue):
        assert list(read) == list(expected) and read.block is expected.block
        for name in expected:
            same_values(read[name], expected[name])
    elif isinstance(expected, blocks.list_block.ListValue):
        assert [child.id for child in read.bound_blocks] == [child.id for child in expected.bound_blocks]
        for read_child, expected_child in zip(read.bound_blocks, expected.bound_blocks):
            same_values(read_child.value, expected_child.value)
    else:
        assert read == expected


def test_every_fact_struct_block_reads_as_its_own():
    structs = [block for block in descendants(SectionBodyBlock()) if isinstance(block, blocks.StructBlock)]
    assert len(structs) >= 15 and all(isinstance(block, StructBlock) for block in structs)


def test_the_seeded_bodies_read_as_wagtail_reads_them(seeded):
    bodies = [page.body.raw_data for page in SectionPage.objects.all()]
    _body_block, found = stored_values_by_block(bodies)
    assert len(found) >= 10  # sources, crossing points, fuzzy dates, representatives …
    for block, values in found:
        read = block.bulk_to_python(values)
        assert len(read) == len(values)
        for one, expected in zip(read, as_wagtail_reads(block, values)):
            same_values(one, expected)


class Probe(StructBlock):
    name = blocks.CharBlock(default="nimi")
    count = blocks.IntegerBlock(default=3)
    when = blocks.DateBlock(required=False)


def test_missing_fields_take_the_default_unread_as_wagtail_does():
    block = Probe()
    values = [{"name": "Sutartis", "count": 7, "when": "2024-05-01"}, {"name": "Be datos"}, {}]
    read = block.bulk_to_python(values)
    for one, expected in zip(read, as_wagtail_reads(block, values)):
        same_values(one, expected)
    assert read[0]["when"] == datetime.date(2024, 5, 1) and read[1]["when"] is None
    assert (read[1]["count"], read[2]["name"]) == (3, "nimi")
    assert block.bulk_to_python([]) == []
