"""GET /api/: an index of the API (its docs, its schema, each resource), not a 404."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_index_links_the_docs_the_schema_and_every_resource(client, seeded):
    response = client.get("/api/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    index = response.json()
    assert index["docs"] == "http://testserver/api/docs"
    assert index["openapi"] == "http://testserver/api/openapi.json"
    assert [resource["name"] for resource in index["resources"]] == ["countries", "pages", "facts", "facts.csv"]
    for url in [index["docs"], index["openapi"], *(resource["url"] for resource in index["resources"])]:
        assert client.get(url).status_code == 200, url


def test_every_operation_of_the_schema_is_in_the_index(client):
    index = client.get("/api/").json()
    listed = {resource["url"].removeprefix("http://testserver") for resource in index["resources"]}
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert paths - {"/api/"} == listed


def test_the_index_is_cached_and_answers_head_like_the_resources(client):
    response = client.get("/api/")
    assert response["ETag"] and "max-age=300" in response["Cache-Control"]
    assert client.get("/api/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.head("/api/").status_code == 200
