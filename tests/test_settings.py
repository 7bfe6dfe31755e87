import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from bilateral.settings.base import default_site_url, email_settings
from bilateral.settings.environment import env

BASE_DIR = Path(__file__).resolve().parents[1]


def test_no_email_url_prints_emails():
    assert email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_smtp_url_is_parsed():
    parsed = email_settings("smtp://user%40x:p%3Ass@mail.example.com:2525")
    assert parsed["EMAIL_HOST"] == "mail.example.com" and parsed["EMAIL_PORT"] == 2525
    assert parsed["EMAIL_HOST_USER"] == "user@x" and parsed["EMAIL_HOST_PASSWORD"] == "p:ss"
    assert not parsed["EMAIL_USE_SSL"]


def test_smtps_url_uses_ssl_and_port_465():
    parsed = email_settings("smtps://mail.example.com")
    assert parsed["EMAIL_USE_SSL"] and parsed["EMAIL_PORT"] == 465


def test_other_schemes_are_refused():
    with pytest.raises(ValueError):
        email_settings("http://mail.example.com")


# --- The environment: one rule for booleans, lists, integers and addresses (settings/environment.py) ---


@pytest.mark.parametrize(
    "word, value",
    [("1", True), ("true", True), ("True", True), ("YES", True), ("on", True), (" yes ", True),
     ("0", False), ("false", False), ("False", False), ("no", False), ("off", False), ("", False)],
)
def test_every_boolean_follows_one_rule(monkeypatch, word, value):
    monkeypatch.setenv("BILATERAL_TEST_FLAG", word)
    assert env.bool("BILATERAL_TEST_FLAG", default=not value) is value


@pytest.mark.parametrize("default", [True, False])
def test_an_unset_boolean_takes_its_default(monkeypatch, default):
    monkeypatch.delenv("BILATERAL_TEST_FLAG", raising=False)
    assert env.bool("BILATERAL_TEST_FLAG", default=default) is default


@pytest.mark.parametrize("word", ["ture", "2", "y", "enabled", "nope"])
def test_a_word_that_is_not_a_boolean_is_refused_by_name(monkeypatch, word):
    monkeypatch.setenv("BILATERAL_TEST_FLAG", word)
    with pytest.raises(ImproperlyConfigured) as refused:
        env.bool("BILATERAL_TEST_FLAG", default=False)
    assert str(refused.value) == (
        f"BILATERAL_TEST_FLAG={word!r} is not a boolean: use 1, true, yes or on; 0, false, no, off or empty."
    )


def test_lists_are_comma_separated_with_spaces_and_empty_items_ignored(monkeypatch):
    monkeypatch.setenv("BILATERAL_TEST_LIST", " bilateral.example, www.bilateral.example ,,")
    assert env.list("BILATERAL_TEST_LIST", default=[]) == ["bilateral.example", "www.bilateral.example"]


def test_a_bad_integer_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("BILATERAL_TEST_COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="BILATERAL_TEST_COUNT='ten'"):
        env.int("BILATERAL_TEST_COUNT", default=0)


@pytest.mark.parametrize("address", ["bilateral.example", "ftp://bilateral.example", "https://", "https://x.example/?a=1"])
def test_a_site_url_that_is_not_a_site_address_is_refused(monkeypatch, address):
    monkeypatch.setenv("BILATERAL_TEST_SITE", address)
    with pytest.raises(ImproperlyConfigured, match="is not a site address"):
        env.site_url("BILATERAL_TEST_SITE")


def test_a_site_url_loses_its_final_slash(monkeypatch):
    monkeypatch.setenv("BILATERAL_TEST_SITE", "https://bilateral.example/")
    assert env.site_url("BILATERAL_TEST_SITE") == "https://bilateral.example"


def settings_in_a_process(module, probe, **environment):
    """The named settings module loaded afresh with only these variables changed: (return code, output)."""
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "REDIS_URL")}
    env.update(DJANGO_SETTINGS_MODULE=module, **environment)
    code = f"from django.conf import settings as s; print({probe})"
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout.strip() or result.stderr


