"""Security headers on every kind of response, a Content-Security-Policy with no 'unsafe-inline',
and `manage.py check --deploy` under the production settings with nothing to report."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from bilateral.subscriptions.altcha_css import STATIC_CSS, embedded_css

BASE_DIR = Path(__file__).resolve().parents[2]
SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"

RESPONSES = [
    pytest.param("/", 200, id="home"),
    pytest.param(SECTION, 200, id="section"),
    pytest.param("/prenumerata/", 200, id="subscription-form"),
    pytest.param("/paieska/?q=sienos", 200, id="search"),
    pytest.param("/api/countries", 200, id="api"),
    pytest.param("/api/docs", 200, id="api-docs"),
    pytest.param("/admin/login/", 200, id="admin-login"),
    pytest.param("/django-admin/login/", 200, id="django-admin-login"),
    pytest.param("/no-such-page/", 404, id="not-found"),
]


def directives(header):
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.mark.parametrize("path, status", RESPONSES)
def test_every_response_carries_the_security_headers(client, seeded, path, status):
    response = client.get(path)
    assert response.status_code == status
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_no_directive_of_the_policy_allows_inline_code_or_eval():
    for name, sources in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items():
        for forbidden in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "https:", "http:"):
            assert forbidden not in sources, f"{name} allows {forbidden}"


def test_only_a_view_that_allows_same_origin_framing_may_be_framed_by_the_admin(admin_client, seeded):
    """Wagtail's preview panel frames the page preview (X-Frame-Options: SAMEORIGIN)."""
    admin_client.get(f"/admin/pages/{seeded.pk}/edit/")
    preview = admin_client.get(f"/admin/pages/{seeded.pk}/edit/preview/?in_preview_panel=true")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(preview["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    editor = admin_client.get(f"/admin/pages/{seeded.pk}/edit/")
    assert directives(editor["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_the_captcha_stylesheet_is_the_one_the_vendored_widget_would_inject():
    """Otherwise the widget looks different from what its authors styled; regenerate with
    `python -m bilateral.subscriptions.altcha_css` after an altcha-django upgrade."""
    css = embedded_css()
    assert "altcha" in css and len(css) > 1000
    assert STATIC_CSS.read_text(encoding="utf-8") == css


def test_the_form_links_the_captcha_stylesheet_under_the_id_the_widget_looks_for(client, seeded):
    html = client.get("/prenumerata/").content.decode()
    assert 'id="altcha-css" href="/static/subscriptions/altcha.css"' in html
    assert html.index('id="altcha-css"') < html.index("altcha.min.js")


def production_env(**changes):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bilateral.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60)[:60],
        "ALTCHA_HMAC_SECRET": secrets.token_hex(32),
        "ALLOWED_HOSTS": "bilateral.example",
        "SITE_URL": "https://bilateral.example",
    }
    # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests' conftest when they run in the same session.
    for name in ("SECURE_SSL_REDIRECT", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(changes)
    return {name: value for name, value in env.items() if value is not None}


def manage(*arguments, env):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_finds_nothing_with_the_production_settings(tmp_path):
    env = production_env(BILATERAL_VAR_DIR=str(tmp_path))
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "missing, message",
    [
        pytest.param("SECRET_KEY", "SECRET_KEY must be set", id="secret-key"),
        pytest.param("ALTCHA_HMAC_SECRET", "ALTCHA_HMAC_SECRET must be set", id="altcha-secret"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(tmp_path, missing, message):
    env = production_env(BILATERAL_VAR_DIR=str(tmp_path), **{missing: None})
    result = manage("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_are_strict_and_the_local_http_stack_may_only_turn_off_the_redirect(tmp_path):
    probe = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
        "s.SECURE_PROXY_SSL_HEADER, s.DEBUG)"
    )
    default = manage("shell", "-c", probe, env=production_env(BILATERAL_VAR_DIR=str(tmp_path)))
    assert default.stdout.strip().splitlines()[-1] == "True True True True True True True ('HTTP_X_FORWARDED_PROTO', 'https') False"
    local = manage("shell", "-c", probe, env=production_env(BILATERAL_VAR_DIR=str(tmp_path), SECURE_SSL_REDIRECT="0"))
    assert local.stdout.strip().splitlines()[-1] == "False True True True True True True ('HTTP_X_FORWARDED_PROTO', 'https') False"
