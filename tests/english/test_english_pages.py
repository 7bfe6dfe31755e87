"""English pages: translations of the Lithuanian ones, with the same facts in English sentences."""

from collections import Counter

import pytest
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from bilateral.pages.models import CountryIndexPage, CountryPage, HomePage, SectionPage

from .helpers import EN_SECTION, LT_SECTION, PAIRS, figures, main_text, soup_of

pytestmark = pytest.mark.django_db
TITLES = {HomePage: "Bilateral relations", CountryIndexPage: "Partner countries",
          CountryPage: "Belarus", SectionPage: "Political cooperation"}


def test_the_seed_translates_every_page_into_english(seeded):
    english = Locale.objects.get(language_code="en")
    for model, title in TITLES.items():
        original = model.objects.get(locale__language_code="lt")
        copy = original.get_translation(english)
        assert copy.title == title and copy.live
        assert copy.translation_key == original.translation_key
        assert copy.__class__ is model
    assert without_ids(SectionPage.objects.get(locale=english).body.raw_data) == without_ids(seeded.body.raw_data)


def without_ids(data):
    """The facts of a body; block ids are the copy's own."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list) or hasattr(data, "__iter__") and not isinstance(data, str):
        return [without_ids(item) for item in data]
    return data


def test_the_english_section_keeps_the_seed_history(seeded):
    english = seeded.get_translation(Locale.objects.get(language_code="en"))
    assert english.first_published_at == seeded.first_published_at
    assert english.last_major_change_at == seeded.last_major_change_at


@pytest.mark.parametrize("lt_path, en_path", PAIRS)
def test_english_pages_are_served_under_en(client, seeded, lt_path, en_path):
    soup = soup_of(client, en_path)
    assert soup.html["lang"] == "en"
    lt_soup = soup_of(client, lt_path)
    assert lt_soup.html["lang"] == "lt"
    assert soup.find("h1").get_text(strip=True) != lt_soup.find("h1").get_text(strip=True)


def test_english_urls_are_the_pages_own(seeded):
    english = Locale.objects.get(language_code="en")
    urls = {page.url for page in Page.objects.filter(locale=english, depth__gt=1).live()}
    assert urls == {en for _lt, en in PAIRS}


@pytest.mark.parametrize("lt_path, en_path", PAIRS)
def test_the_language_switch_links_the_same_page(client, seeded, lt_path, en_path):
    for here, there, language in ((lt_path, en_path, "en"), (en_path, lt_path, "lt")):
        links = soup_of(client, here).select("header .language-switch a")
        # Every seed page exists in Polish too: it comes last, in the order of LANGUAGES.
        assert [(a["href"], a["lang"], a["hreflang"]) for a in links[:1]] == [(there, language, language)]
        assert [a["lang"] for a in links] == [language, "pl"]
        assert links[0].get_text(strip=True) in ("English", "Lietuviškai")


def test_the_language_switch_of_the_search_keeps_the_query(client, seeded):
    links = soup_of(client, "/paieska/?q=sienos").select("header .language-switch a")
    assert [a["href"] for a in links] == ["/en/search/?q=sienos", "/pl/szukaj/?q=sienos"]


def test_the_english_section_carries_every_figure_and_date(client, seeded):
    lithuanian = figures(main_text(soup_of(client, LT_SECTION)))
    english = figures(main_text(soup_of(client, EN_SECTION)))
    assert len(lithuanian) > 40
    assert Counter(english) == Counter(lithuanian)
    assert "678.819" in english and "1955" in english and "2014" in english


def test_the_english_section_speaks_english(client, seeded):
    text = main_text(soup_of(client, EN_SECTION))
    for sentence in (
        "Between Lithuania and Belarus there operate 6 international border crossing points (2 rail, 4 road)",
        "11 road checkpoints operating under the local border traffic regime",
        "The total length of the state border of Lithuania and Belarus is 678.819 km",
        "In total 1955 state border marks have been installed",
        "Created 2014-05-09",
    ):
        assert sentence in text
    assert "tarptautiniai sienos perėjimo punktai" not in text
    # The planned changes and the activities carry Lithuanian free text: they are Lithuanian, whole
    # (tests/english/test_one_language_a_sentence.py).
    assert "įvyko 11 vizitų" in text and "(11 visits took place)" not in text


def test_english_plural_rule(settings):
    with translation.override("en"):
        one = ngettext("%(count)s visit took place", "%(count)s visits took place", 1) % {"count": 1}
        two = ngettext("%(count)s visit took place", "%(count)s visits took place", 2) % {"count": 2}
        points = ngettext(
            "%(count)s international border crossing point (%(breakdown)s)",
            "%(count)s international border crossing points (%(breakdown)s)", 1,
        ) % {"count": 1, "breakdown": "1 road"}
    assert (one, two) == ("1 visit took place", "2 visits took place")
    assert points == "1 international border crossing point (1 road)"


def test_english_catalogue_has_the_english_plural_rule(settings):
    import polib

    po = polib.pofile(str(settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
