"""The live fact checks' endpoint: a block's form fields in, the checks' warnings out, nothing saved."""

import pytest
from django.test import Client
from wagtail.models import Revision

from bilateral.facts.blocks import SectionBodyBlock
from tests.pages.admin_forms import block_form_data

from .check_helpers import crossings, demarcation, seed_value

pytestmark = pytest.mark.django_db
URL = "/admin/fact-checks/"
PREFIX = "body-2-value"


def post_data(block_type, raw_value, prefix=PREFIX):
    block = SectionBodyBlock().child_blocks[block_type]
    return {"block_type": block_type, "prefix": prefix, **block_form_data(block, raw_value, prefix)}


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def warnings_of(response):
    assert response.status_code == 200, response.content
    return response.json()["warnings"]


def test_the_seeds_marks_warn_in_lithuanian_naming_the_field(admin_client):
    [warning] = warnings_of(admin_client.post(URL, post_data("demarcation", seed_value("demarcation"))))
    assert warning == {
        "field": "marks_declared_total",
        "rule": "demarcation.marks_total",
        "message": "Sienos ženklų pagal rūšis suma nesutampa su nurodytu bendru ženklų skaičiumi.",
        "figures": "Sienos ženklai pagal rūšis: 1246 + 457 + 93 + 2 = 1798, nurodyta iš viso 1955",
    }


def test_figures_that_add_up_have_no_warning(admin_client):
    assert warnings_of(admin_client.post(URL, post_data("demarcation", demarcation()))) == []


def test_a_stated_total_of_crossing_points_is_checked_beside_its_field(admin_client):
    [warning] = warnings_of(admin_client.post(URL, post_data("border_crossings", crossings(international_total=7))))
    assert warning["field"] == "international_total"
    assert warning["figures"] == "Tarptautiniai punktai pagal rūšį: 2 + 4 = 6, nurodyta iš viso 7"


def test_a_block_still_being_filled_in_is_checked_as_typed(admin_client):
    """A new section's block: the treaty and the length not given yet, the marks already contradict."""
    value = {"marks_declared_total": 20, "marks": [{"mark_type": "land", "count": 10}, {"mark_type": "special", "count": 5}]}
    [warning] = warnings_of(admin_client.post(URL, post_data("demarcation", value)))
    assert warning["figures"] == "Sienos ženklai pagal rūšis: 10 + 5 = 15, nurodyta iš viso 20"


def test_the_admins_language_is_used(admin_client, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="boss"))
    profile.preferred_language = "en"
    profile.save()
    [warning] = warnings_of(admin_client.post(URL, post_data("demarcation", seed_value("demarcation"))))
    assert warning["message"] == "The border marks by type do not add up to the declared total."
    assert warning["figures"] == "Border marks by type: 1246 + 457 + 93 + 2 = 1798, declared total 1955"


def test_a_field_that_cannot_be_read_gives_no_warning_yet(admin_client):
    data = post_data("demarcation", seed_value("demarcation"))
    data[f"{PREFIX}-marks_declared_total"] = "daug"
    response = admin_client.post(URL, data)
    assert response.status_code == 200 and response.json() == {"warnings": [], "readable": False}


@pytest.mark.parametrize(
    "change",
    [
        {"block_type": "prose"},
        {"block_type": "nothing"},
        {"prefix": "body-2-value'><script>"},
        {"prefix": ""},
    ],
)
def test_bad_requests_are_refused_with_400(admin_client, change):
    data = {**post_data("demarcation", seed_value("demarcation")), **change}
    response = admin_client.post(URL, data)
    assert response.status_code == 400
    assert response.json()["error"]


def test_a_list_without_its_count_is_refused_with_400(admin_client):
    data = post_data("demarcation", seed_value("demarcation"))
    del data[f"{PREFIX}-marks-count"]
    response = admin_client.post(URL, data)
    assert response.status_code == 400 and "įkelkite" in response.json()["error"]


def test_only_post(admin_client):
    assert admin_client.get(URL).status_code == 405


def test_nothing_is_saved(admin_client, seeded):
    revisions = Revision.objects.count()
    warnings_of(admin_client.post(URL, post_data("demarcation", seed_value("demarcation"))))
    assert Revision.objects.count() == revisions


def test_only_for_the_admin(client, django_user_model):
    data = post_data("demarcation", seed_value("demarcation"))
    response = client.post(URL, data)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.com", "pw"))
    response = client.post(URL, data)
    assert response.status_code in (302, 403)
    assert "warnings" not in response.content.decode()


def test_csrf_protected(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw"))
    response = client.post(URL, post_data("demarcation", seed_value("demarcation")))
    assert response.status_code == 403
