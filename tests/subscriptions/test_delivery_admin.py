"""The subscriptions admin: counts per page and country, the outbox by status, who may see and re-send."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from bilateral.pages.models import CountryPage, MajorChange
from bilateral.subscriptions.models import COUNTRY, DAILY, IMMEDIATE, PAGE, SITE, WEEKLY, Subscriber
from bilateral.subscriptions.outbox_models import ALERT, FAILED, PENDING, SENT, OutboxMessage

from .delivery_support import follow, publish_major

pytestmark = pytest.mark.django_db


def reader(email):
    return Subscriber.objects.create(email=email, confirmed_at=timezone.now())


def counts(row):
    return [int(cell.get_text()) for cell in row.find_all("td")]


@pytest.fixture
def editor(django_user_model):
    """Someone who may use the Wagtail admin, with no subscriptions permission yet."""
    user = django_user_model.objects.create_user("redaktore", password="slaptas-123")
    group = Group.objects.create(name="Prenumeratų testas")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def grant(user, *codenames):
    group = user.groups.get()
    group.permissions.add(*Permission.objects.filter(content_type__app_label="subscriptions", codename__in=codenames))


def test_the_report_counts_confirmed_subscriptions_per_page_country_and_portal(seeded, admin_client):
    country = CountryPage.objects.ancestor_of(seeded).get()
    for index in range(2):
        follow(reader(f"page{index}@example.com"), PAGE, IMMEDIATE, page=seeded)
    follow(reader("pagedaily@example.com"), PAGE, DAILY, page=seeded)
    follow(reader("country@example.com"), COUNTRY, WEEKLY, country_page=country)
    follow(reader("site@example.com"), SITE, DAILY)
    follow(Subscriber.objects.create(email="pending@example.com"), PAGE, page=seeded, confirmed=False)

    soup = BeautifulSoup(admin_client.get(reverse("subscriptions_report")).content, "html.parser")

    page_row = soup.find("tr", attrs={"data-scope": "page", "data-page": str(seeded.pk)})
    assert counts(page_row) == [2, 1, 0, 3]  # at once, daily, weekly, total: the unconfirmed is not counted
    assert "Baltarusija – Politinis bendradarbiavimas" in page_row.th.get_text()
    assert counts(soup.find("tr", attrs={"data-scope": "country", "data-page": str(country.pk)})) == [0, 0, 1, 1]
    assert counts(soup.find("tr", attrs={"data-scope": "site"})) == [0, 1, 0, 1]
    assert "1 prenumerata laukia patvirtinimo" in soup.get_text()


def test_the_outbox_view_counts_by_status(seeded, admin_client):
    change = MajorChange.objects.get(revision=publish_major(seeded, "Būsenos"))
    for index, status in enumerate([SENT, SENT, PENDING, FAILED]):
        OutboxMessage.objects.create(
            kind=ALERT, subscriber=reader(f"r{index}@example.com"), change=change, frequency=IMMEDIATE,
            status=status, last_error="SMTPRecipientsRefused: 550" if status == FAILED else "",
        )
    soup = BeautifulSoup(admin_client.get(reverse("subscriptions_outbox")).content, "html.parser")
    assert counts(soup.find("tr", attrs={"data-status": SENT})) == [2, 0, 2]
    assert counts(soup.find("tr", attrs={"data-status": PENDING})) == [1, 0, 1]
    failed = soup.find("table", id="outbox-failed")
    assert "r3@example.com" in failed.get_text() and "SMTPRecipientsRefused: 550" in failed.get_text()


def test_resend_all_puts_every_failed_row_back(seeded, admin_client, django_capture_on_commit_callbacks):
    change = MajorChange.objects.get(revision=publish_major(seeded, "Visi"))
    for index in range(3):
        OutboxMessage.objects.create(
            kind=ALERT, subscriber=reader(f"f{index}@example.com"), change=change, frequency=IMMEDIATE,
            status=FAILED, attempts=3,
        )
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(reverse("subscriptions_outbox"), {"all": "1"}, follow=True)
    assert "3 laiškai bus išsiųsti dar kartą." in response.content.decode()
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(PENDING, 0)}
    assert len(callbacks) == 1  # the delivery task is enqueued once the rows are committed


def denied(response):
    """Wagtail answers a PermissionDenied in its admin by sending the user back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_the_views_are_for_superusers_or_those_given_the_permission(client, editor, seeded):
    report, outbox = reverse("subscriptions_report"), reverse("subscriptions_outbox")
    anonymous = client.get(outbox)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("wagtailadmin_login"))
    client.force_login(editor)
    assert denied(client.get(report))
    assert denied(client.get(outbox))
    assert "subscriptions_outbox" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert outbox not in client.get(reverse("wagtailadmin_home")).content.decode()

    grant(editor, "view_subscriber", "view_outboxmessage")
    assert client.get(report).status_code == 200
    assert client.get(outbox).status_code == 200
    assert outbox in client.get(reverse("wagtailadmin_home")).content.decode()
    assert denied(client.post(outbox, {"all": "1"}))  # seeing is not re-sending

    grant(editor, "change_outboxmessage")
    assert client.post(outbox, {"all": "1"}).url == outbox
