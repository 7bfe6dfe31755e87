"""The "New partner country" action: a country, its pages, people, review and first section, at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from bilateral.facts.models import Country
from bilateral.pages import new_country
from bilateral.pages.models import CountryPage, SectionPage
from bilateral.pages.section_template import TEMPLATE_BLOCKS

from .helpers import ESTONIA, LATVIA, lithuanian_admin

ACTION = "/admin/nauja-salis/"
EDITOR_RIGHTS = {"add_page", "change_page"}
PUBLISHER_RIGHTS = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


@pytest.fixture
def admin_client(client, django_user_model, db):
    lithuanian_admin(client, django_user_model)
    return client


def rights(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def nothing_of_estonia():
    return not (
        Country.objects.filter(iso_code="EE").exists()
        or CountryPage.objects.filter(slug__in=["estija", "estonia"]).exists()
        or Group.objects.filter(name__endswith=": Estija").exists()
        or Workflow.objects.filter(name__endswith="Estija").exists()
        or SectionPage.objects.exists()
    )


def test_the_form_is_offered_in_lithuanian(admin_client, empty_site):
    response = admin_client.get(ACTION)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nauja šalis partnerė" in content
    assert 'name="name_instrumental"' in content


def test_a_new_country_gets_everything_in_one_step(admin_client, empty_site):
    response = admin_client.post(ACTION, LATVIA)
    assert response.status_code == 302, response.content.decode()[:3000]

    latvia = Country.objects.get(iso_code="LV")
    lt_page = CountryPage.objects.get(country=latvia, locale__language_code="lt")
    en_page = CountryPage.objects.get(country=latvia, locale__language_code="en")
    assert (lt_page.title, lt_page.slug, lt_page.live) == ("Latvija", "latvija", True)
    assert (en_page.title, en_page.slug, en_page.live) == ("Latvia", "latvia", True)
    assert en_page.translation_key == lt_page.translation_key
    assert lt_page.url_path.endswith("/salys/latvija/") and en_page.url_path.endswith("/countries/latvia/")

    for page in (lt_page, en_page):
        assert rights("Redaktoriai: Latvija", page) == EDITOR_RIGHTS
        assert rights("Publikuotojai: Latvija", page) == PUBLISHER_RIGHTS
        assert WorkflowPage.objects.get(page=page).workflow.name == "Peržiūra: Latvija"

    sections = {s.locale.language_code: s for s in SectionPage.objects.all()}
    assert sorted(sections) == ["en", "lt", "pl"]
    assert (sections["lt"].title, sections["lt"].get_parent().pk) == ("Politinis bendradarbiavimas", lt_page.pk)
    pl_page = CountryPage.objects.get(country=latvia, locale__language_code="pl")
    assert (pl_page.title, pl_page.slug) == ("Łotwa", "lotwa")
    assert (sections["pl"].title, sections["pl"].slug) == ("Współpraca polityczna", "wspolpraca-polityczna")
    assert (sections["en"].title, sections["en"].get_parent().pk) == ("Political cooperation", en_page.pk)
    for section in sections.values():
        assert not section.live and section.has_unpublished_changes  # a draft, for editors to fill
        assert [block.block_type for block in section.get_latest_revision_as_object().body] == TEMPLATE_BLOCKS
    assert sections["en"].translation_key == sections["lt"].translation_key
    assert response["Location"] == f"/admin/pages/{sections['lt'].pk}/edit/"

    editor = admin_client.get(response["Location"])  # the draft opens in the editor
    assert editor.status_code == 200
    assert "Politinis bendradarbiavimas" in editor.content.decode()


def test_the_new_country_is_offered_in_the_page_editor(admin_client, empty_site):
    """The country page's country is chosen with Wagtail's snippet chooser, which lists every country."""
    admin_client.post("/admin/snippets/facts/country/add/", ESTONIA)
    estonia = Country.objects.get(iso_code="EE")
    index = empty_site.get_children().get(slug="salys")
    editor = admin_client.get(f"/admin/pages/add/pages/countrypage/{index.pk}/").content.decode()
    chooser_url = "/admin/snippets/choose/facts/country/"
    assert 'data-bilateral-new="SnippetChooser" data-target="id_country"' in editor
    assert chooser_url in editor
    chooser = admin_client.get(chooser_url, headers={"x-requested-with": "XMLHttpRequest"})
    assert chooser.status_code == 200
    assert f"/admin/snippets/choose/facts/country/chosen/{estonia.pk}/" in chooser.json()["html"]
    assert "Estija" in chooser.json()["html"]


def test_a_country_already_described_is_used(admin_client, seeded):
    latvia = Country.objects.get(iso_code="LV")  # described in the seed, no pages yet
    response = admin_client.post(ACTION, {"existing": latvia.pk})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Country.objects.filter(iso_code="LV").count() == 1
    assert CountryPage.objects.filter(country=latvia).count() == 3  # Lithuanian, English, Polish


@pytest.mark.parametrize(
    "data, message",
    [
        ({**ESTONIA, "iso_code": "XE"}, "„XE“ nėra ISO 3166-1 šalies kodas"),
        ({**ESTONIA, "name_locative": ""}, "Šis laukas yra privalomas."),
        ({**ESTONIA, "iso_code": "LT"}, "Šalis su šiuo kodu jau yra."),
    ],
)
def test_bad_input_is_refused_in_lithuanian_and_nothing_is_made(admin_client, seeded, data, message):
    countries = Country.objects.count()
    response = admin_client.post(ACTION, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Šalis nepridėta" in content and message in content
    assert Country.objects.count() == countries and not CountryPage.objects.filter(slug="estija").exists()


def test_an_address_taken_is_refused_and_nothing_is_made(admin_client, empty_site):
    index_en = empty_site.get_translation(empty_site.locale.__class__.objects.get(language_code="en"))
    index_en = index_en.get_children().get(slug="countries")
    index_en.add_child(instance=CountryPage(title="Estonia", slug="estonia", locale=index_en.locale,
                                            country=Country.objects.create(**{**LATVIA})))
    response = admin_client.post(ACTION, ESTONIA)
    assert response.status_code == 200
    assert "Adresas „estonia“ jau užimtas" in response.content.decode()
    assert not Country.objects.filter(iso_code="EE").exists()
    assert not CountryPage.objects.filter(slug="estija").exists()


def test_a_failure_midway_leaves_nothing_behind(admin_client, empty_site, monkeypatch):
    def broken(section, country_page):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(new_country, "section_translation", broken)
    country = Country(**ESTONIA)
    country.full_clean()
    with pytest.raises(RuntimeError):
        new_country.create_partner_country(country)
    assert nothing_of_estonia()


def test_a_country_with_pages_is_refused(seeded):
    with pytest.raises(new_country.NewCountryError, match="Baltarusija jau turi savo puslapius"):
        from django.utils import translation

        with translation.override("lt"):
            new_country.create_partner_country(Country.objects.get(iso_code="BY"))


def test_a_publisher_adds_a_country_and_publishes_it(client, django_user_model, empty_site):
    publisher = django_user_model.objects.create_user("publikuotoja", "p@example.com", "pw")
    publisher.groups.add(Group.objects.get(name="Publikuotojai"))
    client.force_login(publisher)
    response = client.post(ACTION, ESTONIA)
    assert response.status_code == 302
    section = SectionPage.objects.get(locale__language_code="lt")
    assert publisher.groups.filter(name="Publikuotojai: Estija").exists()
    assert section.permissions_for_user(publisher).can_publish()


def test_an_editor_may_not_add_a_country(client, django_user_model, empty_site):
    editor = django_user_model.objects.create_user("redaktore", "r@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Redaktoriai"))
    client.force_login(editor)
    for response in (client.get(ACTION), client.post(ACTION, ESTONIA)):
        # Wagtail's answer to a refused admin view: back to the dashboard, with its message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert nothing_of_estonia()


def test_only_publishers_may_describe_countries(db):
    assert set(Permission.objects.filter(group__name="Publikuotojai", content_type__app_label="facts")
               .values_list("codename", flat=True)) == {"add_country", "change_country", "view_country"}
    assert not Permission.objects.filter(group__name="Redaktoriai", content_type__app_label="facts").exists()
