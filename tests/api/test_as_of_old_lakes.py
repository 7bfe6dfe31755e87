"""A revision stored before lakes had their nominative (each name a plain string, its genitive) is still
shown by ?as_of=: the block reads the old shape (docs/adr/0019)."""

import json

import pytest

from bilateral.pages.models import SectionPage

pytestmark = pytest.mark.django_db

OLD_LAKES = "Dubo, Grūdos, Drūkšių, Apvardų, Prūto, Gilutės, Raukėtos, Tverečiaus ežeruose"


def as_stored_before(body):
    """The body with every lake and pond a plain string, as pages stored them before."""
    for block in body:
        if block["type"] == "demarcation":
            for field in ("lakes", "ponds"):
                block["value"][field] = [item["value"]["genitive"] for item in block["value"][field]]
            for field in ("last_mark_water_body_nominative", "last_mark_water_body_source_url"):
                block["value"].pop(field, None)
    return body


def test_an_old_revision_with_plain_lake_names_is_shown(client, two_versions):
    first = SectionPage.objects.get(pk=two_versions.pk).revisions.order_by("created_at", "pk").first()
    stored = first.content["body"]
    body = as_stored_before(json.loads(stored) if isinstance(stored, str) else stored)
    assert body and isinstance(next(b for b in body if b["type"] == "demarcation")["value"]["lakes"][0], str)
    first.content["body"] = json.dumps(body) if isinstance(stored, str) else body
    first.save(update_fields=["content"])

    response = client.get(two_versions.url + "?as_of=2020-06-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "(2 geležinkelių, 4 autokelių)" in html  # the old revision
    assert OLD_LAKES in html and "plūduras Gilutės ežere" in html
