"""Import an existing page: read it, structure it into fact blocks, save it as a draft section page
under its country's page, in one transaction, and check its facts (warned, never corrected)."""

import dataclasses
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bilateral.facts.checks import check_body
from bilateral.facts.models import Country
from bilateral.pages.models import CountryPage, SectionPage
from bilateral.pages.seed import stored_form

from .models import PageImport
from .language import detected_language, written_in
from .reading import ImportRefused, read_paragraphs
from .structuring import structure


@dataclass
class ImportResult:
    page: SectionPage
    report: list
    warnings: list

    @property
    def unstructured(self):
        return [line for line in self.report if not line.structured]


def find_country_page(code, language):
    country = Country.objects.filter(iso_code=(code or "").strip().upper()).first()
    if country is None:
        raise ImportRefused(_("There is no country with the code “%(code)s”.") % {"code": code})
    country_page = CountryPage.objects.filter(country=country, locale__language_code=language).first()
    if country_page is None:
        raise ImportRefused(
            _("%(country)s has no country page in this language yet; create it first.") % {"country": country.name}
        )
    return country, country_page


def check_language(paragraphs, language):
    if language not in dict(settings.LANGUAGES):
        raise ImportRefused(_("The site has no language “%(language)s”.") % {"language": language})
    found = detected_language(" ".join(paragraph.text for paragraph in paragraphs))
    if found and found != language:
        raise ImportRefused(
            _("The page seems to be written %(found)s, not %(expected)s. Import it as a page in its own language.")
            % {"found": written_in(found), "expected": written_in(language)}
        )


def free_slug(parent, title):
    """The title's slug, numbered when a sibling has it already (the seed's section keeps its address)."""
    base = slugify(title, allow_unicode=False) or "importuotas-puslapis"
    slug, number = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_draft(country_page, structured, title, user):
    title = title or structured.title or _("Imported page")
    page = SectionPage(
        title=title,
        slug=free_slug(country_page, title),
        body=stored_form(structured.body),
        locale=country_page.locale,
        live=False,
        owner=user,
    )
    country_page.add_child(instance=page)
    if structured.created_at:
        # The old page's own history: kept as the seed keeps it, shown once the draft is published.
        SectionPage.objects.filter(pk=page.pk).update(
            first_published_at=structured.created_at, last_major_change_at=structured.updated_at
        )
        page.first_published_at, page.last_major_change_at = structured.created_at, structured.updated_at
    page.save_revision(user=user)
    return page


def import_page(data, country_code, language=None, title="", filename="", user=None):
    """An existing page (bytes of text or HTML) as a draft section page; ImportRefused if it cannot be."""
    language = language or settings.LANGUAGE_CODE
    paragraphs = read_paragraphs(data, filename)
    check_language(paragraphs, language)
    _country, country_page = find_country_page(country_code, language)
    with translation.override(language):
        forms = country_page.country.forms(language)
        structured = structure(paragraphs, forms, title)
        with transaction.atomic():
            page = create_draft(country_page, structured, title, user)
            PageImport.objects.create(
                page=page,
                source_name=filename[:255],
                imported_by=user,
                report=[dataclasses.asdict(line) for line in structured.report],
            )
        warnings = check_body(SectionPage.objects.get(pk=page.pk).body)
    return ImportResult(page=page, report=structured.report, warnings=warnings)
