from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin
from wagtail.search import index

from .country_codes import validate_iso_code

# Which field holds each form a sentence can ask for, per language of the site. A language is added
# by giving Country its fields (a migration) and a line here; English has no cases, so every case
# is the one name. Fields left empty fall back to the nominative (data from before a form existed).
NAME_FORM_FIELDS = {
    "lt": {
        "nominative": "name",
        "genitive": "name_genitive",
        "instrumental": "name_instrumental",
        "locative": "name_locative",
        "official": "official_name",
        "official_genitive": "official_name_genitive",
    },
    "en": {
        "nominative": "name_en",
        "genitive": "name_en",
        "instrumental": "name_en",
        "locative": "name_en",
        "official": "official_name_en",
        # Where Lithuanian names the official name, so does English: "the Republic of Lithuania–Republic
        # of Latvia border", "the defence attaché of the Republic of Latvia".
        "official_genitive": "official_name_en",
    },
    # Polish declines as Lithuanian does; its locative is stored with its preposition, which the name
    # chooses ("na Białorusi", "na Łotwie", but "w Polsce", "w Rosji").
    "pl": {
        "nominative": "name_pl",
        "genitive": "name_pl_genitive",
        "instrumental": "name_pl_instrumental",
        "locative": "name_pl_locative",
        "official": "official_name_pl",
        "official_genitive": "official_name_pl_genitive",
    },
}
# The grammatical gender of the country's Polish name: the form of a past-tense verb after it
# ("Białoruś uznała", "Izrael uznał", "Maroko uznało", "Stany Zjednoczone uznały"). Each sentence with
# such a verb is a message per gender (pgettext contexts, grammar.country_context); Lithuanian and English
# translate every context alike. An empty value (a form's blank choice) reads as feminine.
FEMININE, MASCULINE, NEUTER, PLURAL = "feminine", "masculine", "neuter", "plural"
POLISH_GENDER_CHOICES = [
    (FEMININE, _("feminine: „Białoruś uznała”")),
    (MASCULINE, _("masculine: „Izrael uznał”")),
    (NEUTER, _("neuter: „Maroko uznało”")),
    (PLURAL, _("plural: „Stany Zjednoczone uznały”")),
]
DEFAULT_LANGUAGE = "lt"
# A country described before a language was added has no names in it yet: its sentences and pages in
# that language read the names of the language it falls back to (Polish → English) until they are entered.
FALLBACK_LANGUAGE = {"pl": "en"}


def language_of(code):
    code = (code or DEFAULT_LANGUAGE).split("-")[0]
    return code if code in NAME_FORM_FIELDS else DEFAULT_LANGUAGE


class Country(PreviewableMixin, index.Indexed, models.Model):
    """A country with its name in each grammatical case the generated sentences need.

    Forms are stored, never derived by rule: Lithuanian declension has too many exceptions.
    """

    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        unique=True,
        validators=[validate_iso_code],
        help_text=_("For example BY, LV."),
        error_messages={"unique": _("A country with this code already exists.")},
    )
    name = models.CharField(_("name (nominative)"), max_length=100, help_text=_("Baltarusija"))
    name_genitive = models.CharField(
        _("name (genitive)"), max_length=100, help_text=_("Baltarusijos: „Lietuvos ir …“")
    )
    name_instrumental = models.CharField(
        _("name (instrumental)"), max_length=100, help_text=_("Baltarusija: „santykiai su …“")
    )
    name_locative = models.CharField(
        _("name (locative)"), max_length=100, help_text=_("Baltarusijoje: „atstovas …“")
    )
    official_name = models.CharField(
        _("official name (nominative)"), max_length=150, help_text=_("Baltarusijos Respublika")
    )
    official_name_genitive = models.CharField(
        _("official name (genitive)"),
        max_length=150,
        help_text=_("Baltarusijos Respublikos: „… sienos demarkavimo dokumentai“"),
    )
    name_en = models.CharField(_("name in English"), max_length=100, help_text=_("Belarus"))
    official_name_en = models.CharField(
        _("official name in English"), max_length=150, help_text=_("Republic of Belarus")
    )

    name_pl = models.CharField(_("name in Polish (nominative)"), max_length=100, blank=True, help_text=_("Białoruś"))
    name_pl_genitive = models.CharField(
        _("name in Polish (genitive)"), max_length=100, blank=True, help_text=_("Białorusi: „granica Litwy i …“")
    )
    name_pl_instrumental = models.CharField(
        _("name in Polish (instrumental)"), max_length=100, blank=True, help_text=_("Białorusią: „współpraca z …“")
    )
    name_pl_locative = models.CharField(
        _("name in Polish (locative, with its preposition)"),
        max_length=100,
        blank=True,
        help_text=_("na Białorusi, w Polsce: „przedstawiciel Litwy …“"),
    )
    official_name_pl = models.CharField(
        _("official name in Polish (nominative)"), max_length=150, blank=True, help_text=_("Republika Białorusi")
    )
    official_name_pl_genitive = models.CharField(
        _("official name in Polish (genitive)"),
        max_length=150,
        blank=True,
        help_text=_("Republiki Białorusi: „ambasada …“"),
    )

    name_pl_gender = models.CharField(
        _("gender of the name in Polish"),
        max_length=10,
        choices=POLISH_GENDER_CHOICES,
        default=FEMININE,
        blank=True,
        help_text=_("The form of a verb after the name: „… uznała niepodległość Litwy”."),
    )

    search_fields = [index.SearchField("name"), index.SearchField("name_en"), index.SearchField("name_pl")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def clean(self):
        # "lv" is LV: the code is compared and stored as the standard writes it.
        self.iso_code = (self.iso_code or "").strip().upper()

    def forms(self, language=None):
        """The names a sentence can ask for, in the language being rendered, and the gender of the
        Polish name ("gender"), which chooses the verb's form in a Polish sentence."""
        language = language_of(language or get_language())
        fields = NAME_FORM_FIELDS[language]
        nominative = getattr(self, fields["nominative"])
        if not nominative and language in FALLBACK_LANGUAGE:
            return self.forms(FALLBACK_LANGUAGE[language])
        forms = {form: getattr(self, field) or nominative for form, field in fields.items()}
        forms["gender"] = self.name_pl_gender or FEMININE
        return forms

    def get_preview_template(self, request, mode_name):
        return "facts/country_preview.html"

    def get_preview_context(self, request, mode_name):
        from .country_preview import preview_sentences

        context = super().get_preview_context(request, mode_name)
        context["languages"] = preview_sentences(self)
        return context
