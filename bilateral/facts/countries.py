"""The countries by ISO code, as every render of a sentence that names another country reads them
(a euroregion's members): kept in each process until a Country changes (bilateral/process_copies.py),
not asked of the database on every render."""

from bilateral.process_copies import process_copy


def all_countries():
    """Every Country by its code: shared objects, to be read only."""
    from .models import Country

    return process_copy("countries", lambda: {country.iso_code: country for country in Country.objects.all()})


def countries_by_code(codes):
    countries = all_countries()
    return {code: countries[code] for code in set(codes) if code in countries}
