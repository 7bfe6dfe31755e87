"""Checks of the demarcation block: length parts, border marks, lakes, ponds and buoys, dates in order."""

from decimal import Decimal

from django.utils.translation import gettext as _

from ..blocks.dates import FuzzyDate
from ..blocks.demarcation import POND
from ..blocks.water_bodies import genitives
from ..grammar import format_number, is_whole
from .common import _counts, _number, _sum_figures, _warning, field_label

# Half a kilometre for each part given in whole kilometres; the epsilon only absorbs rounding noise.
WHOLE_KM_TOLERANCE = Decimal("0.5")
EPSILON = Decimal("0.0000001")


def _is_date(value):
    return isinstance(value, FuzzyDate) and not value.is_empty


def _normalised(name):
    return " ".join(str(name or "").split()).casefold()


# --- Demarcation -------------------------------------------------------------------------------


def check_length_parts(value):
    """demarcation.length_parts: land + water against the total length.

    Sources often round the parts to whole kilometres while giving the total to the metre, so each
    part that is a whole number may be off by up to half a kilometre.
    """
    total = _number(value.get("total_length_km"))
    land = _number(value.get("land_length_km"))
    water = _number(value.get("water_length_km"))
    if total is None or land is None or water is None:
        return []
    parts = [Decimal(land), Decimal(water)]
    allowed = WHOLE_KM_TOLERANCE * sum(1 for part in parts if is_whole(part)) + EPSILON
    if abs(sum(parts) - Decimal(total)) <= allowed:
        return []
    return [
        _warning(
            "demarcation.length_parts",
            _("The length by land and the length by water do not add up to the total length of the border."),
            _("By land and by water: %(sum)s km, total length %(total)s km")
            % {"sum": _sum_figures(parts, sum(parts)), "total": format_number(total)},
            "total_length_km",
        )
    ]


def check_marks_total(value):
    """demarcation.marks_total: the border marks by type against the declared total."""
    declared = _number(value.get("marks_declared_total"))
    counts = _counts(value.get("marks"))
    if declared is None or not counts or sum(counts) == declared:
        return []
    return [
        _warning(
            "demarcation.marks_total",
            _("The border marks by type do not add up to the declared total."),
            _("%(field)s: %(sum)s, declared total %(declared)s")
            % {
                "field": field_label(value, "marks"),
                "sum": _sum_figures(counts, sum(counts)),
                "declared": format_number(declared),
            },
            "marks_declared_total",
        )
    ]


def check_water_bodies(value):
    """demarcation.water_bodies: the last mark's lake or pond is named; no name twice; enough buoys."""
    lakes = [name for name in genitives(value.get("lakes")) if _normalised(name)]
    ponds = [name for name in genitives(value.get("ponds")) if _normalised(name)]
    warnings = []

    place = value.get("last_mark_water_body")
    if _normalised(place) and (lakes or ponds):
        if value.get("last_mark_water_body_kind") == POND:
            named, message = ponds, _("The pond of the last mark, “%(name)s”, is not among the named ponds.")
        else:
            named, message = lakes, _("The lake of the last mark, “%(name)s”, is not among the named lakes.")
        if _normalised(place) not in {_normalised(name) for name in named}:
            warnings.append(
                _warning(
                    "demarcation.water_bodies",
                    message % {"name": place.strip()},
                    "%s: %s" % (field_label(value, "last_mark_water_body"), place.strip()),
                    "last_mark_water_body",
                )
            )

    for field, names, message in (
        ("lakes", lakes, _("The lake “%(name)s” is named more than once.")),
        ("ponds", ponds, _("The pond “%(name)s” is named more than once.")),
    ):
        spelling, times = {}, {}
        for name in names:
            key = _normalised(name)
            spelling.setdefault(key, name.strip())
            times[key] = times.get(key, 0) + 1
        for key, count in times.items():
            if count > 1:
                warnings.append(
                    _warning(
                        "demarcation.water_bodies",
                        message % {"name": spelling[key]},
                        "%s: %s × %s" % (field_label(value, field), spelling[key], format_number(count)),
                        field,
                    )
                )

    buoys = _number(value.get("buoys_count"))
    water_bodies = len({_normalised(name) for name in lakes}) + len({_normalised(name) for name in ponds})
    if buoys is not None and water_bodies and buoys < water_bodies:
        warnings.append(
            _warning(
                "demarcation.water_bodies",
                _("There are fewer buoys than named lakes and ponds."),
                _("%(field)s: %(buoys)s, named lakes and ponds: %(water_bodies)s")
                % {
                    "field": field_label(value, "buoys_count"),
                    "buoys": format_number(buoys),
                    "water_bodies": format_number(water_bodies),
                },
                "buoys_count",
            )
        )
    return warnings


def check_demarcation_dates_order(value):
    """demarcation.dates_order: treaty signed ≤ marking completed ≤ final documents signed.

    A date known to a year or a month is a span of days; only dates that cannot be in order
    whatever day they mean are reported (the later event's last possible day is before the earlier
    event's first possible day).
    """
    block = getattr(value, "block", None)
    dated = []
    for name in ("treaty_signed", "marking_completed", "final_documents_signed"):
        date = value.get(name)
        if _is_date(date):
            child = block.child_blocks.get(name) if block is not None else None
            dated.append((str(child.label) if child is not None else name, date, name))
    warnings = []
    for (earlier_label, earlier, _name), (later_label, later, later_name) in zip(dated, dated[1:]):
        try:
            out_of_order = later.last_day() < earlier.first_day()
        except ValueError:  # an impossible day: the block's own validation reports it
            continue
        if out_of_order:
            warnings.append(
                _warning(
                    "demarcation.dates_order",
                    _("“%(later)s” is dated before “%(earlier)s”.")
                    % {"later": later_label, "earlier": earlier_label},
                    "%s: %s; %s: %s" % (later_label, later.iso(), earlier_label, earlier.iso()),
                    later_name,
                )
            )
    return warnings
