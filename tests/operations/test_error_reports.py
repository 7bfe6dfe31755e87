"""Errors to Sentry only when SENTRY_DSN is set (bilateral/operations/error_reports.py); the DSN
points at a real HTTP server on loopback that keeps what it is sent."""

import gzip
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.test import Client

from bilateral.operations.error_reports import start_error_reports
from tests.faults.processes import BASE_DIR, wait_for


class EnvelopeCollector(ThreadingHTTPServer):
    """Answers every POST 200 and keeps its (decompressed) body, as Sentry's ingestion would."""

    def __init__(self):
        self.envelopes = []
        super().__init__(("127.0.0.1", 0), EnvelopeHandler)

    @property
    def dsn(self):
        return f"http://publickey@127.0.0.1:{self.server_address[1]}/1"


class EnvelopeHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.server.envelopes.append((self.path, body.decode("utf-8", "replace")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def collector():
    server = EnvelopeCollector()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def initialised_in_a_fresh_process(**environment):
    env = {key: value for key, value in os.environ.items() if key != "SENTRY_DSN"}
    env.update(DJANGO_SETTINGS_MODULE="bilateral.settings.test", **environment)
    script = "import django, sentry_sdk; django.setup(); print(sentry_sdk.is_initialized())"
    result = subprocess.run([sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_a_dsn_sentry_is_not_initialised(collector):
    assert initialised_in_a_fresh_process() == "False"
    assert initialised_in_a_fresh_process(SENTRY_DSN=collector.dsn) == "True"
    assert collector.envelopes == []  # starting sends nothing


@pytest.mark.django_db
def test_an_error_in_a_view_reaches_the_configured_sentry(collector, settings):
    settings.ROOT_URLCONF = "tests.operations.failing_urls"
    settings.SENTRY_DSN = collector.dsn
    settings.SENTRY_ENVIRONMENT = "staging"
    try:
        assert start_error_reports()
        assert not sentry_sdk.get_client().should_send_default_pii()
        response = Client(raise_request_exception=False).get(
            "/boom/", HTTP_COOKIE="sessionid=secret-session-value", HTTP_X_REQUEST_ID="boom-1"
        )
        sentry_sdk.flush(timeout=10)
    finally:
        sentry_sdk.get_global_scope().set_client(None)

    assert response.status_code == 500
    wait_for(lambda: collector.envelopes, timeout=10, what="an envelope")
    [(path, envelope)] = [(path, body) for path, body in collector.envelopes if "RuntimeError" in body]
    assert path == "/api/1/envelope/"
    assert "A deliberate failure for the error-report test" in envelope
    assert '"environment":"staging"' in envelope.replace(" ", "")
    assert '"request_id":"boom-1"' in envelope.replace(" ", "")
    assert "secret-session-value" not in envelope  # send_default_pii=False


def test_with_no_dsn_starting_does_nothing(settings):
    settings.SENTRY_DSN = ""
    assert start_error_reports() is False
    assert not sentry_sdk.is_initialized()
