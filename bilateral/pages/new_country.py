"""A new partner country in one step: its page, its people, its review and a first section to fill.

Everything is created in one transaction: a failure anywhere leaves nothing behind. The country page
goes live at once (an empty country is harmless and its address is then settled); the section is a
draft in every language of the site, for an editor to fill and a publisher to publish.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from .addresses import slug_of
from .models import CountryIndexPage, CountryPage, SectionPage
from .roles import ensure_country_roles
from .section_template import template_body
from .seed import ensure_translation
from .translations import start_translation

# The first section every country has; its title is translated into each language of the site.
FIRST_SECTION_TITLE = gettext_noop("Political cooperation")


class NewCountryError(Exception):
    """What stops a new country, said for the editor (already translated)."""


@dataclass
class NewCountry:
    country_page: CountryPage
    sections: list = field(default_factory=list)
    editors: object = None
    publishers: object = None


def country_index():
    index = CountryIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise NewCountryError(_("The site has no list of partner countries to put the new country in."))
    return index


def country_page_slug(country, language):
    return slug_of(country.forms(language)["nominative"])


def refuse_taken(country, indexes):
    """Refused before anything is made: a country with pages, or an address taken in any language."""
    if country.pk is not None and CountryPage.objects.filter(country=country).exists():
        raise NewCountryError(_("%(country)s already has its pages.") % {"country": country.name})
    for index in indexes:
        slug = country_page_slug(country, index.locale.language_code)
        if not slug:
            raise NewCountryError(_("The country's name gives no address: write it in letters."))
        if index.get_children().filter(slug=slug).exists():
            raise NewCountryError(
                _("The address “%(slug)s” is taken by another page under the partner countries.")
                % {"slug": slug}
            )


def first_section_title(language):
    with translation.override(language):
        return _(FIRST_SECTION_TITLE)


def add_section_draft(country_page):
    title = first_section_title(country_page.locale.language_code)
    section = country_page.add_child(
        instance=SectionPage(
            title=title, slug=slug_of(title), locale=country_page.locale, body=template_body(), live=False
        )
    )
    section.save_revision()
    return section


def translated_country_page(country_page, locale):
    """The country page in another language, live: translated on its publication with the country's
    name there (translations.translate_new_page); made here, the same way, where that was not done."""
    page, _created = ensure_translation(
        country_page,
        locale,
        country_page.country.forms(locale.language_code)["nominative"],
        country_page_slug(country_page.country, locale.language_code),
        report=lambda message: None,
    )
    return page


def section_translation(section, country_page):
    """The draft section in another language, a translation of the Lithuanian draft (published with
    it): same blocks (all empty), its title in that language."""
    title = first_section_title(country_page.locale.language_code)
    return start_translation(
        section, country_page.locale, {section.title: title, section.slug: slug_of(title)}, publish=False
    )


def translated_indexes(index):
    """The country list in the site's other languages (a page is translated only where its parent is)."""
    return list(index.get_translations().select_related("locale").specific())


@transaction.atomic
def create_partner_country(country, user=None):
    """`country` may be new (unsaved, validated) or an existing Country without pages."""
    index = country_index()
    translations = translated_indexes(index)
    refuse_taken(country, [index, *translations])
    if country.pk is None:
        country.save()
    country_page = index.add_child(
        instance=CountryPage(
            title=country.name, slug=country_page_slug(country, index.locale.language_code),
            country=country, locale=index.locale,
        )
    )
    editors, publishers = ensure_country_roles(country_page)
    if user is not None and not user.is_superuser:
        user.groups.add(publishers)  # who adds a country publishes it (and may publish its page now)
    country_page.save_revision(user=user).publish(user=user)
    result = NewCountry(country_page, [add_section_draft(country_page)], editors, publishers)
    for translated_index in translations:
        copy = translated_country_page(country_page, translated_index.locale)
        result.sections.append(section_translation(result.sections[0], copy))
    return result
