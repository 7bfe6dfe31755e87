"""The OpenAPI schema, its docs page (local assets only), and a schemathesis run: no 5xx anywhere."""

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.wsgi import connections_kept_open

pytestmark = pytest.mark.django_db

OPERATIONS = {"/api/", "/api/countries", "/api/pages", "/api/facts", "/api/facts.csv"}
EXAMPLES_PER_OPERATION = 25


def test_the_openapi_schema(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == OPERATIONS
    facts = {p["name"]: p for p in schema["paths"]["/api/facts"]["get"]["parameters"]}
    assert set(facts) == {"type", "country", "language", "fact", "as_of", "limit", "offset"}
    assert facts["limit"]["schema"]["maximum"] == 200
    assert "text/csv" in schema["paths"]["/api/facts.csv"]["get"]["responses"]["200"]["content"]


def test_the_docs_page_uses_only_local_assets(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not among the static files"
    assert "cdn" not in html.lower() and "//" not in "".join(assets)
    assert '"url": "/api/openapi.json"' in html


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, called in the test's transaction (tests/wsgi.py)."""
    with connections_kept_open():
        yield get_wsgi_application()


def test_schemathesis_finds_no_server_error(seeded, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} == OPERATIONS
    for operation in operations:
        run(operation, GenerationMode.POSITIVE)
        if operation.definition.raw.get("parameters"):  # without parameters no request is invalid
            run(operation, GenerationMode.NEGATIVE)


def run(operation, mode):
    # Valid requests must also answer as documented; invalid ones only must not break the server.
    checks = [not_a_server_error]
    if mode is GenerationMode.POSITIVE:
        checks += [status_code_conformance, content_type_conformance, response_schema_conformance]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call()
        assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
        case.validate_response(response, checks=checks)

    check()
