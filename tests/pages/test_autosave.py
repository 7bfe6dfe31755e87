"""Wagtail's autosave (the editor posting its form for JSON) records a revision only when the content
changed; a page opened and left, or changed and changed back, shows no "unpublished changes"."""

import json

import pytest
from wagtail.models import Revision

from bilateral.pages.models import SectionPage

from .admin_forms import section_page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, seeded):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def body_with_marks_total(page, total):
    body = list(page.body.raw_data)
    for block in body:
        if block["type"] == "demarcation":
            block["value"]["marks_declared_total"] = total
    return body


def autosave(client, page, body=None, overwrite_revision_id=None):
    """The editor's form as its autosave posts it: the fields as shown (no kind of change chosen)."""
    fields = {"title": page.title, "slug": page.slug}
    data = section_page_form_data(fields, body if body is not None else list(page.body.raw_data))
    page = SectionPage.objects.get(pk=page.pk)
    data["loaded_revision_id"] = str(page.latest_revision_id)
    data["loaded_revision_created_at"] = page.latest_revision.created_at.isoformat()
    if overwrite_revision_id:
        data["overwrite_revision_id"] = str(overwrite_revision_id)
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:500]
    answer = response.json()
    assert answer["success"] is True, answer
    return answer


def revisions_of(page):
    return Revision.objects.filter(object_id=str(page.pk)).count()


def fresh(page):
    return SectionPage.objects.get(pk=page.pk)


def test_an_unchanged_page_autosaved_has_no_unpublished_changes(admin_client, seeded):
    assert seeded.live and not seeded.has_unpublished_changes
    live_revision = Revision.objects.get(pk=seeded.live_revision_id)
    revisions = revisions_of(seeded)
    autosave(admin_client, seeded)
    autosave(admin_client, seeded)
    page = fresh(seeded)
    assert not page.has_unpublished_changes
    assert page.latest_revision_id == live_revision.pk and revisions_of(seeded) == revisions
    assert Revision.objects.get(pk=live_revision.pk).content == live_revision.content


def test_the_same_change_autosaved_again_is_one_revision(admin_client, seeded):
    changed = body_with_marks_total(seeded, 1900)
    first = autosave(admin_client, seeded, changed)
    revisions = revisions_of(seeded)
    again = autosave(admin_client, seeded, changed, overwrite_revision_id=first["revision_id"])
    assert revisions_of(seeded) == revisions and again["revision_id"] == first["revision_id"]
    assert fresh(seeded).has_unpublished_changes


def test_a_change_changed_back_leaves_no_unpublished_changes(admin_client, seeded):
    changed = autosave(admin_client, seeded, body_with_marks_total(seeded, 1900))
    assert fresh(seeded).has_unpublished_changes
    autosave(admin_client, seeded, body_with_marks_total(seeded, 1955), overwrite_revision_id=changed["revision_id"])
    assert not fresh(seeded).has_unpublished_changes


def test_the_published_revision_is_never_overwritten(admin_client, seeded):
    """After an unchanged autosave the editor holds the latest revision's id: its next change is a new
    revision, the published one keeps its content."""
    live_revision_id = seeded.live_revision_id
    given = autosave(admin_client, seeded)
    autosave(admin_client, seeded, body_with_marks_total(seeded, 1900), overwrite_revision_id=given["revision_id"])
    live_body = json.loads(Revision.objects.get(pk=live_revision_id).content["body"])
    assert [b["value"]["marks_declared_total"] for b in live_body if b["type"] == "demarcation"] == [1955]
    page = fresh(seeded)
    assert page.has_unpublished_changes and page.latest_revision_id != live_revision_id


def test_scheduled_and_explicit_saves_still_record_their_revision(seeded):
    """A publication scheduled for later needs a revision of its own, even of unchanged content."""
    import datetime

    from django.utils import timezone

    page = fresh(seeded)
    revisions = revisions_of(page)
    page.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
    assert revisions_of(page) == revisions + 1
