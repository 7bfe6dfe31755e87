"""In Chromium: a reader subscribes from a page whose HTML came out of a cache, the same bytes every
reader gets. The page carries no CSRF token and sets no cookie; form.js fetches the token from
/prenumerata/zetonas/ when the reader starts filling in the form, and the subscription goes through."""

import pytest

from bilateral.subscriptions.models import Subscription

from .conftest import SECTION_PATH

pytestmark = pytest.mark.browser

EMAIL = "is-talpyklos@example.lt"


@pytest.fixture
def mailbox(smtp_server, settings, site_url):
    settings.SITE_URL = site_url
    return smtp_server


def cached_html(page, url):
    """The page's HTML as the app's response cache serves it (the second request is the hit)."""
    page.request.get(url)
    response = page.request.get(url)
    assert response.headers["x-app-cache"] == "hit"
    assert "set-cookie" not in response.headers
    html = response.text()
    assert "csrfmiddlewaretoken" not in html
    return html


def serve_stored(page, url, html):
    """From now on the browser gets exactly these bytes for the page, as from a proxy's cache."""
    served = []

    def fulfil(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    page.route(url, fulfil)
    return served


def csrf_cookies(page):
    return [cookie for cookie in page.context.cookies() if cookie["name"] == "csrftoken"]


def test_a_reader_subscribes_from_a_cached_page(page, site_url, mailbox):
    url = site_url + SECTION_PATH
    html = cached_html(page, url)
    page.context.clear_cookies()
    served = serve_stored(page, url, html)

    page.goto(url)
    assert served == [url], "the page came from the stored copy"
    assert csrf_cookies(page) == []
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0

    page.locator("#subscription-email").fill(EMAIL)
    # Starting to fill in the form fetched the token into it (and set its cookie).
    page.wait_for_selector("form.subscription__form input[name=csrfmiddlewaretoken]", state="attached")
    assert len(csrf_cookies(page)) == 1
    page.locator("#subscription-consent").focus()
    page.keyboard.press("Space")
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Prenumeruoti").click()
    assert page.url == site_url + "/prenumerata/issiusta/"
    assert len(mailbox.to(EMAIL)) == 1
    assert Subscription.objects.filter(subscriber__email=EMAIL).count() == 1


def test_pressing_subscribe_straight_away_fetches_the_token_first(page, site_url, mailbox):
    """A reader (or a password manager) that fills the form without focusing it: the token is fetched
    when the form is sent, then the captcha is solved, then the form goes."""
    url = site_url + SECTION_PATH
    html = cached_html(page, url)
    page.context.clear_cookies()
    serve_stored(page, url, html)
    page.goto(url)
    page.evaluate(
        """(email) => {
            document.querySelector('#subscription-email').value = email;
            document.querySelector('#subscription-consent').checked = true;
        }""",
        EMAIL,
    )
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    with page.expect_navigation(timeout=60_000):
        page.evaluate("() => document.querySelector('.subscription__form button[type=submit]').click()")
    assert page.url == site_url + "/prenumerata/issiusta/"
    assert len(mailbox.to(EMAIL)) == 1
