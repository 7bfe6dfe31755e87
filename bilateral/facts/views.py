"""The countries in the admin ("Šalys"): a snippet whose edit form previews its names in sentences."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Country


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    menu_name = "countries"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "iso_code", "name_en"]
    search_fields = ["name", "name_en", "iso_code"]
    ordering = ["name"]
    panels = [
        FieldPanel("iso_code"),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_genitive"),
                FieldPanel("name_instrumental"),
                FieldPanel("name_locative"),
                FieldPanel("official_name"),
                FieldPanel("official_name_genitive"),
            ],
            heading=_("In Lithuanian"),
        ),
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("official_name_en")], heading=_("In English")),
        MultiFieldPanel(
            [
                FieldPanel("name_pl"),
                FieldPanel("name_pl_genitive"),
                FieldPanel("name_pl_instrumental"),
                FieldPanel("name_pl_locative"),
                FieldPanel("official_name_pl"),
                FieldPanel("official_name_pl_genitive"),
                FieldPanel("name_pl_gender"),
            ],
            heading=_("In Polish"),
        ),
    ]
