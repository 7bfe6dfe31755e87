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


def ensure_review_workflow(country_page, publishers):
    """Pages of a country go through review by that country's publishers."""
    if WorkflowPage.objects.filter(page=country_page).exists():
        return
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=f"Publikuotojų peržiūra: {country_page.title}"
    )
    task.groups.add(publishers)
    workflow, _created = Workflow.objects.get_or_create(name=f"Peržiūra: {country_page.title}")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page=country_page, workflow=workflow)


@transaction.atomic
def ensure_country_roles(country_page):
    editors, _created = Group.objects.get_or_create(name=country_group_name(EDITORS, country_page))
    publishers, _created = Group.objects.get_or_create(name=country_group_name(PUBLISHERS, country_page))
    grant_page_permissions(editors, country_page, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(publishers, country_page, PUBLISHER_PAGE_PERMISSIONS)
    ensure_review_workflow(country_page, publishers)
    return editors, publishers
