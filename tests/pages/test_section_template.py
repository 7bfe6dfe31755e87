"""A new section starts from the template: the usual fact blocks, present and empty."""

import pytest

from bilateral.pages.models import SectionPage
from bilateral.pages.section_template import TEMPLATE_BLOCKS, template_body


def test_the_template_is_the_usual_fact_blocks_empty():
    body = template_body()
    assert [block["type"] for block in body] == [
        "timeline", "border_crossings", "demarcation", "euroregions", "activities",
    ]
    demarcation = next(block["value"] for block in body if block["type"] == "demarcation")
    assert demarcation["marks_declared_total"] is None and demarcation["treaty_title"] in ("", None)


@pytest.mark.django_db
def test_the_empty_template_saves_as_a_draft_and_previews(seeded):
    country = seeded.get_parent()
    section = SectionPage(title="Naujas skyrius", slug="naujas-skyrius", body=template_body())
    page = country.add_child(instance=section)
    revision = page.save_revision()
    draft = revision.as_object()
    assert [b.block_type for b in draft.body] == list(TEMPLATE_BLOCKS)
    assert draft.make_preview_request().status_code == 200


# --- Wagtail's "Add child page" ------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw"))
    return client


def new_section_form(client, country):
    response = client.get(f"/admin/pages/add/pages/sectionpage/{country.pk}/")
    assert response.status_code == 200
    return response.context["form"]


def block_ids(raw_value):
    """Every id in a stored body: its blocks' and their list items'."""
    if isinstance(raw_value, dict):
        own = [raw_value["id"]] if "id" in raw_value else []
        return own + [found for value in raw_value.values() for found in block_ids(value)]
    if isinstance(raw_value, list):
        return [found for item in raw_value for found in block_ids(item)]
    return []


@pytest.mark.django_db
def test_add_child_page_starts_a_section_from_the_template(admin_client, seeded):
    body = new_section_form(admin_client, seeded.get_parent()).instance.body
    assert [block.block_type for block in body] == list(TEMPLATE_BLOCKS)
    demarcation = next(block.value for block in body if block.block_type == "demarcation")
    assert demarcation["marks_declared_total"] is None and not demarcation["treaty_title"]


@pytest.mark.django_db
def test_each_new_section_gets_blocks_with_ids_of_their_own(admin_client, seeded):
    country = seeded.get_parent()
    first = block_ids(list(new_section_form(admin_client, country).instance.body.raw_data))
    second = block_ids(list(new_section_form(admin_client, country).instance.body.raw_data))
    assert len(first) >= len(TEMPLATE_BLOCKS) and all(first)
    assert len(set(first)) == len(first) and not set(first) & set(second)


@pytest.mark.django_db
def test_the_body_opens_collapsed_and_other_page_types_start_empty(admin_client, seeded):
    assert SectionPage.body.field.stream_block.meta.collapsed is True
    form = admin_client.get(f"/admin/pages/add/pages/generalpage/{seeded.get_parent().pk}/").context["form"]
    assert not list(form.instance.body)
