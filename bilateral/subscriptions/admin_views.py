"""Wagtail admin views: who follows what (counts per page and country) and the state of the outbox."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import DAILY, IMMEDIATE, SITE, WEEKLY, Subscriber, Subscription, Suppression
from .outbox_models import ALERT, DIGEST, FAILED, KIND_CHOICES, PENDING, STATUS_CHOICES, OutboxMessage


def may(user, codename):
    return user.is_active and (user.is_superuser or user.has_perm(f"subscriptions.{codename}"))


def can_see_subscribers(user):
    return may(user, "view_subscriber")


def can_see_outbox(user):
    return may(user, "view_outboxmessage")


def can_see_suppressions(user):
    return may(user, "view_suppression")


def can_resend(user):
    return may(user, "change_outboxmessage")


def per_frequency(prefix="", confirmed=Q()):
    """Count annotations of confirmed subscriptions, one per frequency and a total."""
    base = Q(**{f"{prefix}confirmed_at__isnull": False}) & confirmed
    return {
        "immediate": Count(f"{prefix}id", filter=base & Q(**{f"{prefix}frequency": IMMEDIATE})),
        "daily": Count(f"{prefix}id", filter=base & Q(**{f"{prefix}frequency": DAILY})),
        "weekly": Count(f"{prefix}id", filter=base & Q(**{f"{prefix}frequency": WEEKLY})),
        "total": Count(f"{prefix}id", filter=base),
    }


class Restricted(WagtailAdminTemplateMixin, TemplateView):
    allowed = staticmethod(lambda user: False)
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SubscribersReport(Restricted):
    """Confirmed subscriptions per section page, per country and for the whole portal, by frequency."""

    template_name = "subscriptions/admin/report.html"
    page_title = _("Subscribers")
    allowed = staticmethod(can_see_subscribers)

    def get_context_data(self, **kwargs):
        from bilateral.pages.models import CountryPage, SectionPage

        context = super().get_context_data(**kwargs)
        sections = list(SectionPage.objects.annotate(**per_frequency("subscriptions__")).order_by("path"))
        countries = list(CountryPage.objects.annotate(**per_frequency("subscriptions__")).order_by("title"))
        for country in countries:
            country.sections = [page for page in sections if page.path.startswith(country.path)]
        context.update(
            countries=countries,
            site=Subscription.objects.filter(scope=SITE).aggregate(**per_frequency()),
            subscribers=Subscriber.objects.count(),
            confirmed_subscribers=Subscriber.objects.filter(subscriptions__confirmed_at__isnull=False)
            .distinct()
            .count(),
            unconfirmed=Subscription.objects.filter(confirmed_at__isnull=True).count(),
            outbox_url=reverse("subscriptions_outbox") if can_see_outbox(self.request.user) else "",
        )
        return context


class OutboxState(Restricted):
    """Counts by status and kind; the failed rows with their last error, to send again."""

    template_name = "subscriptions/admin/outbox.html"
    page_title = _("Email outbox")
    allowed = staticmethod(can_see_outbox)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = {
            (row["kind"], row["status"]): row["n"]
            for row in OutboxMessage.objects.values("kind", "status").annotate(n=Count("id")).order_by()
        }
        statuses = [
            {
                "status": status,
                "label": label,
                "alerts": counts.get((ALERT, status), 0),
                "digests": counts.get((DIGEST, status), 0),
                "total": counts.get((ALERT, status), 0) + counts.get((DIGEST, status), 0),
            }
            for status, label in STATUS_CHOICES
        ]
        rows = OutboxMessage.objects.select_related("subscriber", "change__page")
        context.update(
            statuses=statuses,
            kinds=dict(KIND_CHOICES),
            failed=rows.filter(status=FAILED).order_by("-next_attempt_at", "-pk")[:200],
            failed_count=counts.get((ALERT, FAILED), 0) + counts.get((DIGEST, FAILED), 0),
            retrying=rows.filter(status=PENDING).exclude(last_error="").order_by("next_attempt_at", "pk")[:50],
            due_now=OutboxMessage.objects.filter(status=PENDING, next_attempt_at__lte=timezone.now()).count(),
            may_resend=can_resend(self.request.user),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not can_resend(request.user):
            raise PermissionDenied
        failed = OutboxMessage.objects.filter(status=FAILED)
        if request.POST.get("all") != "1":
            ids = [value for value in request.POST.getlist("ids") if value.isdigit()]
            failed = failed.filter(pk__in=ids)
        with transaction.atomic():
            count = failed.update(
                status=PENDING, attempts=0, next_attempt_at=timezone.now(), claim_token="", lease_until=None
            )
            if count:
                transaction.on_commit(enqueue_delivery, robust=True)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)s message will be sent again.", "%(count)s messages will be sent again.", count
                )
                % {"count": count},
            )
        else:
            messages.warning(request, _("Choose the failed messages to send again."))
        return redirect("subscriptions_outbox")


class SuppressedAddresses(Restricted):
    """Addresses never mailed again (hard bounces, complaints); an erased one shows as a hash only."""

    template_name = "subscriptions/admin/suppressed.html"
    page_title = _("Suppressed addresses")
    allowed = staticmethod(can_see_suppressions)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        suppressions = Suppression.objects.select_related("subscriber").order_by("-created_at", "-pk")
        context.update(suppressions=suppressions[:500], total=suppressions.count())
        return context


def enqueue_delivery():
    from .tasks import deliver_outbox_task

    deliver_outbox_task.enqueue()
