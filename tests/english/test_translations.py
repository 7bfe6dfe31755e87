"""One set of facts in every language: the English seed pages are wagtail-localize translations of the
Lithuanian ones; a figure published in Lithuanian is on the English page after that publication, with
nothing retyped, and what is translated of the free text is English, what is not is Lithuanian, whole."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from bilateral.pages.models import SectionPage
from bilateral.pages.translations import text_origins

from .helpers import EN_SECTION, main_text, soup_of

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def block_value(page, block_type):
    return next(block for block in page.body.raw_data if block["type"] == block_type)["value"]


def publish_in_lithuanian(section, change):
    """An editor's change of the Lithuanian section, published (as a minor change)."""
    page = SectionPage.objects.get(pk=section.pk)
    raw = list(page.body.raw_data)
    change(raw)
    page.body = raw
    page.change_kind = "minor"
    page.save_revision().publish()
    return page


def translate(section, source_text, english_text):
    """A translator's translation of one segment (wagtail-localize's editor stores this)."""
    source = TranslationSource.objects.get(object_id=section.translation_key, locale=section.locale)
    segment = next(
        segment
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context")
        if segment.string.data == source_text
    )
    StringTranslation.objects.create(
        translation_of=segment.string, locale=english(), context=segment.context, data=english_text
    )


def buoys(raw):
    return next(block for block in raw if block["type"] == "demarcation")["value"]


def test_the_english_pages_are_translations_of_the_lithuanian(seeded):
    source = TranslationSource.objects.get(object_id=seeded.translation_key, locale=seeded.locale)
    assert Translation.objects.filter(source=source, target_locale=english()).exists()


def test_a_figure_published_in_lithuanian_is_on_the_english_page(client, seeded):
    # The buoys' sentence names lakes (Lithuanian genitives, not translated): it is Lithuanian, whole.
    assert "ženklina 71 plūduras" in main_text(soup_of(client, EN_SECTION))

    publish_in_lithuanian(seeded, lambda raw: buoys(raw).update(buoys_count=73))

    text = main_text(soup_of(client, EN_SECTION))
    assert "ženklina 73 plūdurai" in text and "71" not in text
    english_page = seeded.get_translation(english()).specific
    assert block_value(english_page, "demarcation")["buoys_count"] == 73
    assert not english_page.has_unpublished_changes


