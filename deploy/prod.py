"""`make prod`: Bilateral's production stack on this machine, in the foreground. Ctrl-C stops all of it.

    reader → Varnish 127.0.0.1:$PROXY_PORT (8080, deploy/varnish/default.vcl)
           → gunicorn 127.0.0.1:$APP_PORT (8001, deploy/gunicorn.conf.py; static files by WhiteNoise)
    $TASK_WORKERS (2) × `manage.py db_worker` (emails, cache purges), one `manage.py run_scheduler`

First, once per start: the database is created if missing, then collectstatic, migrate,
createcachetable, load_seed, ensure_admin. Settings: bilateral.settings.production. Environment
(defaults in brackets): DATABASE_URL [postgres://postgres@127.0.0.1:5432/bilateral_prod], REDIS_URL
[redis://127.0.0.1:6379/1], SECRET_KEY and ALTCHA_HMAC_SECRET [random, made once into var/], PROXY_PORT, APP_PORT,
GUNICORN_WORKERS [2 × cores + 1], TASK_WORKERS, VARNISH_MEMORY [256m]. The local stack speaks plain
http, so SECURE_SSL_REDIRECT defaults to 0 here; behind a TLS terminator set it to 1.

Prints "Bilateral production stack ready: …" when the proxy answers. SIGINT or SIGTERM stops every
child (each runs in its own process group, so its own children go too); so does any child's exit.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
DEPLOY_DIR = BASE_DIR / "deploy"
STOP_TIMEOUT = 20
START_TIMEOUT = 60


class Stop(Exception):
    """SIGINT or SIGTERM arrived."""


def main():
    environment = prepare_environment()
    var_dir = Path(environment["BILATERAL_VAR_DIR"])
    for name in ("APP_PORT", "PROXY_PORT"):
        if not port_is_free(int(environment[name])):
            raise SystemExit(f"127.0.0.1:{environment[name]} is in use; choose another {name}.")
    create_database_if_missing(environment["DATABASE_URL"])
    for command in (
        ["collectstatic", "--noinput", "-v0"],
        ["migrate", "--noinput", "-v0"],
        ["createcachetable"],
        ["load_seed"],
        ["ensure_admin"],
    ):
        manage(command, environment)

    children = []
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, raise_stop)
    try:
        children.append(start("gunicorn", gunicorn_command(), environment))
        wait_for_port(int(environment["APP_PORT"]), children)
        for number in range(int(environment["TASK_WORKERS"])):
            children.append(start(f"db_worker {number + 1}", manage_command(["db_worker"]), environment))
        children.append(start("run_scheduler", manage_command(["run_scheduler"]), environment))
        children.append(start("varnishd", varnishd_command(environment, var_dir), environment))
        wait_for_port(int(environment["PROXY_PORT"]), children)
        print(
            f"Bilateral production stack ready: http://127.0.0.1:{environment['PROXY_PORT']}/ "
            f"(Varnish → gunicorn 127.0.0.1:{environment['APP_PORT']}, "
            f"{environment['TASK_WORKERS']} task workers, scheduler). Ctrl-C stops all.",
            flush=True,
        )
        while True:
            for name, process in children:
                if process.poll() is not None:
                    print(f"{name} exited with status {process.returncode}; stopping the stack.", flush=True)
                    return 1
            time.sleep(0.5)
    except Stop:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop_all(children)


def raise_stop(signal_number, frame):
    raise Stop()


def prepare_environment():
    environment = dict(os.environ)
    var_dir = Path(environment.setdefault("BILATERAL_VAR_DIR", str(BASE_DIR / "var")))
    var_dir.mkdir(parents=True, exist_ok=True)
    proxy_port = environment.setdefault("PROXY_PORT", "8080")
    # Always the production settings, whatever the shell exported for development.
    environment["DJANGO_SETTINGS_MODULE"] = "bilateral.settings.production"
    defaults = {
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/bilateral_prod",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "APP_PORT": "8001",
        "TASK_WORKERS": "2",
        "SITE_URL": f"http://127.0.0.1:{proxy_port}",
        # Publishing purges through the proxy (bilateral/pages/cache_purge.py).
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{proxy_port}",
        # Varnish appends the reader's address to X-Forwarded-For (rate limits, login lockout).
        "TRUSTED_PROXY_COUNT": "1",
        "SECURE_SSL_REDIRECT": "0",
        "PYTHONUNBUFFERED": "1",
    }
    for name, value in defaults.items():
        environment.setdefault(name, value)
    if not environment.get("SECRET_KEY"):
        environment["SECRET_KEY"] = stored_secret_key(var_dir / "secret_key")
    # Production settings require the captcha's own HMAC secret (bilateral/settings/production.py).
    if not (environment.get("ALTCHA_HMAC_SECRET") or environment.get("ALTCHA_HMAC_KEY")):
        environment["ALTCHA_HMAC_SECRET"] = stored_secret_key(var_dir / "altcha_hmac_secret")
    return environment


def stored_secret_key(path):
    """A random secret made on the first start and kept, so sessions and challenges survive restarts."""
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(64))
    return path.read_text().strip()


def create_database_if_missing(url):
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        return
    import psycopg
    from psycopg import sql

    name = unquote(parts.path.lstrip("/"))
    connection = psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password or "") or None,
        dbname="postgres",
        autocommit=True,
    )
    with connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}.", flush=True)


def manage_command(arguments):
    return [sys.executable, str(BASE_DIR / "manage.py"), *arguments]


def manage(arguments, environment):
    subprocess.run(manage_command(arguments), cwd=BASE_DIR, env=environment, check=True)


def gunicorn_command():
    return [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY_DIR / "gunicorn.conf.py")]


def varnishd_command(environment, var_dir):
    """Varnish in the foreground with the project's VCL, its backend port set to APP_PORT."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    vcl = var_dir / "varnish.vcl"
    vcl.write_text(vcl_for_app_port(environment["APP_PORT"]))
    return [
        varnishd,
        "-F",
        *jail_options(var_dir),
        "-n", str(var_dir / "varnish"),
        "-a", f"127.0.0.1:{environment['PROXY_PORT']}",
        "-f", str(vcl),
        "-s", f"malloc,{environment.get('VARNISH_MEMORY', '256m')}",
    ]  # fmt: skip


