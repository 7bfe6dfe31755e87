"""In Chromium: a reader subscribes from the section page's footer by keyboard alone, the real ALTCHA
widget solves its challenge, the email arrives, and the link confirms; axe-core finds nothing.

(Here rather than in tests/subscriptions/ so that it shares this folder's one Playwright session:
two sync Playwright instances cannot run in one thread.)"""

import pytest

from bilateral.subscriptions.models import Subscription
from tests.subscriptions.helpers import confirm_path

from .conftest import SECTION_PATH, inject_axe

pytestmark = pytest.mark.browser

EMAIL = "skaitytoja@example.lt"

ACTIVE_JS = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return {tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '', id: el.id || '',
          value: el.value || '', text: (el.innerText || '').trim().slice(0, 60),
          inWidget: !!document.activeElement.closest('altcha-widget')};
}"""


def axe_violations(page, axe_js):
    inject_axe(page, axe_js)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"], "axe-core did not run"
    return [
        f"{v['id']}: {v['help']} {[node['target'] for node in v['nodes']]}" for v in results["violations"]
    ]


def tab_until(page, predicate, limit=80):
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE_JS)
        seen.append(active)
        if predicate(active):
            return active
    pytest.fail(f"not reached by Tab; focus went through {seen[-15:]}")


@pytest.fixture
def reader_mailbox(smtp_server, settings, site_url):
    settings.SITE_URL = site_url
    return smtp_server


def test_a_reader_subscribes_and_confirms_by_keyboard(page, site_url, reader_mailbox, axe_js):
    response = page.goto(site_url + SECTION_PATH)
    assert response.status == 200
    footer = page.locator("footer")
    assert footer.get_by_role("heading", name="Naujienlaiškio prenumerata").is_visible()
    assert footer.get_by_text("Captcha", exact=True).is_visible()

    # Keyboard only, from the top of the page: Tab to the email field and type.
    tab_until(page, lambda active: active["name"] == "email")
    page.keyboard.type(EMAIL)
    # What to follow: the radios are one Tab stop; the arrow keys choose (this country).
    tab_until(page, lambda active: active["name"] == "scope")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(ACTIVE_JS)["value"] == "country"
    # How often: the daily digest.
    tab_until(page, lambda active: active["name"] == "frequency")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(ACTIVE_JS)["value"] == "daily"
    # Consent.
    tab_until(page, lambda active: active["name"] == "consent")
    page.keyboard.press("Space")
    assert page.locator("#subscription-consent").is_checked()
    # The captcha's checkbox, inside the ALTCHA widget: Space starts the proof of work.
    captcha = tab_until(page, lambda active: active["inWidget"] and active["type"] == "checkbox")
    assert captcha["tag"] == "input"
    checkbox = page.locator("altcha-widget input[type=checkbox]")
    label = page.locator(f"altcha-widget label[for='{checkbox.get_attribute('id')}']")
    assert label.inner_text().strip() == "Aš nesu robotas"
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => { const w = document.querySelector('altcha-widget'); return w && w.getState && w.getState() === 'verified'; }",
        timeout=60_000,
    )
    assert page.locator("altcha-widget").get_by_text("Patvirtinta").first.is_visible()
    solved = page.locator("altcha-widget input[name=captcha]")
    assert solved.count() == 1 and len(solved.input_value()) > 100, "the widget put its solution in the form"

    # axe on the filled-in form page (with the widget in its verified state).
    assert axe_violations(page, axe_js) == []

    button = tab_until(page, lambda active: active["tag"] == "button")
    assert button["text"] == "Prenumeruoti"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "/prenumerata/issiusta/"
    assert "Jei adresas teisingas, išsiuntėme laišką" in page.locator("main").inner_text()

    # The email arrived at the real SMTP server; the reader opens its link.
    [message] = reader_mailbox.to(EMAIL)
    page.goto(site_url + confirm_path(message, base=site_url))
    assert page.locator("h1").inner_text().strip() == "Patvirtinkite prenumeratą"
    assert axe_violations(page, axe_js) == []
    subscription = Subscription.objects.get(subscriber__email=EMAIL)
    assert (subscription.scope, subscription.frequency, subscription.confirmed_at) == ("country", "daily", None)

    tab_until(page, lambda active: active["tag"] == "button" and active["text"] == "Patvirtinti prenumeratą")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Prenumerata patvirtinta" in page.locator("main").inner_text()
    assert axe_violations(page, axe_js) == []
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert len(reader_mailbox.messages) == 1


def test_errors_are_summarised_and_focused_and_axe_finds_nothing(page, site_url, reader_mailbox, axe_js):
    page.goto(site_url + SECTION_PATH)
    page.locator("#subscription-email").fill("ne adresas")
    # Focusing the form fetched its CSRF token (cached pages carry none); form.submit() below skips
    # form.js's own wait for it.
    page.wait_for_selector(".subscription__form input[name=csrfmiddlewaretoken]", state="attached")
    # Sent as it is (form.submit() skips the widget's own check): the server finds three problems.
    with page.expect_navigation():
        page.evaluate("() => document.querySelector('.subscription__form').submit()")
    assert page.url == site_url + "/prenumerata/"
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-error-summary')"), "focus on the summary"
    messages = summary.locator("a").all_inner_texts()
    assert messages[0].startswith("Įveskite tinkamo formato el. pašto adresą")
    assert any(text.startswith("Pažymėkite langelį") for text in messages)
    assert any(text.startswith("Atlikite patikrą") for text in messages)
    assert page.locator("#subscription-email").input_value() == "ne adresas"
    # The first link takes the keyboard to the field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.location.hash") == "#subscription-email"
    assert axe_violations(page, axe_js) == []
    assert reader_mailbox.messages == []


def test_pressing_subscribe_without_ticking_the_captcha_solves_it_then(page, site_url, reader_mailbox):
    page.goto(site_url + SECTION_PATH)
    page.locator("#subscription-email").fill(EMAIL)
    page.locator("#subscription-consent").check()
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Prenumeruoti").click()
    assert page.url == site_url + "/prenumerata/issiusta/"
    assert len(reader_mailbox.to(EMAIL)) == 1
