"""Only our groups hold page rights, and none of ours over the whole tree."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

OUR_ROLES = {"Redaktoriai", "Publikuotojai"}


def tree_wide_rights():
    """Rights on the root or on a home page (depth 1 and 2) reach every page of the site."""
    return GroupPagePermission.objects.filter(page__depth__lte=2)


@pytest.mark.django_db
def test_wagtails_default_groups_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert set(Group.objects.values_list("name", flat=True)) == OUR_ROLES


def test_no_group_holds_rights_on_the_whole_tree(seeded):
    assert Page.objects.filter(depth=2).count() >= 2  # both home pages exist
    assert not tree_wide_rights().exists()
    holders = set(GroupPagePermission.objects.values_list("group__name", flat=True))
    assert holders and all(name.split(": ")[0] in OUR_ROLES and ": " in name for name in holders)
