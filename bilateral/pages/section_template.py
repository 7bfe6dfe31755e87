"""What a new section page starts with: the usual fact blocks, empty, in the seed's order."""

import uuid

from .models import SectionPage

# Each block's starting value: empty, except that a list which would start with one blank item
# (whose sentence cannot be written yet) starts with none.
TEMPLATE = [
    ("timeline", {}),
    ("border_crossings", {"points": []}),
    ("demarcation", {}),
    ("euroregions", {}),
    ("activities", {}),
]
TEMPLATE_BLOCKS = [name for name, _value in TEMPLATE]


def start_from_the_template(sender, page, parent, **kwargs):
    """Wagtail's "Add child page" (its init_new_page signal, sent when the empty form is shown): a new
    section's body starts as the template, each block with an id of its own."""
    if isinstance(page, SectionPage) and not page.body:
        page.body = template_body()


def template_body():
    """The body as the editor would store it, every block's fields present and empty."""
    stream_block = SectionPage.body.field.stream_block
    value = stream_block.to_python([{"type": name, "value": raw} for name, raw in TEMPLATE])
    list(value)  # a lazy StreamValue would hand back its raw data unconverted
    return with_new_ids(stream_block.get_prep_value(value))


def with_new_ids(raw):
    """Every block and list item with an id of its own: a list's default items come with the ids
    they were given once, when the block was defined, and two sections must not share them."""
    if isinstance(raw, list):
        return [with_new_ids(item) for item in raw]
    if isinstance(raw, dict):
        renewed = {key: with_new_ids(value) for key, value in raw.items()}
        if "id" in raw and "type" in raw:
            renewed["id"] = str(uuid.uuid4())
        return renewed
    return raw
