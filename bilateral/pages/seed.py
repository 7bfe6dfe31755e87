"""Build the page tree and the seed content from the data files in data/seed/."""

import datetime
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from bilateral.facts.models import Country

from .addresses import slug_of
from .models import CountryIndexPage, CountryPage, GeneralPage, HomePage, SectionPage
from .translations import blank_texts, other_locales, paired_strings, start_translation, translations_made_here

SEED_DIR = settings.BASE_DIR / "data" / "seed"
HOME_TITLE = "Dvišaliai santykiai"
COUNTRY_INDEX = {"title": "Šalys partnerės", "slug": "salys"}
# The pages in the site's other languages: wagtail-localize translations of the Lithuanian ones, the
# same facts. The words of the home page and the country list, by language; a section, a country page
# or a general page is translated where its data file gives that language's title and slug (`en:`, `pl:`).
TRANSLATED_HOME = {
    "en": {"title": "Bilateral relations", "slug": "home-en"},
    "pl": {"title": "Stosunki dwustronne", "slug": "home-pl"},
}
TRANSLATED_INDEX = {
    "en": {"title": "Partner countries", "slug": "countries"},
    "pl": {"title": "Państwa partnerskie", "slug": "panstwa"},
}


def read_yaml(path):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def ensure_countries(rows, report):
    for row in rows:
        country, created = Country.objects.get_or_create(iso_code=row["iso_code"], defaults=row)
        if created:
            report(f"country {row['iso_code']} created")
            continue
        # A language added later brings its forms to countries already stored; an editor's forms stay.
        missing = {name: value for name, value in row.items() if not getattr(country, name, None)}
        if missing:
            Country.objects.filter(pk=country.pk).update(**missing)
            report(f"country {row['iso_code']}: {', '.join(sorted(missing))} added")


def ensure_home(locale, report):
    """The site's root page must be our HomePage; Wagtail's welcome page is replaced once."""
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        for welcome in root.get_children().filter(slug="home"):
            if not isinstance(welcome.specific, HomePage):
                welcome.delete()
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="home", locale=locale))
        home.save_revision().publish()
        report("home page created")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def ensure_child(parent, model, title, slug, report, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale, **fields))
    page.save_revision().publish()
    report(f"page {page.url_path} created")
    return page, True


def parse_time(text):
    return datetime.datetime.fromisoformat(text)


def stored_form(raw_body, model=SectionPage):
    """The body as the editor would store it: every field present (an empty text as ""), every list
    item with its id."""
    block = model.body.field.stream_block
    value = block.to_python(raw_body)
    list(value)  # a lazy StreamValue would hand back its raw data unconverted
    return blank_texts(block, block.get_prep_value(value))


def ensure_section(country_page, data, report):
    page, created = ensure_child(
        country_page, SectionPage, data["title"], data["slug"], report, body=stored_form(data["body"])
    )
    if created:
        # Wagtail stamps first publication with "now"; the seed keeps its own history.
        SectionPage.objects.filter(pk=page.pk).update(
            first_published_at=parse_time(data["first_published_at"]),
            last_major_change_at=parse_time(data["last_major_change_at"]),
        )
    return page


def ensure_translation(page, locale, title, slug, report, strings=None):
    """The page translated into the locale once, through wagtail-localize (pages/translations.py), and
    published: the source's facts; its title, address and the texts the seed gives (`strings`) stored
    as translations of their segments. Later publications of the source keep it up to date."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing, False
    translation = start_translation(page, locale, {page.title: title, page.slug: slug, **(strings or {})})
    report(f"page {translation.url_path} ({locale.language_code}) created")
    return translation, True


def country_page_names(country_page, data, code):
    """A country page's title and slug in a language: from the data file, else the country's name."""
    if code in data:
        return data[code]["title"], data[code]["slug"]
    name = country_page.country.forms(code)["nominative"]
    return name, slug_of(name)


def ensure_translations(home, seed_sections, report):
    """The tree in the site's other languages: each page a translation of the Lithuanian one. Returns
    the home page of each language, by language code."""
    homes = {}
    index = CountryIndexPage.objects.child_of(home).get(slug=COUNTRY_INDEX["slug"])
    for locale in other_locales():
        code = locale.language_code
        home_words, index_words = TRANSLATED_HOME.get(code), TRANSLATED_INDEX.get(code)
        if home_words is None or index_words is None:
            continue  # the seed has no words for this language's home page
        homes[code], _created = ensure_translation(home, locale, report=report, **home_words)
        ensure_translation(index, locale, report=report, **index_words)
        for country_page, page_data, sections in seed_sections:
            title, slug = country_page_names(country_page, page_data, code)
            ensure_translation(country_page, locale, title, slug, report)
            for section, data in sections:
                if code in data:
                    ensure_translation(section, locale, data[code]["title"], data[code]["slug"], report)
    return homes


@transaction.atomic
def load_seed(report=print, seed_dir=SEED_DIR):
    # The seed translates its pages itself, with its words in each language (ensure_translations): a
    # page it publishes is not translated of its own accord first, with the Lithuanian words.
    with translations_made_here():
        return load_seed_pages(report, seed_dir)


def load_seed_pages(report, seed_dir):
    locale = ensure_locales()
    ensure_countries(read_yaml(seed_dir / "countries.yaml"), report)
    home = ensure_home(locale, report)
    index, _created = ensure_child(home, CountryIndexPage, COUNTRY_INDEX["title"], COUNTRY_INDEX["slug"], report)
    seed_sections = []
    for path in sorted(seed_dir.glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, dict) or "country_page" not in data:
            continue
        country = Country.objects.get(iso_code=data["country"])
        country_page, _created = ensure_child(
            index, CountryPage, data["country_page"]["title"], data["country_page"]["slug"], report, country=country
        )
        sections = [(ensure_section(country_page, section, report), section) for section in data["sections"]]
        seed_sections.append((country_page, data["country_page"], sections))
    homes = ensure_translations(home, seed_sections, report)
    general_pages = seed_dir / "general_pages.yaml"
    if general_pages.exists():  # a seed of countries alone (tests, a new portal) has none
        ensure_general_pages(home, homes, read_yaml(general_pages)["general_pages"], report)
    return home


def general_body(html):
    return [{"type": "text", "value": html.strip()}]


def ensure_general_pages(home, homes, pages, report):
    """The accessibility statement, privacy notice, contacts and about page, in Lithuanian and in the
    other languages the seed gives them in (their texts stored as translations of the Lithuanian)."""
    for data in pages:
        lithuanian = data[settings.LANGUAGE_CODE]
        page, _created = ensure_child(
            home, GeneralPage, lithuanian["title"], lithuanian["slug"], report,
            body=general_body(lithuanian["body"]), footer_role=data["role"],
        )
        for code, translated_home in homes.items():
            if code not in data:
                continue
            words = data[code]
            strings = paired_strings(page, GeneralPage(body=stored_form(general_body(words["body"]), GeneralPage)))
            ensure_translation(page, translated_home.locale, words["title"], words["slug"], report, strings)
