"""Fixtures of the API and as-of tests: the seed, and the seed with a second, later revision."""

import copy
import datetime
import uuid

import pytest
from wagtail.models import PageLogEntry

from bilateral.pages.models import SectionPage

# Every absolute URL in an answer starts with the configured site address, never the request's Host
# (the test client's is "testserver"): bilateral/pages/addresses.py.
SITE_URL = "https://bilateral.example"

# The seed's publication is moved to this moment; the second revision is published "now".
FIRST_PUBLISHED = datetime.datetime(2019, 1, 1, 10, 0, tzinfo=datetime.timezone.utc)
OLD_CROSSINGS = "(2 geležinkelių, 4 autokelių)"
NEW_CROSSINGS = "(3 geležinkelių, 4 autokelių)"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE_URL
    return SITE_URL


def crossings(body):
    return next(block for block in body if block["type"] == "border_crossings")


@pytest.fixture
def two_versions(seeded):
    """The seed page, first published on 2019-01-01, then with 3 rail crossing points instead of 2."""
    PageLogEntry.objects.filter(page_id=seeded.pk, action="wagtail.publish").update(timestamp=FIRST_PUBLISHED)
    page = SectionPage.objects.get(pk=seeded.pk)
    body = list(page.body.raw_data)
    block = crossings(body)["value"]
    block["points"][0]["value"]["count"] = 3
    block["international_total"] = 7
    # The international points are records: the counts in the sentence come from them.
    new_point = copy.deepcopy(next(item for item in block["records"] if item["value"]["kind"] == "rail"))
    new_point["id"] = str(uuid.uuid4())
    new_point["value"]["name"] = "Vaidotai"
    block["records"].append(new_point)
    page.body = body
    page.change_kind, page.change_note = "major", "Atidarytas naujas geležinkelio punktas."
    page.save_revision().publish()
    return SectionPage.objects.get(pk=seeded.pk)