def jail_options(var_dir):
    """Started by root, varnishd drops to its own users, who must reach var/ (its working directory
    and the VCL). A checkout inside a private directory (say /root) is out of their reach: there it
    keeps root's rights (-j none) rather than fail to start."""
    if os.geteuid() != 0 or all(directory.stat().st_mode & 0o001 for directory in [var_dir, *var_dir.parents]):
        return []
    print(f"varnishd runs without its jail: its users cannot reach {var_dir}.", flush=True)
    return ["-j", "none"]


def vcl_for_app_port(app_port, source=DEPLOY_DIR / "varnish" / "default.vcl"):
    text = source.read_text()
    return re.sub(r'(\.port = ")\d+(";)', rf"\g<1>{int(app_port)}\g<2>", text, count=1)


def start(name, command, environment):
    process = subprocess.Popen(command, cwd=BASE_DIR, env=environment, start_new_session=True)
    return name, process


def port_is_free(port):
    """Checked first: otherwise another program on the port would pass for our gunicorn or Varnish."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for_port(port, children):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        for name, process in children:
            if process.poll() is not None:
                raise SystemExit(f"{name} exited with status {process.returncode} while starting.")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Nothing listens on 127.0.0.1:{port} after {START_TIMEOUT} s.")


def stop_all(children):
    """SIGTERM to every child's process group (the proxy first), then SIGKILL what is left."""
    for _name, process in reversed(children):
        signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    for _name, process in reversed(children):
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
        signal_group(process, signal.SIGKILL)
        process.wait()


def signal_group(process, signal_number):
    try:
        os.killpg(process.pid, signal_number)
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    sys.exit(main())
