"""A publisher on a portal with no partner country yet adds Latvia, fills its first section and
publishes it; the public page speaks of Latvia in the right cases."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from bilateral.facts.models import Country
from bilateral.pages.models import CountryPage, SectionPage

from .admin import (
    assert_no_violations,
    block,
    child,
    exactly,
    fill_date,
    insert_block,
    log_in,
    make_user,
    open_publish_dialog,
    opened,
)

pytestmark = pytest.mark.browser

LATVIA_FORMS = {
    "ISO 3166-1 alpha-2 code": "LV",
    "Name (nominative)": "Latvija",
    "Name (genitive)": "Latvijos",
    "Name (instrumental)": "Latvija",
    "Name (locative)": "Latvijoje",
    "Official name (nominative)": "Latvijos Respublika",
    "Official name (genitive)": "Latvijos Respublikos",
    "Name in English": "Latvia",
    "Official name in English": "Republic of Latvia",
}
NOTE = "Pradėtas skyrius apie politinį bendradarbiavimą su Latvija."
AMBASSADOR = "Rimantas Latvis"


@pytest.fixture
def empty_site_url(transactional_db, django_db_serialized_rollback, live_server, tmp_path, settings):
    """A new portal: home and the country list in Lithuanian and English, no country described."""
    from django.core.cache import caches

    from bilateral.pages.seed import load_seed

    for alias in caches:
        caches[alias].clear()
    (tmp_path / "countries.yaml").write_text("[]\n", encoding="utf-8")
    load_seed(report=lambda message: None, seed_dir=tmp_path)
    # As in test_editor_flow: no background requests racing the explicit saves.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    return live_server.url


@pytest.fixture
def admin_page(empty_site_url, page):
    yield page
    page.goto(empty_site_url + "/", wait_until="networkidle")  # the editor's last request, before the flush


def slow_submit(page, button):
    """Creating makes some twenty rows and then opens the page editor, publishing renders and purges:
    on a busy machine either takes longer than a click's usual wait."""
    with page.expect_navigation(timeout=120_000):
        button.click(timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)


def create(page):
    slow_submit(page, page.get_by_role("button", name="Create the country and its pages"))


def add_latvia(page, site_url, axe_js):
    page.goto(site_url + "/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name="New partner country").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("New partner country")
    form = page.locator("#w-editor-form")
    assert_no_violations(form, axe_js, "the new-country form")

    # First with a code the standard does not know: refused, said beside the field and above the form.
    for label, value in {**LATVIA_FORMS, "ISO 3166-1 alpha-2 code": "LX"}.items():
        form.get_by_label(exactly(label)).fill(value)
    create(page)
    summary = page.get_by_role("alert").filter(has_text="The country was not added")
    expect(summary).to_contain_text("“LX” is not an ISO 3166-1 country code")
    assert not Country.objects.exists()
    assert_no_violations(page.locator("#w-editor-form"), axe_js, "the new-country form with its errors")

    page.locator("#w-editor-form").get_by_label(exactly("ISO 3166-1 alpha-2 code")).fill("LV")
    create(page)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.get_by_text("Latvija added")).to_be_visible()


def fill_timeline(page):
    """The template's timeline block: Latvia's recognition and Lithuania's first ambassador there."""
    timeline = opened(block(page.locator("#body-root"), "Diplomatic timeline"))  # the blocks open collapsed
    insert_block(page, timeline.get_by_role("button", name="Insert a block").first, "Event")
    event = block(timeline, "Event")
    fill_date(child(event, "date"), 1991)
    event.get_by_label(exactly("Event")).select_option(label="Recognition of Lithuania's independence de jure")
    insert_block(page, timeline.get_by_role("button", name="Insert a block").last, "Representative")
    representative = block(timeline, "Representative")
    fill_date(child(representative, "period"), 1992)
    representative.get_by_label(exactly("Whose representative")).select_option(
        label="Lithuania's representative in the partner country"
    )
    representative.get_by_label(exactly("Role")).select_option(label="ambassador extraordinary and plenipotentiary")
    representative.get_by_label(exactly("Name")).fill(AMBASSADOR)


