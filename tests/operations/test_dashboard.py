"""The admin dashboard's "Needs attention" panel (bilateral/operations/dashboard.py): fact warnings
with links to their pages, emails that could not be sent; from stored numbers, in a few queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from bilateral.operations.dashboard import AttentionPanel
from bilateral.subscriptions.models import DAILY, Subscriber
from bilateral.subscriptions.outbox_models import DIGEST, FAILED, OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    caches["default"].clear()  # the cache table outlives each test's rollback


def failed_rows(count):
    for index in range(count):
        subscriber = Subscriber.objects.create(email=f"dingo{index}@example.lt", confirmed_at=timezone.now())
        OutboxMessage.objects.create(kind=DIGEST, subscriber=subscriber, frequency=DAILY,
                                     period_start=datetime.date(2026, 1, 1), status=FAILED)


def panel(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return soup.find(id="bilateral-attention-section")


def edit_links(found):
    return {link["href"] for link in found.find_all("a") if "/edit/" in link["href"]}


def test_an_administrator_sees_fact_warnings_with_their_pages_and_failed_emails(seeded, admin_client):
    translations = seeded.get_translations()
    failed_rows(2)

    found = panel(admin_client)

    text = " ".join(found.get_text().split())
    assert "3 faktų patikros įspėjimai:" in text  # the seed's marks slip, in Lithuanian, English and Polish
    assert edit_links(found) == {
        reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in [seeded, *translations]
    }
    outbox = found.find("a", href=reverse("subscriptions_outbox"))
    assert " ".join(outbox.get_text().split()) == "Nepavyko išsiųsti 2 laiškų"


def test_no_failed_emails_are_not_mentioned(seeded, admin_client):
    assert panel(admin_client).find("a", href=reverse("subscriptions_outbox")) is None


def test_a_new_revision_has_the_warnings_counted_again(seeded, admin_client):
    assert "3 faktų patikros įspėjimai:" in panel(admin_client).get_text()
    page = type(seeded).objects.get(pk=seeded.pk)
    for block in page.body:
        if block.block_type == "demarcation":
            block.value["marks_declared_total"] = 1798
    page.save_revision().publish()  # the Lithuanian page fixed, and with it its translations (same facts)

    found = panel(admin_client)
    assert "Faktų patikros įspėjimų nėra." in " ".join(found.get_text().split())
    assert len(edit_links(found)) == 0


def test_an_editor_without_the_outbox_permission_sees_only_the_facts(seeded, client, django_user_model):
    editor = django_user_model.objects.create_user("redaktore", password="slaptas-123")
    group = Group.objects.create(name="Skydelio testas")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    failed_rows(1)
    client.force_login(editor)

    found = panel(client)

    assert "faktų patikros įspėjimai" in found.get_text()
    assert found.find("a", href=reverse("subscriptions_outbox")) is None


def test_once_counted_the_panel_costs_a_few_queries(seeded, admin_user, django_assert_max_num_queries):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    AttentionPanel().render_html({"request": request})  # counts the warnings once
    # The stored count (a query only with the database cache these tests use; Redis in production),
    # the newest revision, failed emails, suppressed addresses.
    with django_assert_max_num_queries(4):
        html = AttentionPanel().render_html({"request": request})
    assert "bilateral-attention" in html


def test_suppressed_addresses_are_counted_and_linked(seeded, admin_client):
    from bilateral.subscriptions.models import Suppression
    from bilateral.subscriptions.suppression import suppress

    suppress("atmesta@example.lt", Suppression.BOUNCE)
    suppress("skundas@example.lt", Suppression.COMPLAINT)
    link = panel(admin_client).find("a", href=reverse("subscriptions_suppressed"))
    assert " ".join(link.get_text().split()) == "2 užblokuoti adresai (laiškai atmesti arba skundas)"
