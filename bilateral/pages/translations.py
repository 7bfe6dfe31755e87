"""One set of facts in every language: a page's translations are wagtail-localize translations of the
Lithuanian page, made when it is published (in every language whose tree has a place for it) and
brought up to date whenever it is published again.

What a translation holds of its own is the translated free text (headings, prose, notes, member
bodies, positions: the string segments wagtail-localize extracts); everything else (figures, dates,
counts, kinds, countries, lists, names) is the source's, copied at every update. A segment nobody has
translated yet keeps the source's text, and the page marks it as Lithuanian (`text_origins`).
See docs/adr/0015-one-set-of-facts-in-every-language.md and 0020-translations-on-first-publication.md.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from wagtail import blocks
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail_localize.models import (
    SourceDeletedError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from bilateral.facts.blocks.languages import NO_TRANSLATION, TextOrigins

from .lineage import is_source

logger = logging.getLogger(__name__)

# Set while a caller makes the translations of the pages it publishes itself (translations_made_here).
CALLER_TRANSLATES = ContextVar("caller_translates", default=False)
# True while a source's publication publishes its translations (update_translations, translate_new_page):
# what they change is the source's change carried over, announced once, with the source's.
CARRYING_OVER = ContextVar("carrying_over", default=False)


def publication_carried_over():
    """Whether the page being published now is a translation published with its source."""
    return CARRYING_OVER.get()


@contextmanager
def switched_on(flag):
    """Within: the ContextVar `flag` is True (each thread and task has its own)."""
    token = flag.set(True)
    try:
        yield
    finally:
        flag.reset(token)


def carrying_over():
    return switched_on(CARRYING_OVER)


def other_locales():
    """Every language of the site but the source's, as Wagtail locales (created where missing)."""
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def translations_of(page):
    """The page's wagtail-localize translations (one per other language that has one)."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id, enabled=True
    ).select_related("source", "target_locale")


def blank_texts(block, raw):
    """The block's stored value with an empty text field as "" where it is stored as None (the seed and
    older pages store it so; the editor's form stores ""): wagtail-localize takes every text field for
    a segment and refuses None."""
    if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.RichTextBlock):
        return "" if raw is None else raw
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return {**raw, **{name: blank_texts(child, raw.get(name)) for name, child in block.child_blocks.items()}}
    if isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        return [
            {**item, "value": blank_texts(block.child_block, item["value"])}
            if isinstance(item, dict) and item.get("type") == "item"
            else blank_texts(block.child_block, item)
            for item in raw
        ]
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        return [
            {**child, "value": blank_texts(block.child_blocks[child["type"]], child["value"])}
            if child.get("type") in block.child_blocks
            else child
            for child in raw
        ]
    return raw


def as_source(page):
    """The page as stored, its StreamFields' empty texts as "" (blank_texts), to extract segments from."""
    page = type(page.specific).objects.get(pk=page.pk)
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            setattr(page, field.name, blank_texts(field.stream_block, stream.get_prep_value()))
    return page


def start_translation(page, locale, strings=None, user=None, publish=True):
    """The page translated into `locale` through wagtail-localize and published: the source's facts,
    with `strings` ({source text: translated text}) stored as translations of its segments (the seed's
    English titles and texts). A page already translated into the locale is brought up to date."""
    source, _created = TranslationSource.update_or_create_from_instance(as_source(page))
    if strings:
        translate_strings(source, locale, strings, user=user)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return publish_target(translation, user=user, publish=publish)


def translate_strings(source, locale, strings, user=None):
    """Store translations of the source's segments found in `strings`: {source text: translated text}
    for plain text (titles, addresses), or {source segment data: translated data} for rich text."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        data = segment.string.data
        if data in strings:
            translated = strings[data]
        elif StringValue(data).render_text() in strings:
            translated = StringValue.from_plaintext(strings[StringValue(data).render_text()]).data
        else:
            continue
        store_translation(segment, locale, translated, user=user)


def store_translation(segment, locale, data, user=None):
    """The segment's translation into `locale`, as an editor would have typed it."""
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL, "last_translated_by": user},
    )


def body_strings(page):
    return [
        segment
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue) and segment.path.split(".")[0] == "body"
    ]