def remove_block(page, label):
    """Delete one of the template's blocks left for later (its header's "Delete" action)."""
    body = page.locator("#body-root")
    target = block(body, label)
    before = block(body, label).count()
    target.get_by_role("button", name="Delete").first.click()
    expect(block(body, label)).to_have_count(before - 1)


def test_publisher_adds_latvia_fills_a_section_and_publishes(admin_page, empty_site_url, django_user_model, axe_js):
    page, site_url = admin_page, empty_site_url
    publisher = make_user(django_user_model, "publikuotoja", "Publikuotojai")
    log_in(page, site_url, "publikuotoja")

    add_latvia(page, site_url, axe_js)
    latvia = Country.objects.get(iso_code="LV")
    section = SectionPage.objects.get(locale__language_code="lt")
    assert section.get_parent().specific.country == latvia and not section.live
    assert publisher.groups.filter(name="Publikuotojai: Latvija").exists()
    assert Group.objects.filter(name="Redaktoriai: Latvija").exists()
    # Lithuanian, English and Polish (its Polish names not typed: the Polish page reads the English ones).
    assert sorted(CountryPage.objects.filter(country=latvia).values_list("title", flat=True)) == ["Latvia", "Latvia", "Latvija"]

    fill_timeline(page)
    for label in ("Border crossing points", "Demarcation of the border", "Euroregions", "Activities"):
        remove_block(page, label)
    dialog = open_publish_dialog(page, "Publish")
    dialog.get_by_label(re.compile(r"^\s*Major change")).check()
    dialog.get_by_label(exactly("Public change note")).fill(NOTE)
    slow_submit(page, dialog.get_by_role("button", name="Publish", exact=True))
    published = SectionPage.objects.get(pk=section.pk)
    assert published.live, page.locator(".messages, [data-field-errors]").all_inner_texts()

    response = page.goto(site_url + "/salys/latvija/politinis-bendradarbiavimas/")
    assert response.status == 200
    article = page.locator("article.section-page")
    expect(page.locator("h1")).to_have_text("Politinis bendradarbiavimas")
    expect(article).to_contain_text("Latvija pripažino Lietuvos nepriklausomybę de jure.")
    expect(article).to_contain_text(
        f"pirmasis Lietuvos atstovas Latvijoje buvo nepaprastasis ir įgaliotasis ambasadorius {AMBASSADOR}."
    )
    page.goto(site_url + "/salys/")
    expect(page.get_by_role("link", name="Latvija").first).to_have_attribute("href", re.compile("/salys/latvija/"))


def test_the_country_form_previews_the_forms_as_typed(admin_page, empty_site_url, django_user_model, axe_js):
    page, site_url = admin_page, empty_site_url
    make_user(django_user_model, "publikuotoja", "Publikuotojai")
    log_in(page, site_url, "publikuotoja")
    page.goto(site_url + "/admin/snippets/facts/country/add/")
    form = page.locator("#w-editor-form")
    for label, value in LATVIA_FORMS.items():
        form.get_by_role("textbox", name=exactly(label)).fill(value)
    form.get_by_role("textbox", name=exactly("Name (instrumental)")).fill("Latvijos")  # a wrong case, typed

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("[data-form='genitive']").first).to_have_text("Lietuvos ir Latvijos valstybės siena")
    expect(preview.locator("[data-form='instrumental']").first).to_have_text("bendradarbiavimas su Latvijos")
    # Mended, the preview refreshes by itself (Wagtail's preview panel posts the changed form).
    form.get_by_role("textbox", name=exactly("Name (instrumental)")).fill("Latvija")
    expect(preview.locator("[data-form='instrumental']").first).to_have_text("bendradarbiavimas su Latvija")
    expect(preview.locator("[data-form='locative']").first).to_have_text("Lietuvos atstovas Latvijoje")
    expect(preview.locator("[data-form='official_genitive']").first).to_have_text("Latvijos Respublikos ambasada")
    assert not Country.objects.exists()
    assert_no_violations(form, axe_js, "the country form")
