"""The links in our emails: opaque (a random key, no id or hash of the address), manage links for 7
days, unsubscribe links for a year, all revoked by erasure or a new key; "send me a new link" says
nothing about whether an address is subscribed; List-Unsubscribe offers a mailto: only if one is read."""

import hashlib
import json
import zlib
from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bilateral.subscriptions import links
from bilateral.subscriptions.mail import send_manage_link
from bilateral.subscriptions.models import SITE, Subscriber, Subscription
from bilateral.subscriptions.privacy import erase

from .helpers import manage_path, old_token, text
from .subscribe_fixtures import SITE_URL, clean_cache, mailbox, site  # noqa: F401

pytestmark = pytest.mark.django_db

EMAIL = "skaitytojas@example.lt"
NEW_LINK_URL = "/prenumerata/nauja-nuoroda/"


@pytest.fixture
def reader(site):
    subscriber = Subscriber.objects.create(email=EMAIL, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, scope=SITE, confirmed_at=timezone.now())
    return subscriber


def token_of(url):
    return url.rstrip("/").rsplit("/", 1)[1]


def readable_part(token):
    """What anyone who holds the link can read: the payload before the signature, decoded."""
    data = token.split(":")[0]
    raw = signing.b64_decode(data.lstrip(".").encode())
    return json.loads(zlib.decompress(raw) if data.startswith(".") else raw)


def sent(days, monkeypatch):
    """Links made from now on are stamped `days` ago, as if their email had been sent then."""
    at = timezone.now() - timedelta(days=days)
    monkeypatch.setattr(links, "signing_time", lambda: at)


def path_of(url):
    return url.removeprefix(SITE_URL)


def test_a_link_carries_a_random_key_and_nothing_about_the_subscriber(reader):
    other = Subscriber.objects.create(email="kitas@example.lt")
    address_digests = [
        getattr(hashlib, name)(EMAIL.encode()).hexdigest()[:16] for name in ("sha256", "sha1", "md5")
    ]
    for url in (links.manage_url(reader), links.unsubscribe_url(reader)):
        token = token_of(url)
        payload = readable_part(token)
        assert payload == {"k": reader.link_key}, payload
        assert len(signing.b64_decode(reader.link_key.encode())) == 16, "128 random bits"
        assert not any(digest in token for digest in address_digests)
        assert EMAIL not in token and EMAIL.split("@")[0] not in json.dumps(payload)
    # Keys of subscribers made one after the other have nothing in common.
    assert other.link_key != reader.link_key and other.link_key[:8] != reader.link_key[:8]


def test_a_confirmation_link_names_the_key_and_what_was_asked_for_only(site):
    pending = Subscriber.objects.create(email="naujas@example.lt")
    wish = Subscription.objects.create(subscriber=pending, scope=SITE, confirm_nonce="f" * 32)
    payload = readable_part(token_of(links.confirm_url(wish)))
    assert set(payload) == {"k", "n", "f", "c", "p"} and payload["k"] == pending.link_key
    assert str(pending.pk) not in json.dumps(payload).replace(pending.link_key, "")


def test_a_manage_link_works_for_seven_days(client, reader, monkeypatch):
    sent(6.9, monkeypatch)
    path = path_of(links.manage_url(reader))
    assert client.get(path).status_code == 200
    assert client.get(reverse("subscriptions:export", kwargs={"token": token_of(path)})).status_code == 200


def test_a_manage_link_older_than_seven_days_is_refused_with_a_form_for_a_new_one(client, reader, monkeypatch):
    sent(7.01, monkeypatch)
    path = path_of(links.manage_url(reader))
    token = token_of(path)
    for response in (
        client.get(path),
        client.post(path, {"action": "unsubscribe_all"}),
        client.get(reverse("subscriptions:export", kwargs={"token": token})),
        client.post(reverse("subscriptions:erase", kwargs={"token": token})),
    ):
        assert response.status_code == 410
        page = text(response)
        assert "Nuorodos galiojimas baigėsi" in page
        assert "Nuorodos prenumeratoms tvarkyti galioja 7 dienas" in page
        form = BeautifulSoup(response.content, "html.parser").find("form", attrs={"action": NEW_LINK_URL})
        assert form.find("input", attrs={"name": "email"}) is not None
        assert form.find("button").get_text(strip=True) == "Atsiųskite man naują nuorodą"
    assert Subscriber.objects.filter(pk=reader.pk).exists() and reader.subscriptions.count() == 1