PRODUCTION_SECRETS = {"SECRET_KEY": "settings-tests-only-" + "k" * 50, "ALTCHA_HMAC_SECRET": "a" * 40}


def test_a_misspelt_boolean_stops_the_production_settings(tmp_path):
    status, output = settings_in_a_process(
        "bilateral.settings.production", "s.SECURE_SSL_REDIRECT", BILATERAL_VAR_DIR=str(tmp_path),
        SECURE_SSL_REDIRECT="flase", **PRODUCTION_SECRETS,
    )
    assert status != 0
    assert "ImproperlyConfigured: SECURE_SSL_REDIRECT='flase' is not a boolean" in output


@pytest.mark.parametrize("word, expected", [("no", "False"), ("on", "True")])
def test_the_ssl_redirect_reads_the_one_boolean_rule(tmp_path, word, expected):
    status, output = settings_in_a_process(
        "bilateral.settings.production", "s.SECURE_SSL_REDIRECT", BILATERAL_VAR_DIR=str(tmp_path),
        SECURE_SSL_REDIRECT=word, **PRODUCTION_SECRETS,
    )
    assert (status, output) == (0, expected)


@pytest.mark.parametrize("word, prepared", [("true", True), ("0", False)])
def test_prepared_statements_on_postgresql_follow_the_one_boolean_rule(word, prepared):
    status, output = settings_in_a_process(
        "bilateral.settings.base", "s.DATABASES['default'].get('OPTIONS', {}).get('server_side_binding', False)",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/unused", DB_PREPARED_STATEMENTS=word,
    )
    assert (status, output) == (0, str(prepared))


def test_the_database_url_keeps_health_checks_and_its_options():
    status, output = settings_in_a_process(
        "bilateral.settings.base",
        "sorted((k, v) for k, v in s.DATABASES['default'].items() if k in ('ENGINE', 'NAME', 'HOST', 'PORT', 'USER', "
        "'PASSWORD', 'CONN_MAX_AGE', 'CONN_HEALTH_CHECKS')), s.DATABASES['default']['OPTIONS']['sslmode']",
        DATABASE_URL="postgres://reader:p%40ss@db.internal:5433/bilateral?sslmode=require", DB_CONN_MAX_AGE="30",
    )
    assert status == 0, output
    assert output == " ".join(map(str, (
        [("CONN_HEALTH_CHECKS", True), ("CONN_MAX_AGE", 30), ("ENGINE", "django.db.backends.postgresql"),
         ("HOST", "db.internal"), ("NAME", "bilateral"), ("PASSWORD", "p@ss"), ("PORT", 5433), ("USER", "reader")],
        "require",
    )))


def test_site_url_follows_make_runs_host_and_port():
    assert default_site_url({"HOST": "localhost", "PORT": "8123"}) == "http://localhost:8123"
    assert default_site_url({"HOST": "0.0.0.0", "PORT": "9000"}) == "http://127.0.0.1:9000"
    assert default_site_url({}) == "http://127.0.0.1:8000"


def test_site_url_when_set_wins_over_host_and_port(tmp_path):
    status, output = settings_in_a_process(
        "bilateral.settings.base", "s.SITE_URL", BILATERAL_VAR_DIR=str(tmp_path),
        SITE_URL="https://urm.example.lt/", PORT="8123",
    )
    assert (status, output) == (0, "https://urm.example.lt")


def test_a_process_started_with_host_and_port_links_there(tmp_path):
    """What `make run` starts: SITE_URL (the admin address ensure_admin prints) follows HOST and PORT."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "HOST": "localhost", "PORT": "8123", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    env.pop("SITE_URL", None)
    script = "from django.conf import settings; print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-2:] == ["http://localhost:8123", "http://localhost:8123"]
