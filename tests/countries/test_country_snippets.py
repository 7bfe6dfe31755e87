"""Countries in the admin ("Šalys"): listed, added, corrected, their ISO codes checked, their forms
previewed in sentences."""

import pytest
from django.utils import translation

from bilateral.facts.models import Country

from .helpers import ESTONIA, LATVIA, SNIPPETS, lithuanian_admin


@pytest.fixture
def admin_client(client, django_user_model, db):
    lithuanian_admin(client, django_user_model)
    return client


def test_the_menu_names_the_countries_in_lithuanian(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    # The sidebar is drawn from JSON: the item's label and address are there, as Wagtail writes them.
    menu = response.content.decode()
    assert f'"url": "{SNIPPETS}"' in menu
    assert '"label": "\\u0160alys"' in menu or '"label": "Šalys"' in menu


def test_the_list_shows_each_country(admin_client, seeded):
    response = admin_client.get(SNIPPETS)
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("Baltarusija", "Lenkija", "Latvija", "Rusija", "Lietuva"):
        assert name in content


def test_a_country_is_added_with_all_its_forms(admin_client):
    response = admin_client.post(SNIPPETS + "add/", ESTONIA)
    assert response.status_code == 302, response.content.decode()[:2000]
    estonia = Country.objects.get(iso_code="EE")
    assert estonia.forms("lt") == {
        "nominative": "Estija",
        "genitive": "Estijos",
        "instrumental": "Estija",
        "locative": "Estijoje",
        "official": "Estijos Respublika",
        "official_genitive": "Estijos Respublikos",
        # The Polish name's gender (for the Polish verb), feminine when the form does not say.
        "gender": "feminine",
    }
    assert estonia.forms("en")["official"] == "Republic of Estonia"


def test_a_lower_case_code_is_stored_as_the_standard_writes_it(admin_client):
    admin_client.post(SNIPPETS + "add/", {**ESTONIA, "iso_code": "ee"})
    assert Country.objects.filter(iso_code="EE").exists()


@pytest.mark.parametrize("code", ["XX", "L1", "EU"])
def test_an_unknown_code_is_refused_in_lithuanian(admin_client, code):
    response = admin_client.post(SNIPPETS + "add/", {**ESTONIA, "iso_code": code})
    assert response.status_code == 200
    assert f"„{code}“ nėra ISO 3166-1 šalies kodas" in response.content.decode()
    assert not Country.objects.exists()


def test_a_code_already_used_is_refused_in_lithuanian(admin_client, seeded):
    response = admin_client.post(SNIPPETS + "add/", {**LATVIA, "name": "Latvija dar kartą"})
    assert response.status_code == 200
    assert "Šalis su šiuo kodu jau yra." in response.content.decode()
    assert Country.objects.filter(iso_code="LV").count() == 1


def test_a_missing_form_is_refused(admin_client):
    response = admin_client.post(SNIPPETS + "add/", {**ESTONIA, "name_instrumental": ""})
    assert response.status_code == 200
    assert "Šis laukas yra privalomas." in response.content.decode()
    assert not Country.objects.exists()


def test_a_country_is_corrected(admin_client, seeded):
    latvia = Country.objects.get(iso_code="LV")
    response = admin_client.post(SNIPPETS + f"edit/{latvia.pk}/", {**LATVIA, "name_locative": "Latvijoj"})
    assert response.status_code == 302
    latvia.refresh_from_db()
    assert latvia.name_locative == "Latvijoj"


def preview(admin_client, url, data):
    """Wagtail's live preview: the form is posted as typed, then the preview is read."""
    posted = admin_client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content.decode()[:500]
    return admin_client.get(url).content.decode()


def test_the_preview_shows_each_form_in_a_sentence_before_saving(admin_client):
    html = preview(admin_client, SNIPPETS + "preview/", LATVIA)
    for sentence in (
        "Lietuvos ir <strong>Latvijos</strong> valstybės siena",
        "su <strong>Latvija</strong>",
        "<strong>Latvijoje</strong>",
        "<strong>Latvijos Respublikos</strong> ambasada",
        "<strong>Latvija</strong> pripažino Lietuvos nepriklausomybę de jure.",
        "<strong>Latvijos Respublika</strong>",
    ):
        assert sentence in html
    assert "Embassy of the <strong>Republic of Latvia</strong>" in html  # and the English sentences, with the English name
    assert not Country.objects.exists()  # nothing saved by previewing


def test_the_preview_of_an_edit_shows_the_wrong_form_typed(admin_client, seeded):
    latvia = Country.objects.get(iso_code="LV")
    html = preview(admin_client, SNIPPETS + f"preview/{latvia.pk}/", {**LATVIA, "name_instrumental": "Latvijos"})
    assert "su <strong>Latvijos</strong>" in html
    assert Country.objects.get(pk=latvia.pk).name_instrumental == "Latvija"


def test_a_country_described_before_these_forms_falls_back_to_its_name(db):
    country = Country(iso_code="EE", name="Estija", name_genitive="Estijos", name_locative="Estijoje",
                      official_name_genitive="Estijos Respublikos", name_en="Estonia")
    with translation.override("lt"):
        assert country.forms()["instrumental"] == "Estija"
    with translation.override("en"):
        assert country.forms()["official"] == "Estonia"
