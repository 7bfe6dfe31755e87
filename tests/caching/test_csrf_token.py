"""The footer form of cached pages carries no CSRF token and the pages set no cookie; the token comes
from /prenumerata/zetonas/ (form.js fetches it), and a form sent with it is accepted."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from bilateral.caching.http_cache import PRIVATE

from .helpers import COUNTRY, EN_SECTION, HOME, SECTION


@pytest.mark.parametrize("path", [HOME, COUNTRY, SECTION, EN_SECTION])
def test_public_pages_carry_no_token_and_set_no_cookie(client, seeded, path):
    for _ in range(2):  # rendered, then from the cache
        response = client.get(path)
        html = response.content.decode()
        assert 'class="subscription__form"' in html
        assert "csrfmiddlewaretoken" not in html
        assert "Set-Cookie" not in response and not response.cookies
        assert 'data-csrf-token-url="' in html


def test_the_footer_form_names_the_token_address_of_its_language(client, seeded):
    assert 'data-csrf-token-url="/prenumerata/zetonas/"' in client.get(SECTION).content.decode()
    assert 'data-csrf-token-url="/en/subscribe/zetonas/"' in client.get(EN_SECTION).content.decode()


@pytest.mark.parametrize("path", ["/prenumerata/zetonas/", "/en/subscribe/zetonas/"])
def test_the_token_address_gives_a_token_and_its_cookie_privately(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"] == PRIVATE
    token = response.json()["csrfToken"]
    assert len(token) == 64
    assert "csrftoken" in response.cookies
    assert client.post(path).status_code == 405


def test_a_form_sent_with_the_fetched_token_passes_the_csrf_check(seeded):
    client = Client(enforce_csrf_checks=True)
    client.get(SECTION)
    # Without a token: the plain-language CSRF page.
    refused = client.post("/prenumerata/", {"email": "a@example.lt"})
    assert refused.status_code == 403
    token = client.get("/prenumerata/zetonas/").json()["csrfToken"]
    accepted = client.post("/prenumerata/", {"email": "ne adresas", "csrfmiddlewaretoken": token})
    # Past the CSRF check: the form's own errors (no captcha, no consent), not a 403.
    assert accepted.status_code == 400
    assert "error-summary" in accepted.content.decode()


def test_the_full_page_form_keeps_its_own_token(client, db):
    response = client.get("/prenumerata/")
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "data-csrf-token-url" not in response.content.decode()
    assert response["Cache-Control"] == PRIVATE


def test_without_javascript_the_form_says_the_captcha_needs_it(client, seeded):
    assert "<noscript>" in client.get(SECTION).content.decode()


def test_the_captcha_challenge_is_fetched_at_run_time_not_baked_in(client, seeded):
    html = client.get(SECTION).content.decode()
    widget = BeautifulSoup(html, "html.parser").find("altcha-widget")
    assert widget["challenge"] == "/prenumerata/captcha/", "an address, not a challenge"
    assert "signature" not in html and "salt" not in html
    challenge = client.get("/prenumerata/captcha/")
    assert challenge.status_code == 200
    assert challenge["Cache-Control"] == PRIVATE
