"""Addresses that moved: the English pages' search and subscription addresses were once Lithuanian
words (/en/paieska/, /en/prenumerata/…); links to them in old emails, bookmarks and search engines
are answered with a permanent redirect to the same place under the English words."""

from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import get_language
from django.views.generic import RedirectView


class MovedAddress(RedirectView):
    """301 to `/<language>/<prefix><rest>`, the query string kept (a search's ?q=, a link's token)."""

    permanent = True
    query_string = True
    prefix = ""

    def dispatch(self, request, *args, **kwargs):
        if get_language() == settings.LANGUAGE_CODE:
            # Lithuanian addresses never moved: one the subscription's own patterns did not match is
            # simply not there.
            raise Http404
        if request.method in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        # A POST to a former address (the one-click unsubscribe of an email sent before the move) is
        # sent on as a POST: 308 keeps the method, where a client may turn a 301 into a GET.
        response = HttpResponseRedirect(self.get_redirect_url(*args, **kwargs))
        response.status_code = 308
        return response

    def get_redirect_url(self, *args, **kwargs):
        # `rest` arrives decoded; quoted again (keeping "/") so that the new address means the same path.
        # Not through RedirectView's `url % kwargs`: a quoted path is full of "%".
        url = "/%s/%s%s" % (get_language(), self.prefix, quote(kwargs.get("rest", ""), safe="/"))
        query = self.request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url
