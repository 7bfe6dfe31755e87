"""The admin's "Import a page" action: upload a page, get a draft section and the import report."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from bilateral.facts.models import Country

from .importing import find_country_page, import_page
from .reading import MAX_BYTES, ImportRefused, refuse_size

PERMISSION = "wagtailadmin.access_admin"


class ImportPageForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("The page to import"),
        help_text=gettext_lazy("Plain text or HTML, in UTF-8, at most %(limit)s MB.")
        % {"limit": MAX_BYTES // (1024 * 1024)},
        allow_empty_file=True,  # an empty file is refused by the import, with its own message
    )
    country = forms.ModelChoiceField(
        queryset=Country.objects.filter(pages__isnull=False).distinct(),
        to_field_name="iso_code",
        label=gettext_lazy("Country"),
        help_text=gettext_lazy("The draft is added under this country's page."),
        error_messages={"invalid_choice": gettext_lazy("There is no country with this code among those with pages.")},
    )
    language = forms.ChoiceField(
        choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE, label=gettext_lazy("Language of the page")
    )
    title = forms.CharField(
        required=False,
        max_length=255,
        label=gettext_lazy("Title of the section"),
        help_text=gettext_lazy("Leave empty to take the page's first line."),
    )


class ImportPageView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportPageForm
    template_name = "imports/admin/import_page.html"
    page_title = gettext_lazy("Import a page")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("import_page")
        context["submit_button_label"] = _("Import as a draft")
        context["submit_button_active_label"] = _("Importing…")
        return context

    def form_valid(self, form):
        upload, data = form.cleaned_data["file"], form.cleaned_data
        try:
            refuse_size(upload.size)  # before reading it whole
            _country, country_page = find_country_page(data["country"].iso_code, data["language"])
            if not country_page.permissions_for_user(self.request.user).can_add_subpage():
                raise PermissionDenied
            result = import_page(
                upload.read(),
                data["country"].iso_code,
                language=data["language"],
                title=data["title"],
                filename=upload.name,
                user=self.request.user,
            )
        except ImportRefused as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        context = self.get_context_data(form=ImportPageForm(), result=result)
        context["page_subtitle"] = _("Imported: “%(title)s”") % {"title": result.page.title}
        return TemplateResponse(self.request, "imports/admin/import_report.html", context)
