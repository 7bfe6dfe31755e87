"""Pages copied into another language before translations were kept in step (copy_for_translation)
become wagtail-localize translations (`manage.py adopt_translations`): their own texts are kept as
translations, and from then on the figures published in Lithuanian reach them."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import Translation

from bilateral.pages.models import SectionPage

pytestmark = pytest.mark.django_db

GERMAN_ACTIVITY = "Es werden Informationen mit NATO-Beamten ausgetauscht."
LITHUANIAN_ACTIVITY = "Keičiamasi informacija su NATO pareigūnais, rengiami NATO šalių ambasadorių bei gynybos atašė Baltarusijoje susitikimai."


def value_of(page, block_type):
    return next(block for block in page.body.raw_data if block["type"] == block_type)["value"]


def an_old_copy(section, locale):
    """As the seed and editors made them before: a copy, its title and one activity typed in German."""
    copy = section.copy_for_translation(locale, copy_parents=True)
    copy.title = copy.draft_title = "Politische Zusammenarbeit"
    raw = list(copy.body.raw_data)
    for item in value_of_raw(raw, "activities")["items"]:
        if item["value"].get("text") == LITHUANIAN_ACTIVITY:
            item["value"]["text"] = GERMAN_ACTIVITY
    copy.body = raw
    copy.save()
    copy.save_revision().publish()
    return copy


def value_of_raw(raw, block_type):
    return next(block for block in raw if block["type"] == block_type)["value"]


def test_an_old_copy_becomes_a_translation_and_keeps_its_texts(seeded):
    german = Locale.objects.create(language_code="de")
    copy = an_old_copy(seeded, german)

    output = StringIO()
    call_command("adopt_translations", stdout=output)
    assert ": 2 text(s) kept as translations" in output.getvalue()  # the title and the activity
    assert Translation.objects.filter(target_locale=german, source__object_id=seeded.translation_key).exists()

    page = SectionPage.objects.get(pk=seeded.pk)
    raw = list(page.body.raw_data)
    value_of_raw(raw, "demarcation")["buoys_count"] = 76
    page.body, page.change_kind = raw, "minor"
    page.save_revision().publish()

    adopted = SectionPage.objects.get(pk=copy.pk)
    assert value_of(adopted, "demarcation")["buoys_count"] == 76
    texts = [item["value"].get("text") for item in value_of(adopted, "activities")["items"]]
    assert GERMAN_ACTIVITY in texts and LITHUANIAN_ACTIVITY not in texts
    assert adopted.title == "Politische Zusammenarbeit"

    again = StringIO()
    call_command("adopt_translations", stdout=again)
    assert "0 page(s) made translations" in again.getvalue()
