"""Checks of the euroregions block: every euroregion has members from at least two countries."""

from django.utils.translation import gettext as _

from .common import _warning, field_label


# --- Euroregions -------------------------------------------------------------------------------


def check_euroregion_countries(value):
    """euroregions.two_countries: a euroregion has members from at least two countries."""
    warnings = []
    for euroregion in value.get("euroregions") or []:
        countries = []
        for group in euroregion.get("member_groups") or []:
            members = [member for member in group.get("members") or [] if str(member or "").strip()]
            if group.get("country") and members and group["country"] not in countries:
                countries.append(group["country"])
        if len(countries) < 2:
            warnings.append(
                _warning(
                    "euroregions.two_countries",
                    _("Euroregion “%(name)s” has members from fewer than two countries.")
                    % {"name": euroregion.get("name") or ""},
                    _("%(field)s: members from %(countries)s")
                    % {"field": field_label(value, "euroregions"), "countries": ", ".join(countries) or "—"},
                    "euroregions",
                )
            )
    return warnings
