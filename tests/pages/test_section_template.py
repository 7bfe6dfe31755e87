"""A new section starts from the template: the usual fact blocks, present and empty."""

import pytest

from bilateral.pages.models import SectionPage
from bilateral.pages.section_template import TEMPLATE_BLOCKS, section_template_body


def test_the_template_is_the_usual_fact_blocks_empty():
    body = section_template_body()
    assert [name for name, _ in body] == [
        "timeline", "border_crossings", "demarcation", "euroregions", "activities",
    ]
    demarcation = dict(body)["demarcation"]
    assert demarcation["marks_declared_total"] is None and demarcation["treaty_title"] in ("", None)


@pytest.mark.django_db
def test_the_empty_template_saves_as_a_draft(seeded):
    country = seeded.get_parent()
    section = SectionPage(title="Naujas skyrius", slug="naujas-skyrius", body=section_template_body())
    page = country.add_child(instance=section)
    revision = page.save_revision()
    assert [b.block_type for b in revision.as_object().body] == list(TEMPLATE_BLOCKS)
