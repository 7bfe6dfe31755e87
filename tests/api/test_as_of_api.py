"""as_of on the API: the facts and pages as published at the end of a day."""

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def crossings(client, query=""):
    response = client.get("/api/facts?type=border_crossings" + query)
    assert response.status_code == 200
    (fact,) = response.json()["items"]
    return fact


def test_today_the_api_has_the_new_figure(client, two_versions):
    fact = crossings(client)
    assert fact["figures"]["points"][0]["count"] == 3
    assert fact["figures"]["international_total"] == 7
    assert fact["last_change"] == timezone.localtime(two_versions.last_major_change_at).isoformat(
        timespec="milliseconds"
    )


def test_an_earlier_day_has_the_old_figure(client, two_versions):
    fact = crossings(client, "&as_of=2020-06-01")
    assert fact["figures"]["points"][0]["count"] == 2
    assert fact["figures"]["international_total"] == 6
    assert fact["page"]["url"].endswith("/politinis-bendradarbiavimas/?as_of=2020-06-01")
    assert fact["csv_url"].endswith("&as_of=2020-06-01")


def test_pages_as_of_a_day(client, two_versions):
    (page,) = client.get("/api/pages?as_of=2020-06-01").json()["items"]
    assert page["id"] == two_versions.pk
    assert page["last_major_change_at"] is None  # the new stamp came later
    assert client.get("/api/pages?as_of=2014-05-08").json() == {"count": 0, "limit": 50, "offset": 0, "items": []}
    assert client.get("/api/facts?as_of=2014-05-08").json()["count"] == 0


def test_the_csv_as_of_a_day(client, two_versions):
    old = client.get("/api/facts.csv?type=border_crossings&as_of=2020-06-01").content.decode()
    new = client.get("/api/facts.csv?type=border_crossings").content.decode()
    assert '"figures.international_total","6"' in old and '"figures.international_total","7"' in new


def test_a_bad_as_of_is_a_400(client, seeded):
    for url in ("/api/facts?as_of=2019-13-01", "/api/facts.csv?as_of=01.01.2019", "/api/pages?as_of=tomorrow"):
        response = client.get(url)
        assert response.status_code == 400
        assert "detail" in response.json()
