"""The page editor: fact checks warn, publishing asks major or minor, the stamp and event follow."""

import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from bilateral.pages.events import major_change_published
from bilateral.pages.models import MajorChange, SectionPage

from .admin_forms import section_page_form_data

MARKS_FIGURES = "Sienos ženklai pagal rūšis: 1246 + 457 + 93 + 2 = 1798, nurodyta iš viso 1955"


@pytest.fixture
def events():
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    major_change_published.connect(listener, dispatch_uid="test-listener")
    yield received
    major_change_published.disconnect(dispatch_uid="test-listener")


@pytest.fixture
def admin_client(client, django_user_model, seeded):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    return client


def raw_body(page):
    return list(page.body.raw_data)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def set_marks_total(body, total):
    for block in body:
        if block["type"] == "demarcation":
            block["value"]["marks_declared_total"] = total
    return body


def post_edit(client, page, action=None, body=None, change_kind="", change_note="", **extra):
    page_fields = {"title": page.title, "slug": page.slug, "change_kind": change_kind, "change_note": change_note}
    data = section_page_form_data(page_fields, body if body is not None else raw_body(page), action=action, **extra)
    return client.post(edit_url(page), data)


# --- publishing through the editor ---------------------------------------------------------------


@pytest.mark.django_db
def test_editor_shows_the_seed_warning(admin_client, seeded):
    response = admin_client.get(edit_url(seeded))
    assert response.status_code == 200
    assert MARKS_FIGURES in response.content.decode()


@pytest.mark.django_db
def test_publishing_asks_major_or_minor(admin_client, seeded):
    body = set_marks_total(raw_body(seeded), 1798)
    response = post_edit(admin_client, seeded, "action-publish", body=body)
    assert response.status_code == 200
    assert "Nurodykite, ar tai esminis, ar smulkus pakeitimas." in response.content.decode()
    assert SectionPage.objects.get(pk=seeded.pk).live_revision_id == seeded.live_revision_id


@pytest.mark.django_db
def test_a_major_change_needs_a_note(admin_client, seeded):
    body = set_marks_total(raw_body(seeded), 1798)
    response = post_edit(admin_client, seeded, "action-publish", body=body, change_kind="major")
    assert response.status_code == 200
    assert "Esminiam pakeitimui reikia viešos pastabos" in response.content.decode()


@pytest.mark.django_db
def test_publishing_with_warnings_asks_for_confirmation_and_changes_nothing(admin_client, seeded, events):
    response = post_edit(admin_client, seeded, "action-publish", change_kind="major", change_note="Nauji duomenys")
    assert response.status_code == 200
    assert MARKS_FIGURES in response.content.decode()
    assert events == []
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.live_revision_id == seeded.live_revision_id
    demarcation = [b for b in page.body.raw_data if b["type"] == "demarcation"][0]
    assert demarcation["value"]["marks_declared_total"] == 1955


@pytest.mark.django_db
def test_confirmed_major_change_is_published_as_is_and_announced_once(admin_client, seeded, events):
    before = timezone.now()
    response = post_edit(
        admin_client,
        seeded,
        "action-publish",
        change_kind="major",
        change_note="Patikslinti sienos duomenys",
        confirm_fact_warnings="on",
    )
    assert response.status_code == 302
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.last_major_change_at >= before
    demarcation = [b for b in page.body.raw_data if b["type"] == "demarcation"][0]
    assert demarcation["value"]["marks_declared_total"] == 1955  # never "fixed"
    assert len(events) == 1
    assert events[0]["note"] == "Patikslinti sienos duomenys" and events[0]["page"].pk == page.pk
    change = MajorChange.objects.get()
    assert change.revision_id == page.live_revision_id
    # Publishing the same revision again announces nothing more.
    page.live_revision.publish()
    assert len(events) == 1 and MajorChange.objects.count() == 1


@pytest.mark.django_db
def test_the_next_edit_starts_without_the_previous_note(admin_client, seeded):
    post_edit(admin_client, seeded, "action-publish", change_kind="major", change_note="Pirmas",
              confirm_fact_warnings="on")
    response = admin_client.get(edit_url(seeded))
    assert response.context["form"].initial["change_note"] == ""
    assert response.context["form"].initial["change_kind"] == ""


@pytest.mark.django_db
def test_minor_change_keeps_the_stamp_and_tells_nobody(admin_client, seeded, events):
    stamp = seeded.last_major_change_at
    body = set_marks_total(raw_body(seeded), 1798)
    response = post_edit(admin_client, seeded, "action-publish", body=body, change_kind="minor")
    assert response.status_code == 302
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.last_major_change_at == stamp
    assert page.live_revision_id != seeded.live_revision_id
    assert events == [] and MajorChange.objects.count() == 0


@pytest.mark.django_db
def test_saving_a_draft_needs_no_choice_and_publishes_nothing(admin_client, seeded, events):
    body = set_marks_total(raw_body(seeded), 1700)
    response = post_edit(admin_client, seeded, None, body=body)
    assert response.status_code == 302
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.has_unpublished_changes and page.live_revision_id == seeded.live_revision_id
    response = admin_client.get(edit_url(seeded))
    assert "Sienos ženklai pagal rūšis: 1246 + 457 + 93 + 2 = 1798, nurodyta iš viso 1700" in response.content.decode()
    assert events == []


# --- the model-level path: revisions, scheduling -------------------------------------------------


def publish_revision(page, kind, note="", **page_fields):
    page = SectionPage.objects.get(pk=page.pk)
    page.change_kind = kind
    page.change_note = note
    for name, value in page_fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    return revision


@pytest.mark.django_db
def test_stamp_is_not_carried_back_by_an_old_revision(seeded):
    old_stamp = seeded.last_major_change_at
    publish_revision(seeded, "major", "Naujiena")
    moved = SectionPage.objects.get(pk=seeded.pk).last_major_change_at
    assert moved > old_stamp
    publish_revision(seeded, "minor")
    assert SectionPage.objects.get(pk=seeded.pk).last_major_change_at == moved


@pytest.mark.django_db
def test_scheduled_major_change_fires_when_it_goes_live(seeded, events):
    go_live = timezone.now() + timezone.timedelta(seconds=2)
    revision = publish_revision(seeded, "major", "Suplanuotas atnaujinimas", go_live_at=go_live)
    assert events == []
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None
    time.sleep(2.5)
    call_command("publish_scheduled")
    assert len(events) == 1
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.live_revision_id == revision.pk
    assert abs((page.last_major_change_at - go_live).total_seconds()) < 1
    call_command("publish_scheduled")
    assert len(events) == 1


@pytest.mark.django_db
def test_revision_comparison_shows_the_changed_figure(admin_client, seeded):
    first = seeded.live_revision
    page = SectionPage.objects.get(pk=seeded.pk)
    page.body = set_marks_total(raw_body(page), 1798)
    second = page.save_revision()
    response = admin_client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1955" in html and "1798" in html
    assert "Iš viso sienos ženklų (kaip nurodyta)" in html or "Border marks in total (as declared)" in html