def test_an_unsubscribe_link_works_for_a_year(reader, monkeypatch):
    sent(300, monkeypatch)
    response = Client(enforce_csrf_checks=True).post(path_of(links.unsubscribe_url(reader)))
    assert response.status_code == 200
    assert "Prenumeratos atsisakyta" in text(response)
    assert reader.subscriptions.count() == 0


def test_an_unsubscribe_link_older_than_a_year_is_refused(client, reader, monkeypatch):
    sent(366, monkeypatch)
    path = path_of(links.unsubscribe_url(reader))
    for response in (Client(enforce_csrf_checks=True).post(path), client.get(path)):
        assert response.status_code == 410
        assert "Atsisakymo nuorodos galioja metus" in text(response)
    assert reader.subscriptions.count() == 1


def test_revoking_every_link_on_the_manage_page(client, reader, mailbox):
    manage = path_of(links.manage_url(reader))
    unsubscribe = path_of(links.unsubscribe_url(reader))
    old_key = reader.link_key
    response = client.post(manage, {"action": "sign_out"})
    assert response.status_code == 200
    assert "Visos nuorodos atšauktos" in text(response)
    reader.refresh_from_db()
    assert reader.link_key != old_key
    for path in (manage, unsubscribe):
        refused = client.get(path)
        assert refused.status_code == 410 and "Ši nuoroda neveikia" in text(refused)
    assert Client().post(unsubscribe).status_code == 410
    assert reader.subscriptions.count() == 1, "revoking links changes no subscription"
    # Links made now work.
    assert client.get(path_of(links.manage_url(reader))).status_code == 200


def test_an_operator_revokes_links_with_a_command(client, reader):
    manage = path_of(links.manage_url(reader))
    other = Subscriber.objects.create(email="kitas@example.lt")
    others_link = path_of(links.manage_url(other))
    out = StringIO()
    call_command("revoke_links", EMAIL.upper(), stdout=out)
    assert "Revoked the links of 1 subscriber(s)." in out.getvalue()
    assert client.get(manage).status_code == 410
    assert client.get(others_link).status_code == 200
    call_command("revoke_links", "--all", stdout=out)
    assert client.get(others_link).status_code == 410


def test_an_old_link_after_erasure_is_refused_even_for_a_new_subscriber_of_the_address(client, reader):
    manage = path_of(links.manage_url(reader))
    unsubscribe = path_of(links.unsubscribe_url(reader))
    erase(reader)
    again = Subscriber.objects.create(email=EMAIL, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=again, scope=SITE, confirmed_at=timezone.now())
    for path in (manage, unsubscribe):
        assert client.get(path).status_code == 410
    assert Client().post(unsubscribe).status_code == 410
    assert again.subscriptions.count() == 1


def ask_for_a_new_link(email):
    client = Client()
    response = client.post(NEW_LINK_URL, {"email": email})
    return response, client.get(response["Location"]) if response.status_code == 302 else None


def test_a_new_link_is_asked_for_by_address_and_the_answer_never_tells_who_is_subscribed(reader, mailbox):
    known, known_page = ask_for_a_new_link(EMAIL)
    unknown, unknown_page = ask_for_a_new_link("nezinomas@example.lt")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert known_page.status_code == unknown_page.status_code == 200
    assert known_page.content == unknown_page.content
    assert "Jei šiuo adresu užsiprenumeruota, išsiuntėme jam naują nuorodą" in text(known_page)

    [message] = mailbox.messages
    assert message["to"] == [EMAIL]
    email = message["message"]
    assert str(email["Subject"]).strip() == "Jūsų nuoroda naujienlaiškio prenumeratai tvarkyti"
    page = Client().get(manage_path(email))
    assert page.status_code == 200 and "Mano prenumeratos" in text(page)


