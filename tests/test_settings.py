import pytest

from bilateral.settings.base import email_settings


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
