"""The search box in the header of every page."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, action",
    [("/", "/paieska/"), ("/salys/baltarusija/politinis-bendradarbiavimas/", "/paieska/"),
     ("/en/countries/belarus/", "/en/search/"), ("/paieska/?q=sienos", "/paieska/")],
)
def test_every_page_has_a_labelled_search_box(client, seeded, path, action):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    form = soup.select_one("header form[role=search]")
    assert form["action"] == action and form.get("method") == "get"
    field = form.select_one("input[name=q]")
    label = form.select_one(f"label[for={field['id']}]")
    assert label and label.get_text(strip=True)
    assert form.select_one("button[type=submit]").get_text(strip=True)
    assert field.get("tabindex") in (None, "0")


def test_the_header_search_box_leads_to_results(client, seeded):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    form = soup.select_one("header form[role=search]")
    response = client.get(form["action"], {"q": "Gilutės"})
    assert response.status_code == 200
    assert "Politinis bendradarbiavimas" in response.content.decode()
