"""The subscription form's inputs written in Python (subscriptions/widgets.py) are byte for byte what
Django's widget templates write, in every state the form shows them in."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from bilateral.subscriptions import widgets
from bilateral.subscriptions.forms import SubscriptionForm

ATTRS = [{}, {"class": 'govuk-input "x"', "autocomplete": "email", "spellcheck": "false"},
         {"required": True, "disabled": False, "aria-describedby": "a<b>-error"}]
VALUES = [None, "", "name@example.com", "a&b<c>\"'", mark_safe("<b>safe</b>"), 12, True, False]


@pytest.mark.parametrize("django_widget, written_widget", [(forms.EmailInput, widgets.EmailInput),
                                                           (forms.CheckboxInput, widgets.CheckboxInput),
                                                           (forms.HiddenInput, widgets.HiddenInput)])
@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", VALUES)
def test_an_input_is_written_as_its_django_template_writes_it(django_widget, written_widget, attrs, value):
    extra = {"id": "subscription-x"}
    assert written_widget(attrs=dict(attrs)).render("x&y", value, attrs=extra) == \
        django_widget(attrs=dict(attrs)).render("x&y", value, attrs=extra)


def test_the_form_with_errors_writes_the_same_inputs_as_django(db):
    form = SubscriptionForm(data={"email": "not an address", "page": "7<"})
    assert not form.is_valid()
    for name in ("email", "consent", "page"):
        field = form.fields[name]
        django_widget = {"email": forms.EmailInput, "consent": forms.CheckboxInput, "page": forms.HiddenInput}[name]
        expected = form[name].as_widget(widget=django_widget(attrs=dict(field.widget.attrs)))
        assert str(form[name]) == expected
        assert type(field.widget).__module__ == widgets.__name__
