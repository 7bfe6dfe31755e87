"""Helpers for the subscription tests: real ALTCHA solutions, form data, links out of real emails."""

import re
import time
from datetime import datetime, timedelta, timezone

from altcha import Challenge, Payload, solve_challenge
from altcha_django.challenge import build_challenge
from bs4 import BeautifulSoup
from django.core import signing
from django.utils.translation import override

from .subscribe_fixtures import SITE_URL

CAPTCHA_URL = "/prenumerata/captcha/"
SUBSCRIBE_URL = "/prenumerata/"


def solve(challenge):
    """Solve a challenge (a dict as the endpoint sends it) with the altcha library, as the widget does."""
    challenge = Challenge.from_dict(challenge)
    solution = solve_challenge(challenge)
    assert solution is not None
    return Payload(challenge, solution).to_base64()


def captcha(client):
    """A fresh, valid answer: the challenge comes from our endpoint, like the browser's."""
    response = client.get(CAPTCHA_URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return solve(response.json())


def forged_captcha():
    """A correctly solved challenge signed with someone else's key."""
    return solve(build_challenge(hmac_secret="not-our-secret").to_dict())


def expired_captcha():
    """A correctly solved challenge, signed by us, that expired a minute ago."""
    past = datetime.now(tz=timezone.utc) - timedelta(minutes=1)
    return solve(build_challenge(expires_at=past).to_dict())


def form_data(form_page, client, **overrides):
    data = {
        "email": "skaitytojas@example.lt",
        "scope": "page",
        "frequency": "immediate",
        "consent": "on",
        "page": str(form_page.pk) if form_page else "",
    }
    data.update(overrides)
    if "captcha" not in data:
        data["captcha"] = captcha(client)
    return {key: value for key, value in data.items() if value is not None}


def subscribe(client, form_page, **overrides):
    """Send the footer form of `form_page` (overrides: field values; None leaves a field out)."""
    return client.post(SUBSCRIBE_URL, form_data(form_page, client, **overrides))


def text(response):
    """The visible text of a response, whitespace collapsed."""
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def error_summary(response):
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".govuk-error-summary")
    return [" ".join(a.get_text(" ").split()) for a in summary.select("a")] if summary else []


def bodies(message):
    """(plain text, html) parts of a real email."""
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return plain, html


def links(message, base=SITE_URL):
    """The paths of the links to `base` in the plain-text part."""
    plain, _html = bodies(message)
    return re.findall(re.escape(base) + r"(/\S+)", plain)


def confirm_path(message, base=SITE_URL):
    [path] = [link for link in links(message, base) if "/patvirtinti/" in link]
    return path


def one_click_path(message):
    match = re.search(r"<" + re.escape(SITE_URL) + r"(/[^>]+)>", message["List-Unsubscribe"])
    return match.group(1)


def manage_path(message):
    [path] = [link for link in links(message) if "/tvarkyti/" in link]
    return path


class OldSigner(signing.TimestampSigner):
    """Signs as if it were `age` seconds ago: a genuine token that has since expired."""

    def __init__(self, *args, age, **kwargs):
        super().__init__(*args, **kwargs)
        self.age = age

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.age))


def old_token(purpose, age, **payload):
    return OldSigner(salt=f"bilateral.subscriptions.{purpose}", age=age).sign_object(payload, compress=True)


def lithuanian():
    return override("lt")
