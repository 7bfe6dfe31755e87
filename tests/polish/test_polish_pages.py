"""The Polish seed pages: translations of the Lithuanian ones, the same facts in Polish sentences, at
addresses in Polish words; the language switch and hreflang name only the languages a page exists in."""

from collections import Counter

import pytest
from django.utils import translation
from wagtail.models import Locale

from bilateral.caching.http_cache import is_private_path
from bilateral.pages.models import CountryIndexPage, CountryPage, GeneralPage, HomePage, SectionPage
from tests.english.helpers import LT_SECTION, figures, main_text, soup_of
from tests.english.test_one_language_a_sentence import english_part as unmarked_part

pytestmark = pytest.mark.django_db
PL_SECTION = "/pl/panstwa/bialorus/wspolpraca-polityczna/"
TITLES = {
    HomePage: "Stosunki dwustronne",
    CountryIndexPage: "Państwa partnerskie",
    CountryPage: "Białoruś",
    SectionPage: "Współpraca polityczna",
}
LITHUANIAN_WORDS = ("Lietuvos", "ežer", "atašė", "sritis", "įrengus", "vizit", "Baltarusij", "punktai")


def test_the_seed_translates_every_page_into_polish(seeded):
    polish = Locale.objects.get(language_code="pl")
    for model, title in TITLES.items():
        original = model.objects.get(locale__language_code="lt")
        copy = original.get_translation(polish)
        assert copy.title == title and copy.live and copy.__class__ is model
    assert GeneralPage.objects.filter(locale=polish, live=True).count() == 4


def test_the_polish_section_is_polish(client, seeded):
    soup = soup_of(client, PL_SECTION)
    assert soup.html["lang"] == "pl"
    assert soup.find("h1").get_text(strip=True) == "Współpraca polityczna"
    text = unmarked_part(soup)  # <main> without its figures and what is marked Lithuanian
    for lithuanian in LITHUANIAN_WORDS:
        assert lithuanian not in text
    for polish in (
        "27 grudnia 1991 r. Białoruś uznała niepodległość Litwy de iure.",
        "pierwszym przedstawicielem Litwy na Białorusi po odzyskaniu niepodległości był",
        "Przejścia graniczne na granicy Litwy i Białorusi: 6 międzynarodowych przejść granicznych "
        "(2 w ruchu kolejowym, 4 w ruchu drogowym) i 11 punktów kontrolnych w ruchu drogowym",
        "Całkowita długość granicy państwowej Litwy i Białorusi wynosi 678,819 km",
        "Łącznie ustawiono 1955 znaków granicy państwowej",
        "2 lutego 2007 r. podpisano końcowe dokumenty demarkacji granicy Republiki Litewskiej i Republiki Białorusi.",
        "Obecnie istnieją dwa euroregiony",
    ):
        assert polish in text


def test_the_lithuanian_parts_are_the_lithuanian_pages_sentences(client, seeded):
    polish = soup_of(client, PL_SECTION)
    lithuanian_text = main_text(soup_of(client, LT_SECTION))
    parts = [" ".join(element.get_text(" ").split()) for element in polish.find("main").find_all(lang="lt")]
    assert len(parts) >= 10
    for part in parts:
        assert part in lithuanian_text


def test_the_polish_section_carries_every_figure_and_date(client, seeded):
    lithuanian = figures(main_text(soup_of(client, LT_SECTION)))
    polish = figures(main_text(soup_of(client, PL_SECTION)))
    assert Counter(polish) == Counter(lithuanian)


@pytest.mark.parametrize(
    "path",
    [
        "/pl/",
        "/pl/panstwa/",
        "/pl/panstwa/bialorus/",
        "/pl/o-portalu/",
        "/pl/dostepnosc/",
        "/pl/prywatnosc/",
        "/pl/kontakt/",
        PL_SECTION + "historia/",
    ],
)
def test_polish_pages_are_served_in_polish(client, seeded, path):
    assert soup_of(client, path).html["lang"] == "pl"


def test_addresses_in_polish_words(client, seeded):
    with translation.override("pl"):
        from django.urls import reverse

        assert reverse("site_search:search") == "/pl/szukaj/"
    # "Białorusi" typed without diacritics finds the Polish page (folding on SQLite, unaccent on PostgreSQL).
    response = client.get("/pl/szukaj/", {"q": "bialorusi"})
    assert response.status_code == 200
    assert "Współpraca polityczna" in response.content.decode()
    response = client.get("/pl/subskrypcja/zetonas/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert is_private_path("/pl/subskrypcja/") and not is_private_path("/pl/panstwa/")


def test_the_switch_lists_every_language_the_page_exists_in(client, seeded):
    links = soup_of(client, PL_SECTION).select("header .language-switch a")
    assert [(a["lang"], a["href"]) for a in links] == [
        ("lt", LT_SECTION),
        ("en", "/en/countries/belarus/political-cooperation/"),
    ]


def test_the_switch_leaves_out_a_language_the_page_does_not_exist_in(client, seeded):
    """The Polish contacts page withdrawn: the Lithuanian and English ones offer no Polish, nor a
    hreflang to it (the switch does not send a reader to another page instead)."""
    GeneralPage.objects.get(locale__language_code="pl", slug="kontakt").unpublish()
    for path, other in (("/kontaktai/", "en"), ("/en/contacts/", "lt")):
        soup = soup_of(client, path)
        assert [a["lang"] for a in soup.select("header .language-switch a")] == [other]
        assert "pl" not in [link["hreflang"] for link in soup.head.find_all("link", hreflang=True)]
