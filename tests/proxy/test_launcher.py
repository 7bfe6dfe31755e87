"""deploy/prod.py, the `make prod` launcher: its secrets, its VCL, and the whole stack started on the
test database, answering through Varnish, then stopped by SIGTERM with nothing left running."""

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.subscriptions.delivery_support import WorkerDatabase

from .conftest import BASE_DIR, Stack, free_port

spec = importlib.util.spec_from_file_location("prod_launcher", BASE_DIR / "deploy" / "prod.py")
launcher = importlib.util.module_from_spec(spec)
spec.loader.exec_module(launcher)


def test_secrets_are_made_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_VAR_DIR", str(tmp_path))
    for name in ("SECRET_KEY", "ALTCHA_HMAC_SECRET", "ALTCHA_HMAC_KEY"):
        monkeypatch.delenv(name, raising=False)
    first = launcher.prepare_environment()
    second = launcher.prepare_environment()
    assert len(first["SECRET_KEY"]) >= 50
    assert len(first["ALTCHA_HMAC_SECRET"]) >= 32
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert first["ALTCHA_HMAC_SECRET"] == second["ALTCHA_HMAC_SECRET"]
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert first["DJANGO_SETTINGS_MODULE"] == "bilateral.settings.production"
    assert first["SECURE_SSL_REDIRECT"] == "0"
    assert first["FRONTEND_CACHE_URL"] == f"http://127.0.0.1:{first['PROXY_PORT']}"


def test_varnish_keeps_its_jail_where_its_users_can_reach_var(tmp_path):
    reachable = Path(tempfile.mkdtemp(prefix="bilateral-jail-"))
    try:
        reachable.chmod(0o755)
        assert launcher.jail_options(reachable) == []
        # Under pytest's private 0700 directory; only root's varnishd drops to other users at all.
        assert launcher.jail_options(tmp_path) == (["-j", "none"] if os.geteuid() == 0 else [])
    finally:
        shutil.rmtree(reachable)


def test_the_vcl_gets_the_app_port(tmp_path):
    vcl = tmp_path / "default.vcl"
    vcl.write_text(launcher.vcl_for_app_port("9123"))
    assert '.port = "9123";' in vcl.read_text()
    assert '.port = "8001";' not in vcl.read_text()
    # -j none: pytest's temporary directory is out of reach of the users varnishd drops to.
    compiled = subprocess.run(["varnishd", "-j", "none", "-C", "-f", str(vcl)], capture_output=True, text=True)
    assert compiled.returncode == 0, compiled.stderr


def processes_with(marker):
    """PIDs whose environment holds `marker` (every process the launcher started inherits it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_make_prod_serves_through_varnish_and_stops_on_sigterm(seeded, tmp_path):
    database = WorkerDatabase(tmp_path)
    database.push()
    # varnishd drops root: its working directory (var/varnish) must not be under pytest's 0700 tree.
    var_dir = Path(tempfile.mkdtemp(prefix="bilateral-prod-"))
    var_dir.chmod(0o755)
    proxy_port, app_port = free_port(), free_port()
    environment = {
        **os.environ,
        "BILATERAL_VAR_DIR": str(var_dir),
        "DATABASE_URL": database.url,
        "PROXY_PORT": str(proxy_port),
        "APP_PORT": str(app_port),
        "GUNICORN_WORKERS": "1",
        "TASK_WORKERS": "1",
        "VARNISH_MEMORY": "32m",
    }
    for name in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALTCHA_HMAC_SECRET", "REDIS_URL", "FRONTEND_CACHE_URL"):
        environment.pop(name, None)
    environment["REDIS_URL"] = ""  # the test database's cache table, not a shared Redis
    log = tmp_path / "prod.log"
    process = subprocess.Popen(
        [sys.executable, "deploy/prod.py"],
        cwd=BASE_DIR,
        env=environment,
        stdout=open(log, "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    marker = f"BILATERAL_VAR_DIR={var_dir}\0"
    try:
        deadline = time.monotonic() + 240
        while "Bilateral production stack ready" not in log.read_text():
            assert process.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        client = Stack(database, var_dir, var_dir, tmp_path)
        client.proxy_port = proxy_port
        first = client.get("/salys/baltarusija/politinis-bendradarbiavimas/")
        second = client.get("/salys/baltarusija/politinis-bendradarbiavimas/")
        assert first.status == second.status == 200
        assert second.cache == "HIT"
        assert "Politinis bendradarbiavimas" in second.text
        assert len(processes_with(marker)) >= 5  # launcher, gunicorn and its worker, db_worker, scheduler, varnishd

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        deadline = time.monotonic() + 30
        while processes_with(marker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert processes_with(marker) == []
    finally:
        for pid in processes_with(marker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


def test_a_port_in_use_is_refused_before_anything_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "deploy/prod.py"],
            cwd=BASE_DIR,
            env={**os.environ, "BILATERAL_VAR_DIR": str(tmp_path), "PROXY_PORT": str(port), "APP_PORT": str(free_port())},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert f"127.0.0.1:{port} is in use; choose another PROXY_PORT." in result.stderr
