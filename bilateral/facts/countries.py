"""The countries, as every render reads them (a section page's country, a euroregion's members): kept
in each process until a Country changes (bilateral/process_copies.py), not asked of the database on
every render. Shared objects: to be read, never changed."""

from bilateral.process_copies import process_copy


def load_countries():
    from .models import Country

    countries = list(Country.objects.all())
    return {"by_code": {country.iso_code: country for country in countries},
            "by_pk": {country.pk: country for country in countries}}


def countries_by_code(codes):
    countries = process_copy("countries", load_countries)["by_code"]
    return {code: countries[code] for code in set(codes) if code in countries}


def country_by_pk(pk):
    """The Country with this primary key, or None."""
    return process_copy("countries", load_countries)["by_pk"].get(pk)
