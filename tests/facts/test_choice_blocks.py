"""The fact blocks' choices are read from storage (facts/blocks/choices.py) as Wagtail's ChoiceBlock
reads them: for every choice of every choice block in a section's body, as stored (its key, the key
as text) and for values no choice has."""

from wagtail import blocks

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.blocks.choices import ChoiceBlock


def descendants(block):
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    for child in children.values():
        yield child
        yield from descendants(child)


def choice_blocks():
    return [block for block in descendants(SectionBodyBlock()) if isinstance(block, ChoiceBlock)]


def test_every_choice_block_of_the_body_reads_values_as_wagtail_does():
    found = choice_blocks()
    assert len(found) >= 15  # the month, kinds, regimes, statuses, directions … of the fact blocks
    for block in found:
        keys = [key for key, _label in block._constructor_kwargs["choices"]]
        assert keys
        for value in [*keys, *(str(key) for key in keys), "no such choice", "", 0, None]:
            expected = blocks.ChoiceBlock.to_python(block, value)
            read = block.to_python(value)
            assert read == expected and type(read) is type(expected), (block.name, value)


def test_a_value_read_through_the_table_is_read_without_the_choice_list(monkeypatch):
    block = next(block for block in choice_blocks() if block.name == "month")
    monkeypatch.setattr(blocks.ChoiceBlock, "normalize_choice", lambda self, value: "walked the list")
    assert block.to_python("3") == 3
