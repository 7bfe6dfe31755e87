from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import live_checks
from .views import CountryViewSet

register_snippet(CountryViewSet)


@hooks.register("register_admin_urls")
def live_check_url():
    """Under /admin/: Wagtail lets only users with admin access in; Django's CSRF check guards the POST."""
    return [path("fact-checks/", live_checks.check_view, name="facts_live_check")]


@hooks.register("insert_editor_js")
def live_checks_script():
    """See facts/live-checks.js: the fact blocks' warnings beside their fields while the editor types."""
    return format_html(
        '<script src="{}" data-check-url="{}" data-fact-types="{}"></script>',
        static("facts/live-checks.js"),
        reverse("facts_live_check"),
        " ".join(live_checks.fact_block_types()),
    )


@hooks.register("insert_editor_js")
def country_preview_script():
    """See facts/country-preview.js: the country form's preview refreshed as each name form is typed."""
    return format_html('<script src="{}" defer></script>', static("facts/country-preview.js"))
