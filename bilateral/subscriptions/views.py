"""Readers' pages: subscribe, confirm (POST only confirms), one-click unsubscribe, manage, export, erase."""

import json
import logging
import smtplib

from altcha_django.views import ChallengeView
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from bilateral.http import client_ip

from . import ratelimit
from .forms import NewLinkForm, SubscriptionForm
from .journal_views import accept_unsubscribe_when_database_is_down, wants_to_unsubscribe_from_everything
from .models import FREQUENCY_CHOICES, Subscriber
from .old_links import old_link_subscriber
from .optin import TOO_MANY, ConfirmationError, check_confirmation, confirm, request_subscription
from .privacy import erase, export_data, unsubscribe_all
from .targets import Target, describe, target_from_id
from .tokens import MANAGE, UNSUBSCRIBE, ExpiredToken, InvalidToken, read_link_key

log = logging.getLogger(__name__)


def client_address(request):
    # X-Forwarded-For counts only as far as TRUSTED_PROXY_COUNT of our own proxies wrote it.
    return client_ip(request)


class CaptchaChallengeView(ChallengeView):
    """ALTCHA's challenge endpoint, limited per client (ratelimit "challenge", 30 a minute): each
    challenge costs the server a key derivation, and a flood of them would cost every reader."""

    def get(self, request, *args, **kwargs):
        if not ratelimit.allow_client("challenge", request):
            message = _("Too many captcha requests from your network. Please wait a minute and try again.")
            return JsonResponse({"error": message}, status=429, headers={"Retry-After": "60"})
        return super().get(request, *args, **kwargs)


def render_form(request, form, status=200, notice=None):
    return render(request, "subscriptions/subscribe.html", {"form": form, "notice": notice}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET: the form on its own page; POST: the footer form's submission."""
    if request.method == "GET":
        form = SubscriptionForm(target=target_from_id(request.GET.get("page")), request=request)
        return render_form(request, form)

    form = SubscriptionForm(request.POST, target=target_from_id(request.POST.get("page")), request=request)
    if not form.is_valid():
        return render_form(request, form, status=400)
    data = form.cleaned_data
    try:
        outcome = request_subscription(
            email=data["email"],
            target=form.target,
            scope=data["scope"],
            frequency=data["frequency"],
            client_address=client_address(request),
            language=translation.get_language() or "lt",
        )
    except (smtplib.SMTPException, OSError):
        log.exception("confirmation email could not be sent")
        notice = _("We could not send the confirmation email just now. Please try again in a few minutes.")
        return render_form(request, unbound_copy(form), status=503, notice=notice)
    if outcome == TOO_MANY:
        notice = _("Too many subscription requests have come from your network. Please try again in an hour.")
        return render_form(request, unbound_copy(form), status=429, notice=notice)
    return redirect("subscriptions:sent", permanent=False)


def unbound_copy(form):
    """A fresh form with what the reader typed (the captcha must be solved again)."""
    data = {key: form.cleaned_data.get(key) for key in ("email", "scope", "frequency", "consent")}
    return SubscriptionForm(initial=data, target=form.target)


@require_GET
def sent(request):
    return render(request, "subscriptions/sent.html")


def token_page(request, template, context=None, status=200):
    response = render(request, template, context or {}, status=status)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def confirm_view(request, token):
    """GET shows one button (mail scanners open links); only its POST confirms."""
    try:
        if request.method == "POST":
            subscription = confirm(token)
            return token_page(
                request, "subscriptions/confirmed.html", {"subscription": subscription, "follows": describe(subscription)}
            )
        subscription, frequency = check_confirmation(token)
    except ConfirmationError as problem:
        return confirmation_problem(request, problem)
    frequency_label = dict(FREQUENCY_CHOICES)[frequency]
    context = {"follows": describe(subscription), "frequency": frequency_label, "email": subscription.subscriber.email}
    return token_page(request, "subscriptions/confirm.html", context)


def confirmation_problem(request, problem):
    if problem.reason == "invalid":
        return token_page(request, "subscriptions/link_problem.html", {"invalid": True, "form": resend_form(None)}, 400)
    if problem.reason == "used":
        return token_page(request, "subscriptions/link_problem.html", {"used": True}, 410)
    return token_page(request, "subscriptions/link_problem.html", {"expired": True, "form": resend_form(problem.payload)}, 410)


def resend_form(payload):
    """The subscription form again, filled in from an expired link, to ask for a new one."""
    payload = payload or {}
    target = target_from_id(payload.get("p")) if payload.get("p") else Target()
    subscriber = Subscriber.objects.filter(link_key=payload.get("k")).first() if payload.get("k") else None
    initial = {"frequency": payload.get("f")}
    if subscriber:
        initial["email"] = subscriber.email
    if payload.get("c") in target.scopes:
        initial["scope"] = payload["c"]
    return SubscriptionForm(initial=initial, target=target)


def subscriber_from(purpose, token):
    """The subscriber a genuine, unexpired link names, or None when they are gone (erased, or every
    link revoked); raises ExpiredToken or InvalidToken."""
    try:
        return Subscriber.objects.filter(link_key=read_link_key(purpose, token)).first()
    except InvalidToken as problem:
        return old_link_subscriber(purpose, token, problem)


def invalid_link(request):
    return token_page(request, "subscriptions/link_problem.html", {"invalid": True, "form": resend_form(None)}, 400)


def expired_link(request, purpose):
    context = {"link_expired": True, "unsubscribe": purpose == UNSUBSCRIBE, "link_form": NewLinkForm()}
    return token_page(request, "subscriptions/link_problem.html", context, 410)


def gone_link(request):
    return token_page(request, "subscriptions/link_problem.html", {"gone": True, "link_form": NewLinkForm()}, 410)


@csrf_exempt  # RFC 8058: mail providers POST "List-Unsubscribe=One-Click" with no cookie and no token.
@require_http_methods(["GET", "POST"])
@accept_unsubscribe_when_database_is_down(UNSUBSCRIBE)
def unsubscribe(request, token):
    """POST unsubscribes from everything at once (one click); GET only shows the button."""
    try:
        subscriber = subscriber_from(UNSUBSCRIBE, token)
    except ExpiredToken:
        return expired_link(request, UNSUBSCRIBE)
    except InvalidToken:
        return invalid_link(request)
    if subscriber is None:
        return gone_link(request)
    if request.method == "POST":
        unsubscribe_all(subscriber)
        return token_page(request, "subscriptions/unsubscribed.html")
    return token_page(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})


