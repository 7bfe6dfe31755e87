"""The public "Atnaujinimų istorija" of a section page and the comparison of two published versions."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .comparison import compare_units, rendered_units
from .versions import previous_versions, published_versions


def subpage_url(page, request, name):
    return (page.get_url(request) or "") + page.reverse_subpage(name)


def compare_url(page, request, old_pk, new_pk):
    return subpage_url(page, request, "compare") + "?" + urlencode({"a": old_pk, "b": new_pk})


def respond(page, request, template, extra, status=200):
    context = page.get_context(request)
    context.update(
        history_url=subpage_url(page, request, "history"),
        compare_action=subpage_url(page, request, "compare"),
        **extra,
    )
    return TemplateResponse(request, template, context, status=status)


def history(page, request):
    """Major changes, newest first, and the form choosing two published versions to compare."""
    versions = published_versions(page)
    previous = previous_versions(versions)
    changes = list(page.major_changes.order_by("-published_at", "-pk"))
    for change in changes:
        before = previous.get(change.revision_id)
        change.compare_url = compare_url(page, request, before.pk, change.revision_id) if before else ""
    return respond(
        page,
        request,
        "history/history.html",
        {
            "changes": changes,
            "versions": versions,
            "selected_a": versions[1].pk if len(versions) > 1 else None,
            "selected_b": versions[0].pk if versions else None,
            "meta_title": _("Update history: %(page)s") % {"page": page.title},
        },
    )


def compare(page, request):
    """Two published versions side by side; 400 for a missing or malformed choice, 404 for an unknown one."""
    versions = published_versions(page)
    by_pk = {version.pk: version for version in versions}
    extra = {"versions": versions, "meta_title": _("Comparison of versions: %(page)s") % {"page": page.title}}
    try:
        chosen = [int(request.GET["a"]), int(request.GET["b"])]
    except (KeyError, ValueError):
        return problem(page, request, extra, 400, _("Choose two published versions of this page to compare."))
    extra.update(selected_a=chosen[0], selected_b=chosen[1])
    if any(pk not in by_pk for pk in chosen):
        return problem(page, request, extra, 404, _("This page has no published version with that number."))
    if chosen[0] == chosen[1]:
        return problem(page, request, extra, 400, _("Choose two different versions."))
    old, new = sorted((by_pk[pk] for pk in chosen), key=lambda version: (version.published_at, version.pk))
    country_page = page.country_page
    country = country_page.country if country_page else None
    rows = compare_units(
        rendered_units(old.revision.as_object(), country, request),
        rendered_units(new.revision.as_object(), country, request),
    )
    extra.update(
        old=old,
        new=new,
        rows=rows,
        differences=sum(1 for row in rows if row.changed),
        selected_a=old.pk,
        selected_b=new.pk,
        canonical_path=compare_url(page, request, old.pk, new.pk),
    )
    return respond(page, request, "history/history_compare.html", extra)


def problem(page, request, extra, status, message):
    extra.setdefault("selected_a", None)
    extra.setdefault("selected_b", None)
    return respond(page, request, "history/history_compare.html", dict(extra, error=message), status=status)
