"""A Polish past-tense verb agrees with the gender of the country's Polish name ("Białoruś uznała",
"Izrael uznał", "Maroko uznało", "Stany Zjednoczone uznały"): Country.name_pl_gender, feminine unless
told otherwise, chooses the message's context; Lithuanian and English read the same in every context."""

import pytest
from django.utils import translation

from bilateral.facts.blocks.timeline import RECOGNITION_DE_JURE, parse_event_sentence
from bilateral.facts.country_preview import sentences_in
from bilateral.facts.models import FEMININE, Country
from bilateral.facts.pictures.timeline import event_label
from tests.facts.helpers import reading_text
from tests.facts.test_timeline import event

GENDERS = [
    ("feminine", "Białoruś", "Białoruś uznała"),
    ("masculine", "Izrael", "Izrael uznał"),
    ("neuter", "Maroko", "Maroko uznało"),
    ("plural", "Stany Zjednoczone", "Stany Zjednoczone uznały"),
]


def partner(gender, name_pl):
    # Test names only: what the sentence does with each gender, not a country the site describes.
    return Country(iso_code="IL", name="Šalis", name_genitive="Šalies", name_en="Country",
                   official_name_en="Republic of Country", name_pl=name_pl, name_pl_genitive=name_pl,
                   name_pl_gender=gender)


@pytest.mark.parametrize("gender, name_pl, expected", GENDERS)
def test_the_recognition_agrees_with_the_gender(db, gender, name_pl, expected):
    country = partner(gender, name_pl)
    country.save()
    with translation.override("pl"):
        text = reading_text("timeline", {"items": [event(RECOGNITION_DE_JURE)]}, country)
        label = event_label({"kind": RECOGNITION_DE_JURE}, country.forms("pl"))
    assert f"{expected} niepodległość Litwy de iure." in text
    assert label == f"{expected} Litwę de iure"


def test_a_masculine_country_renders_uznal(db):
    country = partner("masculine", "Izrael")
    country.save()
    with translation.override("pl"):
        text = reading_text("timeline", {"items": [event(RECOGNITION_DE_JURE)]}, country)
    assert "27 grudnia 1991 r. Izrael uznał niepodległość Litwy de iure." in text
    assert "uznała" not in text


@pytest.mark.parametrize("gender, name_pl, expected", GENDERS)
def test_the_import_reads_each_gender(gender, name_pl, expected):
    forms = partner(gender, name_pl).forms("pl")
    with translation.override("pl"):
        assert parse_event_sentence(f"{expected} niepodległość Litwy de iure.", forms) == RECOGNITION_DE_JURE
    wrong_verb = "uznał" if gender != "masculine" else "uznała"
    with translation.override("pl"):
        assert parse_event_sentence(f"{name_pl} {wrong_verb} niepodległość Litwy de iure.", forms) is None


@pytest.mark.parametrize("language, expected", [("lt", "Šalis pripažino"), ("en", "Country recognised")])
@pytest.mark.parametrize("gender", [gender for gender, _name, _sentence in GENDERS])
def test_lithuanian_and_english_are_the_same_in_every_gender(db, language, expected, gender):
    country = partner(gender, "Izrael")
    country.save()
    with translation.override(language):
        text = reading_text("timeline", {"items": [event(RECOGNITION_DE_JURE)]}, country)
    assert f"{expected} the independence" in text if language == "en" else f"{expected} Lietuvos nepriklausomybę" in text


def test_a_country_is_feminine_unless_told_otherwise(db):
    country = Country.objects.create(iso_code="EE", name="Estija", name_genitive="Estijos", name_en="Estonia")
    country.refresh_from_db()
    assert country.name_pl_gender == FEMININE and country.forms("pl")["gender"] == FEMININE
    country.name_pl_gender = ""  # the form's blank choice
    assert country.forms("pl")["gender"] == FEMININE


def test_the_editors_preview_agrees_with_the_gender():
    sentences = sentences_in(partner("neuter", "Maroko"), "pl")
    assert str(sentences[0]["sentence"]) == "<strong>Maroko</strong> uznało niepodległość Litwy de iure."


def test_the_editor_sets_the_gender_in_the_country_form(admin_client):
    from tests.countries.helpers import ESTONIA, SNIPPETS

    response = admin_client.post(SNIPPETS + "add/", {**ESTONIA, "name_pl": "Izrael", "name_pl_gender": "masculine"})
    assert response.status_code == 302
    assert Country.objects.get(iso_code="EE").forms("pl")["gender"] == "masculine"
    form = admin_client.get(SNIPPETS + "add/").content.decode()
    assert 'name="name_pl_gender"' in form