def paired_strings(page, translated_page):
    """{source segment: translated segment} of two versions of a page with the same structure (the
    seed's Lithuanian and English texts of a general page), segment by segment in order."""
    sources, translated = body_strings(page), body_strings(translated_page)
    if len(sources) != len(translated):
        raise ValueError(f"{page}: the translation has {len(translated)} texts, the source {len(sources)}")
    return {source.string.data: target.string.data for source, target in zip(sources, translated, strict=True)}


def publish_target(translation, user=None, publish=True):
    """Save the translation's page from the source and the translated segments (untranslated ones
    fall back to the source's text), then publish it at once (wagtail-localize would publish after the
    transaction commits; the publication of the source is already inside one)."""
    source = translation.source
    source.create_or_update_translation(
        translation.target_locale, user=user, publish=False, fallback=True, copy_parent_pages=True
    )
    target = translation.get_target_instance().specific
    revision = target.get_latest_revision()
    if not publish:
        return target  # a draft's translation: published with its source
    revision.publish(user=user)
    target.refresh_from_db()
    follow_the_source_stamp(source.get_source_instance(), target)
    return target


def is_translation(page):
    """Whether the page is a wagtail-localize translation of a page in another language. Its publication
    is its source's change carried over: the major change (the public note, the subscribers' email)
    is the source page's, not recorded again per language (publishing.record_major_change)."""
    return TranslationSource.objects.filter(object_id=page.translation_key).exclude(locale_id=page.locale_id).exists()


def follow_the_source_stamp(source, target):
    """The "Atnaujinta" stamp and the first publication of a translated section are its source's."""
    stamps = {
        name: getattr(source, name)
        for name in ("first_published_at", "last_major_change_at")
        if hasattr(target, name) and getattr(source, name) is not None
    }
    if stamps:
        type(target).objects.filter(pk=target.pk).update(**stamps)
        for name, value in stamps.items():
            setattr(target, name, value)


def update_translations(sender, instance, revision=None, alias=False, user=None, **kwargs):
    """page_published receiver: a source page published brings every translation up to date (its
    figures at once; its free text as far as it is translated) and publishes it."""
    if alias or not is_source(instance):
        return
    translations = list(translations_of(instance))
    if not translations:
        return
    TranslationSource.update_or_create_from_instance(as_source(instance))
    for translation in translations:
        translation.source.refresh_from_db()
        try:
            with transaction.atomic(), carrying_over():
                publish_target(translation, user=user)
        except (ValidationError, SourceDeletedError):
            # The source stays published; the translation keeps its last version until the next one.
            logger.exception("translation %s of page %s not updated", translation.target_locale, instance.pk)


def translate_new_page(sender, instance, revision=None, alias=False, user=None, **kwargs):
    """page_published receiver: a source page published is translated into every language it is not in
    yet (untranslated_locales) and published there, at once and in the same transaction as
    update_translations: the source's facts, its free text the source's (marked Lithuanian) until a
    translator translates it, its title and address in the language where the site knows them
    (known_words). A translation that cannot be made is logged; the source's publication stands."""
    if alias or not is_source(instance) or CALLER_TRANSLATES.get():
        return
    page = instance.specific
    for locale in untranslated_locales(page):
        try:
            with transaction.atomic(), carrying_over():
                start_translation(page, locale, known_words(page, locale), user=user)
        except (ValidationError, SourceDeletedError, ParentNotTranslatedError, DatabaseError):
            logger.exception("page %s not translated into %s", page.pk, locale.language_code)


def untranslated_locales(page):
    """The site's other languages whose tree has a place for the page (its parent is in that language;
    so never for a page right under the root: a language's home page is an editor's decision) and
    that neither have the page nor ever had a translation of it: a translation deleted or stopped
    leaves a disabled Translation (WAGTAILLOCALIZE_DISABLE_ON_DELETE), an editor's decision too."""
    from wagtail.models import Page

    parent = page.get_parent()
    if parent.is_root():
        return []
    held = set(Page.objects.filter(translation_key=parent.translation_key).values_list("locale_id", flat=True))
    if not held - {page.locale_id}:
        return []
    present = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    translated = set(
        Translation.objects.filter(
            source__object_id=page.translation_key, source__locale_id=page.locale_id
        ).values_list("target_locale_id", flat=True)
    )
    return [locale for locale in other_locales() if locale.pk in held - present - translated]


