"""Prose that is not a fact."""

from django.utils.translation import gettext_lazy
from wagtail import blocks


class ProseBlock(blocks.RichTextBlock):
    """Text that is not a figure: context, explanations."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/prose_block.html"
        label = gettext_lazy("Text")
        description = gettext_lazy("Prose that is not a fact.")
        group = gettext_lazy("Text")
