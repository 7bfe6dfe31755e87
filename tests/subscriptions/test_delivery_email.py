"""The alert email as the SMTP server receives it: Lithuanian, plain text and HTML, absolute links,
List-Unsubscribe headers, the manage link and the Message-ID of its outbox row."""

import pytest
from django.conf import settings
from django.utils import timezone

from bilateral.pages.models import MajorChange
from bilateral.subscriptions import links
from bilateral.subscriptions.delivery import deliver_due
from bilateral.subscriptions.fanout import fan_out_change
from bilateral.subscriptions.models import PAGE, SITE, Subscriber, Subscription
from bilateral.subscriptions.outbox_models import CANCELLED, SENT, OutboxMessage

from .delivery_support import follow, publish_major, smtp  # noqa: F401

pytestmark = pytest.mark.django_db

PAGE_PATH = "/salys/baltarusija/politinis-bendradarbiavimas/"
NOTE = "Papildyta 2024 m. vizitų chronologija."


@pytest.fixture(autouse=True)
def one_signing_time(monkeypatch):
    """Links carry the time they were made: these tests make a reader's links again to compare them."""
    now = timezone.now()
    monkeypatch.setattr(links, "signing_time", lambda: now)


def header(message, name):
    # Django folds a long or encoded header right after the colon; unfolded, the value starts with a space.
    return str(message[name]).strip()


def parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_the_alert_as_the_smtp_server_receives_it(seeded, smtp, django_capture_on_commit_callbacks):
    reader = Subscriber.objects.create(email="skaitytoja@example.com", confirmed_at=timezone.now(), language="lt")
    follow(reader, PAGE, page=seeded)

    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_major(seeded, NOTE)

    [message] = smtp.to("skaitytoja@example.com")
    assert len(smtp.messages) == 1
    row = OutboxMessage.objects.get(subscriber=reader)
    change = MajorChange.objects.get(revision=revision)
    assert row.status == SENT and row.change == change and row.attempts == 1 and row.sent_at

    assert header(message, "Subject") == "Atnaujinta: Baltarusija – Politinis bendradarbiavimas"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert header(message, "Message-ID") == row.message_id
    headers = links.list_unsubscribe_headers(reader)
    assert header(message, "List-Unsubscribe") == headers["List-Unsubscribe"]
    assert header(message, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"

    text, html = parts(message)
    page_url = settings.SITE_URL + PAGE_PATH
    stamp = timezone.localtime(change.published_at).strftime("%Y.%m.%d %H:%M")
    assert "Atnaujintas puslapis „Baltarusija – Politinis bendradarbiavimas“." in text
    assert NOTE in text
    assert f"Paskelbta: {stamp}" in text
    assert f"Skaityti puslapį: {page_url}" in text
    assert links.manage_url(reader) in text
    assert links.unsubscribe_url(reader) in text
    assert links.manage_url(reader).startswith(settings.SITE_URL + "/prenumerata/")

    assert '<html lang="lt">' in html
    assert f'<a href="{page_url}"' in html
    assert f'href="{links.manage_url(reader)}"' in html
    assert f'href="{links.unsubscribe_url(reader)}"' in html
    assert NOTE in html and stamp in html


def test_a_reader_who_subscribed_in_english_gets_english(seeded, smtp, django_capture_on_commit_callbacks):
    reader = Subscriber.objects.create(email="reader@example.com", confirmed_at=timezone.now(), language="en")
    follow(reader, SITE)
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, NOTE)
    [message] = smtp.to("reader@example.com")
    assert header(message, "Subject") == "Updated: Baltarusija – Politinis bendradarbiavimas"
    text, html = parts(message)
    assert "Read the page: " in text and '<html lang="en">' in html
    assert "/en/subscribe/" in links.manage_url(reader) and links.manage_url(reader) in text


def test_html_escapes_the_note_and_text_keeps_it(seeded, smtp, django_capture_on_commit_callbacks):
    reader = Subscriber.objects.create(email="x@example.com", confirmed_at=timezone.now())
    follow(reader, SITE)
    with django_capture_on_commit_callbacks(execute=True):
        publish_major(seeded, "Sienos <b>ruožas</b> & punktai")
    text, html = parts(smtp.to("x@example.com")[0])
    assert "Sienos <b>ruožas</b> & punktai" in text
    assert "Sienos &lt;b&gt;ruožas&lt;/b&gt; &amp; punktai" in html


def test_a_reader_who_unsubscribed_before_delivery_gets_nothing(seeded, smtp):
    reader = Subscriber.objects.create(email="gone@example.com", confirmed_at=timezone.now())
    follow(reader, SITE)
    change = MajorChange.objects.get(revision=publish_major(seeded, NOTE))
    fan_out_change(change.pk)
    Subscription.objects.filter(subscriber=reader).delete()

    tally = deliver_due()

    assert (tally.sent, tally.cancelled) == (0, 1)
    assert OutboxMessage.objects.get(subscriber=reader).status == CANCELLED
    assert smtp.messages == []


def test_readers_of_one_change_each_get_their_own_address_links_and_message_id(seeded, smtp):
    # An alert is encoded once per change and language; each reader's parts must still be theirs alone.
    readers = [
        Subscriber.objects.create(email=f"skaitytojas{number}@example.com", confirmed_at=timezone.now(), language=language)
        for number, language in enumerate(["lt", "lt", "en", "lt"])
    ]
    for reader in readers:
        follow(reader, SITE)
    change = MajorChange.objects.get(revision=publish_major(seeded, NOTE))
    fan_out_change(change.pk)

    assert deliver_due(batch_size=10).sent == 4

    bodies = {}
    for reader in readers:
        [message] = smtp.to(reader.email)
        row = OutboxMessage.objects.get(subscriber=reader)
        assert message["To"] == reader.email
        assert header(message, "Message-ID") == row.message_id
        assert header(message, "List-Unsubscribe") == links.list_unsubscribe_headers(reader)["List-Unsubscribe"]
        text, html = parts(message)
        for other in readers:
            for link in (links.manage_url(other), links.unsubscribe_url(other)):
                assert (link in text) == (other == reader) and (f'href="{link}"' in html) == (other == reader)
        own = (links.manage_url(reader), links.unsubscribe_url(reader))
        bodies.setdefault(reader.language, set()).add(text.replace(own[0], "").replace(own[1], ""))
    assert {language: len(texts) for language, texts in bodies.items()} == {"lt": 1, "en": 1}
    assert "placeholder" not in "".join(text for texts in bodies.values() for text in texts)
