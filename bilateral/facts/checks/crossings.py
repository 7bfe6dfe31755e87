"""Checks of the border crossings block: points by kind against the stated totals, planned upgrades."""

from django.utils.translation import gettext as _

from ..blocks.crossings import (
    INTERNATIONAL,
    LOCAL,
    OPEN,
    PLANNED_NEW,
    PLANNED_UPGRADE,
    UPGRADE,
    counts_from_records,
    effective_points,
    kind_attribute,
)
from ..grammar import format_number
from .common import _counts, _number, _sum_figures, _warning, field_label


# --- Border crossings ----------------------------------------------------------------------------


def check_crossings_totals(value):
    """crossings.international_total, crossings.local_total: points by kind (or the listed points, where a
    regime is listed) against the stated totals."""
    warnings = []
    points = effective_points(value)
    for regime, field, message, by_kind in (
        (
            INTERNATIONAL,
            "international_total",
            _("The international crossing points by kind do not add up to the stated total."),
            _("International points by kind"),
        ),
        (
            LOCAL,
            "local_total",
            _("The local border traffic points by kind do not add up to the stated total."),
            _("Local border traffic points by kind"),
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
                    _("%(field)s: %(sum)s, stated total %(stated)s")
                    % {"field": by_kind, "sum": _sum_figures(counts, sum(counts)), "stated": format_number(stated)},
                    field,
                )
            )
    return warnings


def check_planned_upgrades(value):
    """crossings.planned_upgrades: no more local points of a kind upgraded than there are."""
    local = {}
    for point in effective_points(value):
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
            warnings.append(
                _warning(
                    "crossings.planned_upgrades",
                    _(
                        "More %(kind)s local border traffic points are planned to get international "
                        "status than there are."
                    )
                    % {"kind": kind_words(kind)},
                    _("%(field)s: %(planned)s to be upgraded, %(existing)s local points of that kind")
                    % {
                        "field": field_label(value, "planned"),
                        "planned": format_number(count),
                        "existing": format_number(existing),
                    },
                    "planned",
                )
            )
    return warnings


def kind_words(kind):
    try:
        return kind_attribute(kind)
    except KeyError:
        return str(kind)


def check_records_against_entered(value):
    """crossings.records: the points listed by name against the numbers entered by kind, where both are given."""
    warnings = []
    records = value.get("records") or []
    for regime in (INTERNATIONAL, LOCAL):
        listed = {entry["kind"]: entry["count"] for entry in counts_from_records(records, regime)}
        if not listed:
            continue
        entered = {}
        for point in value.get("points") or []:
            if point.get("regime") == regime and _number(point.get("count")) is not None:
                entered[point.get("kind")] = entered.get(point.get("kind"), 0) + point["count"]
        for kind in sorted(set(entered) | set(listed)):
            if kind in entered and entered[kind] != listed.get(kind, 0):
                warnings.append(
                    _warning(
                        "crossings.records",
                        _("The %(kind)s points listed by name are not as many as the number entered by kind.")
                        % {"kind": kind_words(kind)},
                        _("%(field)s: %(listed)s listed by name, %(entered)s entered by kind")
                        % {
                            "field": field_label(value, "records"),
                            "listed": format_number(listed.get(kind, 0)),
                            "entered": format_number(entered[kind]),
                        },
                        "records",
                    )
                )
    return warnings


def planned_counts(value):
    """(action, kind) → the number of points the planned changes name."""
    counts = {}
    for change in value.get("planned") or []:
        if _number(change.get("count")) is not None:
            key = (change.get("action"), change.get("kind"))
            counts[key] = counts.get(key, 0) + change["count"]
    return counts


def check_planned_records(value):
    """crossings.planned_records: points listed as planned against the planned changes, once any is listed."""
    action_of = {PLANNED_UPGRADE: UPGRADE, PLANNED_NEW: OPEN}
    listed = {}
    for record in value.get("records") or []:
        if record.get("status") in action_of:
            key = (action_of[record["status"]], record.get("kind"))
            listed[key] = listed.get(key, 0) + 1
    if not listed:
        return []
    planned = planned_counts(value)
    warnings = []
    for key in sorted(set(listed) | set(planned)):
        if listed.get(key, 0) != planned.get(key, 0):
            warnings.append(
                _warning(
                    "crossings.planned_records",
                    _("The %(kind)s points listed as planned are not as many as the planned changes say.")
                    % {"kind": kind_words(key[1])},
                    _("%(field)s: %(listed)s listed as planned, %(planned)s in the planned changes")
                    % {
                        "field": field_label(value, "records"),
                        "listed": format_number(listed.get(key, 0)),
                        "planned": format_number(planned.get(key, 0)),
                    },
                    "records",
                )
            )
    return warnings
