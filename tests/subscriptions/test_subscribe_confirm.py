"""Confirmation links: single use, 7 days, tamper-proof; an expired one lets the reader ask again."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from bilateral.subscriptions.links import unsubscribe_url
from bilateral.subscriptions.models import Subscriber, Subscription
from bilateral.subscriptions.tokens import CONFIRM

from .helpers import SUBSCRIBE_URL, captcha, confirm_path, old_token, subscribe, text
from .subscribe_fixtures import SITE_URL, clean_cache, mailbox, site  # noqa: F401

pytestmark = pytest.mark.django_db

EMAIL = "skaitytojas@example.lt"


@pytest.fixture
def pending(client, seeded, mailbox):
    """A reader who subscribed to the section page (weekly) and got the email."""
    assert subscribe(client, seeded, frequency="weekly").status_code == 302
    [message] = mailbox.to(EMAIL)
    return Subscription.objects.get(), confirm_path(message)


def aged_link(subscription, days):
    token = old_token(
        CONFIRM,
        age=timedelta(days=days).total_seconds(),
        k=subscription.subscriber.link_key,
        n=subscription.confirm_nonce,
        f="weekly",
        c=subscription.scope,
        p=subscription.page_id,
    )
    return reverse("subscriptions:confirm", kwargs={"token": token})


def test_a_confirmation_link_works_once(client, pending, mailbox):
    subscription, path = pending
    assert client.post(path).status_code == 200
    subscription.refresh_from_db()
    confirmed_at = subscription.confirmed_at
    assert confirmed_at is not None

    for second_use in (client.post(path), client.get(path)):
        assert second_use.status_code == 410
        assert "Ši nuoroda jau panaudota" in text(second_use)
    subscription.refresh_from_db()
    assert subscription.confirmed_at == confirmed_at
    assert len(mailbox.messages) == 1


def test_a_link_of_six_days_still_works(client, pending):
    subscription, _path = pending
    response = client.get(aged_link(subscription, days=6))
    assert response.status_code == 200
    assert "Patvirtinti prenumeratą" in text(response)


def test_an_expired_link_says_so_and_offers_to_send_a_new_one(client, seeded, pending, mailbox):
    subscription, _path = pending
    path = aged_link(subscription, days=8)

    refused = client.post(path)
    assert refused.status_code == 410
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    page = client.get(path)
    assert page.status_code == 410
    assert "Nuorodos galiojimas baigėsi" in text(page)
    assert "Paprašykite naujos žemiau" in text(page)
    form = BeautifulSoup(page.content, "html.parser").find("form", attrs={"action": SUBSCRIBE_URL})
    # The form to ask again is filled in with what the reader asked for.
    assert form.find("input", attrs={"name": "email"})["value"] == EMAIL
    assert form.find("input", attrs={"name": "scope", "checked": True})["value"] == "page"
    assert form.find("input", attrs={"name": "frequency", "checked": True})["value"] == "weekly"
    assert form.find("input", attrs={"name": "page"})["value"] == str(seeded.pk)

    fields = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("type") not in ("radio", "checkbox")}
    fields.update(scope="page", frequency="weekly", consent="on", captcha=captcha(client))
    assert client.post(SUBSCRIBE_URL, fields).status_code == 302
    _first, second = mailbox.to(EMAIL)
    new_path = confirm_path(second)
    assert client.post(new_path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert Subscription.objects.count() == 1


def test_a_link_whose_subscription_was_purged_offers_a_new_one(client, pending):
    subscription, path = pending
    subscription.delete()
    response = client.get(path)
    assert response.status_code == 410
    assert "Nuorodos galiojimas baigėsi" in text(response)


def tamper(path):
    token = path.rstrip("/").rsplit("/", 1)[1]
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    return path.replace(token, flipped)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_link_is_refused(client, pending, method):
    subscription, path = pending
    for bad in (tamper(path), "/prenumerata/patvirtinti/not-a-token/", "/prenumerata/patvirtinti/%0D%0A/"):
        response = getattr(client, method)(bad)
        assert response.status_code == 400, bad
        assert "Ši nuoroda neteisinga" in text(response)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_a_link_for_another_purpose_does_not_confirm(client, pending):
    subscription, _path = pending
    unsubscribe_token = unsubscribe_url(subscription.subscriber).rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("subscriptions:confirm", kwargs={"token": unsubscribe_token}))
    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_a_link_for_an_address_that_was_erased_and_subscribed_again_does_not_confirm(client, seeded, pending, mailbox):
    """The token names the subscriber by their random key: a new subscriber of the same address has another."""
    subscription, path = pending
    subscription.subscriber.delete()
    assert subscribe(client, seeded, frequency="weekly").status_code == 302
    response = client.post(path)
    assert response.status_code == 410
    assert Subscription.objects.get().confirmed_at is None
    _first, second = mailbox.to(EMAIL)
    assert client.post(confirm_path(second)).status_code == 200


def test_revoking_every_link_revokes_the_confirmation_link(client, pending):
    subscription, path = pending
    subscription.subscriber.rotate_link_key()
    assert client.post(path).status_code == 410
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()
    assert Subscriber.objects.count() == 1


def test_the_confirmation_email_links_are_absolute_and_from_site_url(pending, mailbox):
    [message] = mailbox.to(EMAIL)
    plain = message.get_body(preferencelist=("plain",)).get_content()
    assert f"{SITE_URL}/prenumerata/patvirtinti/" in plain
    assert f"{SITE_URL}/prenumerata/tvarkyti/" in plain
    assert f"{SITE_URL}/prenumerata/atsisakyti/" in plain
