"""General pages: the accessibility statement, the privacy notice, contacts, about — prose with
pictures and documents, under the home page or under a country. Those with a footer role are linked
from every page's footer."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index

from bilateral.facts.blocks.languages import Writer

from .revisions import RecordsOnlyChanges

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class FooterRole(models.TextChoices):
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy notice")
    CONTACTS = "contacts", _("Contacts")
    ABOUT = "about", _("About the portal")


FOOTER_ORDER = [role.value for role in FooterRole]


class FigureBlock(blocks.StructBlock):
    """A picture with the text that stands for it for readers who do not see it."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Picture")
        template = "blocks/figure_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A document to download, with its title as the link's text."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"


class GeneralBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    figure = FigureBlock()
    document = DocumentLinkBlock()


class GeneralPage(RecordsOnlyChanges, Page):
    """A page of prose: accessibility statement, privacy notice, contacts, about."""

    body = StreamField(GeneralBodyBlock(), verbose_name=_("body"), blank=True)
    footer_role = models.CharField(
        _("link in the footer"),
        max_length=20,
        choices=FooterRole.choices,
        blank=True,
        help_text=_("Linked from the footer of every page in this language; one page per role."),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("footer_role")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["pages.HomePage", "pages.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("general page")
        verbose_name_plural = _("general pages")

    def get_context(self, request, *args, **kwargs):
        """A translated page's title and text blocks not translated yet are marked Lithuanian."""
        from .translations import text_origins

        context = super().get_context(request, *args, **kwargs)
        origins = text_origins(self)
        writer = Writer(None, self.locale.language_code, origins)
        context["title_lang"] = title_language(self, origins)
        context["body_in_languages"] = [
            (block, writer.attribute(strip_tags(block.value.source)) if block.block_type == "text" else "")
            for block in self.body
        ]
        return context


def title_language(page, origins):
    """The lang attribute of a translated page's title where it is not translated yet, else ""."""
    return Writer(None, page.locale.language_code, origins).attribute(page.title)
