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
    check = checker(block)
    return check(value, path) if check else []


def checker(block):
    """The function that finds the block's missing fields, or None where nothing in it is required.
    Worked out once per block definition (kept on the block): a render asks it of every fact block,
    and walking only the required fields is what keeps that cheap."""
    try:
        return block.__dict__["_missing_fields_checker"]
    except KeyError:
        check = block.__dict__["_missing_fields_checker"] = new_checker(block)
        return check


def new_checker(block):
    if isinstance(block, blocks.StructBlock):
        return struct_checker(block)
    if isinstance(block, blocks.ListBlock):
        return list_checker(block)
    if isinstance(block, blocks.StreamBlock):
        return stream_checker
    if isinstance(block, blocks.BooleanBlock):
        return None
    if isinstance(block, blocks.FieldBlock) and block.required:
        return required_field
    return None


def required_field(value, path):
    return [path] if value in EMPTY else []


def struct_checker(block):
    children = [(name, check) for name, child in block.child_blocks.items() if (check := checker(child))]
    if not children:
        return None

    def check_struct(value, path):
        value = value or {}
        return [
            missing
            for name, check in children
            for missing in check(value.get(name), f"{path}.{name}" if path else name)
        ]

    return check_struct


def list_checker(block):
    check = checker(block.child_block)
    if check is None:
        return None

    def check_list(value, path):
        return [missing for index, item in enumerate(list_items(value)) for missing in check(item, f"{path}.{index}")]

    return check_list


def stream_checker(value, path):
    return [
        missing
        for index, child in enumerate(value or [])
        for missing in missing_fields(child.block, child.value, f"{path}.{index}")
    ]


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
