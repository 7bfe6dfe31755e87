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

SEED_DIR = settings.BASE_DIR / "data" / "seed"
HOME_TITLE = "Dvišaliai santykiai"
COUNTRY_INDEX = {"title": "Šalys partnerės", "slug": "salys"}
# The pages in each further language: translations (same translation_key) of the Lithuanian ones, same
# facts. A section, a country page or a general page is translated where its data file gives that
# language's title and slug (`en:`, `pl:`).
TRANSLATED_TREE = {
    "en": {
        "home": {"title": "Bilateral relations", "slug": "home-en"},
        "country_index": {"title": "Partner countries", "slug": "countries"},
    },
    "pl": {
        "home": {"title": "Stosunki dwustronne", "slug": "home-pl"},
        "country_index": {"title": "Państwa partnerskie", "slug": "panstwa"},
    },
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


def stored_form(raw_body):
    """The body as the editor would store it: every field present, every list item with its id."""
    block = SectionPage.body.field.stream_block
    value = block.to_python(raw_body)
    list(value)  # a lazy StreamValue would hand back its raw data unconverted
    return block.get_prep_value(value)


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


def ensure_translation(page, locale, title, slug, report, **fields):
    """The page copied into the locale once (Wagtail's copy_for_translation) and published."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing, False
    copy = page.copy_for_translation(locale)
    copy.title, copy.draft_title, copy.slug = title, title, slug
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    report(f"page {copy.url_path} ({locale.language_code}) created")
    return copy, True


def translated_languages():
    """The site's languages other than the default one that the seed has a tree for."""
    return [code for code, _name in settings.LANGUAGES if code in TRANSLATED_TREE and code != settings.LANGUAGE_CODE]


def country_page_names(country_page, data, code):
    """A country page's title and slug in a language: from the data file, else the country's name."""
    if code in data:
        return data[code]["title"], data[code]["slug"]
    name = country_page.country.forms(code)["nominative"]
    return name, slug_of(name)


def ensure_translated_tree(home, code, seed_countries, report):
    """The tree in one language; sections keep the seed's history, as the Lithuanian ones do."""
    locale = Locale.objects.get(language_code=code)
    tree = TRANSLATED_TREE[code]
    home_copy, _created = ensure_translation(home, locale, report=report, **tree["home"])
    index = CountryIndexPage.objects.child_of(home).get(slug=COUNTRY_INDEX["slug"])
    ensure_translation(index, locale, report=report, **tree["country_index"])
    for country_page, page_data, sections in seed_countries:
        title, slug = country_page_names(country_page, page_data, code)
        ensure_translation(country_page, locale, title, slug, report)
        for section, data in sections:
            if code not in data:
                continue
            # Not a change of the facts: no major change is recorded for the copy.
            page, created = ensure_translation(
                section, locale, data[code]["title"], data[code]["slug"], report, change_kind="", change_note=""
            )
            if created:
                source = SectionPage.objects.get(pk=section.pk)
                SectionPage.objects.filter(pk=page.pk).update(
                    first_published_at=source.first_published_at,
                    last_major_change_at=source.last_major_change_at,
                )
    return home_copy


@transaction.atomic
def load_seed(report=print, seed_dir=SEED_DIR):
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
    homes = {code: ensure_translated_tree(home, code, seed_sections, report) for code in translated_languages()}
    general_pages = seed_dir / "general_pages.yaml"
    if general_pages.exists():  # a seed of countries alone (tests, a new portal) has none
        ensure_general_pages(home, homes, read_yaml(general_pages)["general_pages"], report)
    return home


def general_body(html):
    return [{"type": "text", "value": html.strip()}]


def ensure_general_pages(home, homes, pages, report):
    """The accessibility statement, privacy notice, contacts and about page, in every language given."""
    for data in pages:
        lithuanian = data[settings.LANGUAGE_CODE]
        page, _created = ensure_child(
            home, GeneralPage, lithuanian["title"], lithuanian["slug"], report,
            body=general_body(lithuanian["body"]), footer_role=data["role"],
        )
        for code, translated_home in homes.items():
            if code in data:
                text = data[code]
                ensure_translation(
                    page, translated_home.locale, text["title"], text["slug"], report, body=general_body(text["body"])
                )
