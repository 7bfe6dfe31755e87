"""Prose that is not a fact."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy
from wagtail import blocks

from .languages import Writer


class ProseBlock(blocks.RichTextBlock):
    """Text that is not a figure: context, explanations."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Prose is free text: marked with its language where that is not the page's.
        parent_context = parent_context or {}
        writer = Writer(None, parent_context.get("free_text_language"), parent_context.get("free_text_origins"))
        context["text_lang"] = writer.attribute(strip_tags(str(value.source if hasattr(value, "source") else value)))
        return context

    class Meta:
        icon = "pilcrow"
        template = "blocks/prose_block.html"
        label = gettext_lazy("Text")
        description = gettext_lazy("Prose that is not a fact.")
        group = gettext_lazy("Text")
