"""In Chromium, under the portal's real Content-Security-Policy (no 'unsafe-inline'): public pages,
the subscription form with its captcha solved, the admin login, the page editor (with its scheduling
dialog and preview panel) and an admin inline panel raise no `securitypolicyviolation` event and log
no CSP error."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from .conftest import HOME_PATH, SECTION_PATH

pytestmark = pytest.mark.browser

PASSWORD = "csp-slaptažodis-42"

# Installed before any page script runs, in every frame (the editor's preview iframe too).
RECORD_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push({directive: event.effectiveDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample});
}, true);
"""


class ViolationLog:
    """What the browser reported: violation events from every frame, CSP errors from the console."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(RECORD_VIOLATIONS_JS)
        page.on("console", self.note_console)

    def note_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def events(self):
        found = []
        for frame in self.page.frames:
            found += frame.evaluate("() => window.__cspViolations || []")
        return found

    def assert_none(self, where):
        assert (self.events(), self.console) == ([], []), f"CSP violations on {where}"


@pytest.fixture
def violations(page):
    return ViolationLog(page)


@pytest.fixture
def admin_user(django_user_model, seeded):
    user = django_user_model.objects.create_superuser("csp-admin", "csp-admin@example.com", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin's own labels, as the editor tests use them
    profile.save()
    return user


def test_public_pages_raise_no_violation(page, site_url, violations):
    for path in (HOME_PATH, SECTION_PATH):
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response.status == 200
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        violations.assert_none(path)


def test_subscription_page_with_the_captcha_solved_raises_no_violation(page, site_url, violations):
    page.goto(site_url + "/prenumerata/", wait_until="networkidle")
    # The widget found our linked stylesheet and injected no inline <style> of its own.
    assert page.evaluate("() => document.querySelectorAll('style#altcha-css').length") == 0
    assert page.evaluate("() => document.querySelector('link#altcha-css').sheet !== null")
    page.locator("altcha-widget input[type=checkbox]").focus()
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => { const w = document.querySelector('altcha-widget'); return w && w.getState && w.getState() === 'verified'; }",
        timeout=60_000,
    )
    assert len(page.locator("altcha-widget input[name=captcha]").input_value()) > 100
    # The widget is styled by that sheet: its checkbox area is laid out, not collapsed.
    assert page.locator("altcha-widget").bounding_box()["height"] > 20
    violations.assert_none("the subscription page")


def test_admin_login_and_page_editor_raise_no_violation(page, site_url, violations, admin_user, settings, seeded):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    response = page.goto(site_url + "/admin/login/", wait_until="networkidle")
    assert response.status == 200
    violations.assert_none("the admin login")

    page.get_by_label(re.compile(r"Vartotojo vardas|Username")).fill("csp-admin")
    page.get_by_label(re.compile(r"Slaptažodis|Password")).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"Prisijungti|Sign in")).click()
    expect(page).to_have_url(site_url + "/admin/")
    violations.assert_none("the admin dashboard")

    page.goto(site_url + f"/admin/pages/{seeded.pk}/edit/", wait_until="networkidle")
    expect(page.locator("#body-root")).to_be_visible()
    violations.assert_none("the page editor")
    # Wagtail starts its date pickers from inline scripts; ours start them from static JS
    # (pages/admin-choosers.js): the scheduling dialog's picker opens, with no violation.
    page.get_by_role("button", name=re.compile(r"^Status$|Status", re.I)).first.click()
    page.get_by_role("button", name="Set schedule").click()
    page.locator("#id_go_live_at").click()
    expect(page.locator(".xdsoft_datetimepicker:visible").first).to_be_visible()
    assert page.locator("[data-bilateral-chooser=datetime][data-target=id_go_live_at][data-bilateral-started]").count() == 1
    page.keyboard.press("Escape")
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    violations.assert_none("the scheduling dialog")
    # The preview panel frames the page preview: allowed for the admin itself, and violation-free.
    page.get_by_role("button", name=re.compile(r"Peržiūra|Preview|Toggle preview", re.I)).first.click()
    preview = page.frame_locator("iframe#w-preview-iframe, iframe[id*=preview]").first
    # The panel first sends the form, then loads the preview: slow on a loaded machine.
    expect(preview.locator("h1").first).to_be_visible(timeout=30_000)
    violations.assert_none("the editor's preview panel")

    # Wagtail's inline panels (here the workflow's tasks) are started by the same static JS.
    page.goto(site_url + "/admin/workflows/add/", wait_until="networkidle")
    assert page.locator("[data-bilateral-panel=InlinePanel][data-bilateral-started]").count() == 1
    total = page.locator("#id_workflow_tasks-TOTAL_FORMS")
    before = int(total.input_value())
    page.locator("#id_workflow_tasks-ADD").click()
    expect(total).to_have_value(str(before + 1))
    # So are the choosers in it (bilateral/pages/admin_widgets.py): the new task's chooser opens its modal.
    assert page.locator("[data-bilateral-new=PageChooser][data-bilateral-started]").count() >= 1
    started_task_choosers = page.locator("[data-bilateral-call=createTaskChooser][data-bilateral-started]")
    expect(started_task_choosers).to_have_count(before + 1)
    page.get_by_role("button", name=re.compile("Choose a task")).last.click()
    expect(page.locator(".modal-dialog").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    violations.assert_none("the workflow editor")
    page.goto(site_url + HOME_PATH, wait_until="networkidle")
