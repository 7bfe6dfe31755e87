"""The production stack in miniature: gunicorn on production settings (static files by WhiteNoise) on
the test database and a private Redis (the shared cache and the proxy's address index), and nginx with
the project's configuration in front, on free loopback ports. The test process publishes; purges reach
that nginx through WAGTAILFRONTENDCACHE; task workers, when a test starts them, refresh through it."""

import http.client
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from bilateral.operations.processes import free_port, start_in_own_group, stop_groups, wait_for_port
from bilateral.settings.base import cache_settings
from tests.faults.processes import PrivateRedis
from tests.subscriptions.delivery_support import WorkerDatabase

BASE_DIR = Path(__file__).resolve().parents[2]
SECRET_KEY = "proxy-tests-only-" + "x" * 60
REFRESH_SECRET = "proxy-tests-refresh-" + "r" * 40
START_TIMEOUT = 90

spec = importlib.util.spec_from_file_location("prod_launcher", BASE_DIR / "deploy" / "prod.py")
launcher = importlib.util.module_from_spec(spec)
spec.loader.exec_module(launcher)


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


def start_logged(command, log, **popen_arguments):
    return start_in_own_group(
        command,
        stdout=open(log, "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
        **popen_arguments,
    )


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
    """gunicorn and nginx, and a client that talks to the proxy."""

    def __init__(self, database, var_dir, work_dir, log_dir, redis_url=None, workers=2, state_seconds=1,
                 page_files_check="0"):  # fmt: skip
        self.database = database
        self.redis_url = redis_url
        self.workers = workers
        # The app processes' state memory (bilateral/caching/state_memory.py), as in production unless a
        # test asks for another: the test process, which purges, waits as long as the task workers do.
        self.state_seconds = state_seconds
        self.log_dir = log_dir
        self.var_dir = var_dir
        self.work_dir = work_dir
        # Where the app writes published pages for this proxy (bilateral/caching/page_files.py), and
        # how long nginx trusts a file it opened (production: 1 s; here, by default, it looks every time,
        # so that a test sees a purge at once).
        self.pages_dir = work_dir / "pages"
        self.page_files_check = page_files_check
        self.app_port = free_port()
        self.proxy_port = free_port()
        self.processes = []

    @property
    def url(self):
        return f"http://127.0.0.1:{self.proxy_port}"

    def environment(self, **extra):
        """The production environment of the app's processes (gunicorn, task workers)."""
        environment = production_environment(
            self.var_dir,
            DATABASE_URL=self.database.url,
            APP_PORT=str(self.app_port),
            GUNICORN_WORKERS=str(self.workers),
            APP_CACHE_STATE_SECONDS=str(self.state_seconds),
            SITE_URL=self.url,
            PAGE_FILES_DIR=str(self.pages_dir),
            # SQLite: sync() replaces the database file with a fresh copy; a kept connection (production
            # keeps them for 60 s) would go on reading the old, deleted file. PostgreSQL keeps them.
            **({"DB_CONN_MAX_AGE": "0"} if self.database.vendor == "sqlite" else {}),
        )
        # After production_environment, which drops what the test process's own environment had.
        if self.redis_url:
            environment["REDIS_URL"] = self.redis_url
        return {**environment, **extra}

    def start(self):
        self.database.push()
        environment = self.environment()
        self.start_server(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "-c", str(BASE_DIR / "deploy" / "gunicorn.conf.py")],
            self.app_port,
            cwd=BASE_DIR,
            env=environment,
        )
        self.start_proxy()

    def start_proxy(self):
        command = launcher.prepared_nginx(
            self.work_dir, self.app_port, self.proxy_port, cache_size="64m", refresh_secret=REFRESH_SECRET,
            pages_dir=self.pages_dir, page_files_check=self.page_files_check,
        )
        self.start_server("nginx", command, self.proxy_port)

    def start_server(self, name, command, port, **popen_arguments):
        log = self.log_dir / f"{name}.log"
        process = start_logged(command, log, **popen_arguments)
        self.processes.insert(0, process)  # stopped in the reverse order: the proxy first
        wait_for_port(port, [(name, process)], timeout=START_TIMEOUT, log=log)

    def start_second_proxy(self):
        """Another nginx in front of the same gunicorn (a second machine's proxy); stopped with this."""
        second = Stack(self.database, self.var_dir, self.work_dir / "second", self.log_dir / "second")
        second.work_dir.mkdir(mode=0o755)
        second.log_dir.mkdir()
        second.app_port = self.app_port
        second.start_proxy()
        self.processes[:0] = second.processes
        return second

    def stop(self):
        stop_groups(self.processes)

    def sync(self):
        """After a change in the test process: the app's processes see it (SQLite: a new copy)."""
        self.database.push()

    def request(self, method, path, headers=None, source=None, port=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port or self.proxy_port, timeout=60, source_address=(source, 0) if source else None
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
def stack_redis(settings):
    """A private Redis shared by the test process and the stack's processes, as in production."""
    server = PrivateRedis().start()
    settings.CACHES = cache_settings(server.url)
    try:
        yield server
    finally:
        settings.CACHES = cache_settings(server.url)  # closes the clients before the server goes
        server.kill()


@pytest.fixture
def stack(seeded, static_var_dir, tmp_path, settings, stack_redis, request):
    """The seeded test database behind gunicorn and nginx; the test process purges that nginx.
    @pytest.mark.stack(workers=…, state_seconds=…) changes the app's processes."""
    marker = request.node.get_closest_marker("stack")
    options = marker.kwargs if marker else {}
    # nginx's workers (root's nginx runs them as nobody) write its cache: not under pytest's 0700 tree.
    work_dir = Path(tempfile.mkdtemp(prefix="bilateral-proxy-"))
    work_dir.chmod(0o755)
    running = Stack(WorkerDatabase(tmp_path), static_var_dir, work_dir, tmp_path, redis_url=stack_redis.url, **options)
    settings.APP_CACHE_STATE_SECONDS = running.state_seconds
    settings.PAGE_FILES_DIR = str(running.pages_dir)
    try:
        running.start()
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {"BACKEND": "bilateral.caching.cache_purge.NginxBackend", "LOCATION": running.url}
        }
        yield running
    finally:
        running.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