def test_the_new_link_form_is_rate_limited_the_same_for_any_address(reader, mailbox, settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"address": (2, 3600)}
    client = Client()
    assert client.post(NEW_LINK_URL, {"email": EMAIL}).status_code == 302
    assert client.post(NEW_LINK_URL, {"email": "nezinomas@example.lt"}).status_code == 302
    for email in (EMAIL, "nezinomas@example.lt"):
        refused = client.post(NEW_LINK_URL, {"email": email})
        assert refused.status_code == 429
        assert "Iš jūsų tinklo gauta per daug užklausų" in text(refused)
    assert len(mailbox.messages) == 1


def test_the_same_address_gets_at_most_three_new_links_a_day(reader, mailbox):
    for _attempt in range(5):
        response, _page = ask_for_a_new_link(EMAIL)
        assert response.status_code == 302
    assert len(mailbox.to(EMAIL)) == 3


def test_the_new_link_form_explains_a_bad_address(client):
    response = client.post(NEW_LINK_URL, {"email": "ne-adresas"})
    assert response.status_code == 400
    assert "Įveskite tinkamo formato el. pašto adresą" in text(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".govuk-error-summary a")["href"] == "#new-link-email"
    assert soup.find("label", attrs={"for": "new-link-email"})


def test_the_expired_page_form_sends_a_working_link(client, reader, mailbox, monkeypatch):
    sent(8, monkeypatch)
    expired = client.get(path_of(links.manage_url(reader)))
    monkeypatch.undo()
    form = BeautifulSoup(expired.content, "html.parser").find("form", attrs={"action": NEW_LINK_URL})
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(form["action"], {"csrfmiddlewaretoken": token, "email": EMAIL})
    assert response.status_code == 302
    [message] = mailbox.to(EMAIL)
    assert client.get(manage_path(message)).status_code == 200


def unsubscribe_header(message):
    return str(message["List-Unsubscribe"]).strip()


def test_list_unsubscribe_offers_only_the_https_address_when_no_mailbox_is_read(reader, mailbox, settings):
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = ""
    send_manage_link(reader)
    [message] = mailbox.to(EMAIL)
    header = unsubscribe_header(message)
    assert header.startswith(f"<{SITE_URL}/prenumerata/atsisakyti/") and header.endswith("/>")
    assert "mailto:" not in header and "noreply" not in header
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_list_unsubscribe_adds_the_mailto_that_is_read(reader, mailbox, settings):
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = "atsisakyti@bilateral.example"
    send_manage_link(reader)
    [message] = mailbox.to(EMAIL)
    https, mailto = unsubscribe_header(message).split(", ")
    assert https.startswith(f"<{SITE_URL}/prenumerata/atsisakyti/")
    assert mailto == "<mailto:atsisakyti@bilateral.example?subject=unsubscribe>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def old_style_token(purpose, subscriber, age_days):
    """A link as emails carried it before link keys: the id and a plain hash of the address."""
    tag = hashlib.sha256(subscriber.email.encode()).hexdigest()[:16]
    return old_token(purpose, age=timedelta(days=age_days).total_seconds(), s=subscriber.pk, e=tag)


def test_the_unsubscribe_link_of_an_email_sent_before_link_keys_still_works(reader):
    token = old_style_token("unsubscribe", reader, age_days=700)
    response = Client(enforce_csrf_checks=True).post(reverse("subscriptions:unsubscribe", kwargs={"token": token}))
    assert response.status_code == 200
    assert reader.subscriptions.count() == 0


def test_a_manage_link_of_an_email_sent_before_link_keys_counts_as_expired(client, reader):
    token = old_style_token("manage", reader, age_days=1)
    response = client.get(reverse("subscriptions:manage", kwargs={"token": token}))
    assert response.status_code == 410
    assert "Nuorodos prenumeratoms tvarkyti galioja 7 dienas" in text(response)
    other = Subscriber.objects.create(email="kitas@example.lt")
    forged = old_token("unsubscribe", age=0, s=other.pk, e=hashlib.sha256(EMAIL.encode()).hexdigest()[:16])
    assert Client().post(reverse("subscriptions:unsubscribe", kwargs={"token": forged})).status_code == 410
