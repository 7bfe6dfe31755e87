"""The subscription form's text box, checkbox and hidden field, written in Python as Django's widget
templates write them (django/forms/widgets/input.html with attrs.html, included by email.html,
checkbox.html and hidden.html), and its captcha as altcha_django/widget.html writes it: the form is
in every page's footer, and the templates (a lookup, a context and includes each) were a tenth of an
uncached page's template time. The radio buttons too (radio_items_html): written as a template loop
in subscriptions/form.html, their eight look-ups per option still cost a third of the form's
render."""

from altcha_django.widgets import AltchaWidget
from django import forms
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe


def as_template_text(value):
    """{{ value|stringformat:'s' }}: escaped unless already safe."""
    text = "%s" % value
    return text if isinstance(value, SafeData) else escape(text)


def input_html(widget):
    """input.html for the template context's `widget` (the form renderer strips the line ends)."""
    parts = ['<input type="', escape(widget["type"]), '" name="', escape(widget["name"]), '"']
    if widget["value"] is not None:
        parts += [' value="', as_template_text(widget["value"]), '"']
    for name, value in widget["attrs"].items():
        if value is not False:
            parts += [" ", escape(name)]
            if value is not True:
                parts += ['="', as_template_text(value), '"']
    parts.append(">")
    return "".join(parts)


class WrittenInput:
    """A widget that writes its <input> itself, as its template would."""

    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(input_html(self.get_context(name, value, attrs)["widget"]))


class EmailInput(WrittenInput, forms.EmailInput):
    pass


class CheckboxInput(WrittenInput, forms.CheckboxInput):
    pass


class HiddenInput(WrittenInput, forms.HiddenInput):
    pass


def altcha_html(widget):
    """altcha_django/widget.html for the template context's `widget` (a single line: {% spaceless %}
    leaves it as it is)."""
    parts = ['<altcha-widget name="', conditional_escape(widget["widget_name"]), '"']
    if widget["challenge_url"]:
        parts += [' challenge="', conditional_escape(widget["challenge_url"]), '"']
    if widget["challenge_json"]:
        parts += [" challenge='", conditional_escape(widget["challenge_json"]), "'"]
    if widget["configuration_json"]:
        parts += [" configuration='", conditional_escape(widget["configuration_json"]), "'"]
    parts += [conditional_escape(widget["element_attrs"]), "></altcha-widget>"]
    return "".join(parts)


class Altcha(AltchaWidget):
    """The captcha's <altcha-widget>, written as its template would write it."""

    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(altcha_html(self.get_context(name, value, attrs)["widget"]))


RADIO_ITEM = ('<div class="govuk-radios__item"><input type="radio" name="%s" value="%s" class="govuk-radios__input"'
              ' id="%s"%s><label class="govuk-label govuk-radios__label" for="%s">%s</label></div>')


def radio_item_html(name, value, ident, flags, label):
    """One radio button and its label (RADIO_ITEM); `flags` are the input's attributes after its id."""
    ident = escape(ident)
    return RADIO_ITEM % (escape(name), conditional_escape(localize(value)), ident, flags, ident,
                         conditional_escape(label))


def radio_items_html(field):
    """A RadioSelect field's options as GOV.UK Frontend's radios: each input as Django's RadioSelect
    writes it (tests/subscriptions/test_form_markup.py), then its label."""
    flags = (" required" if field.field.required else "") + (' aria-invalid="true"' if field.errors else "")
    return mark_safe("".join(
        radio_item_html(choice.data["name"], choice.data["value"], choice.id_for_label,
                        flags + (" checked" if choice.data["selected"] else ""), choice.choice_label)
        for choice in field.subwidgets
    ))
