"""What every fact block shares: an optional heading with a standard default, and its country."""

from django.utils import dateformat, formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from wagtail import blocks

from ..pictures import pictures_drawn
from .completeness import missing_fields_once
from .languages import Writer
from .structs import StructBlock


def heading_block():
    return blocks.CharBlock(
        required=False,
        max_length=200,
        label=gettext_lazy("Heading"),
        help_text=gettext_lazy("Leave empty for the standard heading of this kind of fact."),
    )


class SourceBlock(StructBlock):
    """A document a fact is taken from."""

    title = blocks.CharBlock(max_length=300, label=gettext_lazy("Document title"))
    url = blocks.URLBlock(required=False, label=gettext_lazy("Link"))
    date = blocks.DateBlock(required=False, label=gettext_lazy("Document date"))

    class Meta:
        icon = "doc-full"
        label = gettext_lazy("Source")


class NameBlock(blocks.CharBlock):
    """A person's or a place's name: the same in every language. The translation mechanism
    (wagtail-localize) asks a block for its segments; a name has none, so it is synchronised from the
    source page like the figures, never left for a translator (docs/adr/0015)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    def deconstruct(self):
        # Migrations see a plain CharBlock: nothing stored changes.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.CharBlock", args, kwargs


def sources_block():
    return blocks.ListBlock(
        SourceBlock(),
        required=False,
        default=[],
        label=gettext_lazy("Sources"),
        help_text=gettext_lazy("The documents these facts come from; listed on the page under “Sources”."),
    )


def source_items(sources, writer):
    """The "Sources" list's items (blocks/includes/sources.html), written here rather than in the
    template: a page render lists a dozen sources, and the template's per-item lookups, conditions
    and date filters cost several times what this does."""
    return mark_safe("".join("\n      <li>%s</li>\n    " % source_item(source, writer.attribute(source.get("title")))
                             for source in sources))


def source_item(source, lang):
    title = escape(source.get("title"))
    lang_attribute = ' lang="%s"' % escape(lang) if lang else ""
    if source.get("url"):
        item = '<a href="%s"%s>%s</a>' % (escape(source["url"]), lang_attribute, title)
    elif lang:
        item = "<span%s>%s</span>" % (lang_attribute, title)
    else:
        item = title
    if source.get("date"):
        date = source["date"]
        item += ', <time datetime="%s">%s</time>' % (
            dateformat.format(date, "Y-m-d"), escape(formats.date_format(date, "DATE_FORMAT")))
    return item


class FactBlock(StructBlock):
    """Base of the fact blocks. The page passes its partner country in the render context."""

    default_heading = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = value.get("heading") or (
            str(self.default_heading) if self.default_heading else ""
        )
        country = (parent_context or {}).get("country")
        context["country"] = country
        context["country_forms"] = country.forms() if country else {}
        writer = Writer(
            country,
            (parent_context or {}).get("free_text_language"),
            (parent_context or {}).get("free_text_origins"),
        )
        # The free text's language on the elements that hold only free text (an editor's own heading,
        # source titles) where it is not the page's.
        context["text_lang"] = writer.attribute()
        context["heading_lang"] = writer.attribute(value.get("heading")) if value.get("heading") else ""
        context["source_items"] = source_items(value.get("sources") or [], writer)
        context["missing_fields"] = missing_fields_once(self, value)
        if not context["missing_fields"]:
            context.update(self.sentences(value, writer))
            if pictures_drawn():
                context.update(self.pictures(value, context))
        return context

    def get_template(self, value=None, context=None):
        """A draft's block with required fields still empty is shown as not filled in yet."""
        if value is not None and missing_fields_once(self, value):
            return "blocks/incomplete_block.html"
        return super().get_template(value, context=context)

    def pictures(self, value, context):
        """The block's pictures (bilateral/facts/pictures), by name, for its template."""
        return {}

    def sentences(self, value, writer):
        """The generated text of the block (HTML), by name, for its template; `writer` (languages.Writer)
        knows the country's name forms and in which language a sentence with free text is written."""
        return {}
