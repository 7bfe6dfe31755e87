"""A picture as the page shows it: a <figure> with its caption, the drawing, an optional note, and the
same data as a table in a <details> (GOV.UK Frontend's details and table components). One frame for
every picture, written as a string as the drawings are: three templates included from the blocks'
templates cost a fortieth of an uncached render."""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

FIGURE = (
    '<figure class="picture picture--%(kind)s" aria-labelledby="%(id)s-caption">\n'
    '  <figcaption id="%(id)s-caption" class="picture__caption">%(title)s</figcaption>\n'
    "  %(svg)s\n"
    "%(note)s"
    '  <details class="govuk-details picture__data">\n'
    '    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">%(summary)s</span>'
    "</summary>\n"
    '    <div class="govuk-details__text">\n'
    '    <div class="picture__table-wrap">\n'
    '    <table class="govuk-table picture__table">\n'
    '      <caption class="govuk-table__caption govuk-table__caption--s">%(title)s</caption>\n'
    "%(head)s"
    "      <tbody>%(rows)s</tbody>\n"
    "    </table>\n"
    "    </div>\n"
    "%(source)s"
    "    </div>\n"
    "  </details>\n"
    "</figure>"
)
HEADER = '<th scope="col" class="govuk-table__header">%s</th>'


def figure_html(picture, kind, summary, headers=(), note="", source=""):
    """The picture's figure: `picture` as the picture functions give it (id, title, svg, table_rows),
    `summary` the <details>' label, `headers` the table's column headings (none: rows only), `note` a
    sentence under the drawing, `source` where its data comes from."""
    head = ""
    if headers:
        cells = "".join(HEADER % conditional_escape(header) for header in headers)
        head = '      <thead><tr class="govuk-table__row">%s</tr></thead>\n' % cells
    return mark_safe(FIGURE % {
        "kind": kind,
        "id": conditional_escape(picture["id"]),
        "title": conditional_escape(picture["title"]),
        "svg": picture["svg"],
        "note": '  <p class="picture__note">%s</p>\n' % conditional_escape(note) if note else "",
        "summary": conditional_escape(summary),
        "head": head,
        "rows": picture["table_rows"],
        "source": '    <p class="picture__source">%s</p>\n' % conditional_escape(source) if source else "",
    })
