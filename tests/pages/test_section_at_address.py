"""A section page is routed to with its surroundings in one query (SectionSurroundings.at_address):
the same page, ancestors, sibling sections, country page and language versions as finding the page
first and then its lineage (two queries) found."""

import pytest

from bilateral.pages.addresses import live_translations
from bilateral.pages.models import SectionPage
from bilateral.pages.routing import section_page_under_root

pytestmark = pytest.mark.django_db


def slugs_below(home, page):
    return page.url_path[len(home.url_path):].strip("/").split("/")


def stored_columns(page):
    return {field.attname: getattr(page, field.attname) for field in SectionPage._meta.concrete_fields
            if field.attname != "body"}


def test_the_section_comes_with_what_its_lineage_query_finds(seeded):
    home = seeded.get_parent().get_parent().get_parent()
    found = SectionPage.at_address(home, slugs_below(home, seeded), "lt")
    stored = SectionPage.objects.get(pk=seeded.pk)
    assert stored_columns(found) == stored_columns(stored)
    assert list(found.body.raw_data) == list(stored.body.raw_data) and found.locale.language_code == "lt"
    assert [page.pk for page in found.lineage] == [page.pk for page in stored.lineage]
    assert len(found.lineage) == seeded.depth
    assert [page.pk for page in found.sibling_sections()] == [page.pk for page in stored.sibling_sections()]
    assert found.pk in [page.pk for page in found.sibling_sections()]
    assert found.country_page.pk == stored.country_page.pk == seeded.get_parent().pk
    assert found.country_page.country.iso_code == stored.country_page.country.iso_code
    translations = [page.pk for page in live_translations(found)]
    assert translations == [page.pk for page in live_translations(stored)] and translations  # the English version
    assert found.get_view_restrictions().count() == 0


def test_an_address_that_is_no_section_finds_none(seeded):
    home = seeded.get_parent().get_parent().get_parent()
    slugs = slugs_below(home, seeded)
    assert SectionPage.at_address(home, [*slugs[:2], "nera-tokio"], "lt") is None
    assert SectionPage.at_address(home, slugs, "en") is None  # the page is Lithuanian
    assert section_page_under_root(home, slugs[:2]) is None  # a country page's address
    assert section_page_under_root(home, slugs).pk == seeded.pk
