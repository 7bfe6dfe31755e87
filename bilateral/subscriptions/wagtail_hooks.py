"""The subscriptions admin: a subscribers report and the email outbox (superusers or a permission)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .admin_views import (
    OutboxState,
    SubscribersReport,
    SuppressedAddresses,
    can_see_outbox,
    can_see_subscribers,
    can_see_suppressions,
)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("subscriptions/subscribers/", SubscribersReport.as_view(), name="subscriptions_report"),
        path("subscriptions/outbox/", OutboxState.as_view(), name="subscriptions_outbox"),
        path("subscriptions/suppressed/", SuppressedAddresses.as_view(), name="subscriptions_suppressed"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu():
    menu = Menu(
        items=[
            PermittedMenuItem(
                _("Subscribers"), reverse("subscriptions_report"), icon_name="group", allowed=can_see_subscribers
            ),
            PermittedMenuItem(
                _("Email outbox"), reverse("subscriptions_outbox"), icon_name="mail", allowed=can_see_outbox
            ),
            PermittedMenuItem(
                _("Suppressed addresses"),
                reverse("subscriptions_suppressed"),
                icon_name="warning",
                allowed=can_see_suppressions,
            ),
        ]
    )
    return SubmenuMenuItem(_("Subscriptions"), menu, icon_name="mail", order=900)


@hooks.register("register_permissions")
def register_permissions():
    # Lets an administrator give a group the right to see subscribers and the outbox, or to re-send.
    return Permission.objects.filter(
        content_type__app_label="subscriptions",
        codename__in=["view_subscriber", "view_outboxmessage", "change_outboxmessage", "view_suppression"],
    )
