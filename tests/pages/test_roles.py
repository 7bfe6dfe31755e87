"""Editors write and submit, publishers review and publish, each only in their own countries."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from bilateral.facts.models import Country
from bilateral.pages.models import CountryPage, MajorChange, SectionPage

from .admin_forms import section_page_form_data


def make_user(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def latvia_section(seeded):
    """A second country with a section, as an editor would add it."""
    latvia = Country.objects.get(iso_code="LV")
    index = seeded.get_parent().get_parent()
    country_page = index.add_child(instance=CountryPage(title="Latvija", slug="latvija", country=latvia))
    country_page.save_revision().publish()
    section = country_page.add_child(
        instance=SectionPage(title="Politinis bendradarbiavimas", slug="politinis-bendradarbiavimas", body=[])
    )
    section.save_revision().publish()
    return section


@pytest.fixture
def editor(django_user_model, seeded):
    return make_user(django_user_model, "redaktore", "Redaktoriai", "Redaktoriai: Baltarusija")


@pytest.fixture
def publisher(django_user_model, seeded):
    return make_user(django_user_model, "publikuotojas", "Publikuotojai", "Publikuotojai: Baltarusija")


def submit_data(page, action, **extra):
    fields = {"title": page.title, "slug": page.slug, "change_kind": "major", "change_note": "Nauji punktai"}
    return section_page_form_data(fields, list(page.body.raw_data), action=action,
                                  confirm_fact_warnings="on", **extra)


@pytest.mark.django_db
def test_the_roles_exist_and_open_the_admin(seeded):
    for name in ("Redaktoriai", "Publikuotojai"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
    assert Group.objects.filter(name="Redaktoriai: Baltarusija").exists()
    assert Group.objects.filter(name="Publikuotojai: Baltarusija").exists()


@pytest.mark.django_db
def test_an_editor_edits_but_cannot_publish(editor, seeded):
    permissions = seeded.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


@pytest.mark.django_db
def test_a_publisher_can_publish_their_country(publisher, seeded):
    assert seeded.permissions_for_user(publisher).can_publish()


@pytest.mark.django_db
def test_nobody_touches_another_country(editor, publisher, latvia_section):
    for user in (editor, publisher):
        permissions = latvia_section.permissions_for_user(user)
        assert not permissions.can_edit()
        assert not permissions.can_publish()


@pytest.mark.django_db
def test_editor_is_refused_another_countrys_editor_page(client, editor, latvia_section):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{latvia_section.pk}/edit/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/" in response["Location"]
    before = SectionPage.objects.get(pk=latvia_section.pk).latest_revision_id
    client.post(f"/admin/pages/{latvia_section.pk}/edit/", submit_data(latvia_section, "action-publish"))
    assert SectionPage.objects.get(pk=latvia_section.pk).latest_revision_id == before


@pytest.mark.django_db
def test_an_editors_publish_button_publishes_nothing(client, editor, seeded):
    client.force_login(editor)
    client.post(f"/admin/pages/{seeded.pk}/edit/", submit_data(seeded, "action-publish"))
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.live_revision_id == seeded.live_revision_id
    assert MajorChange.objects.count() == 0


@pytest.mark.django_db
def test_submitted_change_is_reviewed_and_published_by_the_countrys_publisher(
    client, editor, publisher, django_user_model, seeded
):
    client.force_login(editor)
    response = client.post(f"/admin/pages/{seeded.pk}/edit/", submit_data(seeded, "action-submit"))
    assert response.status_code == 302
    page = SectionPage.objects.get(pk=seeded.pk)
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    assert [group.name for group in task.groups.all()] == ["Publikuotojai: Baltarusija"]

    stranger = make_user(django_user_model, "kitas", "Publikuotojai")
    assert task.get_actions(page, stranger) == []
    assert task.get_actions(page, editor) == []
    assert "approve" in [name for name, *_rest in task.get_actions(page, publisher)]

    task.on_action(task_state, publisher, "approve")
    page = SectionPage.objects.get(pk=seeded.pk)
    assert page.live_revision_id == task_state.revision_id
    change = MajorChange.objects.get()
    assert change.note == "Nauji punktai"
    assert page.last_major_change_at == change.published_at