def manage_token_view(function):
    def view(request, token):
        try:
            subscriber = subscriber_from(MANAGE, token)
        except ExpiredToken:
            return expired_link(request, MANAGE)
        except InvalidToken:
            return invalid_link(request)
        if subscriber is None:
            return gone_link(request)
        return function(request, token, subscriber)

    view.__name__ = function.__name__
    view.__doc__ = function.__doc__
    return view


@require_http_methods(["GET", "POST"])
@accept_unsubscribe_when_database_is_down(MANAGE, wants_to_unsubscribe_from_everything)
@manage_token_view
def manage(request, token, subscriber):
    """Change how often, drop some subscriptions, or unsubscribe from everything."""
    subscriptions = list(subscriber.subscriptions.select_related("page", "country_page").order_by("pk"))
    errors = []
    if request.method == "POST":
        if request.POST.get("action") == "unsubscribe_all":
            unsubscribe_all(subscriber)
            return token_page(request, "subscriptions/unsubscribed.html")
        if request.POST.get("action") == "sign_out":
            subscriber.rotate_link_key()
            form = NewLinkForm(initial={"email": subscriber.email})
            return token_page(request, "subscriptions/signed_out.html", {"link_form": form})
        allowed = dict(FREQUENCY_CHOICES)
        changes = []
        for subscription in subscriptions:
            frequency = request.POST.get(f"frequency-{subscription.pk}", subscription.frequency)
            if frequency not in allowed:
                errors.append((f"frequency-{subscription.pk}", _("Choose how often from the options given.")))
                continue
            changes.append((subscription, frequency, request.POST.get(f"remove-{subscription.pk}") == "on"))
        if not errors:
            for subscription, frequency, remove in changes:
                if remove:
                    subscription.delete()
                elif frequency != subscription.frequency:
                    subscription.frequency = frequency
                    subscription.save(update_fields=["frequency"])
            return redirect(reverse("subscriptions:manage", kwargs={"token": token}) + "?saved=1")
    rows = [
        {"subscription": s, "follows": describe(s), "id": s.pk, "frequency": s.frequency} for s in subscriptions
    ]
    context = {
        "subscriber": subscriber,
        "rows": rows,
        "frequencies": FREQUENCY_CHOICES,
        "errors": errors,
        "saved": request.GET.get("saved") == "1" and not errors,
        "token": token,
        "link_form": NewLinkForm(initial={"email": subscriber.email}),
    }
    return token_page(request, "subscriptions/manage.html", context, status=400 if errors else 200)


@require_GET
@manage_token_view
def export(request, token, subscriber):
    """The reader's data as a JSON download."""
    body = json.dumps(export_data(subscriber), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="prenumeratos-duomenys.json"'
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@manage_token_view
def erase_view(request, token, subscriber):
    """GET asks to be sure; POST forgets the subscriber and everything about them."""
    if request.method == "POST":
        erase(subscriber)
        return token_page(request, "subscriptions/erased.html")
    return token_page(request, "subscriptions/erase.html", {"subscriber": subscriber, "token": token})


@never_cache
@require_GET
def csrf_token_view(request):
    """The CSRF token (and its cookie) for the footer form, which cached pages carry without one."""
    response = JsonResponse({"csrfToken": get_token(request)})
    response["X-Robots-Tag"] = "noindex"
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a plain-language 403 instead of Django's technical page."""
    return render(request, "subscriptions/csrf_failure.html", status=403)
