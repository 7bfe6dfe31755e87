"""The publish step asks major or minor: the section page's publishing actions open a dialog."""

import re

import pytest
from django.contrib.auth.models import Group

OPENERS = re.compile(r'<button type="button"[^>]*data-change-action="([\w-]+)"')


def user_in(django_user_model, username, *group_names, superuser=False):
    if superuser:
        return django_user_model.objects.create_superuser(username, f"{username}@example.com", "pw")
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def the_dialog(html):
    start = html.index('id="change-dialog"')
    return html[start:html.index("</template>", start)]


@pytest.mark.django_db
def test_publishing_opens_a_dialog_with_the_choice_and_no_empty_option(client, django_user_model, seeded):
    client.force_login(user_in(django_user_model, "boss", superuser=True))
    html = client.get(f"/admin/pages/{seeded.pk}/edit/").content.decode()

    assert "action-publish" in OPENERS.findall(html)
    assert not re.search(r'<button type="submit"[^>]*name="action-publish"', html.split('id="change-dialog"')[0])
    dialog = the_dialog(html)
    kinds = re.findall(r'<input type="radio" name="change_kind" value="(\w*)"[^>]*form="page-edit-form"', dialog)
    assert kinds == ["major", "minor"]
    assert "---------" not in html
    assert re.search(r'<textarea name="change_note"[^>]*form="page-edit-form"', dialog)
    assert re.search(r'name="confirm_fact_warnings"[^>]*form="page-edit-form"', dialog)
    assert re.search(r'<button type="submit"[^>]*form="page-edit-form" name="action-publish"', dialog)


@pytest.mark.django_db
def test_adding_a_section_asks_in_the_dialog_too(client, django_user_model, seeded):
    client.force_login(user_in(django_user_model, "boss", superuser=True))
    country = seeded.get_parent()
    html = client.get(f"/admin/pages/add/pages/sectionpage/{country.pk}/").content.decode()
    assert "action-publish" in OPENERS.findall(html)
    assert 'name="change_kind"' in the_dialog(html)


@pytest.mark.django_db
def test_an_editor_submits_for_review_through_the_dialog(client, django_user_model, seeded):
    client.force_login(user_in(django_user_model, "redaktore", "Redaktoriai", "Redaktoriai: Baltarusija"))
    html = client.get(f"/admin/pages/{seeded.pk}/edit/").content.decode()
    assert OPENERS.findall(html) == ["action-submit"]
    assert "action-publish" not in html


@pytest.mark.django_db
def test_a_refused_publication_opens_the_dialog_again_with_its_error(client, django_user_model, seeded):
    from .test_editing import post_edit

    client.force_login(user_in(django_user_model, "boss", superuser=True))
    response = post_edit(client, seeded, "action-publish", change_kind="major")
    dialog = the_dialog(response.content.decode())
    assert "data-change-dialog-open" in dialog
    assert "Esminiam pakeitimui reikia viešos pastabos, kas pasikeitė." in dialog
    assert re.search(r'name="action-publish" value="action-publish"', dialog)
