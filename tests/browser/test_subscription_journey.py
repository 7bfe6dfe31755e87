"""The reader's whole journey in Chromium, with the real captcha and a real SMTP server:
subscribe, confirm, get the alert (or the daily digest) of a major change, unsubscribe with one
click, and get nothing after that."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from bilateral.pages.models import SectionPage
from tests.subscriptions.helpers import confirm_path

from .conftest import SECTION_PATH

pytestmark = pytest.mark.browser


def subscribe_in_the_browser(page, site_url, email, frequency):
    page.goto(site_url + SECTION_PATH)
    page.locator("#subscription-email").fill(email)
    # Styled radios and checkboxes: choose them as a keyboard user does.
    for control in (
        page.locator(f"input[name=frequency][value={frequency}]"),
        page.locator("#subscription-consent"),
        page.locator("altcha-widget input[type=checkbox]"),
    ):
        control.focus()
        page.keyboard.press("Space")
    page.wait_for_function(
        "() => { const w = document.querySelector('altcha-widget'); return w && w.getState && w.getState() === 'verified'; }",
        timeout=60_000,
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Prenumeruoti").click()
    assert "Jei adresas teisingas" in page.locator("main").inner_text()


def confirm_in_the_browser(page, site_url, smtp_server, email):
    [message] = smtp_server.to(email)
    page.goto(site_url + confirm_path(message, base=site_url))
    with page.expect_navigation():
        page.get_by_role("button", name="Patvirtinti prenumeratą").click()
    assert "Prenumerata patvirtinta" in page.locator("main").inner_text()


def publish_major_change(note):
    section = SectionPage.objects.get(slug="politinis-bendradarbiavimas", locale__language_code="lt")
    section.change_kind = "major"
    section.change_note = note
    section.save_revision().publish()


def deliver():
    call_command("deliver_outbox", "--drain", verbosity=0)


def one_click_unsubscribe(page, message):
    https_url = re.search(r"<(https?://[^>]+)>", message["List-Unsubscribe"]).group(1)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # RFC 8058: the mail client POSTs this body to the https address, with no login and no cookies.
    response = page.request.post(
        https_url,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 200


def body_text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def mailbox(smtp_server, settings, site_url):
    settings.SITE_URL = site_url
    return smtp_server


def test_alert_at_once_then_one_click_unsubscribe(page, site_url, mailbox):
    email = "iskart@example.lt"
    subscribe_in_the_browser(page, site_url, email, "immediate")
    confirm_in_the_browser(page, site_url, mailbox, email)

    publish_major_change("Atnaujinti sienos perėjimo punktų duomenys")
    deliver()
    confirmation, alert = mailbox.to(email)
    assert "Atnaujinti sienos perėjimo punktų duomenys" in body_text(alert)
    assert "Politinis bendradarbiavimas" in alert["Subject"]

    one_click_unsubscribe(page, alert)
    publish_major_change("Dar vienas atnaujinimas")
    deliver()
    assert len(mailbox.to(email)) == 2, "nothing is sent after unsubscribing"


def test_daily_digest_then_one_click_unsubscribe(page, site_url, mailbox):
    email = "kasdien@example.lt"
    subscribe_in_the_browser(page, site_url, email, "daily")
    confirm_in_the_browser(page, site_url, mailbox, email)

    publish_major_change("Nauji euroregionų duomenys")
    deliver()
    assert len(mailbox.to(email)) == 1, "a daily subscriber gets no alert at once"
    today = timezone.localdate().isoformat()
    call_command("send_digests", "daily", "--period", today, verbosity=0)
    deliver()
    confirmation, digest = mailbox.to(email)
    assert "Nauji euroregionų duomenys" in body_text(digest)

    one_click_unsubscribe(page, digest)
    publish_major_change("Vėlesnis atnaujinimas")
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    call_command("send_digests", "daily", "--period", tomorrow, verbosity=0)
    deliver()
    assert len(mailbox.to(email)) == 2, "nothing is sent after unsubscribing"
