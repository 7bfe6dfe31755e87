import pytest
from django.utils import translation

POLISH_FORMS = {
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


@pytest.fixture
def latvia_pl(latvia):
    """The shared Latvia with its Polish forms, as data/seed/countries.yaml gives them."""
    for name, value in POLISH_FORMS["LV"].items():
        setattr(latvia, name, value)
    latvia.save()
    return latvia
