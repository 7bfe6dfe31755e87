"""In Chromium: a figure changed in the page editor is checked as it is typed, the warning shown beside
its field, in Lithuanian, naming the field, without saving."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Revision

from .admin import block, log_in, make_user, opened

pytestmark = pytest.mark.browser

MARKS_WARNING = "Sienos ženklai pagal rūšis: 1246 + 457 + 93 + 2 = 1798, nurodyta iš viso 1900"


@pytest.fixture
def admin_page(site_url, page, settings):
    """As in test_editor_flow: no autosave or session pings racing the test on SQLite's shared connection
    (and so nothing is saved unless the editor saves)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    yield page
    page.goto(site_url + "/", wait_until="networkidle")


def lithuanian_publisher(django_user_model):
    user = make_user(django_user_model, "publikuotoja", "Publikuotojai", "Publikuotojai: Baltarusija")
    user.wagtail_userprofile.preferred_language = "lt"
    user.wagtail_userprofile.save()
    return user


def test_a_wrong_total_is_warned_beside_its_field_as_it_is_typed(admin_page, site_url, django_user_model, seeded):
    page = admin_page
    lithuanian_publisher(django_user_model)
    revisions = Revision.objects.filter(object_id=str(seeded.pk)).count()
    log_in(page, site_url, "publikuotoja")
    page.goto(site_url + f"/admin/pages/{seeded.pk}/edit/")

    demarcation = opened(block(page.locator("#body-root"), "Sienos demarkavimas"))
    field = demarcation.locator("[data-contentpath='marks_declared_total']")
    total = field.get_by_label(re.compile(r"^\s*Iš viso sienos ženklų \(kaip nurodyta\)"))
    total.fill("1900")

    # Beside the field: its warning, in Lithuanian, naming the field whose figures it adds up.
    warning = field.locator("[data-live-fact-warnings] p[data-rule='demarcation.marks_total']")
    expect(warning).to_contain_text("Sienos ženklų pagal rūšis suma nesutampa su nurodytu bendru ženklų skaičiumi.")
    expect(warning).to_contain_text(MARKS_WARNING)
    # Read with the field by a screen reader.
    box_id = field.locator("[data-live-fact-warnings]").get_attribute("id")
    expect(total).to_have_attribute("aria-describedby", re.compile(rf"(^| ){re.escape(box_id)}$"))
    # Only there: no other field of the block has a warning.
    expect(demarcation.locator("[data-live-fact-warnings]")).to_have_count(1)

    # Corrected, the warning goes.
    total.fill("1798")
    expect(field.locator("[data-live-fact-warnings]")).to_have_count(0)
    expect(total).not_to_have_attribute("aria-describedby", re.compile(re.escape(box_id)))

    # Nothing was saved: the warnings came from the check, not from a save.
    assert Revision.objects.filter(object_id=str(seeded.pk)).count() == revisions
