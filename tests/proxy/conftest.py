"""The production stack in miniature: gunicorn on production settings (static files by WhiteNoise) on
the test database, and varnishd with the project's VCL in front, on free loopback ports. The test
process publishes; purges reach that varnishd through WAGTAILFRONTENDCACHE."""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.subscriptions.delivery_support import WorkerDatabase

BASE_DIR = Path(__file__).resolve().parents[2]
VCL = BASE_DIR / "deploy" / "varnish" / "default.vcl"
SECRET_KEY = "proxy-tests-only-" + "x" * 60
START_TIMEOUT = 90


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(var_dir, **extra):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bilateral.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALTCHA_HMAC_SECRET": "proxy-tests-only-altcha-" + "y" * 40,
        "BILATERAL_VAR_DIR": str(var_dir),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "TRUSTED_PROXY_COUNT": "1",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    for name in ("REDIS_URL", "FRONTEND_CACHE_URL", "EMAIL_URL"):
        environment.pop(name, None)
    return environment


def stop(process):
    """SIGTERM to the process's group, SIGKILL if it lingers; nothing is left behind."""
    if process is None:
        return
    for signal_number, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, signal_number)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        if signal_number == signal.SIGTERM:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # any child the leader left
            except ProcessLookupError:
                pass
        break


def wait_for_port(port, process, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode} while starting: {Path(log).read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}: {Path(log).read_text()[-3000:]}")


@pytest.fixture(scope="session")
def static_var_dir(tmp_path_factory):
    """collectstatic with the production storage (hashed names, compressed copies), once."""
    var_dir = tmp_path_factory.mktemp("proxy-var")
    environment = production_environment(var_dir, DATABASE_URL=f"sqlite:///{var_dir / 'unused.sqlite3'}")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=environment,
        check=True,
    )
    return var_dir


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def cache(self):
        return self.headers.get("X-Cache")


class Stack:
    """gunicorn and varnishd, and a client that talks to the proxy."""

    def __init__(self, database, var_dir, work_dir, log_dir):
        self.database = database
        self.log_dir = log_dir
        self.var_dir = var_dir
        self.work_dir = work_dir
        self.app_port = free_port()
        self.proxy_port = free_port()
        self.gunicorn = self.varnishd = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.proxy_port}"

    def start(self):
        self.database.push()
        environment = production_environment(
            self.var_dir,
            DATABASE_URL=self.database.url,
            APP_PORT=str(self.app_port),
            GUNICORN_WORKERS="2",
            SITE_URL=self.url,
            # SQLite: sync() replaces the database file with a fresh copy; a kept connection (production
            # keeps them for 60 s) would go on reading the old, deleted file. PostgreSQL keeps them.
            **({"DB_CONN_MAX_AGE": "0"} if self.database.vendor == "sqlite" else {}),
        )
        log = self.log_dir / "gunicorn.log"
        self.gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(BASE_DIR / "deploy" / "gunicorn.conf.py")],
            cwd=BASE_DIR,
            env=environment,
            stdout=open(log, "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.app_port, self.gunicorn, log)
        vcl = self.work_dir / "default.vcl"
        vcl.write_text(re.sub(r'(\.port = ")\d+(";)', rf"\g<1>{self.app_port}\g<2>", VCL.read_text(), count=1))
        log = self.log_dir / "varnishd.log"
        self.varnishd = subprocess.Popen(
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-n", str(self.work_dir / "varnish"),
                "-a", f"127.0.0.1:{self.proxy_port}",
                "-f", str(vcl),
                "-s", "malloc,64m",
            ],  # fmt: skip
            stdout=open(log, "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.proxy_port, self.varnishd, log)

    def stop(self):
        stop(self.varnishd)
        stop(self.gunicorn)

    def sync(self):
        """After a change in the test process: the app's processes see it (SQLite: a new copy)."""
        self.database.push()

    def request(self, method, path, headers=None, source=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.proxy_port, timeout=60, source_address=(source, 0) if source else None
        )
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            return Answer(response.status, response.headers, body.decode("utf-8", "replace"))
        finally:
            connection.close()

    def get(self, path, **headers):
        return self.request("GET", path, {name.replace("_", "-"): value for name, value in headers.items()})


@pytest.fixture
def stack(seeded, static_var_dir, tmp_path, settings):
    """The seeded test database behind gunicorn and varnishd; the test process purges that varnishd."""
    # The varnish user (Varnish drops root) must reach its working directory: not under pytest's 0700 tree.
    work_dir = Path(tempfile.mkdtemp(prefix="bilateral-proxy-"))
    work_dir.chmod(0o755)
    running = Stack(WorkerDatabase(tmp_path), static_var_dir, work_dir, tmp_path)
    try:
        running.start()
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {"BACKEND": "bilateral.pages.cache_purge.VarnishBackend", "LOCATION": running.url}
        }
        yield running
    finally:
        running.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
