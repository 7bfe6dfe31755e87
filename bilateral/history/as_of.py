"""`?as_of=YYYY-MM-DD` on a section page: the page as it was published at the end of that day."""

from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _

from .history import BadDay, end_of_day, parse_day, published_revision_on, updated_on


def serve_as_of(page, request):
    """The revision live on that day, with a notice; 400 for a malformed date, 404 before publication."""
    try:
        day = parse_day(request.GET.get("as_of"))
    except BadDay:
        message = _("Write the date as YYYY-MM-DD, for example 2019-01-01.")
        return problem(page, request, 400, _("Wrong date"), message)
    revision = published_revision_on(page, day)
    if revision is None:
        return problem(page, request, 404, _("Not published on that day"), not_published_message(page, day))
    past = revision.as_object()
    past.last_major_change_at = updated_on(page, day)
    context = past.get_context(request)
    # rendered_revision_id: the fact blocks' cache keys name the revision shown (caching/block_cache.py).
    context.update(as_of=day, current_url=request.path, rendered_revision_id=revision.pk)
    context["as_of_notice"] = "history/includes/as_of_notice.html"  # the section page's template includes it
    response = TemplateResponse(request, past.get_template(request), context)
    # A past version is not what search engines should index under the page's address.
    response["X-Robots-Tag"] = "noindex"
    return response


def not_published_message(page, day):
    params = {"date": formats.date_format(day, "DATE_FORMAT")}
    if page.first_published_at and page.first_published_at > end_of_day(day):
        params["first"] = formats.date_format(page.first_published_at, "DATE_FORMAT")
        return _("On %(date)s this page had not been published yet: it was first published on %(first)s.") % params
    return _("On %(date)s this page was not published.") % params


def problem(page, request, status, heading, message):
    context = {"page": page, "self": page, "request": request, "heading": heading, "message": message}
    context["current_url"] = request.path
    return TemplateResponse(request, "history/as_of_problem.html", context, status=status)
