"""A new Lithuanian page is in every language of the site from its first publication: a wagtail-localize
translation, live at its address in that language's tree, with the same facts in that language's
sentences and its free text marked Lithuanian until a translator translates it. A language the page's
tree has no place in, or where its translation was deleted, is left alone; the Lithuanian publication
stands either way."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from bilateral.facts.models import Country
from bilateral.pages.models import CountryIndexPage, CountryPage, GeneralPage, HomePage, SectionPage
from bilateral.pages.seed import stored_form
from bilateral.pages.translations import translation_progress
from tests.english.helpers import main_text, soup_of

pytestmark = pytest.mark.django_db

HEADING = "Sienos perėjimo punktai"  # free text: nobody has translated it
ADDRESSES = {"en": "/en/countries/belarus/sienos/", "pl": "/pl/panstwa/bialorus/sienos/"}
SENTENCES = {
    "lt": "veikia {total} tarptautiniai sienos perėjimo punktai ({rail} geležinkelių, 5 autokelių)",
    "en": "there operate {total} international border crossing points ({rail} rail, 5 road)",
    "pl": "{total} międzynarodowych przejść granicznych ({rail} w ruchu kolejowym, 5 w ruchu drogowym)",
}


def locale(code):
    return Locale.objects.get(language_code=code)


def crossings(rail):
    points = [
        {"kind": "rail", "regime": "international", "count": rail},
        {"kind": "road", "regime": "international", "count": 5},
    ]
    value = {"heading": HEADING, "points": points, "international_total": rail + 5, "local_total": 0}
    return stored_form([{"type": "border_crossings", "value": {**value, "planned": [], "records": [], "sources": []}}])


def publish_new_section(country_page, rail=3):
    section = country_page.add_child(
        instance=SectionPage(title="Sienos", slug="sienos", locale=country_page.locale, body=crossings(rail))
    )
    section.save_revision().publish()
    return section


def publish_again(section, rail):
    page = SectionPage.objects.get(pk=section.pk)
    page.body, page.change_kind = crossings(rail), "minor"
    page.save_revision().publish()


def lithuanian_belarus():
    return CountryPage.objects.get(locale__language_code="lt", country__iso_code="BY")


def versions(page):
    return {version.locale.language_code: version for version in Page.objects.filter(translation_key=page.translation_key)}


def test_a_new_section_is_live_in_every_language_at_its_address_there(seeded):
    section = publish_new_section(lithuanian_belarus())

    pages = versions(section)
    assert set(pages) == {"lt", "en", "pl"}
    for code, address in ADDRESSES.items():
        assert pages[code].live and not pages[code].has_unpublished_changes
        assert pages[code].url == address
        assert Translation.objects.get(source__object_id=section.translation_key, target_locale=locale(code)).enabled


def test_its_figures_are_in_each_languages_sentences_its_free_text_marked_lithuanian(client, seeded):
    publish_new_section(lithuanian_belarus())

    for code, address in ADDRESSES.items():
        soup = soup_of(client, address)
        assert soup.html["lang"] == code
        assert SENTENCES[code].format(total=8, rail=3) in main_text(soup)
        heading = soup.find("main").find("h2", string=HEADING)
        assert heading is not None and heading["lang"] == "lt"
        assert soup.find("h1").get_text(strip=True) == "Sienos" and soup.find("h1")["lang"] == "lt"


def test_a_translated_title_is_not_marked(client, seeded):
    for address in ("/en/countries/belarus/political-cooperation/", "/pl/panstwa/bialorus/wspolpraca-polityczna/"):
        assert not soup_of(client, address).find("h1").has_attr("lang")


def test_its_untranslated_title_is_marked_in_the_navigation_of_every_translation(client, seeded):
    publish_new_section(lithuanian_belarus())

    for address in (ADDRESSES["en"], "/en/countries/belarus/political-cooperation/"):
        soup = soup_of(client, address)
        links = {link.get_text(strip=True): link for link in soup.find("nav", class_="section-nav").find_all("a")}
        assert links["Sienos"]["lang"] == "lt"
        assert not links["Political cooperation"].has_attr("lang")
        assert all(not link.has_attr("lang") for link in soup.find("nav", class_="breadcrumbs").find_all("a"))
    current = soup_of(client, ADDRESSES["en"]).find("nav", class_="breadcrumbs").find("li", attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "Sienos" and current["lang"] == "lt"


def test_its_untranslated_title_is_marked_on_the_translated_country_page(client, seeded):
    publish_new_section(lithuanian_belarus())

    soup = soup_of(client, "/en/countries/belarus/")
    summaries = {link.get_text(strip=True): link for link in soup.find("ul", class_="section-summaries").find_all("a")}
    assert summaries["Sienos"]["lang"] == "lt" and not summaries["Political cooperation"].has_attr("lang")
    lithuanian = soup_of(client, "/salys/baltarusija/")
    assert lithuanian.find("ul", class_="section-summaries").find_all(lang=True) == []


def test_the_lithuanian_navigation_marks_no_language(client, seeded):
    publish_new_section(lithuanian_belarus())

    soup = soup_of(client, "/salys/baltarusija/sienos/")
    for nav in (soup.find("nav", class_="section-nav"), soup.find("nav", class_="breadcrumbs")):
        assert nav.find_all(lang=True) == []


def test_a_new_general_page_is_in_every_language_its_text_marked_lithuanian(client, seeded):
    home = HomePage.objects.get(locale__language_code="lt")
    text = "<p>Portalas atnaujinamas kiekvieną savaitę.</p>"
    page = home.add_child(instance=GeneralPage(title="Naujienos", slug="naujienos", body=[("text", text)]))
    page.save_revision().publish()

    for address in ("/en/naujienos/", "/pl/naujienos/"):
        main = soup_of(client, address).find("main")
        assert main.find("h1")["lang"] == "lt"
        body = main.find("h1").find_next_sibling("div")
        assert body["lang"] == "lt" and "atnaujinamas kiekvieną savaitę" in body.get_text()


def test_publishing_it_again_updates_every_language(client, seeded):
    section = publish_new_section(lithuanian_belarus())

    publish_again(section, rail=4)

    assert len(versions(section)) == 3  # brought up to date, not made again
    for code, address in {"lt": "/salys/baltarusija/sienos/", **ADDRESSES}.items():
        text = main_text(soup_of(client, address))
        assert SENTENCES[code].format(total=9, rail=4) in text
        assert SENTENCES[code].format(total=8, rail=3) not in text


def test_the_editor_sees_every_text_untranslated_in_each_language(seeded):
    section = publish_new_section(lithuanian_belarus())

    progress = {item["language"]: item for item in translation_progress(section)}
    assert set(progress) == {locale("en").get_display_name(), locale("pl").get_display_name()}
    assert all(item["total"] > 0 and item["untranslated"] == item["total"] for item in progress.values())


def test_a_new_country_page_takes_its_countrys_name_in_each_language(seeded):
    latvia = Country.objects.get(iso_code="LV")
    Country.objects.filter(pk=latvia.pk).update(name_pl="Łotwa")
    index = CountryIndexPage.objects.get(locale__language_code="lt")
    country_page = index.add_child(instance=CountryPage(title="Latvija", slug="latvija", country=latvia, locale=index.locale))
    country_page.save_revision().publish()

    pages = versions(country_page)
    assert (pages["en"].title, pages["en"].url) == ("Latvia", "/en/countries/latvia/")
    assert (pages["pl"].title, pages["pl"].url) == ("Łotwa", "/pl/panstwa/lotwa/")
    assert pages["en"].live and pages["pl"].live


def test_a_translation_deleted_is_not_made_again(client, seeded):
    section = publish_new_section(lithuanian_belarus())
    versions(section)["en"].delete()

    publish_again(section, rail=4)

    assert set(versions(section)) == {"lt", "pl"}
    assert SENTENCES["pl"].format(total=9, rail=4) in main_text(soup_of(client, ADDRESSES["pl"]))
    assert client.get(ADDRESSES["en"]).status_code == 404


def test_a_language_whose_tree_has_no_place_for_the_page_is_left_out(seeded):
    """The English Belarus page deleted: a new Belarus section is Lithuanian and Polish only."""
    CountryPage.objects.get(locale__language_code="en").delete()

    section = publish_new_section(lithuanian_belarus())

    assert set(versions(section)) == {"lt", "pl"}
    assert SectionPage.objects.get(pk=section.pk).live


def test_a_site_with_no_home_page_in_other_languages_publishes_in_lithuanian_alone(belarus):
    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Pradžia", slug="pradzia", locale=lithuanian))
    home.save_revision().publish()
    index = home.add_child(instance=CountryIndexPage(title="Šalys", slug="salys", locale=lithuanian))
    index.save_revision().publish()
    country_page = index.add_child(
        instance=CountryPage(title="Baltarusija", slug="baltarusija", country=belarus, locale=lithuanian)
    )
    country_page.save_revision().publish()

    section = publish_new_section(country_page)

    assert Page.objects.exclude(locale=lithuanian).filter(depth__gt=1).count() == 0
    assert SectionPage.objects.get(pk=section.pk).live
    assert not Translation.objects.exists()
