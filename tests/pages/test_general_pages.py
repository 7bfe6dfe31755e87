"""General pages (accessibility statement, privacy notice, contacts, about), the footer that links
them, the home page's countries and latest updates, and the country page's sections with summaries."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from bilateral.pages.general import GeneralPage
from bilateral.pages.models import CountryPage, HomePage, SectionPage
from bilateral.pages.publishing import MAJOR

pytestmark = pytest.mark.django_db

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"
LITHUANIAN_FOOTER = [
    ("Pareiškimas dėl prieinamumo", "/prieinamumas/"),
    ("Privatumo pranešimas", "/privatumas/"),
    ("Kontaktai", "/kontaktai/"),
    ("Apie portalą", "/apie/"),
]
ENGLISH_FOOTER = [
    ("Accessibility statement", "/en/accessibility/"),
    ("Privacy notice", "/en/privacy/"),
    ("Contacts", "/en/contacts/"),
    ("About the portal", "/en/about/"),
]


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def footer_links(soup):
    return [(a.get_text(strip=True), a["href"]) for a in soup.select("footer nav.footer-links a")]


@pytest.mark.parametrize("url", ["/", "/salys/", "/salys/baltarusija/", SECTION_URL, "/prieinamumas/"])
def test_every_lithuanian_page_links_the_general_pages_in_its_footer(client, seeded, url):
    assert footer_links(soup_of(client, url)) == LITHUANIAN_FOOTER


@pytest.mark.parametrize("url", ["/en/", "/en/countries/belarus/political-cooperation/", "/en/privacy/"])
def test_every_english_page_links_the_english_general_pages(client, seeded, url):
    assert footer_links(soup_of(client, url)) == ENGLISH_FOOTER


def test_the_seed_loads_each_general_page_once_in_both_languages(seeded):
    from bilateral.pages.seed import load_seed

    load_seed(report=lambda message: None)
    assert GeneralPage.objects.filter(locale__language_code="lt").count() == 4
    assert GeneralPage.objects.filter(locale__language_code="en").count() == 4
    statement = soup_of_page(GeneralPage.objects.get(slug="prieinamumas"))
    assert "2016/2102" in statement and "urm@urm.lt" in statement


def soup_of_page(page):
    return "".join(str(block) for block in page.body)


def test_an_unpublished_general_page_leaves_the_footer(client, seeded):
    GeneralPage.objects.get(slug="kontaktai").unpublish()
    assert ("Kontaktai", "/kontaktai/") not in footer_links(soup_of(client, "/"))


def test_a_general_page_shows_pictures_with_their_alternative_text_and_documents(client, seeded):
    image = Image.objects.create(title="Ministerija", file=get_test_image_file())
    document = Document.objects.create(title="Ataskaita", file=ContentFile(b"%PDF-1.4\n", name="ataskaita.pdf"))
    page = GeneralPage.objects.get(slug="apie")
    page.body = [
        ("text", "<p>Įžanga.</p>"),
        ("figure", {"image": image, "alt_text": "Ministerijos pastatas Vilniuje", "caption": "Pastatas"}),
        ("document", {"document": document, "title": "Metinė ataskaita"}),
    ]
    page.save_revision().publish()
    main = soup_of(client, "/apie/").find("main")
    assert main.find("img")["alt"] == "Ministerijos pastatas Vilniuje"
    assert main.find("figcaption").get_text(strip=True) == "Pastatas"
    link = main.find("a", string="Metinė ataskaita")
    assert link["href"] == document.url and link.has_attr("download")


def test_general_pages_go_under_home_and_under_a_country_only():
    assert GeneralPage in HomePage.allowed_subpage_models()
    assert GeneralPage in CountryPage.allowed_subpage_models()
    assert GeneralPage not in SectionPage.allowed_subpage_models()


def test_the_home_page_lists_countries_with_their_last_update_and_the_latest_major_changes(client, seeded):
    page = SectionPage.objects.get(pk=seeded.pk)
    page.change_kind, page.change_note = MAJOR, "Atnaujinti sienos perėjimo punktų duomenys."
    page.save_revision().publish()
    main = soup_of(client, "/").find("main")
    country = main.select_one(".country-list li")
    assert country.find("a")["href"] == "/salys/baltarusija/"
    page.refresh_from_db()
    # The reader's day, in the site's time zone (Europe/Vilnius), not UTC's: they differ before midnight UTC.
    assert country.find("time")["datetime"] == timezone.localtime(page.last_major_change_at).strftime("%Y-%m-%d")
    change = main.select_one(".change-list li")
    assert change.find("a").get_text(strip=True) == "Baltarusija: Politinis bendradarbiavimas"
    assert "Atnaujinti sienos perėjimo punktų duomenys." in change.get_text()


def test_the_home_page_says_when_nothing_has_been_updated_yet(client, seeded):
    assert "Atnaujinimų dar nepaskelbta." in soup_of(client, "/").find("main").get_text()


def test_the_country_page_lists_its_sections_with_a_one_line_summary(client, seeded):
    section = SectionPage.objects.get(pk=seeded.pk)
    section.search_description = "Diplomatiniai santykiai, siena, euroregionai ir gynyba."
    section.save_revision().publish()
    item = soup_of(client, "/salys/baltarusija/").select_one(".section-summaries li")
    assert item.find("a")["href"] == SECTION_URL
    assert item.find("p").get_text(strip=True) == "Diplomatiniai santykiai, siena, euroregionai ir gynyba."


def test_without_a_description_the_summary_is_the_first_sentence_of_the_text(seeded):
    section = SectionPage.objects.get(pk=seeded.pk)
    section.search_description = ""
    section.search_body = "Diplomatiniai santykiai užmegzti 1991 m. gruodžio 30 d. Toliau kitas sakinys."
    assert section.summary() == "Diplomatiniai santykiai užmegzti 1991 m. gruodžio 30 d."


def test_the_footer_links_are_looked_up_once_until_a_general_page_changes(client, seeded, lithuanian):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bilateral.pages.footer import footer_links

    assert footer_links() == LITHUANIAN_FOOTER
    with CaptureQueriesContext(connection) as queries:
        assert footer_links() == LITHUANIAN_FOOTER
    assert not [query for query in queries if "pages_generalpage" in query["sql"]]
    contacts = GeneralPage.objects.get(slug="kontaktai")
    contacts.title = "Kontaktai ir rekvizitai"
    contacts.save_revision().publish()
    assert ("Kontaktai ir rekvizitai", "/kontaktai/") in footer_links()
