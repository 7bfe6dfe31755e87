from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .moved_addresses import MovedAddress
from .pages import routing as page_routing

# Wagtail's addresses, its page view routed with fewer queries (pages/routing.py).
wagtail_patterns = [
    re_path(wagtail_urls.serve_pattern, page_routing.serve, name="wagtail_serve")
    if getattr(pattern, "name", None) == "wagtail_serve" else pattern
    for pattern in wagtail_urls.urlpatterns
]

urlpatterns = [
    path("api/", include("bilateral.api.urls")),
    path("", include("bilateral.history.urls")),
    path("", include("bilateral.pages.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Bounces and complaints from the email service (only with ANYMAIL_ESP set).
    path("anymail/", include("bilateral.subscriptions.webhooks")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Lithuanian pages live at the root, English ones under /en/, each language with its own words in the
# addresses (Django's translated URL patterns: /paieska/ and /en/search/).
urlpatterns += i18n_patterns(
    path(_("search/"), include("bilateral.search.urls")),
    path(_("subscribe/"), include("bilateral.subscriptions.urls")),
    # The English addresses were once the Lithuanian ones: they move, permanently. (Under Lithuanian,
    # the translated patterns above answer these addresses first.)
    re_path(r"^paieska/(?P<rest>.*)$", MovedAddress.as_view(prefix=_("search/"))),
    re_path(r"^prenumerata/(?P<rest>.*)$", MovedAddress.as_view(prefix=_("subscribe/"))),
    path("", include(wagtail_patterns)),
    prefix_default_language=False,
)

# A database error raised outside a view (e.g. in a middleware) is answered 503 too, not 500.
handler500 = "bilateral.operations.outage.server_error"
