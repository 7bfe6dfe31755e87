import pytest

from bilateral.settings.base import email_settings, site_url


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


def test_site_url_follows_make_runs_host_and_port():
    assert site_url({"HOST": "localhost", "PORT": "8123"}) == "http://localhost:8123"
    assert site_url({"HOST": "0.0.0.0", "PORT": "9000"}) == "http://127.0.0.1:9000"
    assert site_url({}) == "http://127.0.0.1:8000"


def test_site_url_when_set_wins_over_host_and_port():
    assert site_url({"SITE_URL": "https://urm.example.lt/", "PORT": "8123"}) == "https://urm.example.lt"


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
