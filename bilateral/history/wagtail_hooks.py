"""The history's answers at a section page's own addresses: "istorija/", "istorija/palyginti/" and
`?as_of=YYYY-MM-DD` on the page itself.

An on_serve_page hook, registered after Wagtail's own (order=1), so that it runs inside Wagtail's
check of the page's view restrictions: a restricted page's history is as restricted as the page."""

from wagtail import hooks

from bilateral.pages.models import SectionPage

from . import views
from .as_of import serve_as_of

SUBPAGE_VIEWS = {"history": views.history, "compare": views.compare}


def history_response(page, request):
    """The history's answer for this request to a section page, or None (the page serves it)."""
    if not isinstance(page, SectionPage):
        return None
    match = getattr(request, "routable_resolver_match", None)
    route = match.url_name if match is not None else "index_route"
    if route in SUBPAGE_VIEWS:
        return SUBPAGE_VIEWS[route](page, request)
    if route == "index_route" and "as_of" in request.GET:
        return serve_as_of(page, request)
    return None


@hooks.register("on_serve_page", order=1)
def serve_history(next_serve):
    def serve(page, request, serve_args, serve_kwargs):
        response = history_response(page, request)
        return response if response is not None else next_serve(page, request, serve_args, serve_kwargs)

    return serve
