"""Lakes and ponds named in the demarcation: each a Lithuanian name in the forms the sentences need.

The Lithuanian sentence names a water body in the genitive before "ežere"/"tvenkinyje" ("Gilutės
ežere"); a sentence in another language names it in the Lithuanian nominative, marked lang="lt", in
apposition ("in lake <span lang="lt">Gilutis</span>", "na jeziorze …"). Both forms are typed by the
editor, with the source that gives the nominative: neither is derived from the other by rule
(docs/adr/0019-water-body-names-and-polish-gender.md). Until every name a sentence needs has its
nominative, that sentence is written whole in Lithuanian (languages.Writer.in_source_language).

Pages stored before the nominative existed hold each name as a plain string (the genitive): the block
reads such a value as a water body without nominative, so old revisions ("as of" history) still load.
"""

from django.utils.translation import gettext_lazy
from wagtail import blocks

from .base import NameBlock
from .structs import StructBlock

NOMINATIVE_HELP = gettext_lazy(
    "The Lithuanian name as a source gives it: “Drūkšiai”. Used, marked as Lithuanian, in the sentences "
    "of the other languages; until every name has it, those sentences are Lithuanian."
)


def nominative_block():
    return NameBlock(required=False, max_length=100, label=gettext_lazy("Name (nominative)"), help_text=NOMINATIVE_HELP)


def nominative_source_block():
    return blocks.URLBlock(
        required=False,
        label=gettext_lazy("Source of the nominative"),
        help_text=gettext_lazy("A page that gives the name in the nominative."),
    )


def as_water_body(raw):
    """A stored water body as a dict of the block's fields: an old plain string is its genitive."""
    if isinstance(raw, str):
        return {"genitive": raw, "nominative": "", "source_url": ""}
    return raw


def genitive_of(water_body):
    """The genitive of a water body given as the block's value, a stored dict or an old plain string."""
    if isinstance(water_body, str):
        return water_body
    return (water_body or {}).get("genitive") or ""


def nominative_of(water_body):
    if isinstance(water_body, str):
        return ""
    return ((water_body or {}).get("nominative") or "").strip()


def genitives(water_bodies):
    return [genitive_of(water_body) for water_body in water_bodies or []]


class WaterBodyBlock(StructBlock):
    """A lake or pond by its Lithuanian name: the genitive the Lithuanian sentence uses, the nominative
    the other languages' sentences use, and where that nominative comes from. A name is the same in
    every language: synchronised to the translations, never a text to translate (NameBlock)."""

    genitive = NameBlock(
        max_length=100,
        label=gettext_lazy("Name (genitive)"),
        help_text=gettext_lazy("Each name in the genitive, as the sentence needs it: “Dubo”, “Gilutės”."),
    )
    nominative = nominative_block()
    source_url = nominative_source_block()

    class Meta:
        icon = "site"
        label = gettext_lazy("Lake or pond")

    def to_python(self, value):
        return super().to_python(as_water_body(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([as_water_body(value) for value in values])

    def normalize(self, value):
        return super().normalize(as_water_body(value))


def water_body_list(label):
    return blocks.ListBlock(WaterBodyBlock(), required=False, default=[], label=label)
