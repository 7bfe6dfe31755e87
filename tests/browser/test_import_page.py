"""The admin's "Import a page" in Chromium: upload the seed document, read the report; an empty file is
refused with the error summary; axe-core finds nothing on either."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from bilateral.pages.models import SectionPage

from .test_admin_accessibility import admin_page  # noqa: F401 (the fixture)
from .test_editor_flow import assert_no_violations

pytestmark = pytest.mark.browser
SEED_DOCUMENT = Path(__file__).resolve().parent.parent / "fixtures" / "seed-politinis-bendradarbiavimas.txt"


def test_uploading_the_seed_document_gives_a_draft_and_its_report(admin_page, site_url, axe_js, tmp_path):  # noqa: F811
    page = admin_page
    page.goto(site_url + "/admin/importuoti-puslapi/")
    assert_no_violations(page.locator("#w-editor-form"), axe_js, "the import form")
    page.get_by_label("The page to import").set_input_files(str(SEED_DOCUMENT))
    page.get_by_label("Country").select_option("BY")
    with page.expect_navigation():
        page.get_by_role("button", name="Import as a draft").click()
    expect(page.get_by_role("status").filter(has_text="The draft section")).to_contain_text(
        "Politinis bendradarbiavimas"
    )
    report = page.get_by_role("table")
    expect(report).to_contain_text("Baltarusija pripažino Lietuvos nepriklausomybę de jure.")
    expect(report.locator(".import-unstructured")).to_have_count(2)
    assert_no_violations(page.locator("main"), axe_js, "the import report")
    draft = SectionPage.objects.order_by("-pk").first()
    assert not draft.live and draft.title == "Politinis bendradarbiavimas"

    sections = SectionPage.objects.count()
    empty = tmp_path / "tuscias.txt"
    empty.write_bytes(b"")
    page.goto(site_url + "/admin/importuoti-puslapi/")
    page.get_by_label("The page to import").set_input_files(str(empty))
    page.get_by_label("Country").select_option("BY")
    with page.expect_navigation():
        page.get_by_role("button", name="Import as a draft").click()
    expect(page.get_by_role("alert").filter(has_text="The page was not imported")).to_contain_text("The file is empty.")
    assert_no_violations(page.locator("#w-editor-form"), axe_js, "the import form with its errors")
    assert SectionPage.objects.count() == sections
