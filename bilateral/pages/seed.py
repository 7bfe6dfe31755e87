"""Build the page tree and the seed content from the data files in data/seed/."""

import datetime
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from bilateral.facts.models import Country

from .models import CountryIndexPage, CountryPage, GeneralPage, HomePage, SectionPage

SEED_DIR = settings.BASE_DIR / "data" / "seed"
HOME_TITLE = "Dvišaliai santykiai"
COUNTRY_INDEX = {"title": "Šalys partnerės", "slug": "salys"}
# The English pages: translations (same translation_key) of the Lithuanian ones, same facts.
ENGLISH = "en"
HOME_EN = {"title": "Bilateral relations", "slug": "home-en"}
COUNTRY_INDEX_EN = {"title": "Partner countries", "slug": "countries"}


def read_yaml(path):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def ensure_countries(rows, report):
    for row in rows:
        _country, created = Country.objects.get_or_create(iso_code=row["iso_code"], defaults=row)
        if created:
            report(f"country {row['iso_code']} created")


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


def ensure_english(home, seed_sections, report):
    """English translations of the tree; sections keep the seed's history, as the Lithuanian ones do."""
    locale = Locale.objects.get(language_code=ENGLISH)
    home_en, _created = ensure_translation(home, locale, report=report, **HOME_EN)
    index = CountryIndexPage.objects.child_of(home).get(slug=COUNTRY_INDEX["slug"])
    ensure_translation(index, locale, report=report, **COUNTRY_INDEX_EN)
    for country_page, sections in seed_sections:
        name = country_page.country.name_en
        ensure_translation(country_page, locale, name, slugify(name), report)
        for section, data in sections:
            # Not a change of the facts: no major change is recorded for the copy.
            page, created = ensure_translation(
                section, locale, data["en"]["title"], data["en"]["slug"], report, change_kind="", change_note=""
            )
            if created:
                source = SectionPage.objects.get(pk=section.pk)
                SectionPage.objects.filter(pk=page.pk).update(
                    first_published_at=source.first_published_at,
                    last_major_change_at=source.last_major_change_at,
                )
    return home_en


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
        seed_sections.append((country_page, [(page, data) for page, data in sections if "en" in data]))
    home_en = ensure_english(home, seed_sections, report)
    general_pages = seed_dir / "general_pages.yaml"
    if general_pages.exists():  # a seed of countries alone (tests, a new portal) has none
        ensure_general_pages(home, home_en, read_yaml(general_pages)["general_pages"], report)
    return home


def general_body(html):
    return [{"type": "text", "value": html.strip()}]


def ensure_general_pages(home, home_en, pages, report):
    """The accessibility statement, privacy notice, contacts and about page, in Lithuanian and English."""
    for data in pages:
        lithuanian, english = data["lt"], data["en"]
        page, _created = ensure_child(
            home, GeneralPage, lithuanian["title"], lithuanian["slug"], report,
            body=general_body(lithuanian["body"]), footer_role=data["role"],
        )
        ensure_translation(
            page, home_en.locale, english["title"], english["slug"], report, body=general_body(english["body"])
        )
