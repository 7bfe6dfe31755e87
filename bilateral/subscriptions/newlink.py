""""Send me a new link": a fresh manage link by address, saying nothing about whether it is subscribed.

Manage links expire after 7 days; a reader asks for a new one with their address on the manage page
or on the page of an expired link. Whatever the address, the answer is the same page, the same rate
limits count (those of the subscription form) and the same task is queued: only the task, in the
background, finds out whether we hold the address, and mails it only then.
"""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_tasks import task

from . import ratelimit
from .forms import NewLinkForm
from .mail import send_manage_link
from .models import Subscriber
from .suppression import is_suppressed
from .views import token_page

NOBODY = 0


@task()
def send_manage_link_task(subscriber_id):
    """Mail a new manage link to this subscriber, if they still exist and may be mailed."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or is_suppressed(subscriber.email):
        return False
    send_manage_link(subscriber)
    return True


def request_new_link(email):
    """Queue the new-link email for `email` (or, for an address we do not hold, a task that sends nothing)."""
    if not ratelimit.allow("email", email):
        return
    subscriber_id = Subscriber.objects.filter(email=email).values_list("pk", flat=True).first()
    send_manage_link_task.enqueue(subscriber_id or NOBODY)


def new_link_page(request, form, status=200, notice=None):
    return token_page(request, "subscriptions/new_link.html", {"link_form": form, "notice": notice}, status=status)


@require_http_methods(["GET", "POST"])
def new_link(request):
    """GET: the form on its own page; POST: from there, the manage page or an expired link's page."""
    if request.method == "GET":
        return new_link_page(request, NewLinkForm())
    form = NewLinkForm(request.POST)
    if not form.is_valid():
        return new_link_page(request, form, status=400)
    if not ratelimit.allow_client("address", request):
        notice = _("Too many requests have come from your network. Please try again in an hour.")
        return new_link_page(request, NewLinkForm(initial=form.cleaned_data), status=429, notice=notice)
    request_new_link(form.cleaned_data["email"])
    return redirect("subscriptions:new_link_sent", permanent=False)


@require_GET
def new_link_sent(request):
    return render(request, "subscriptions/new_link_sent.html")
