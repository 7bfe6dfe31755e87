"""{% subscription_form %}: the footer's subscription form for the page being shown."""

from django import template

from bilateral.url_prefixes import reverse_once

from ..forms import SubscriptionForm
from ..targets import target_for

register = template.Library()


@register.inclusion_tag("subscriptions/form.html", takes_context=True)
def subscription_form(context):
    return {
        "form": SubscriptionForm(target=target_for(context.get("page"))),
        "heading": "h2",
        "compact": True,
        "request": context.get("request"),
        # No CSRF token in the page's HTML (it is cached and shared, and the token would set a
        # cookie): form.js fetches one from this address when the reader starts using the form.
        "csrf_token_url": reverse_once("subscriptions:csrf_token"),
    }
