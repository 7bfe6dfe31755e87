from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Country(index.Indexed, models.Model):
    """A country with its name in each grammatical case the generated sentences need.

    Forms are stored, never derived by rule: Lithuanian declension has too many exceptions.
    """

    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"), max_length=2, unique=True, help_text=_("For example BY, LV.")
    )
    name = models.CharField(_("name (nominative)"), max_length=100, help_text=_("Baltarusija"))
    name_genitive = models.CharField(
        _("name (genitive)"), max_length=100, help_text=_("Baltarusijos: „Lietuvos ir …“")
    )
    name_locative = models.CharField(
        _("name (locative)"), max_length=100, help_text=_("Baltarusijoje: „atstovas …“")
    )
    official_name_genitive = models.CharField(
        _("official name (genitive)"),
        max_length=150,
        help_text=_("Baltarusijos Respublikos: „… sienos demarkavimo dokumentai“"),
    )
    name_en = models.CharField(_("name in English"), max_length=100, help_text=_("Belarus"))

    search_fields = [index.SearchField("name"), index.SearchField("name_en")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def forms(self):
        """The names a sentence can ask for, in the language being rendered."""
        from django.utils.translation import get_language

        if (get_language() or "lt").startswith("en"):
            return {
                "nominative": self.name_en,
                "genitive": self.name_en,
                "locative": self.name_en,
                "official_genitive": self.name_en,
            }
        return {
            "nominative": self.name,
            "genitive": self.name_genitive,
            "locative": self.name_locative,
            "official_genitive": self.official_name_genitive,
        }
