"""The footer's subscription form ({% subscription_form %}, on every public page), written once per
process and language with two slots, filled in for each page: the page's id (the hidden field) and
its scope radios ("this page", "this country", "the whole portal"). Everything else in it is the
same on every page of a language, and building the form (its fields' copies) and rendering its
template were a tenth of an uncached page's render. tests/subscriptions/test_footer_form.py holds
the result equal to the template rendered with the page's own form."""

import functools

from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from bilateral.url_prefixes import reverse_once

from .forms import SubscriptionForm
from .targets import Target, target_for
from .widgets import radio_item_html, radio_items_html

PAGE_SLOT = "bilateral-footer-page-slot"
SCOPE_SLOT = "bilateral-footer-scope-slot"
# The hidden field's value attribute, as the widget writes it (none at all without a page).
PAGE_VALUE = ' value="%s"'
AUTO_ID = "subscription-%s"


def form_context(form):
    """What subscriptions/form.html gets in the footer: an h2, the compact look, no CSRF token in the
    page's HTML (it is cached and shared, and the token would set a cookie: form.js fetches one from
    csrf_token_url when the reader starts using the form)."""
    return {"form": form, "heading": "h2", "compact": True,
            "csrf_token_url": reverse_once("subscriptions:csrf_token")}


def footer_form_html(page):
    """The form for this page in the active language."""
    target = target_for(page)
    # Keyed as url_prefixes.reverse_once keys its addresses: the form's action, CSRF and captcha ones.
    html, scope_flags = frame(get_language(), get_urlconf(), get_script_prefix())
    page_id = "" if target.form_page_id is None else PAGE_VALUE % conditional_escape(target.form_page_id)
    return mark_safe(html.replace(PAGE_SLOT, page_id, 1).replace(SCOPE_SLOT, scope_radios_html(target, scope_flags), 1))


@functools.lru_cache(maxsize=16)
def frame(language, urlconf, script_prefix):
    """(the form's HTML with its slots, the scope radios' flags) in this language: the form rendered
    once, its hidden field's value attribute and its scope radios replaced by the slots."""
    form = SubscriptionForm(target=Target(), auto_id=AUTO_ID)
    form.fields["page"].initial = PAGE_SLOT
    scope, frequency = form["scope"], form["frequency"]
    groups = [(scope, mark_safe(SCOPE_SLOT)), (frequency, radio_items_html(frequency))]
    form.radio_groups = lambda: groups  # the template asks the form for its radio groups
    html = render_to_string("subscriptions/form.html", form_context(form)).replace(PAGE_VALUE % PAGE_SLOT, PAGE_SLOT, 1)
    return html, " required" if scope.field.required else ""


def scope_radios_html(target, flags):
    """widgets.radio_items_html of an unbound form's scope field for this target, without the form."""
    default = str(target.default_scope)
    return "".join(
        radio_item_html("scope", value, "%s_%d" % (AUTO_ID % "scope", index),
                        flags + (" checked" if str(value) == default else ""), label)
        for index, (value, label) in enumerate(target.scope_choices())
    )


# The settings the form's fixed parts are made from (its words, addresses, static files, captcha).
FRAME_SETTINGS = {"LANGUAGES", "LANGUAGE_CODE", "ROOT_URLCONF", "STATIC_URL", "STORAGES", "TEMPLATES",
                  "INSTALLED_APPS", "LOCALE_PATHS", "FORMAT_MODULE_PATH", "USE_THOUSAND_SEPARATOR"}


def forget_frames(setting, **kwargs):
    """As the settings a test changes may change the form's fixed parts (and only those: the
    benchmarks switch other settings around every render)."""
    if setting in FRAME_SETTINGS or setting.startswith(("ALTCHA", "SUBSCRIPTION")):
        frame.cache_clear()


setting_changed.connect(forget_frames)
