"""deploy/prod.py, the `make prod` launcher: its secrets, its nginx configuration, and the whole stack
started on the test database, answering through nginx, then stopped by SIGTERM with nothing left
running."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from bilateral.operations import processes
from bilateral.operations.processes import child_pids
from tests.subscriptions.delivery_support import WorkerDatabase

from .conftest import BASE_DIR, Stack, free_port, launcher


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


def test_nginx_workers_drop_root_where_they_can_reach_var(tmp_path):
    reachable = Path(tempfile.mkdtemp(prefix="bilateral-workers-"))
    try:
        reachable.chmod(0o755)
        assert launcher.reachable_by_others(reachable)
        # Under pytest's private 0700 directory; only root's nginx runs its workers as another user.
        assert launcher.reachable_by_others(tmp_path) == (os.geteuid() != 0)
    finally:
        shutil.rmtree(reachable)


def test_the_configuration_gets_ports_paths_and_user(tmp_path):
    secret = "refresh-" + "s" * 40
    config = launcher.nginx_config(
        9123, 9124, tmp_path / "cache", cache_size="32m", run_as_root=True, site_host="bilateral.example",
        refresh_secret=secret, worker_priority=-7,
    )
    assert "server 127.0.0.1:9123;" in config
    assert "worker_priority -7;" in config
    assert 'default "bilateral.example";' in config  # the Host cacheable requests reach the app with
    assert "listen 127.0.0.1:9124 reuseport;" in config
    assert f"proxy_cache_path {tmp_path / 'cache'} " in config
    assert f'"{secret}" 1;' in config  # the workers' refresh header (PROXY_REFRESH_SECRET)
    assert "max_size=32m" in config
    assert "user root;" in config
    # The published pages' files beside the cache by default, where the app writes them (PAGE_FILES_DIR).
    assert f"root {tmp_path / 'pages'};" in config
    assert "open_file_cache_valid 1s;" in config
    # One location for the pages' files per language's prefix, with its language as a constant.
    for prefix, language in (("/", "lt"), ("/en/", "en"), ("/pl/", "pl")):
        block = re.search(r"location %s \{(.*?)\n        \}" % re.escape(prefix), config, re.S).group(1)
        assert "try_files $uri$is_args$page_file_name @app;" in block and f"add_header Content-Language {language};" in block
    assert "root /srv/pages;" in launcher.nginx_config(9123, 9124, tmp_path / "cache", pages_dir="/srv/pages")
    for wrong in ({"pages_dir": "/srv/my pages"}, {"pages_dir": "/srv/p;x"}, {"page_files_check": "1 s"}):
        with pytest.raises(ValueError):
            launcher.nginx_config(9123, 9124, tmp_path / "cache", **wrong)
    assert not re.search(r"@[A-Z_]+@", re.sub(r"#.*", "", config)), "every token is filled in"
    assert "user root;" not in launcher.nginx_config(9123, 9124, tmp_path / "cache")
    assert 'default "127.0.0.1:9124";' in launcher.nginx_config(9123, 9124, tmp_path / "cache")
    # Without a secret a random one: no refresh header anybody could send is honoured.
    assert launcher.nginx_config(9123, 9124, tmp_path / "cache") != launcher.nginx_config(9123, 9124, tmp_path / "cache")
    with pytest.raises(ValueError, match="PROXY_REFRESH_SECRET"):
        launcher.nginx_config(9123, 9124, tmp_path / "cache", refresh_secret="short")


@pytest.mark.parametrize("site_host", ["a.example; deny all", "a.example/x", "a example", 'a.example"'])
def test_a_site_host_that_is_not_a_host_name_never_reaches_the_configuration(tmp_path, site_host):
    with pytest.raises(ValueError, match="is not a host name"):
        launcher.nginx_config(9123, 9124, tmp_path / "cache", site_host=site_host)


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


def alive(pids):
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_make_prod_serves_through_nginx_and_stops_on_sigterm(seeded, tmp_path):
    database = WorkerDatabase(tmp_path)
    database.push()
    # nginx's workers drop root: its working directory (var/nginx) must not be under pytest's 0700 tree.
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
        "PROXY_CACHE_SIZE": "32m",
        "PROXY_CPUS": "split",
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
        # launcher, gunicorn and its worker, db_worker, scheduler
        assert len(processes_with(marker)) >= 5
        # nginx rewrites its environment (process titles): found by its pid file instead.
        nginx_master = int((var_dir / "nginx" / "nginx.pid").read_text())
        nginx = [nginx_master, *child_pids(nginx_master)]
        assert len(nginx) >= 2
        # The app's processes yield the CPU to the proxy's (APP_NICENESS, 5 by default), and nginx's
        # workers, started by root, run above the launcher (PROXY_PRIORITY, -10 by default).
        own = os.getpriority(os.PRIO_PROCESS, process.pid)
        app = [pid for pid in processes_with(marker) if pid != process.pid]
        assert {os.getpriority(os.PRIO_PROCESS, pid) for pid in app} == {own + 5}
        assert os.getpriority(os.PRIO_PROCESS, nginx_master) == own
        workers = {os.getpriority(os.PRIO_PROCESS, pid) for pid in nginx[1:]}
        assert own - 10 in workers if os.geteuid() == 0 else workers == {own}
        # Each in a session of its own, which a kernel with autogroups weighs as a whole against the
        # others, whatever the nice values inside: the sessions get the same priorities.
        if processes.autogroups():
            assert {processes.session_priority(pid) for pid in app} == {own + 5}
            assert {processes.session_priority(pid) for pid in nginx} == {own - 10 if os.geteuid() == 0 else own}
        else:
            assert processes.session_priority(nginx_master) is None
        # nginx on CPUs of its own, a worker for each, the app's processes on the others (PROXY_CPUS=split;
        # with fewer than two CPUs, every process on every CPU).
        everything = sorted(os.sched_getaffinity(process.pid))
        proxy_cpus, app_cpus = launcher.cpu_split("split", everything) or (everything, everything)
        assert {frozenset(os.sched_getaffinity(pid)) for pid in nginx} == {frozenset(proxy_cpus)}
        assert {frozenset(os.sched_getaffinity(pid)) for pid in app} == {frozenset(app_cpus)}
        workers_line = "auto" if proxy_cpus == everything else str(len(proxy_cpus))
        assert f"worker_processes {workers_line};" in (var_dir / "nginx" / "proxy.conf").read_text()

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        deadline = time.monotonic() + 30
        while (processes_with(marker) or alive(nginx)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert processes_with(marker) == []
        assert alive(nginx) == []
    finally:
        for pid in processes_with(marker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        pid_file = var_dir / "nginx" / "nginx.pid"
        if pid_file.exists():  # nginx leads its own process group (its workers are in it)
            try:
                os.killpg(int(pid_file.read_text()), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


@pytest.mark.parametrize(
    ("setting", "available", "expected"),
    [
        ("split", [0, 1], ([1], [0])),
        ("split", [0, 1, 2, 3], ([3], [0, 1, 2])),
        ("split", list(range(8)), ([6, 7], [0, 1, 2, 3, 4, 5])),
        ("split", [2, 5], ([5], [2])),  # the CPUs the launcher may use, not the machine's
        ("split", [0], None),  # one CPU: nothing to split
        ("auto", [0, 1, 2, 3], ([3], [0, 1, 2])),
        ("auto", list(range(8)), ([6, 7], [0, 1, 2, 3, 4, 5])),
        ("auto", [0, 1, 2], None),  # fewer than four: one CPU is too large a share
        ("auto", [0], None),
        ("shared", [0, 1, 2, 3], None),
        (" Shared ", [0, 1], None),
        ("0", [0, 1], ([0], [1])),
        ("2-3", [0, 1, 2, 3], ([2, 3], [0, 1])),
        ("0,2", [0, 1, 2], ([0, 2], [1])),
    ],
)
def test_nginx_gets_cpus_of_its_own_and_the_app_the_others(setting, available, expected):
    assert launcher.cpu_split(setting, available) == expected


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("0-1", "no CPU would be left for the app"),
        ("4", "CPUs 0,1 only"),
        ("several", 'not "auto", "split", "shared" or a list of CPUs'),
        ("3-1", 'not "auto", "split", "shared" or a list of CPUs'),
        ("", 'not "auto", "split", "shared" or a list of CPUs'),
    ],
)
def test_cpus_that_cannot_be_given_stop_the_launcher_with_a_message(setting, message, monkeypatch):
    monkeypatch.setattr(launcher.os, "sched_getaffinity", lambda pid: {0, 1})
    with pytest.raises(SystemExit) as stopped:
        launcher.cpus_of({"PROXY_CPUS": setting})
    assert str(stopped.value).startswith(f"PROXY_CPUS={setting!r}: ")
    assert message in str(stopped.value)


def test_nginx_runs_as_many_workers_as_it_is_given_cpus(tmp_path):
    assert "worker_processes auto;" in launcher.nginx_config(9123, 9124, tmp_path / "cache")
    assert "worker_processes 2;" in launcher.nginx_config(9123, 9124, tmp_path / "cache", worker_processes=2)
    with pytest.raises(ValueError, match="not a number of nginx workers"):
        launcher.nginx_config(9123, 9124, tmp_path / "cache", worker_processes="2; user root")


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


def test_the_pages_files_have_a_location_for_every_language(settings):
    """deploy/prod.py's language prefixes are the site's: the default language at /, the others under
    their code (bilateral/urls.py: i18n_patterns without a prefix for the default)."""
    expected = [("/" if code == settings.LANGUAGE_CODE else f"/{code}/", code) for code, _name in settings.LANGUAGES]
    assert sorted(launcher.LANGUAGE_PREFIXES) == sorted(expected)