def test_numbers_and_kinds_are_no_segments_to_translate(seeded):
    source = TranslationSource.objects.get(object_id=seeded.translation_key, locale=seeded.locale)
    paths = list(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert paths and all(
        path.split(".")[-1] not in {"count", "buoys_count", "kind", "year", "month", "day"} for path in paths
    )
    texts = {segment.string.data for segment in StringSegment.objects.filter(source=source).select_related("string")}
    assert "Alfonsas Augulis" not in texts  # a person's name is the same in every language: synchronised
    assert "gynybos atašė" in texts


def test_a_translated_value_is_english_an_untranslated_one_lithuanian(client, seeded):
    translate(seeded, "gynybos atašė", "defence attaché")
    translate(seeded, "plk.lt.", "Lt Col")
    publish_in_lithuanian(seeded, lambda raw: buoys(raw).update(buoys_count=72))

    main = soup_of(client, EN_SECTION).find("main")
    attache = next(item for item in main.find_all("li") if "A. Danėnas" in item.get_text())
    assert "defence attaché" in attache.get_text() and not attache.find(lang="lt")
    # The other attaché's position is not translated: his sentence is Lithuanian, whole.
    other = next(item for item in main.find_all("li") if "S. Griščenko" in item.get_text())
    assert other.find(lang="lt") is not None and "atašė" in other.find(lang="lt").get_text()


def test_a_sentence_with_one_translated_value_and_one_not_is_lithuanian_whole(client, seeded):
    translate(seeded, "gynybos atašė", "defence attaché")  # the rank stays untranslated
    publish_in_lithuanian(seeded, lambda raw: buoys(raw).update(buoys_count=72))

    main = soup_of(client, EN_SECTION).find("main")
    attache = next(item for item in main.find_all("li") if "A. Danėnas" in item.get_text())
    lithuanian = attache.find(lang="lt")
    assert lithuanian is not None and "gynybos atašė" in lithuanian.get_text()
    assert "defence" not in attache.get_text()


def test_a_translation_saved_but_not_published_changes_nothing_shown(client, seeded):
    english_page = seeded.get_translation(english()).specific
    translate(seeded, "gynybos atašė", "defence attaché")

    origins = text_origins(english_page)
    assert origins.is_untranslated("gynybos atašė")  # the page still shows the Lithuanian
    assert not origins.is_untranslated("defence attaché")


def test_the_editor_sees_how_far_each_translation_is_and_reaches_the_translation_editor(admin_client, seeded):
    english_page = seeded.get_translation(english())
    source = TranslationSource.objects.get(object_id=seeded.translation_key, locale=seeded.locale)
    total, translated = Translation.objects.get(source=source, target_locale=english()).get_progress()
    assert 0 < translated < total  # the seed translates the title and the address only

    response = admin_client.get(f"/admin/pages/{seeded.pk}/edit/")
    panel = response.content.decode()
    assert f"{total - translated} tekst" in panel and f"iš {total} dar neišvers" in panel
    assert f'href="/admin/pages/{english_page.pk}/edit/"' in panel

    editor = admin_client.get(f"/admin/pages/{english_page.pk}/edit/")
    assert editor.status_code == 200
    assert "wagtail_localize" in editor.content.decode() or "translation-editor" in editor.content.decode()


def test_a_major_change_is_the_source_pages_and_the_translation_takes_its_stamp(seeded):
    from bilateral.pages.models import MajorChange

    page = SectionPage.objects.get(pk=seeded.pk)
    raw = list(page.body.raw_data)
    buoys(raw).update(buoys_count=74)
    page.body, page.change_kind, page.change_note = raw, "major", "Pakeistas plūdurų skaičius."
    page.save_revision().publish()

    source = SectionPage.objects.get(pk=seeded.pk)
    english_page = SectionPage.objects.get(pk=seeded.get_translation(english()).pk)
    assert MajorChange.objects.filter(page=source).count() == 1
    assert not MajorChange.objects.filter(page=english_page).exists()
    assert english_page.last_major_change_at == source.last_major_change_at
    assert block_value(english_page, "demarcation")["buoys_count"] == 74


def test_every_language_a_page_is_translated_into_is_updated(seeded):
    """Not English alone: a translation into any other locale (here a German one, made as the seed
    makes the English) takes the figures published in Lithuanian."""
    from bilateral.pages.translations import start_translation

    german = Locale.objects.create(language_code="de")
    start_translation(
        seeded, german, {seeded.title: "Politische Zusammenarbeit", seeded.slug: "politische-zusammenarbeit"}
    )

    publish_in_lithuanian(seeded, lambda raw: buoys(raw).update(buoys_count=75))

    for locale in (english(), german):
        translated = seeded.get_translation(locale).specific
        assert block_value(translated, "demarcation")["buoys_count"] == 75 and translated.live
    assert seeded.get_translation(german).title == "Politische Zusammenarbeit"


def test_the_text_origins_shown_are_those_stored_at_the_translations_publication(client, seeded):
    """A reader's render takes which texts are translated from the translation's publication, not from
    wagtail-localize's segments: a translation saved changes nothing shown until it is published."""
    english_page = SectionPage.objects.get(pk=seeded.get_translation(english()).pk)
    stored = english_page.published_text_origins
    assert stored is not None and "gynybos atašė" in stored["untranslated"]
    assert "defence attaché" not in stored["sources"]
    translate(seeded, "gynybos atašė", "defence attaché")
    translate(seeded, "plk.lt.", "Lt Col")

    assert SectionPage.objects.get(pk=english_page.pk).published_text_origins == stored
    assert "defence attaché" not in main_text(soup_of(client, EN_SECTION))

    publish_in_lithuanian(seeded, lambda raw: buoys(raw).update(buoys_count=72))
    republished = SectionPage.objects.get(pk=english_page.pk).published_text_origins
    assert republished["sources"]["defence attaché"] == "gynybos atašė"
    assert "defence attaché" in main_text(soup_of(client, EN_SECTION))
