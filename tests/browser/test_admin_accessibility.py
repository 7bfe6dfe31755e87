"""axe-core on our own admin panels (not Wagtail's admin around them): the country form with its
preview, the new-country form, the dashboard's "Needs attention" panel, the publish dialog and the
live fact warnings."""

import pytest
from playwright.sync_api import expect

from bilateral.facts.models import Country

from .test_accessibility import describe_violations
from .admin import PASSWORD, assert_no_violations, block, log_in, open_publish_dialog, opened

pytestmark = pytest.mark.browser


@pytest.fixture
def admin_page(site_url, page, settings, django_user_model):
    """Logged in as an administrator; no autosave or pings racing the test (see test_editor_flow)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("administratore", "admin@example.com", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the labels test_editor_flow's helpers look for
    profile.save()
    log_in(page, site_url, "administratore")
    yield page
    page.goto(site_url + "/", wait_until="networkidle")


def assert_document_passes(frame, axe_js, where):
    frame.evaluate(axe_js.read_text(encoding="utf-8") + "\n;undefined")
    results = frame.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"] or results["violations"], "axe checked nothing"
    assert results["violations"] == [], f"{where}:\n{describe_violations(results['violations'])}"


def test_the_country_form_and_its_preview(admin_page, site_url, axe_js):
    page = admin_page
    belarus = Country.objects.get(iso_code="BY")
    page.goto(site_url + f"/admin/snippets/facts/country/edit/{belarus.pk}/")
    form = page.locator("#w-editor-form")
    assert_no_violations(form, axe_js, "the country form")
    page.get_by_role("button", name="Toggle preview").click()
    iframe = page.locator("#w-preview-iframe")
    expect(page.frame_locator("#w-preview-iframe").locator("[data-form='genitive']").first).to_be_visible()
    assert_document_passes(iframe.element_handle().content_frame(), axe_js, "the country preview")


def test_the_new_country_form_with_its_errors(admin_page, site_url, axe_js):
    page = admin_page
    page.goto(site_url + "/admin/nauja-salis/")
    assert_no_violations(page.locator("#w-editor-form"), axe_js, "the new-country form")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the country and its pages").click()
    expect(page.get_by_role("alert").filter(has_text="The country was not added")).to_be_visible()
    assert_no_violations(page.locator("#w-editor-form"), axe_js, "the new-country form with its errors")


def test_the_dashboard_panel(admin_page, site_url, axe_js):
    page = admin_page
    page.goto(site_url + "/admin/")
    panel = page.locator("#bilateral-attention-section, #bilateral-attention").first
    expect(panel).to_be_visible()
    assert_no_violations(panel, axe_js, "the dashboard's Needs attention panel")


def test_the_publish_dialog_and_the_live_warnings(admin_page, site_url, seeded, axe_js):
    page = admin_page
    page.goto(site_url + f"/admin/pages/{seeded.pk}/edit/")
    demarcation = opened(block(page.locator("#body-root"), "Demarcation of the border"))
    field = demarcation.locator("[data-contentpath='marks_declared_total']")
    field.locator("input").fill("1900")
    expect(field.locator("[data-live-fact-warnings]")).to_contain_text("declared total 1900")
    assert_no_violations(field, axe_js, "a field with its live fact warning")
    dialog = open_publish_dialog(page, "Publish")
    assert_no_violations(dialog, axe_js, "the publish dialog")
