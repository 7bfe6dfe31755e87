"""The admin's "New partner country" action: a form for the country, then create_partner_country."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from bilateral.facts.models import Country

from .new_country import NewCountryError, create_partner_country

PERMISSION = "facts.add_country"
COUNTRY_FIELDS = [
    "iso_code",
    "name",
    "name_genitive",
    "name_instrumental",
    "name_locative",
    "official_name",
    "official_name_genitive",
    "name_en",
    "official_name_en",
    "name_pl",
    "name_pl_genitive",
    "name_pl_instrumental",
    "name_pl_locative",
    "official_name_pl",
    "official_name_pl_genitive",
    "name_pl_gender",
]


class NewCountryForm(forms.ModelForm):
    """A country already described (without pages yet), or a new one with all its name forms."""

    existing = forms.ModelChoiceField(
        queryset=Country.objects.none(),
        required=False,
        label=gettext_lazy("A country already described"),
        empty_label=gettext_lazy("None: a new country, described below"),
        help_text=gettext_lazy("Countries whose names are entered but that have no pages yet."),
    )

    field_order = ["existing", *COUNTRY_FIELDS]

    class Meta:
        model = Country
        fields = COUNTRY_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing"].queryset = Country.objects.filter(pages__isnull=True)
        if not self.fields["existing"].queryset.exists():
            del self.fields["existing"]
        elif self.data.get(self.add_prefix("existing")):
            for name in COUNTRY_FIELDS:  # the chosen country's names are already there
                self.fields[name].required = False

    def _post_clean(self):
        if not self.cleaned_data.get("existing"):
            super()._post_clean()  # the model's own checks: the ISO code, its uniqueness

    def country(self):
        return self.cleaned_data.get("existing") or self.instance


class NewCountryView(WagtailAdminTemplateMixin, FormView):
    form_class = NewCountryForm
    template_name = "pages/admin/new_country.html"
    page_title = gettext_lazy("New partner country")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("new_partner_country")
        context["submit_button_label"] = _("Create the country and its pages")
        context["submit_button_active_label"] = _("Creating…")
        return context

    def form_valid(self, form):
        try:
            created = create_partner_country(form.country(), user=self.request.user)
        except NewCountryError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        section = created.sections[0]
        messages.success(
            self.request,
            _("%(country)s added: its page, its editors' and publishers' groups, its review and the draft section “%(section)s” in every language of the site.")
            % {"country": created.country_page.title, "section": section.title},
        )
        return redirect("wagtailadmin_pages:edit", section.pk)


@hooks.register("register_admin_urls")
def new_country_urls():
    return [path("nauja-salis/", NewCountryView.as_view(), name="new_partner_country")]


class NewCountryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def new_country_menu_item():
    return NewCountryMenuItem(
        gettext_lazy("New partner country"), reverse("new_partner_country"), icon_name="plus", order=250
    )
