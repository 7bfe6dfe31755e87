"""The sentences a country's name forms go into, for the editor's live preview of a Country.

Each form is shown in a sentence of the kind the fact blocks write, so that a wrong case
("su Latvijos") is seen before it is saved. One list per language of the site, in that language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .grammar import agreeing_with
from .models import FEMININE, MASCULINE, NEUTER, NAME_FORM_FIELDS, PLURAL


RECOGNITION_EXAMPLE = {
    FEMININE: lambda: pgettext("country's name feminine", "%(nominative)s recognised the independence of Lithuania de jure."),
    MASCULINE: lambda: pgettext("country's name masculine", "%(nominative)s recognised the independence of Lithuania de jure."),
    NEUTER: lambda: pgettext("country's name neuter", "%(nominative)s recognised the independence of Lithuania de jure."),
    PLURAL: lambda: pgettext("country's name plural", "%(nominative)s recognised the independence of Lithuania de jure."),
}


def example_templates(forms=None):
    """(form, sentence with that form in it): the order the editor's fields come in. The first one's
    verb agrees with the gender of the Polish name (`forms`' "gender")."""
    return [
        ("nominative", agreeing_with(forms, RECOGNITION_EXAMPLE)),
        ("genitive", _("the state border of Lithuania and %(genitive)s")),
        ("instrumental", _("cooperation with %(instrumental)s")),
        ("locative", _("the representative of Lithuania in %(locative)s")),
        ("official", _("Official name: %(official)s")),
        ("official_genitive", _("the Embassy of the %(official_genitive)s")),
    ]


def highlighted(template, form, value):
    """The sentence with the form itself in <strong>, the rest escaped."""
    strong = format_html("<strong>{}</strong>", value) if value else format_html(
        '<strong class="country-preview__missing">{}</strong>', _("(missing)")
    )
    return mark_safe(conditional_escape(template) % {form: strong})  # noqa: S308 (both parts escaped)


def sentences_in(country, language):
    with translation.override(language):
        forms = country.forms(language)
        return [
            {"form": form, "sentence": highlighted(template, form, forms.get(form, ""))}
            for form, template in example_templates(forms)
        ]


def preview_sentences(country):
    """[{code, name, sentences}] for every language of the site that has name forms."""
    return [
        {"code": code, "name": translation.gettext(str(name)), "sentences": sentences_in(country, code)}
        for code, name in settings.LANGUAGES
        if code in NAME_FORM_FIELDS
    ]
