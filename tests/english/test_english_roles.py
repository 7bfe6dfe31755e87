"""A country's groups edit its pages in both languages; the English copy gets no groups of its own."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, WorkflowPage

from bilateral.pages.models import CountryPage

pytestmark = pytest.mark.django_db


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def member(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def test_no_second_set_of_groups_for_the_english_copy(seeded):
    names = set(Group.objects.filter(name__contains=": ").values_list("name", flat=True))
    assert names == {"Redaktoriai: Baltarusija", "Publikuotojai: Baltarusija"}


def test_the_countrys_groups_edit_and_publish_both_languages(django_user_model, seeded):
    editor = member(django_user_model, "redaktore", "Redaktoriai", "Redaktoriai: Baltarusija")
    publisher = member(django_user_model, "publikuotojas", "Publikuotojai", "Publikuotojai: Baltarusija")
    for page in (seeded, english(seeded)):
        assert page.permissions_for_user(editor).can_edit()
        assert not page.permissions_for_user(editor).can_publish()
        assert page.permissions_for_user(publisher).can_publish()


def test_both_languages_share_the_review_workflow(seeded):
    lithuanian = CountryPage.objects.get(slug="baltarusija")
    workflows = {WorkflowPage.objects.get(page=page).workflow_id for page in (lithuanian, english(lithuanian))}
    assert len(workflows) == 1


def test_an_english_country_page_made_in_the_admin_follows_its_original(django_user_model, seeded):
    """A translation made by an editor (copy_for_translation) keeps its original's groups."""
    from bilateral.facts.models import Country

    index = CountryPage.objects.get(slug="baltarusija").get_parent()
    latvia = index.add_child(instance=CountryPage(title="Latvija", slug="latvija", country=Country.objects.get(iso_code="LV")))
    copy = latvia.copy_for_translation(Locale.objects.get(language_code="en"))
    copy.title = "Latvia"
    copy.save()
    names = set(Group.objects.filter(name__contains="Latvi").values_list("name", flat=True))
    assert names == {"Redaktoriai: Latvija", "Publikuotojai: Latvija"}
    editor = member(django_user_model, "lv", "Redaktoriai", "Redaktoriai: Latvija")
    assert copy.permissions_for_user(editor).can_edit()
