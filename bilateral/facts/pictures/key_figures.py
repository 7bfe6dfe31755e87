"""Key figures: the few numbers a reader looks for first, each taken from its fact block and linking
to it. Given the blocks of one section page, or of every section of a country."""

import functools

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import get_language, ngettext

from ..blocks.completeness import missing_fields_once
from ..blocks.crossings import INTERNATIONAL, LOCAL, effective_points
from ..blocks.timeline import DIPLOMATIC_RELATIONS
from ..grammar import format_number, join_list
from . import pictures_drawn


def block_anchor(block_id):
    """The id of a fact block's <section> on its page (the block templates set it)."""
    return "fact-%s" % block_id


def length_figure(value):
    figure = "%s km" % format_number(value["total_length_km"])
    if value.get("land_length_km") is not None and value.get("water_length_km") is not None:
        figure += " " + _("(%(land)s km by land, %(water)s km by water)") % {
            "land": format_number(value["land_length_km"]), "water": format_number(value["water_length_km"])}
    return figure


def crossings_figure(value):
    totals = {INTERNATIONAL: 0, LOCAL: 0}
    for point in effective_points(value):
        totals[point["regime"]] = totals.get(point["regime"], 0) + (point.get("count") or 0)
    parts = []
    if totals[INTERNATIONAL]:
        parts.append(ngettext("%(count)s international", "%(count)s international", totals[INTERNATIONAL])
                     % {"count": format_number(totals[INTERNATIONAL])})
    if totals[LOCAL]:
        parts.append(_("%(count)s for local border traffic") % {"count": format_number(totals[LOCAL])})
    return join_list(parts) if parts else ""


def marks_figure(value):
    declared = value.get("marks_declared_total")
    if declared is None:
        declared = sum(mark["count"] for mark in value.get("marks") or [])
    return format_number(declared) if declared else ""


def relations_figure(value):
    for item in value["items"]:
        if item.block_type == "event" and item.value["kind"] == DIPLOMATIC_RELATIONS and not item.value["date"].is_empty:
            return str(item.value["date"])
    return ""


@functools.lru_cache(maxsize=16)
def figure_labels(language):
    """The key figures' labels in a language, looked up once per process and language."""
    return {"relations": _("Diplomatic relations established"), "length": _("Length of the border"),
            "marks": _("Border marks"), "crossings": _("Border crossing points"), "euroregions": _("Euroregions"),
            "caption": _("Key figures")}


def figures_of(block_type, value):
    """(order, label, figure) for the key figures one block gives."""
    labels = figure_labels(get_language())
    if block_type == "timeline":
        return [(0, labels["relations"], relations_figure(value))]
    if block_type == "demarcation":
        return [(1, labels["length"], length_figure(value)), (3, labels["marks"], marks_figure(value))]
    if block_type == "border_crossings":
        return [(2, labels["crossings"], crossings_figure(value))]
    if block_type == "euroregions":
        return [(4, labels["euroregions"], format_number(len(value["euroregions"])))]
    return []


def key_figures(blocks_by_address):
    """Key figures from (address, block) pairs: the first block that gives a figure gives it."""
    if not pictures_drawn():
        return []
    found = {}
    for address, block in blocks_by_address:
        if missing_fields_once(block.block, block.value):
            continue  # a draft's block not filled in yet gives no figure
        for order, label, figure in figures_of(block.block_type, block.value):
            if figure and order not in found:
                found[order] = {"label": label, "figure": figure,
                                "href": "%s#%s" % (address, block_anchor(block.id))}
    return [found[order] for order in sorted(found)]


KEY_FIGURES = ('<figure class="picture key-figures" aria-labelledby="key-figures-caption">\n'
               '  <figcaption id="key-figures-caption" class="picture__caption">%s</figcaption>\n'
               '  <dl class="key-figures__list">\n%s  </dl>\n</figure>')
KEY_FIGURE = '    <div class="key-figures__item"><dt>%s</dt><dd><a href="%s">%s</a></dd></div>\n'


def key_figures_html(figures):
    """The key figures as the page shows them (a <dl> in a <figure>), or "" where there are none."""
    if not figures:
        return ""
    items = "".join(KEY_FIGURE % (conditional_escape(item["label"]), conditional_escape(item["href"]),
                                  conditional_escape(item["figure"])) for item in figures)
    return mark_safe(KEY_FIGURES % (conditional_escape(figure_labels(get_language())["caption"]), items))
