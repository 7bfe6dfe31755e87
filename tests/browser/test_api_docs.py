"""The API docs page in Chromium: Swagger UI renders every operation without any third-party request."""

from urllib.parse import urlsplit

import pytest


pytestmark = pytest.mark.browser


def test_the_docs_page_loads_only_from_the_portal(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/api/docs")
    page.wait_for_selector(".opblock-summary-path[data-path='/api/facts.csv']")
    for path in ("/api/countries", "/api/pages", "/api/facts"):
        assert page.locator(f".opblock-summary-path[data-path='{path}']").count() == 1
    own = urlsplit(site_url).netloc
    assert any(url.endswith("/api/openapi.json") for url in requested)
    assert any(url.endswith("/static/ninja/swagger-ui-bundle.js") for url in requested)
    foreign = [url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert foreign == []
