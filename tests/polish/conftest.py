import pytest
from django.utils import translation

POLISH_FORMS = {
    "BY": dict(
        name_pl="Białoruś",
        name_pl_genitive="Białorusi",
        name_pl_instrumental="Białorusią",
        name_pl_locative="na Białorusi",
        official_name_pl="Republika Białorusi",
        official_name_pl_genitive="Republiki Białorusi",
    ),
    "LV": dict(
        name_pl="Łotwa",
        name_pl_genitive="Łotwy",
        name_pl_instrumental="Łotwą",
        name_pl_locative="na Łotwie",
        official_name_pl="Republika Łotewska",
        official_name_pl_genitive="Republiki Łotewskiej",
    ),
}


@pytest.fixture
def polish():
    with translation.override("pl"):
        yield


def with_polish_forms(country):
    for name, value in POLISH_FORMS[country.iso_code].items():
        setattr(country, name, value)
    country.save()
    return country


@pytest.fixture
def latvia_pl(latvia):
    """The shared Latvia with its Polish forms, as data/seed/countries.yaml gives them."""
    return with_polish_forms(latvia)


@pytest.fixture
def belarus_pl(belarus):
    """The shared Belarus with its Polish forms, as data/seed/countries.yaml gives them."""
    return with_polish_forms(belarus)
