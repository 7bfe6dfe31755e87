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
