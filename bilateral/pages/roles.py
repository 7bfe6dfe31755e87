"""Who may do what: editors and publishers, each country's pages apart.

The data migration creates the two roles, "Redaktoriai" and "Publikuotojai", which let their
members into the admin. Each country page gets a pair of country groups holding the page
permissions on that country's subtree, and a moderation workflow whose approvers are that
country's publishers. A user gets a role group and the country groups of the countries they work on.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

EDITORS = "Redaktoriai"
PUBLISHERS = "Publikuotojai"
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
PUBLISHER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def country_group_name(role, country_page):
    return f"{role}: {country_page.title}"


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def ensure_review_workflow(country_page, publishers, named_after=None):
    """Pages of a country go through review by that country's publishers."""
    if WorkflowPage.objects.filter(page=country_page).exists():
        return
    title = (named_after or country_page).title
    task, _created = GroupApprovalTask.objects.get_or_create(name=f"Publikuotojų peržiūra: {title}")
    task.groups.add(publishers)
    workflow, _created = Workflow.objects.get_or_create(name=f"Peržiūra: {title}")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page=country_page, workflow=workflow)


def original_of(country_page):
    """The default-language page a translation was made from (same translation_key), else itself."""
    from wagtail.models import Locale

    if country_page.locale_id == Locale.get_default().pk:
        return country_page
    return country_page.get_translation_or_none(Locale.get_default()) or country_page


@transaction.atomic
def ensure_country_roles(country_page):
    """A translation gets no groups of its own: the original's groups get the same rights on it."""
    original = original_of(country_page)
    editors, _created = Group.objects.get_or_create(name=country_group_name(EDITORS, original))
    publishers, _created = Group.objects.get_or_create(name=country_group_name(PUBLISHERS, original))
    grant_page_permissions(editors, country_page, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(publishers, country_page, PUBLISHER_PAGE_PERMISSIONS)
    ensure_review_workflow(country_page, publishers, named_after=original)
    return editors, publishers
