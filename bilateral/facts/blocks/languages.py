"""No sentence mixes languages.

A fact block's figures, dates, counts and kinds are written in the reader's language; its free text
(descriptions, notes, positions, member bodies) is written in the language an editor
typed it in. Where those differ and a sentence needs a free-text value, the whole sentence is written
in the free text's language, from the same facts, in its own element marked with that language
("Lietuvos Respublikos gynybos atašė …" inside lang="lt", never "the gynybos atašė of …"). Proper
names that stay in their language (a treaty's title, a euroregion's name, a lake given in the
nominative: `source_name`) are marked with it inside the reader's sentence.

Which language the free text is in comes from the render context (`free_text_language`, the page's
language; without it, the site's), value by value: on a translated page a value that is not translated
yet is the source's text, in the site's language (`free_text_origins`, a TextOrigins the page builds
from its translations; docs/adr/0015-one-set-of-facts-in-every-language.md).
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from ..models import language_of


class TextOrigins:
    """Which free-text values of a translated page are still the source's (untranslated, so in the
    site's language) and, for each translated value, the source text it translates. The page knows it
    (bilateral/pages/translations.py); the blocks only ask."""

    def __init__(self, untranslated=(), sources=None):
        self.untranslated = frozenset(untranslated)
        self.sources = dict(sources or {})
        # A rich-text value (prose) holds several segments: it is untranslated where one of them is.
        self.long_untranslated = [part for part in self.untranslated if len(part) > 20]

    def is_untranslated(self, text):
        text = str(text or "").strip()
        if not text:
            return False
        return text in self.untranslated or any(part in text for part in self.long_untranslated)

    def source_of(self, text):
        return self.sources.get(str(text or "").strip())


NO_TRANSLATION = TextOrigins()


class Writer:
    """Writes a block's sentences in the reader's language, or whole in the free text's language."""

    def __init__(self, country, text_language=None, origins=None):
        self.country = country
        self.reader_language = language_of(translation.get_language())
        self.text_language = language_of(text_language or settings.LANGUAGE_CODE)
        self.source_language = language_of(settings.LANGUAGE_CODE)
        self.origins = origins or NO_TRANSLATION

    def language_of_texts(self, texts):
        """The language of these free-text values: the source's if one of them is not translated yet."""
        if any(self.origins.is_untranslated(text) for text in texts):
            return self.source_language
        return self.text_language

    def back_to_source(self, sentence, texts):
        """A sentence written in the source's language with a value that is translated: the value's
        source text instead, so that the sentence is in one language."""
        for text in texts:
            source = self.origins.source_of(text)
            if source and source != text:
                sentence = str(sentence).replace(str(conditional_escape(text)), str(conditional_escape(source)))
        return sentence

    def forms(self, language=None):
        """The country's name forms in that language (the reader's), looked up once per writer: a block's
        sentences ask for them a few times each."""
        if not self.country:
            return {}
        language = language or self.reader_language
        known = self.__dict__.setdefault("_forms", {})
        if language not in known:
            known[language] = self.country.forms(language)
        return known[language]

    def plain(self, make, *args):
        """A sentence without free text: the reader's language, escaped."""
        return conditional_escape(make(self.forms(), *args))

    def with_free_text(self, make, *args, texts=None):
        """A sentence that needs free text (`texts`, the values it uses; without them, the block's
        free text as a whole). `make(forms, *args)` returns text or safe HTML."""
        texts = [text for text in (texts or []) if text]
        language = self.language_of_texts(texts) if texts else self.text_language
        if language == self.reader_language:
            return conditional_escape(make(self.forms(), *args))
        with translation.override(language):
            sentence = conditional_escape(make(self.forms(language), *args))
        return format_html('<span lang="{}">{}</span>', language, mark_safe(self.back_to_source(sentence, texts)))  # noqa: S308 (escaped above)

    def in_source_language(self, make, *args):
        """A sentence that needs words only the site's language has (a lake's name stored in the case
        its sentence governs, its nominative missing): written whole in that language, marked, on a page
        in another. `make(forms, *args)` returns text or safe HTML."""
        if self.source_language == self.reader_language:
            return conditional_escape(make(self.forms(), *args))
        with translation.override(self.source_language):
            sentence = conditional_escape(make(self.forms(self.source_language), *args))
        return format_html('<span lang="{}">{}</span>', self.source_language, sentence)

    def reads_source_language(self):
        return self.source_language == self.reader_language

    def source_name(self, text):
        """A proper name in the site's language whatever the page's (a Lithuanian lake's nominative):
        marked with that language inside a sentence of another."""
        if self.reads_source_language():
            return conditional_escape(text)
        return format_html('<span lang="{}">{}</span>', self.source_language, text)

    def free_text(self, text):
        """A free-text value shown on its own (a note, a paragraph): marked with its language when it
        is not the page's."""
        if not text:
            return ""
        language = self.language_of_texts([text])
        if language == self.reader_language:
            return conditional_escape(text)
        return format_html('<span lang="{}">{}</span>', language, text)

    def name(self, text):
        """A proper name kept in its own language inside the reader's sentence."""
        return self.free_text(text)

    def attribute(self, text=None):
        """The lang attribute value for an element holding free text (`text`, where one value), or ""
        where none is needed."""
        language = self.language_of_texts([text]) if text else self.text_language
        return language if language != self.reader_language else ""
