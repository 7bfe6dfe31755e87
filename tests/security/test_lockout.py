"""Admin sign-in lockout (django-axes): after 5 failed attempts for one user name from one address,
that pair is locked out for 15 minutes with a plain-language page (HTTP 429), on the Wagtail admin
login and on django-admin alike; other addresses and other user names are not held back."""

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, ngettext

PASSWORD = "tikras-slaptažodis-42"
WRONG = "neteisingas"
WAGTAIL_LOGIN = "/admin/login/"
DJANGO_ADMIN_LOGIN = "/django-admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktore", "redaktore@example.lt", PASSWORD)


def sign_in(client, url, password, username="redaktore"):
    return client.post(url, {"username": username, "password": password, "next": "/admin/"})


def lithuanian(message, plural=None, number=None):
    """The Lithuanian the page must show (from the catalogue in locale/lt)."""
    with translation.override("lt"):
        return ngettext(message, plural, number) % {"minutes": number} if plural else gettext(message)


LOCKED_TITLE = lithuanian("Too many failed sign-in attempts")
TRY_LATER = lithuanian("Try again in %(minutes)s minute.", "Try again in %(minutes)s minutes.", 15)


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def fail_four_times(client, url):
    for _ in range(4):
        response = sign_in(client, url, WRONG)
        assert response.status_code == 200  # the login form again, with its error
        assert "_auth_user_id" not in client.session


def test_the_fifth_failure_locks_the_user_name_out_from_that_address(editor):
    client = Client(REMOTE_ADDR="198.51.100.10")
    fail_four_times(client, WAGTAIL_LOGIN)
    locked = sign_in(client, WAGTAIL_LOGIN, WRONG)
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert f"{LOCKED_TITLE} – " in text(locked)
    assert TRY_LATER in text(locked)
    # Even the right password is refused now.
    right = sign_in(client, WAGTAIL_LOGIN, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="redaktore").failures_since_start >= 5


def test_the_lockout_holds_for_the_pair_only(editor, django_user_model):
    client = Client(REMOTE_ADDR="198.51.100.10")
    for _ in range(5):
        sign_in(client, WAGTAIL_LOGIN, WRONG)
    assert sign_in(client, WAGTAIL_LOGIN, PASSWORD).status_code == 429
    # The same person from another address gets in.
    elsewhere = Client(REMOTE_ADDR="198.51.100.11")
    response = sign_in(elsewhere, WAGTAIL_LOGIN, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    # Another user name from the locked address gets in too.
    django_user_model.objects.create_superuser("publikuotojas", "p@example.lt", PASSWORD)
    other = sign_in(client, WAGTAIL_LOGIN, PASSWORD, username="publikuotojas")
    assert other.status_code == 302


def test_a_successful_sign_in_starts_the_count_again(editor):
    client = Client(REMOTE_ADDR="198.51.100.10")
    fail_four_times(client, WAGTAIL_LOGIN)
    assert sign_in(client, WAGTAIL_LOGIN, PASSWORD).status_code == 302
    client.logout()
    fail_four_times(client, WAGTAIL_LOGIN)
    assert sign_in(client, WAGTAIL_LOGIN, PASSWORD).status_code == 302


def test_django_admin_login_is_locked_out_too(editor):
    client = Client(REMOTE_ADDR="198.51.100.20")
    fail_four_times(client, DJANGO_ADMIN_LOGIN)
    locked = sign_in(client, DJANGO_ADMIN_LOGIN, WRONG)
    assert locked.status_code == 429
    assert BeautifulSoup(locked.content, "html.parser").h1.get_text(strip=True) == LOCKED_TITLE
    # Failures count across both login pages: it is one account.
    assert sign_in(client, WAGTAIL_LOGIN, PASSWORD).status_code == 429


def test_behind_trusted_proxies_the_forwarded_address_is_what_gets_locked(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(5):
        sign_in(attacker, WAGTAIL_LOGIN, WRONG)
    assert sign_in(attacker, WAGTAIL_LOGIN, PASSWORD).status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"
    # The editor comes through the same proxy (same REMOTE_ADDR) from her own address.
    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.5")
    assert sign_in(colleague, WAGTAIL_LOGIN, PASSWORD).status_code == 302
    # A forged leftmost entry does not move the attacker to a fresh address.
    forged = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.66")
    assert sign_in(forged, WAGTAIL_LOGIN, PASSWORD).status_code == 429


def test_signing_in_without_a_request_still_works(editor):
    """Management commands and the shell call authenticate() with no request: nothing to lock out."""
    from django.contrib.auth import authenticate

    assert authenticate(username="redaktore", password=PASSWORD) == editor
    assert authenticate(username="redaktore", password=WRONG) is None
