"""The subscription form: email, what to follow, how often, consent, and the ALTCHA captcha."""

import logging

from altcha_django.forms import AltchaField, AltchaMixin
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError

from bilateral.url_prefixes import reverse_once

from . import widgets
from .consent import CONSENT_TEXT
from .models import FREQUENCY_CHOICES, IMMEDIATE
from .targets import Target

log = logging.getLogger(__name__)

EMAIL_MAX_LENGTH = 254  # RFC 5321's limit on a forward path

CAPTCHA_MESSAGES = {
    "required": _("Complete the captcha: tick “I am not a robot” and wait until it says it is verified."),
    "malformed": _("The captcha answer was not valid. Tick “I am not a robot” again."),
    "invalid_signature": _("The captcha answer was not valid. Tick “I am not a robot” again."),
    "invalid_solution": _("The captcha answer was not valid. Tick “I am not a robot” again."),
    "expired": _("The captcha expired (it is valid for 10 minutes). Tick “I am not a robot” again."),
    "replayed": _("This captcha answer has already been used. Tick “I am not a robot” again."),
    "unverified": _("The captcha could not be verified. Tick “I am not a robot” again."),
    "misconfigured": _("The captcha could not be verified. Tick “I am not a robot” again."),
    "unavailable": _("The captcha cannot be checked just now. Please try again in a few minutes."),
}


class ReplayCheckedAltchaField(AltchaField):
    """An answer is accepted only once it is recorded as used in the shared cache (the strict
    "captcha" alias). With that cache away it cannot be recorded, so it is refused, with words that
    say to come back, rather than accepted where it could be replayed."""

    widget = widgets.Altcha

    def clean(self, value):
        try:
            return super().clean(value)
        except RedisError as error:
            log.warning("Captcha replay store unavailable: %s", error)
            raise ValidationError(self.error_messages["unavailable"], code="unavailable") from error


class SingleLineEmailField(forms.EmailField):
    """An email address on one line: a CR or LF could smuggle a header into an email."""

    def to_python(self, value):
        if isinstance(value, str) and ("\r" in value or "\n" in value):
            raise ValidationError(self.error_messages["newline"], code="newline")
        value = super().to_python(value)
        # One subscriber per mailbox, however the reader capitalised it.
        return value.lower()


def email_field():
    return SingleLineEmailField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the correct format, like name@example.com."),
            "max_length": _("The email address must be %(limit_value)d characters or fewer."),
            "newline": _("The email address must be on one line, without line breaks."),
        },
        widget=widgets.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false", "class": "govuk-input"}),
    )


def mark_invalid(bound_field):
    """Tie the field to its error message (for screen readers) and give a text box GOV.UK's error border."""
    attrs = bound_field.field.widget.attrs
    attrs["aria-describedby"] = f"{bound_field.auto_id}-error"
    if attrs.get("class") == "govuk-input":
        attrs["class"] = "govuk-input govuk-input--error"


class NewLinkForm(forms.Form):
    """"Send me a new link": the address alone (the answer never says whether it is subscribed)."""

    email = email_field()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "new-link-%s")
        super().__init__(*args, **kwargs)

    def full_clean(self):
        super().full_clean()
        if "email" in self.errors:
            mark_invalid(self["email"])


class SubscriptionForm(AltchaMixin, forms.Form):
    email = email_field()
    scope = forms.ChoiceField(
        label=_("What to follow"),
        widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
        error_messages={
            "required": _("Choose what to follow."),
            "invalid_choice": _("Choose what to follow from the options given."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=FREQUENCY_CHOICES,
        initial=IMMEDIATE,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
        error_messages={
            "required": _("Choose how often to receive emails."),
            "invalid_choice": _("Choose how often from the options given."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        widget=widgets.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
        error_messages={"required": _("Tick the box to agree that we keep your email address.")},
    )
    # The page the form was shown on; only read through target_from_id, which ignores a bad value.
    page = forms.CharField(required=False, widget=widgets.HiddenInput)
    captcha = ReplayCheckedAltchaField(
        label=_("Captcha"),
        # Read on every page's footer: reversed once per process and language (url_prefixes.py).
        challenge_url=lazy(reverse_once, str)("subscriptions:captcha"),
        # A reader who presses "Subscribe" without ticking the box gets the work done then.
        auto="onsubmit",
        error_messages=CAPTCHA_MESSAGES,
    )

    def __init__(self, *args, target=None, **kwargs):
        kwargs.setdefault("auto_id", "subscription-%s")
        super().__init__(*args, **kwargs)
        self.target = target or Target()
        self.fields["scope"].choices = self.target.scope_choices()
        self.fields["scope"].initial = self.target.default_scope
        self.fields["page"].initial = self.target.form_page_id

    def full_clean(self):
        super().full_clean()
        # Tie each text input and checkbox to its error message, for screen readers.
        for name in ("email", "consent"):
            if name in self.errors:
                mark_invalid(self[name])

    def radio_fields(self):
        return [self["scope"], self["frequency"]]

    @property
    def media(self):
        """The captcha's scripts, the only widget with any: Django's Form.media adds up every field's
        (a Media merge per field) for the same answer."""
        return self.fields["captcha"].widget.media

    def radio_groups(self):
        """(field, its radio buttons' HTML) for each radio field (widgets.radio_items_html)."""
        return [(field, widgets.radio_items_html(field)) for field in self.radio_fields()]

    def error_links(self):
        """(anchor, message) for the error summary: each error links to its field."""
        links = []
        for name in self.fields:
            anchor = "captcha-field" if name == "captcha" else self[name].auto_id
            if name in ("scope", "frequency"):
                anchor += "_0"  # the first radio button
            for message in self.errors.get(name, []):
                links.append((anchor, message))
        return links
