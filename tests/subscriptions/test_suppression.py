"""Bounces and complaints: the email service's signed webhook (Mailgun's, through django-anymail)
suppresses an address; a forged one is refused; a suppressed address is never mailed again, not by
the real delivery path, not after its subscriber is erased (a keyed hash is all that is kept)."""

import base64
import hashlib
import hmac
import json
import time
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from bilateral.pages.models import MajorChange
from bilateral.settings.base import anymail_settings
from bilateral.subscriptions.delivery import deliver_due
from bilateral.subscriptions.fanout import fan_out_change
from bilateral.subscriptions.models import SITE, Subscriber, Subscription, Suppression
from bilateral.subscriptions.outbox_models import CANCELLED, SENT, OutboxMessage
from bilateral.subscriptions.privacy import erase

from .delivery_support import follow, publish_major, smtp  # noqa: F401
from .helpers import subscribe
from .subscribe_fixtures import clean_cache, mailbox, site  # noqa: F401

pytestmark = pytest.mark.django_db

EMAIL = "skaitytojas@example.lt"
SIGNING_KEY = "mailgun-webhook-signing-key-for-tests"
BASIC_AUTH = "bilateral:webhook-password"
WEBHOOK = "/anymail/mailgun/tracking/"


@pytest.fixture
def mailgun(settings):
    settings.ANYMAIL_ESP = "mailgun"
    settings.ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY = SIGNING_KEY
    settings.ANYMAIL_WEBHOOK_SECRET = BASIC_AUTH


@pytest.fixture
def reader(db):
    subscriber = Subscriber.objects.create(email=EMAIL, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, scope=SITE, confirmed_at=timezone.now())
    return subscriber


def mailgun_event(event, recipient=EMAIL, key=SIGNING_KEY, **data):
    """A webhook body as Mailgun signs it: HMAC-SHA256 of timestamp + token with the signing key."""
    timestamp, token = str(int(time.time())), uuid.uuid4().hex
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {
            "event": event,
            "recipient": recipient,
            "timestamp": time.time(),
            "id": uuid.uuid4().hex,
            "message": {"headers": {"message-id": "20261202.1@bilateral.example"}},
            **data,
        },
    }


def post(client, body, auth=BASIC_AUTH):
    headers = {}
    if auth:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    return client.post(WEBHOOK, json.dumps(body), content_type="application/json", **headers)


def hard_bounce(**overrides):
    return mailgun_event(
        "failed",
        severity="permanent",
        reason="bounce",
        **{"delivery-status": {"code": 550, "message": "5.1.1 No such user", "description": ""}},
        **overrides,
    )


def test_a_signed_hard_bounce_suppresses_the_address(client, mailgun, reader):
    response = post(client, hard_bounce())
    assert response.status_code == 200
    suppression = Suppression.objects.get()
    assert suppression.subscriber == reader and suppression.reason == Suppression.BOUNCE
    assert suppression.provider == "Mailgun"
    # The same event again (services retry) changes nothing.
    assert post(client, hard_bounce()).status_code == 200
    assert Suppression.objects.count() == 1


def test_a_signed_complaint_suppresses_the_address(client, mailgun, reader):
    assert post(client, mailgun_event("complained")).status_code == 200
    assert Suppression.objects.get().reason == Suppression.COMPLAINT


def test_a_soft_bounce_or_a_delivery_suppresses_nothing(client, mailgun, reader):
    assert post(client, mailgun_event("failed", severity="temporary", reason="generic")).status_code == 200
    assert post(client, mailgun_event("delivered")).status_code == 200
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    "body, auth",
    [
        (lambda: hard_bounce() | {"signature": {**hard_bounce()["signature"], "signature": "0" * 64}}, BASIC_AUTH),
        (lambda: mailgun_event("failed", key="someone-elses-key", severity="permanent"), BASIC_AUTH),
        (lambda: hard_bounce(), "bilateral:wrong-password"),
        (lambda: hard_bounce(), None),
    ],
    ids=["bad-signature", "signed-with-another-key", "wrong-password", "no-password"],
)
def test_a_forged_webhook_is_refused(client, mailgun, reader, body, auth):
    response = post(client, body(), auth=auth)
    assert response.status_code == 400
    assert not Suppression.objects.exists()


def test_only_the_configured_service_has_a_webhook(client, mailgun, reader, settings):
    response = client.post("/anymail/postmark/tracking/", "{}", content_type="application/json")
    assert response.status_code == 404
    settings.ANYMAIL_ESP = ""
    assert post(client, hard_bounce()).status_code == 404
    assert not Suppression.objects.exists()


