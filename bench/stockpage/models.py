"""A plain Wagtail page: a title and a StreamField of rich-text blocks, nothing of ours."""

from wagtail.admin.panels import FieldPanel
from wagtail.blocks import RichTextBlock
from wagtail.fields import StreamField
from wagtail.models import Page


class StockPage(Page):
    body = StreamField([("text", RichTextBlock())], blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
