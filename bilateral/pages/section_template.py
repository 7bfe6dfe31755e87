"""What a new section page starts with: the usual fact blocks, empty, in the seed's order."""

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


def template_body():
    """The body as the editor would store it, every block's fields present and empty."""
    stream_block = SectionPage.body.field.stream_block
    value = stream_block.to_python([{"type": name, "value": raw} for name, raw in TEMPLATE])
    list(value)  # a lazy StreamValue would hand back its raw data unconverted
    return stream_block.get_prep_value(value)