def test_a_suppressed_address_is_not_mailed_by_the_delivery_path(client, mailgun, seeded, smtp):
    kept = Subscriber.objects.create(email="kitas@example.lt", confirmed_at=timezone.now())
    bounced = Subscriber.objects.create(email=EMAIL, confirmed_at=timezone.now())
    late = Subscriber.objects.create(email="veliau@example.lt", confirmed_at=timezone.now())
    for subscriber in (kept, bounced, late):
        follow(subscriber, SITE)
    assert post(client, hard_bounce()).status_code == 200

    change = MajorChange.objects.get(revision=publish_major(seeded, "Papildyta."))
    fan_out_change(change.pk)
    assert not OutboxMessage.objects.filter(subscriber=bounced).exists(), "the fan-out skips it"
    # An address that complains after its row was written: the delivery skips it.
    assert post(client, mailgun_event("complained", recipient="veliau@example.lt")).status_code == 200

    tally = deliver_due()

    assert (tally.sent, tally.cancelled) == (1, 1)
    assert [entry["to"] for entry in smtp.messages] == [["kitas@example.lt"]]
    assert OutboxMessage.objects.get(subscriber=kept).status == SENT
    row = OutboxMessage.objects.get(subscriber=late)
    assert row.status == CANCELLED and "bounced or complained" in row.last_error


def test_after_erasure_only_a_keyed_hash_is_kept_and_a_new_subscription_is_ignored(
    client, mailgun, seeded, reader, mailbox
):
    assert post(client, hard_bounce()).status_code == 200
    erase(reader)
    suppression = Suppression.objects.get()
    assert suppression.subscriber is None
    stored = json.dumps([str(value) for value in Suppression.objects.values_list().get()])
    assert EMAIL not in stored and EMAIL.split("@")[0] not in stored
    assert hashlib.sha256(EMAIL.encode()).hexdigest() not in stored, "keyed, not a plain hash"

    response = subscribe(client, seeded, email=EMAIL)
    assert response.status_code == 302 and response["Location"] == "/prenumerata/issiusta/", "the same answer"
    assert mailbox.messages == []
    assert not Subscriber.objects.filter(email=EMAIL).exists()
    # Another address still subscribes as usual.
    assert subscribe(client, seeded, email="kitas@example.lt").status_code == 302
    assert len(mailbox.to("kitas@example.lt")) == 1


def test_the_admin_lists_suppressed_addresses(client, mailgun, reader, admin_client):
    assert post(client, hard_bounce()).status_code == 200
    assert post(client, mailgun_event("complained", recipient="pamirstas@example.lt")).status_code == 200
    page = admin_client.get(reverse("subscriptions_suppressed"))
    assert page.status_code == 200
    rows = BeautifulSoup(page.content, "html.parser").select("#suppressed tbody tr")
    cells = [[" ".join(td.get_text(" ").split()) for td in row.find_all("td")] for row in rows]
    assert [row[0] for row in cells][1] == EMAIL
    assert cells[0][0].startswith("adresas nesaugomas (tik jo maiša)")
    assert {row[1] for row in cells} == {"Laiškas negrįžtamai nepristatytas", "Skundas (pažymėta kaip šlamštas)"}


def test_the_admin_list_is_for_those_given_the_permission(client, mailgun, reader):
    from django.contrib.auth.models import Permission, User

    editor = User.objects.create_user("redaktorius", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("subscriptions_suppressed")).status_code in (302, 403)
    editor.user_permissions.add(Permission.objects.get(codename="view_suppression"))
    editor = User.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(reverse("subscriptions_suppressed")).status_code == 200


def test_the_email_service_settings():
    environ = {"ANYMAIL_MAILGUN_API_KEY": "key", "ANYMAIL_WEBHOOK_SECRET": BASIC_AUTH, "PATH": "/bin"}
    values = anymail_settings("mailgun", environ)
    assert values["EMAIL_BACKEND"] == "anymail.backends.mailgun.EmailBackend"
    assert values["ANYMAIL_MAILGUN_API_KEY"] == "key" and "PATH" not in values
    assert anymail_settings("", environ) == {"ANYMAIL_ESP": ""}
    with pytest.raises(ImproperlyConfigured, match="ANYMAIL_WEBHOOK_SECRET"):
        anymail_settings("mailgun", {"ANYMAIL_MAILGUN_API_KEY": "key"})
    with pytest.raises(ImproperlyConfigured, match="no email service"):
        anymail_settings("nosuchservice", environ)
