"""The English country page's list of sections: a section's one-line summary still in Lithuanian (its
description not translated yet) is marked lang="lt"; an English one is not."""

import pytest

from bilateral.pages.models import SectionPage

from .helpers import soup_of

pytestmark = pytest.mark.django_db
EN_COUNTRY = "/en/countries/belarus/"
DESCRIPTION = "Diplomatiniai santykiai, siena, euroregionai ir gynyba."


def summary_paragraph(client, path):
    return soup_of(client, path).select_one(".section-summaries li p")


def test_an_untranslated_description_is_marked_lithuanian(client, seeded):
    section = SectionPage.objects.get(pk=seeded.pk)
    section.search_description = DESCRIPTION
    section.save_revision().publish()
    english = summary_paragraph(client, EN_COUNTRY)
    assert english.get_text(strip=True) == DESCRIPTION and english["lang"] == "lt"
    assert not summary_paragraph(client, "/salys/baltarusija/").has_attr("lang")


def test_an_english_summary_is_not_marked(client, seeded):
    english = summary_paragraph(client, EN_COUNTRY)
    assert english.get_text(strip=True).startswith("On Dec. 27, 1991") and not english.has_attr("lang")
