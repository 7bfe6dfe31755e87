"""Which required fields of a fact block's value are still empty.

Wagtail saves a draft with required fields left empty (their validation is deferred to publishing),
and the editor's preview, the fact checks and the stored search text all read drafts. A sentence
cannot be written from a missing count, so a block that is not complete yet is shown as such instead
of being put into words, and is not checked.
"""

from wagtail import blocks

EMPTY = (None, "", [], ())


def missing_fields(block, value, path=""):
    """The dotted paths of the required fields without a value, in the order of the block's fields."""
    if isinstance(block, blocks.StructBlock):
        value = value or {}
        return [
            missing
            for name, child in block.child_blocks.items()
            for missing in missing_fields(child, value.get(name), f"{path}.{name}" if path else name)
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            missing
            for index, item in enumerate(list_items(value))
            for missing in missing_fields(block.child_block, item, f"{path}.{index}")
        ]
    if isinstance(block, blocks.StreamBlock):
        return [
            missing
            for index, child in enumerate(value or [])
            for missing in missing_fields(child.block, child.value, f"{path}.{index}")
        ]
    if isinstance(block, blocks.BooleanBlock):
        return []
    if isinstance(block, blocks.FieldBlock) and block.required and value in EMPTY:
        return [path]
    return []


def missing_fields_once(block, value):
    """missing_fields(block, value), worked out once per value object: a render asks it of each fact
    block three times (its template, its context, the page's key figures). Kept on the value, which
    a render only reads (a page's body is read afresh for each request); code that changes a value
    in place (editing, checks) asks missing_fields itself."""
    memo = getattr(value, "_missing_fields", None)
    if memo is not None and memo[0] is block:
        return memo[1]
    missing = missing_fields(block, value)
    try:
        value._missing_fields = (block, missing)
    except AttributeError:
        pass  # a plain dict or list (a value built in code) has no attributes: asked each time
    return missing


def list_items(value):
    """A ListBlock's items, whether the value is a ListValue (items wrapped in bound blocks) or a list."""
    if value is None:
        return []
    if isinstance(value, blocks.list_block.ListValue):
        return [bound.value for bound in value.bound_blocks]
    return list(value)


def is_complete(block, value):
    return not missing_fields(block, value)
