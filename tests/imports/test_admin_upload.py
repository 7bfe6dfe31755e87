"""The admin's "Import a page": upload, report, and bad uploads refused in Lithuanian with a summary."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Revision

from bilateral.pages.models import SectionPage

from ..countries.helpers import lithuanian_admin
from .test_bad_input import BAD_UPLOADS, SCRIPTED_HTML
from .test_seed_import import SEED_DOCUMENT

ACTION = "/admin/importuoti-puslapi/"


@pytest.fixture
def admin_client(client, django_user_model, seeded):
    lithuanian_admin(client, django_user_model)
    return client


def upload(client, data, name="puslapis.txt", country="BY", **fields):
    return client.post(
        ACTION, {"file": SimpleUploadedFile(name, data), "country": country, "language": "lt", "title": "", **fields}
    )


def counts():
    return SectionPage.objects.count(), Revision.objects.count()


@pytest.mark.django_db
def test_the_form_is_offered_in_lithuanian(admin_client):
    response = admin_client.get(ACTION)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Importuoti puslapį" in content
    assert 'enctype="multipart/form-data"' in content
    assert '<label class="w-field__label" for="id_file"' in content
    assert 'value="BY"' in content


@pytest.mark.django_db
def test_the_seed_document_imports_as_a_draft_with_its_report(admin_client):
    before = counts()
    response = upload(admin_client, SEED_DOCUMENT.read_bytes())
    assert response.status_code == 200
    content = response.content.decode()
    page = SectionPage.objects.order_by("-pk").first()
    assert counts() == (before[0] + 1, before[1] + 1)
    assert not page.live and page.title == "Politinis bendradarbiavimas"
    assert f"/admin/pages/{page.pk}/edit/" in content
    assert "Baltarusija pripažino Lietuvos nepriklausomybę de jure." in content
    assert "blokas „Diplomatinių santykių chronologija“" in content
    assert "2 sakiniai palikti tekstu peržiūrai." in content
    assert "<strong>importuota, nestruktūrizuota</strong>" in content
    # The seed's 1955 marks against 1798 by type: warned.
    assert "1246 + 457 + 93 + 2 = 1798" in content


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BAD_UPLOADS))
def test_bad_upload_is_refused_with_a_summary_and_nothing_saved(admin_client, name):
    data, message = BAD_UPLOADS[name]
    before = counts()
    response = upload(admin_client, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Puslapis neimportuotas" in content
    assert 'role="alert"' in content
    assert message in content
    assert counts() == before


@pytest.mark.django_db
def test_unknown_country_is_refused_in_lithuanian(admin_client):
    before = counts()
    response = upload(admin_client, SEED_DOCUMENT.read_bytes(), country="XX")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Puslapis neimportuotas" in content
    assert "Šalis: Tarp šalių, turinčių puslapius, šalies tokiu kodu nėra." in content
    assert counts() == before


@pytest.mark.django_db
def test_html_with_scripts_keeps_no_script(admin_client):
    response = upload(admin_client, SCRIPTED_HTML.encode(), name="puslapis.html")
    assert response.status_code == 200
    page = SectionPage.objects.order_by("-pk").first()
    assert "alert" not in str(page.body.raw_data)
    assert "Įsilaužimas" not in response.content.decode()


@pytest.mark.django_db
def test_an_editor_without_the_right_to_add_there_is_refused(client, django_user_model, seeded):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("redaktorius", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    before = counts()
    response = upload(client, SEED_DOCUMENT.read_bytes())
    # Wagtail's admin answers a refused right by going back to the dashboard with a message.
    assert response.status_code in (302, 403)
    assert counts() == before


@pytest.mark.django_db
def test_the_imported_draft_tells_its_editor_what_was_kept_as_text(admin_client):
    upload(admin_client, SEED_DOCUMENT.read_bytes())
    page = SectionPage.objects.order_by("-pk").first()
    assert page.imports.get().source_name == "puslapis.txt"
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Šis puslapis importuotas; 2 sakiniai palikti tekstu (importuota, nestruktūrizuota)" in content
    assert "Naujienlaiškio prenumerata" in content


@pytest.mark.django_db
def test_a_page_not_imported_gets_no_notice(admin_client, seeded):
    response = admin_client.get(f"/admin/pages/{seeded.pk}/edit/")
    assert response.status_code == 200
    assert "Šis puslapis importuotas" not in response.content.decode()
