"""What a new section page starts with: the usual fact blocks, present and empty.

Defined once for every way a section is made (the new-country flow gives its first section this
body). Not yet the "Add child page" form's initial value: there the blocks need ids of their own.
"""

from bilateral.facts.blocks import SectionBodyBlock

TEMPLATE_BLOCKS = ("timeline", "border_crossings", "demarcation", "euroregions", "activities")


def section_template_body():
    """The body of a new section: (block type, empty value) pairs, in the order the seed uses."""
    stream = SectionBodyBlock()
    return [(name, stream.child_blocks[name].get_default()) for name in TEMPLATE_BLOCKS]

