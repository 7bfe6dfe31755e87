"""Checks of the border crossings block: points by kind against the stated totals, planned upgrades."""

from django.utils.translation import gettext as _

from ..blocks.crossings import INTERNATIONAL, LOCAL, UPGRADE, kind_attribute
from ..grammar import format_number
from .common import _counts, _number, _sum_figures, _warning


# --- Border crossings ----------------------------------------------------------------------------


def check_crossings_totals(value):
    """crossings.international_total, crossings.local_total: points by kind against the stated totals."""
    warnings = []
    points = list(value.get("points") or [])
    for regime, field, message in (
        (
            INTERNATIONAL,
            "international_total",
            _("The international crossing points by kind do not add up to the stated total."),
        ),
        (
            LOCAL,
            "local_total",
            _("The local border traffic points by kind do not add up to the stated total."),
        ),
    ):
        stated = _number(value.get(field))
        if stated is None:
            continue
        counts = _counts([point for point in points if point.get("regime") == regime])
        if sum(counts) != stated:
            warnings.append(
                _warning(
                    "crossings.%s" % field,
                    message,
                    "%s, stated %s" % (_sum_figures(counts, sum(counts)), format_number(stated)),
                )
            )
    return warnings


def check_planned_upgrades(value):
    """crossings.planned_upgrades: no more local points of a kind upgraded than there are."""
    local = {}
    for point in value.get("points") or []:
        if point.get("regime") == LOCAL and _number(point.get("count")) is not None:
            local[point.get("kind")] = local.get(point.get("kind"), 0) + point["count"]
    planned = {}
    for change in value.get("planned") or []:
        if change.get("action") == UPGRADE and _number(change.get("count")) is not None:
            planned[change.get("kind")] = planned.get(change.get("kind"), 0) + change["count"]
    warnings = []
    for kind, count in planned.items():
        existing = local.get(kind, 0)
        if count > existing:
            try:
                kind_words = kind_attribute(kind)
            except KeyError:
                kind_words = str(kind)
            warnings.append(
                _warning(
                    "crossings.planned_upgrades",
                    _(
                        "More %(kind)s local border traffic points are planned to get international "
                        "status than there are."
                    )
                    % {"kind": kind_words},
                    "%s > %s" % (format_number(count), format_number(existing)),
                )
            )
    return warnings
