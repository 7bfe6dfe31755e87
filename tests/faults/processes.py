"""Real processes for the fault tests: a private PostgreSQL cluster, a private Redis, gunicorn app
servers and task workers. Each is stopped by its fixture or context manager even when a test fails."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from bilateral.operations.processes import child_pids, free_port, port_open

BASE_DIR = Path(__file__).resolve().parents[2]
# The server binaries of the installed PostgreSQL (Debian: /usr/lib/postgresql/<version>/bin).
PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name))
# The settings of every process these tests start: the test settings, tasks in the database.
PROCESS_SETTINGS = "tests.faults.process_settings"


def wait_for(condition, timeout=120, what="condition"):
    """Poll until condition() is true: a deadline for a stuck test, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached in {timeout} s")
        time.sleep(0.1)


def stop_process(process, sig=signal.SIGTERM, timeout=30):
    """Stop a process we started (by its own pid), then reap it."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def process_env(database_url, **extra):
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "EMAIL_URL")}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=PROCESS_SETTINGS, PYTHONUNBUFFERED="1")
    env.update({key: str(value) for key, value in extra.items() if value is not None})
    return env


def manage(env, *arguments, timeout=600):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class PrivatePostgres:
    """A PostgreSQL 15 cluster of our own (the shared one on 5432 is never touched), run as postgres."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="bilateral-pg-"))
        shutil.chown(self.directory, "postgres", "postgres")
        self.data = self.directory / "data"
        self.port = free_port()
        self.log = self.directory / "server.log"
        self.as_postgres([PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8"])

    def as_postgres(self, command):
        result = subprocess.run(
            ["runuser", "-u", "postgres", "--", *map(str, command)], capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, f"{command[0]} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def pg_ctl(self, *arguments):
        return self.as_postgres([PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", *arguments])

    def start(self):
        self.pg_ctl("-o", f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1", "start")
        return self

    def stop(self):
        # fast: open connections are cut, as when the database machine goes away
        self.pg_ctl("-m", "fast", "stop")

    def running(self):
        return (self.data / "postmaster.pid").exists()

    def create_database(self, name):
        self.as_postgres(["createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name])
        return self.url(name)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def destroy(self):
        if self.running():
            self.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(self.directory, ignore_errors=True)


class PrivateRedis:
    """redis-server on a free port, without persistence; kill() is Redis going away."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: port_open(self.port), what="redis-server listening")
        return self

    def kill(self):
        if self.process:
            stop_process(self.process, signal.SIGKILL)
            self.process = None
        wait_for(lambda: not port_open(self.port), what="redis-server gone")


class AppServer:
    """gunicorn serving bilateral.wsgi on a free port, as in production."""

    def __init__(self, env, workers=2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "bilateral.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--timeout", "60"],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.workers = workers

    def wait_ready(self):
        wait_for(lambda: self.process.poll() is not None or len(self.worker_pids()) == self.workers and port_open(self.port),
                 what="gunicorn ready")
        assert self.process.poll() is None, self.output()
        return self

    def worker_pids(self):
        return set(child_pids(self.process.pid))

    def url(self, path):
        return self.base + path

    def output(self):
        return Path(self.log.name).read_text(errors="replace")

    def stop(self):
        stop_process(self.process)
        Path(self.log.name).unlink(missing_ok=True)


def get(server, path, **kwargs):
    return requests.get(server.url(path), timeout=60, allow_redirects=False, **kwargs)
