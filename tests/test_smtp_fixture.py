"""The SMTP server the tests use is real: Django's email API reaches it over loopback."""

import smtplib

import pytest
from django.core.mail import send_mail


def test_email_reaches_the_loopback_server(smtp_server):
    send_mail("Tema", "Tekstas", "portalas@example.com", ["skaitytojas@example.com"])
    [message] = smtp_server.to("skaitytojas@example.com")
    assert message["Subject"] == "Tema"
    assert message.get_content().strip() == "Tekstas"


def test_a_stopped_server_refuses_connections(smtp_server):
    smtp_server.stop()
    with pytest.raises((ConnectionRefusedError, smtplib.SMTPConnectError, OSError)):
        send_mail("Tema", "Tekstas", "portalas@example.com", ["skaitytojas@example.com"])
    smtp_server.start()
    send_mail("Tema", "Tekstas", "portalas@example.com", ["skaitytojas@example.com"])
    assert len(smtp_server.messages) == 1
