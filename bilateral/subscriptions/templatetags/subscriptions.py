"""{% subscription_form %}: the footer's subscription form for the page being shown."""

from django import template

from ..footer import footer_form_html

register = template.Library()


@register.simple_tag(takes_context=True)
def subscription_form(context):
    return footer_form_html(context.get("page"))
