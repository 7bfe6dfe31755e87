"""No sentence mixes languages.

A fact block's figures, dates, counts and kinds are written in the reader's language; its free text
(descriptions, notes, positions, member bodies, names of lakes) is written in the language an editor
typed it in. Where those differ and a sentence needs a free-text value, the whole sentence is written
in the free text's language, from the same facts, in its own element marked with that language
("Lietuvos Respublikos gynybos atašė …" inside lang="lt", never "the gynybos atašė of …"). Proper
names that stay in their language (a treaty's title, a euroregion's name, a lake given in the
nominative) are marked with it inside the reader's sentence.

Which language the free text is in comes from the render context (`free_text_language`); without it,
the site's language: the English pages are copies of the Lithuanian ones and nothing yet translates
their free text (docs/adr/0014-language-of-generated-text.md).
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html

from ..models import language_of


class Writer:
    """Writes a block's sentences in the reader's language, or whole in the free text's language."""

    def __init__(self, country, text_language=None):
        self.country = country
        self.reader_language = language_of(translation.get_language())
        self.text_language = language_of(text_language or settings.LANGUAGE_CODE)

    @property
    def mixed(self):
        """Whether the free text is in another language than the page's."""
        return self.text_language != self.reader_language

    def forms(self, language=None):
        return self.country.forms(language or self.reader_language) if self.country else {}

    def plain(self, make, *args):
        """A sentence without free text: the reader's language, escaped."""
        return conditional_escape(make(self.forms(), *args))

    def with_free_text(self, make, *args):
        """A sentence that needs free text. `make(forms, *args)` returns text or safe HTML."""
        if not self.mixed:
            return conditional_escape(make(self.forms(), *args))
        with translation.override(self.text_language):
            sentence = make(self.forms(self.text_language), *args)
        return format_html('<span lang="{}">{}</span>', self.text_language, sentence)

    def free_text(self, text):
        """A free-text value shown on its own (a note, a paragraph): marked with its language when it
        is not the page's."""
        if not text:
            return ""
        if not self.mixed:
            return conditional_escape(text)
        return format_html('<span lang="{}">{}</span>', self.text_language, text)

    def name(self, text):
        """A proper name kept in its own language inside the reader's sentence."""
        return self.free_text(text)

    def attribute(self):
        """The lang attribute value for an element holding free text, or "" where none is needed."""
        return self.text_language if self.mixed else ""
