"""After confirming: one-click unsubscribe (RFC 8058), the manage page, export, erase, and the purge."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from bilateral.subscriptions import links
from bilateral.subscriptions.links import list_unsubscribe_headers, manage_url, unsubscribe_url
from bilateral.subscriptions.models import ConsentRecord, Subscriber, Subscription
from bilateral.subscriptions.privacy import purge_unconfirmed

from .helpers import confirm_path, manage_path, one_click_path, subscribe, text
from .subscribe_fixtures import SITE_URL, clean_cache, mailbox, site  # noqa: F401

pytestmark = pytest.mark.django_db

EMAIL = "skaitytojas@example.lt"


@pytest.fixture
def confirmed(client, seeded, mailbox):
    """A reader who follows the section page (at once) and the whole portal (weekly), both confirmed."""
    assert subscribe(client, seeded).status_code == 302
    assert subscribe(client, seeded, scope="site", frequency="weekly").status_code == 302
    messages = mailbox.to(EMAIL)
    for message in messages:
        assert client.post(confirm_path(message)).status_code == 200
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 2
    return messages[0]


def test_one_click_unsubscribe_is_a_single_post_without_login_or_csrf(confirmed, mailbox):
    path = one_click_path(confirmed)
    mail_provider = Client(enforce_csrf_checks=True)
    # What a mail provider sends (RFC 8058): a POST with this one field, no cookie, no token.
    response = mail_provider.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Prenumeratos atsisakyta" in text(response)
    assert Subscription.objects.count() == 0
    assert Subscriber.objects.filter(email=EMAIL).exists(), "the consent proof stays until the reader erases it"
    # Again: still fine, nothing to do.
    assert mail_provider.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert len(mailbox.messages) == 2, "unsubscribing sends no email"


def test_opening_the_unsubscribe_link_only_shows_a_button(client, confirmed):
    path = one_click_path(confirmed)
    response = client.get(path)
    assert response.status_code == 200
    [button] = BeautifulSoup(response.content, "html.parser").find("main").find_all("button")
    assert button.get_text(strip=True) == "Atsisakyti prenumeratos"
    assert Subscription.objects.count() == 2
    assert client.post(path).status_code == 200
    assert Subscription.objects.count() == 0


def test_a_forged_unsubscribe_link_does_nothing(confirmed):
    path = one_click_path(confirmed)
    response = Client(enforce_csrf_checks=True).post(path[:-4] + "xxx/")
    assert response.status_code == 400
    assert "Ši nuoroda neteisinga" in text(response)
    assert Subscription.objects.count() == 2


def test_links_module_builds_the_rfc_8058_headers(confirmed, settings):
    subscriber = Subscriber.objects.get()
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = ""
    headers = list_unsubscribe_headers(subscriber)
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https = headers["List-Unsubscribe"]
    assert https.startswith(f"<{SITE_URL}/prenumerata/atsisakyti/") and https.count("<") == 1
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = "atsisakyti@bilateral.example"
    https, mailto = list_unsubscribe_headers(subscriber)["List-Unsubscribe"].split(", ")
    assert https.startswith(f"<{SITE_URL}/prenumerata/atsisakyti/")
    assert mailto == "<mailto:atsisakyti@bilateral.example?subject=unsubscribe>"
    assert manage_url(subscriber).startswith(f"{SITE_URL}/prenumerata/tvarkyti/")


def test_an_english_subscriber_gets_english_links(confirmed):
    subscriber = Subscriber.objects.get()
    subscriber.language = "en"
    assert unsubscribe_url(subscriber).startswith(f"{SITE_URL}/en/subscribe/atsisakyti/")


def test_the_manage_page_changes_how_often_and_stops_one(client, confirmed):
    path = manage_path(confirmed)
    page = client.get(path)
    assert page.status_code == 200
    assert "Mano prenumeratos" in text(page)
    assert "Puslapis: Politinis bendradarbiavimas (Baltarusija)" in text(page)
    assert "Visas portalas" in text(page)
    page_subscription = Subscription.objects.get(scope="page")
    site_subscription = Subscription.objects.get(scope="site")
    soup = BeautifulSoup(page.content, "html.parser")
    for control in soup.select("main select, main input[type=checkbox]"):
        assert soup.find("label", attrs={"for": control["id"]}), control

    response = client.post(
        path, {"action": "save", f"frequency-{page_subscription.pk}": "daily", f"remove-{site_subscription.pk}": "on"}
    )
    assert response.status_code == 302
    assert "Pakeitimai išsaugoti." in text(client.get(response["Location"]))
    page_subscription.refresh_from_db()
    assert page_subscription.frequency == "daily" and page_subscription.confirmed_at is not None
    assert not Subscription.objects.filter(pk=site_subscription.pk).exists()


def test_the_manage_page_refuses_an_unknown_frequency(client, confirmed):
    path = manage_path(confirmed)
    page_subscription = Subscription.objects.get(scope="page")
    response = client.post(path, {"action": "save", f"frequency-{page_subscription.pk}": "hourly"})
    assert response.status_code == 400
    assert "Pasirinkite, kaip dažnai, iš pateiktų galimybių." in text(response)
    page_subscription.refresh_from_db()
    assert page_subscription.frequency == "immediate"


def test_the_manage_page_unsubscribes_from_everything(client, confirmed):
    response = client.post(manage_path(confirmed), {"action": "unsubscribe_all"})
    assert response.status_code == 200
    assert "Prenumeratos atsisakyta" in text(response)
    assert Subscription.objects.count() == 0


def test_the_manage_page_needs_its_csrf_token(confirmed):
    response = Client(enforce_csrf_checks=True).post(manage_path(confirmed), {"action": "unsubscribe_all"})
    assert response.status_code == 403
    assert Subscription.objects.count() == 2


def test_export_gives_the_readers_data_as_json(client, confirmed):
    page = BeautifulSoup(client.get(manage_path(confirmed)).content, "html.parser")
    link = page.find("a", string="Atsisiųsti mano duomenis (JSON)")
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["subscriber"]["email"] == EMAIL and data["subscriber"]["confirmed_at"]
    assert sorted((s["scope"], s["frequency"]) for s in data["subscriptions"]) == [("page", "immediate"), ("site", "weekly")]
    [consent] = data["consents"]
    assert consent["consent_text_version"] == ConsentRecord.objects.get().consent_text_version
    assert len(consent["client_address_sha256"]) == 64


def test_erase_forgets_everything(client, confirmed, mailbox):
    path = manage_path(confirmed)
    page = BeautifulSoup(client.get(path).content, "html.parser")
    erase_path = page.find("a", string="Ištrinti mano duomenis")["href"]
    asked = client.get(erase_path)
    assert asked.status_code == 200 and EMAIL in text(asked)
    assert Subscriber.objects.exists(), "opening the page erases nothing"

    response = client.post(erase_path)
    assert response.status_code == 200
    assert "Jūsų duomenys ištrinti" in text(response)
    assert Subscriber.objects.count() == Subscription.objects.count() == ConsentRecord.objects.count() == 0
    # The old links find nobody, and say so.
    for gone in (client.get(path), client.post(one_click_path(confirmed)), client.get(erase_path)):
        assert gone.status_code == 410
        assert "Ši nuoroda neveikia" in text(gone)
    assert len(mailbox.messages) == 2


def old(days):
    return timezone.now() - timedelta(days=days)


def make_rows(seeded):
    """Readers in every state the purge must tell apart."""
    never = Subscriber.objects.create(email="niekada@example.lt")
    Subscription.objects.create(subscriber=never, scope="site", requested_at=old(8))
    ConsentRecord.objects.create(subscriber=never, client_address_hash="0" * 64, consent_text_version="1")
    Subscriber.objects.filter(pk=never.pk).update(created_at=old(8))

    recent = Subscriber.objects.create(email="neseniai@example.lt")
    Subscription.objects.create(subscriber=recent, scope="site", requested_at=old(6))

    reader = Subscriber.objects.create(email="skaitytojas@example.lt", confirmed_at=old(30))
    kept = Subscription.objects.create(subscriber=reader, scope="site", confirmed_at=old(30), requested_at=old(30))
    Subscription.objects.create(subscriber=reader, scope="page", page=seeded, requested_at=old(9))
    Subscriber.objects.filter(pk=reader.pk).update(created_at=old(30))
    return never, recent, reader, kept


def test_purge_removes_what_stayed_unconfirmed_for_seven_days(seeded):
    never, recent, reader, kept = make_rows(seeded)
    out = StringIO()
    call_command("purge_unconfirmed", stdout=out)
    assert "Purged 2 unconfirmed subscription(s) and 1 subscriber(s)." in out.getvalue()
    assert not Subscriber.objects.filter(pk=never.pk).exists()
    assert not ConsentRecord.objects.filter(subscriber_id=never.pk).exists()
    assert Subscription.objects.filter(subscriber=recent).count() == 1
    assert list(Subscription.objects.filter(subscriber=reader)) == [kept]
    # Nothing is left to purge the second time.
    out = StringIO()
    call_command("purge_unconfirmed", stdout=out)
    assert "Purged 0 unconfirmed subscription(s) and 0 subscriber(s)." in out.getvalue()


def test_purge_as_a_task(seeded):
    never, recent, reader, kept = make_rows(seeded)
    result = purge_unconfirmed.enqueue()
    assert result.return_value == {"subscriptions": 2, "subscribers": 1}
    assert Subscriber.objects.count() == 2


def test_a_renewed_request_is_not_purged_too_early(client, seeded, mailbox):
    """Asking again on day 6 restarts the 7 days of the pending row."""
    assert subscribe(client, seeded).status_code == 302
    Subscription.objects.update(requested_at=old(6))
    Subscriber.objects.update(created_at=old(6))
    assert subscribe(client, seeded).status_code == 302
    Subscription.objects.update(created_at=old(8))
    Subscriber.objects.update(created_at=old(8))
    call_command("purge_unconfirmed", stdout=StringIO())
    assert Subscription.objects.count() == 1
    _first, second = mailbox.to(EMAIL)
    assert client.post(confirm_path(second)).status_code == 200


def test_each_email_carries_links_stamped_when_it_was_sent(confirmed, mailbox, monkeypatch):
    first, second = mailbox.to(EMAIL)
    for message in (first, second):
        assert Client().get(manage_path(message)).status_code == 200
    subscriber = Subscriber.objects.get()
    sent_at = timezone.now() - timedelta(days=1)
    monkeypatch.setattr(links, "signing_time", lambda: sent_at)
    for url in (unsubscribe_url(subscriber), manage_url(subscriber)):
        token = url.rstrip("/").rsplit("/", 1)[1]
        assert signing.b62_decode(token.split(":")[1]) == int(sent_at.timestamp())
    assert Client().get(manage_url(subscriber).removeprefix(SITE_URL)).status_code == 200
