"""Site search: /paieska/?q=… (/en/search/?q=…) finds the live pages of the current language by title, text and facts."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from .query import parse
from .snippets import highlighted, snippet
from .stemming import backend_query
from .text import page_text

PER_PAGE = 20


def search_pages(query_terms):
    """Through Wagtail's search backend: every term must match (figures and folded words). The results
    are shown by title and stored text (SectionPage.search_text), so their bodies are not fetched."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1)
    pages = pages.defer_streamfields().specific()
    return pages.search(backend_query(query_terms, get_language()), operator="and", order_by_relevance=True)


def result(page, query_terms, where=()):
    return {
        "page": page,
        "title": highlighted(page.title, query_terms),
        "where": where,
        "snippet": snippet(page_text(page), query_terms),
    }


def ancestor_paths(page):
    """The tree paths of the page's ancestors below the home page (depth 3 up to its parent)."""
    step = Page.steplen
    return [page.path[: step * depth] for depth in range(3, page.depth)]


def places(pages):
    """For each page, the titles of its ancestors below the home page (a section's country and the
    list of countries), so that results of the same title in different countries differ: one query."""
    paths = {path for page in pages for path in ancestor_paths(page)}
    titles = dict(Page.objects.filter(path__in=paths).values_list("path", "title")) if paths else {}
    return [[titles[path] for path in ancestor_paths(page) if path in titles] for page in pages]


def summary(count, text):
    if count == 0:
        return _("Nothing was found for “%(query)s”.") % {"query": text}
    return ngettext(
        "For “%(query)s”, %(count)s result was found.",
        "For “%(query)s”, %(count)s results were found.",
        count,
    ) % {"query": text, "count": count}


def search(request):
    query = parse(request.GET.get("q", ""))
    context = {"query": query, "results": [], "results_page": None}
    if query.error:
        return render(request, "search/search.html", context, status=400)
    if query.terms:
        paginator = Paginator(search_pages(query.terms), PER_PAGE)
        results_page = paginator.get_page(request.GET.get("p"))
        context.update(
            results_page=results_page,
            results=[
                result(page, query.terms, where)
                for page, where in zip(results_page, places(list(results_page)))
            ],
            summary=summary(paginator.count, query.text),
        )
    return render(request, "search/search.html", context)
