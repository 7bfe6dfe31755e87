"""subscriptions/form.html writes the radio inputs itself (the widget's per-option templates are slow):
they must stay what Django's RadioSelect would write, for a fresh form and for one with errors."""

import pytest
from django.template.loader import render_to_string

from altcha_django.widgets import AltchaWidget

from bilateral.subscriptions.forms import SubscriptionForm


@pytest.mark.parametrize(
    "data",
    [None, {"scope": "no-such-scope", "frequency": "daily"}, {"frequency": "no-such-frequency"}, {}],
    ids=["fresh", "bad scope", "bad frequency", "empty"],
)
def test_radio_inputs_are_what_radioselect_writes(data):
    form = SubscriptionForm(data=data)
    html = render_to_string("subscriptions/form.html", {"form": form, "csrf_token_url": "/token/"})
    expected = [str(choice.tag()) for field in form.radio_fields() for choice in field]
    assert len(expected) >= 4
    for tag in expected:
        assert tag in html, tag
    assert html.count('type="radio"') == len(expected)


@pytest.mark.parametrize(
    "data", [None, {"email": "a@example.com"}, {"captcha": "not-an-answer"}], ids=["fresh", "no answer", "bad answer"]
)
def test_the_captcha_is_what_altchas_template_writes(data):
    form = SubscriptionForm(data=data)
    form.is_valid()
    field = form["captcha"]
    written = field.as_widget()
    # The same widget, rendered through the library's template.
    library_widget = AltchaWidget()
    library_widget.__dict__.update(field.field.widget.__dict__)
    expected = field.as_widget(widget=library_widget)
    assert written.startswith("<altcha-widget name=\"captcha\" challenge=\"")
    assert written == expected


def test_the_forms_scripts_are_what_djangos_form_media_adds_up():
    from django import forms

    form = SubscriptionForm()
    assert str(form.media) == str(forms.Form.media.fget(form))
    assert 'type="module"' in str(form.media)