def known_words(page, locale):
    """{source text: translation} the site already has for a new page in the language: a country
    page's title and address are its country's name there (CountryPage.words_in)."""
    words_in = getattr(page, "words_in", None)
    return words_in(locale.language_code) if words_in else {}


def translations_made_here():
    """Within: a new page published gets no translation of its own accord; the caller makes those it
    wants (the seed, with its words in each language; the demo, Lithuanian pages only)."""
    return switched_on(CALLER_TRANSLATES)


def text_origins(page):
    """For a translated page: which free-text values are not translated yet (the source's text, in the
    site's language) and the source text of each translated one. Read from the segments and their
    translations, not from the page: a translation saved but not yet published changes nothing shown."""
    if is_source(page):
        return NO_TRANSLATION
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if source is None:
        return NO_TRANSLATION
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    texts = {segment.string_id: StringValue(segment.string.data).render_text().strip() for segment in segments}
    translations = StringTranslation.objects.filter(
        translation_of_id__in=texts, locale_id=page.locale_id, context__object_id=page.translation_key
    )
    sources = {StringValue(item.data).render_text().strip(): texts[item.translation_of_id] for item in translations}
    # A value still equal to a source text that no translation equals is the source's: untranslated, or
    # translated but not yet published.
    untranslated = set(texts.values()) - set(sources)
    return TextOrigins(untranslated, sources)


def origins_of_texts(page):
    """The page's text origins as published (stored by store_text_origins), else read from the segments."""
    stored = getattr(page, "published_text_origins", None)
    if stored is not None:
        return TextOrigins(stored["untranslated"], stored["sources"])
    return text_origins(page)


def store_text_origins(sender, instance, revision=None, alias=False, **kwargs):
    """page_published receiver: a translated section's text origins as they are at its publication (its
    texts were just written from those translations), so that readers' renders need not read them."""
    if alias or is_source(instance) or not hasattr(instance, "published_text_origins"):
        return
    origins = text_origins(instance)
    stored = {"untranslated": sorted(origins.untranslated), "sources": origins.sources}
    type(instance).objects.filter(pk=instance.pk).update(published_text_origins=stored)
    instance.published_text_origins = stored


def translation_progress(page):
    """For the editor: each translation's language, its texts not translated yet and all its texts, and
    the address of its translation editor (wagtail-localize's, opened by editing the translated page)."""
    from django.urls import reverse

    progress = []
    for translation in translations_of(page):
        total, translated = translation.get_progress()
        target = translation.source.get_translated_instance(translation.target_locale)
        progress.append(
            {
                "language": translation.target_locale.get_display_name(),
                "total": total,
                "untranslated": total - translated,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[target.pk]),
            }
        )
    return progress


def adopt_copy(source_page, copy):
    """A page copied into another locale before translations were kept in step (copy_for_translation)
    made a wagtail-localize translation of its source: every text of the copy that differs from the
    source's at the same place (copies keep the blocks' ids; a rich text's paragraphs are paired in
    order where both have as many) is stored as that segment's translation, so nothing translated is
    lost; the copy is then brought up to date and published. Returns the number of texts kept."""
    source, _created = TranslationSource.update_or_create_from_instance(as_source(source_page))
    copied = strings_by_path(as_source(copy))
    kept = {}
    for path, texts in strings_by_path(as_source(source_page)).items():
        if len(copied.get(path, [])) == len(texts):
            kept.update({(path, n): ours for n, (text, ours) in enumerate(zip(texts, copied[path])) if ours != text})
    seen = {}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"):
        path = segment.context.path
        n = seen[path] = seen.get(path, -1) + 1
        if (path, n) in kept:
            store_translation(segment, copy.locale, kept[path, n])
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=copy.locale)
    publish_target(translation)
    return len(kept)


def strings_by_path(page):
    """The page's texts (segment data), in order, by their place in the page."""
    texts = {}
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            texts.setdefault(segment.path, []).append(segment.string.data)
    return texts


def copies_to_adopt():
    """(source, copy) for every page in another language that has a source in the site's language and
    is not a wagtail-localize translation yet; parents before children."""
    from wagtail.models import Page

    pairs = []
    for copy in Page.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).order_by("path"):
        if Translation.objects.filter(source__object_id=copy.translation_key, target_locale_id=copy.locale_id).exists():
            continue
        source = Page.objects.filter(
            translation_key=copy.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if source is not None and not source.is_root():
            pairs.append((source.specific, copy.specific))
    return pairs
