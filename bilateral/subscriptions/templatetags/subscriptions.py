"""{% subscription_form %}: the footer's subscription form for the page being shown."""

from django import template

from ..forms import SubscriptionForm
from ..targets import target_for

register = template.Library()


@register.inclusion_tag("subscriptions/form.html", takes_context=True)
def subscription_form(context):
    return {
        "form": SubscriptionForm(target=target_for(context.get("page"))),
        "heading": "h2",
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
