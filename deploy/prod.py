"""`make prod`: Bilateral's production stack on this machine, in the foreground. Ctrl-C stops all of it.

    reader → nginx 127.0.0.1:$PROXY_PORT (8080, deploy/nginx/proxy.conf: a cache, purged by the app)
           → gunicorn 127.0.0.1:$APP_PORT (8001, deploy/gunicorn.conf.py; static files by WhiteNoise)
    $TASK_WORKERS (2) × `manage.py db_worker` (emails, cache purges and refreshes), one `manage.py run_scheduler`

First, once per start: the database is created if missing, then collectstatic, migrate,
createcachetable, load_seed, ensure_admin. Settings: bilateral.settings.production. Environment
(defaults in brackets): DATABASE_URL [postgres://postgres@127.0.0.1:5432/bilateral_prod], REDIS_URL
[redis://127.0.0.1:6379/1], SECRET_KEY, ALTCHA_HMAC_SECRET and PROXY_REFRESH_SECRET [random, made
once into var/],
PROXY_PORT, APP_PORT, GUNICORN_WORKERS [2 × the app's CPUs + 1], TASK_WORKERS, TASK_WORKER_INTERVAL [0.2 s], PROXY_CACHE_SIZE [1g, on disk
under var/nginx/cache], PAGE_FILES_DIR [var/nginx/pages: published pages as files, written by the app
and served by nginx], APP_NICENESS [5: gunicorn, the task workers and the scheduler run that much
below nginx's CPU priority, so that on shared cores the proxy's cached answers go first and renders,
purges and emails take what is left], PROXY_PRIORITY [-10: nginx's workers' nice value, when started
by root; otherwise they keep the launcher's], PROXY_CPUS [auto: "split" with four CPUs or more,
otherwise "shared"; "split": nginx on the last quarter of the CPUs (at least one of two) and the
app's processes on the others, so that renders, publications and purges never take a CPU from the
readers' cached answers; "shared": every process on every CPU; or a list such as "3" or "2-3", the
app on the rest]. The local stack speaks plain http, so SECURE_SSL_REDIRECT defaults to 0 here;
behind a TLS terminator set it to 1.

Prints "Bilateral production stack ready: …" when the proxy answers. SIGINT or SIGTERM stops every
child (each runs in its own process group, so its own children go too); so does any child's exit.
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bilateral.operations.processes import (  # noqa: E402 - the project's root is on the path only now
    StartError, port_is_free, set_session_priority, start_in_own_group, stop_groups, wait_for_port,
)

DEPLOY_DIR = BASE_DIR / "deploy"
STOP_TIMEOUT = 20
START_TIMEOUT = 60


class Stop(Exception):
    """SIGINT or SIGTERM arrived."""


def main():
    environment = prepare_environment()
    proxy_cpus, app_cpus = cpus_of(environment)
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
    app_niceness = int(environment["APP_NICENESS"])
    try:
        children.append(start("gunicorn", gunicorn_command(), environment, app_niceness, app_cpus))
        wait_for_port(int(environment["APP_PORT"]), children, timeout=START_TIMEOUT)
        for number in range(int(environment["TASK_WORKERS"])):
            worker = manage_command(["db_worker", "--interval", environment["TASK_WORKER_INTERVAL"]])
            children.append(start(f"db_worker {number + 1}", worker, environment, app_niceness, app_cpus))
        children.append(start("run_scheduler", manage_command(["run_scheduler"]), environment, app_niceness, app_cpus))
        children.append(start("nginx", nginx_command(environment, var_dir, proxy_cpus), environment, cpus=proxy_cpus,
                              session_priority=proxy_priority(environment)))
        wait_for_port(int(environment["PROXY_PORT"]), children, timeout=START_TIMEOUT)
        print(
            f"Bilateral production stack ready: http://127.0.0.1:{environment['PROXY_PORT']}/ "
            f"(nginx → gunicorn 127.0.0.1:{environment['APP_PORT']}, "
            f"{environment['TASK_WORKERS']} task workers, scheduler). Ctrl-C stops all.",
            flush=True,
        )
        while True:
            for name, process in children:
                if process.poll() is not None:
                    print(f"{name} exited with status {process.returncode}; stopping the stack.", flush=True)
                    return 1
            time.sleep(0.5)
    except StartError as error:
        print(error, file=sys.stderr, flush=True)
        return 1
    except Stop:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        # The proxy first: no reader reaches a half-stopped app.
        stop_groups([process for _name, process in reversed(children)], timeout=STOP_TIMEOUT)


def start(name, command, environment, niceness=0, cpus=None, session_priority=None):
    """A child in its own process group and session, `niceness` below the launcher's CPU priority, on
    `cpus` (all the launcher's if None): its own children, gunicorn's and nginx's workers, inherit
    both. Its session weighs against the others as `session_priority` says (a nice value; else the
    child's own): on a kernel that groups sessions, the nice values alone would not put nginx's
    workers before a render (set_session_priority)."""
    on_cpus = None if cpus is None else (lambda: os.sched_setaffinity(0, cpus))
    process = start_in_own_group(command, cwd=BASE_DIR, env=environment, preexec_fn=on_cpus)
    own = os.getpriority(os.PRIO_PROCESS, 0)
    if niceness:
        os.setpriority(os.PRIO_PGRP, process.pid, own + niceness)
    set_session_priority(process.pid, own + niceness if session_priority is None else session_priority)
    return name, process


def cpus_of(environment):
    """(nginx's CPUs, the app's CPUs) as PROXY_CPUS says, each None where every process may run on
    every CPU; a PROXY_CPUS that cannot be followed stops the launcher with a message."""
    try:
        split = cpu_split(environment["PROXY_CPUS"])
    except ValueError as error:
        raise SystemExit(f"PROXY_CPUS={environment['PROXY_CPUS']!r}: {error}") from None
    return split or (None, None)


# From this many CPUs, "auto" gives nginx CPUs of its own: with fewer, one CPU is too large a share of
# the machine to take from the app or to leave nginx alone on (docs/adr/0034-the-proxy-on-cpus-of-its-own.md).
SPLIT_FROM = 4


def cpu_split(setting, available=None):
    """PROXY_CPUS as (nginx's CPUs, the app's CPUs), sorted lists, or None where they share every CPU.
    "split": the last quarter of the CPUs this process may use, at least one, for nginx (with one CPU,
    shared); "auto": split with SPLIT_FROM CPUs or more; a list ("3", "2-3", "0,2"): those for nginx,
    the others for the app."""
    available = sorted(os.sched_getaffinity(0) if available is None else available)
    setting = setting.strip().lower()
    if setting == "auto":
        setting = "split" if len(available) >= SPLIT_FROM else "shared"
    if setting == "shared" or (setting == "split" and len(available) < 2):
        return None
    if setting == "split":
        proxy = set(available[-max(1, len(available) // 4):])
    else:
        proxy = parse_cpu_list(setting)
        if not proxy <= set(available):
            raise ValueError(f"this machine lets the stack use CPUs {format_cpu_list(available)} only")
    app = set(available) - proxy
    if not app:
        raise ValueError("no CPU would be left for the app; leave one out, or say \"shared\"")
    return sorted(proxy), sorted(app)


def parse_cpu_list(text):
    """"0-2,5" → {0, 1, 2, 5}, as taskset and the kernel write CPU lists."""
    cpus = set()
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise ValueError('not "auto", "split", "shared" or a list of CPUs such as "3", "2-3" or "0,2"')
        first = int(match.group(1))
        cpus.update(range(first, int(match.group(2) or first) + 1))
    return cpus


def format_cpu_list(cpus):
    return ",".join(str(cpu) for cpu in cpus)


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
        # How often an idle task worker looks for new tasks (django-tasks' default is 1 s): a
        # publication's refresh waits for it, so it is most of the time until readers see the page.
        "TASK_WORKER_INTERVAL": "0.2",
        "APP_NICENESS": "5",
        "PROXY_PRIORITY": "-10",
        # nginx on CPUs of its own, the app on the others, where the machine has enough (cpu_split).
        "PROXY_CPUS": "auto",
        "SITE_URL": f"http://127.0.0.1:{proxy_port}",
        # Publishing purges through the proxy (bilateral/caching/cache_purge.py).
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{proxy_port}",
        # The app writes published pages there as files, which the proxy serves (caching/page_files.py).
        "PAGE_FILES_DIR": str(var_dir / "nginx" / "pages"),
        # nginx appends the reader's address to X-Forwarded-For (rate limits, login lockout).
        "TRUSTED_PROXY_COUNT": "1",
        "SECURE_SSL_REDIRECT": "0",
        "PYTHONUNBUFFERED": "1",
    }
    for name, value in defaults.items():
        environment.setdefault(name, value)
    if not environment.get("SECRET_KEY"):
        environment["SECRET_KEY"] = stored_secret_key(var_dir / "secret_key")
    # The workers' refresh header through the proxy (bilateral/caching/cache_purge.py).
    if not environment.get("PROXY_REFRESH_SECRET"):
        environment["PROXY_REFRESH_SECRET"] = stored_secret_key(var_dir / "proxy_refresh_secret")
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


def nginx_command(environment, var_dir, cpus=None):
    """nginx in the foreground with the project's configuration (a copy with the ports filled in), a
    worker for each of its `cpus` (by default, one for each CPU of the machine)."""
    prefix = var_dir / "nginx"
    prefix.mkdir(parents=True, exist_ok=True)
    return prepared_nginx(
        prefix,
        app_port=environment["APP_PORT"],
        proxy_port=environment["PROXY_PORT"],
        site_host=urlsplit(environment["SITE_URL"]).netloc,
        cache_size=environment.get("PROXY_CACHE_SIZE", "1g"),
        run_as_root=not reachable_by_others(prefix),
        refresh_secret=environment["PROXY_REFRESH_SECRET"],
        worker_priority=proxy_priority(environment),
        pages_dir=environment["PAGE_FILES_DIR"],
        worker_processes=len(cpus) if cpus else "auto",
    )


def proxy_priority(environment):
    """nginx's workers' CPU priority (nice value): PROXY_PRIORITY, if this user may raise it (root);
    else the launcher's own."""
    wanted = int(environment["PROXY_PRIORITY"])
    own = os.getpriority(os.PRIO_PROCESS, 0)
    if wanted < own and os.geteuid() != 0:
        print(f"PROXY_PRIORITY={wanted} needs root; nginx's workers keep priority {own}.", flush=True)
        return own
    return wanted


def prepared_nginx(prefix, app_port, proxy_port, cache_size="1g", run_as_root=False, site_host=None,
                   refresh_secret=None, worker_priority=0, pages_dir=None, page_files_check="1s",
                   worker_processes="auto"):  # fmt: skip
    """Writes <prefix>/proxy.conf (its cache in <prefix>/cache, the published pages' files in `pages_dir`,
    by default <prefix>/pages) and returns the command that runs nginx with it in the foreground (the
    tests start theirs the same way)."""
    pages_dir = Path(pages_dir or prefix / "pages")
    pages_dir.mkdir(mode=0o755, parents=True, exist_ok=True)
    config = prefix / "proxy.conf"
    config.write_text(
        nginx_config(app_port, proxy_port, prefix / "cache", cache_size, run_as_root, site_host, refresh_secret,
                     worker_priority, pages_dir=pages_dir, page_files_check=page_files_check,
                     worker_processes=worker_processes)
    )
    config.chmod(0o600)  # it holds the refresh secret
    return [shutil.which("nginx") or "/usr/sbin/nginx", "-e", "stderr", "-p", f"{prefix}/", "-c", str(config)]


def nginx_config(app_port, proxy_port, cache_dir, cache_size="1g", run_as_root=False, site_host=None,
                 refresh_secret=None, worker_priority=0, source=DEPLOY_DIR / "nginx" / "proxy.conf",
                 pages_dir=None, page_files_check="1s", worker_processes="auto"):  # fmt: skip
    """site_host: the host (and port) of SITE_URL, the Host cacheable requests reach the app with; by
    default the proxy's own address, as the local stack's SITE_URL is. refresh_secret: the value of the
    workers' refresh header (PROXY_REFRESH_SECRET); without one a random one nobody knows. pages_dir:
    where the app writes published pages as files (PAGE_FILES_DIR), by default beside the cache;
    page_files_check: how long nginx trusts that a page's file is still the same (open_file_cache_valid);
    worker_processes: how many workers nginx runs ("auto": one per CPU of the machine)."""
    site_host = site_host or f"127.0.0.1:{int(proxy_port)}"
    refresh_secret = refresh_secret or secrets.token_urlsafe(32)
    if not re.fullmatch(r"[A-Za-z0-9_-]{32,100}", refresh_secret):
        raise ValueError("PROXY_REFRESH_SECRET must be 32 to 100 letters, digits, '-' or '_'")
    if not re.fullmatch(r"[A-Za-z0-9.-]+(:\d+)?|\[[0-9A-Fa-f:.]+\](:\d+)?", site_host):
        raise ValueError(f"{site_host!r} is not a host name for the proxy (SITE_URL's host and port)")
    values = {
        "SITE_HOST": site_host,
        "APP_PORT": str(int(app_port)),
        "PROXY_PORT": str(int(proxy_port)),
        "CACHE_DIR": str(cache_dir),
        "CACHE_SIZE": cache_size,
        "REFRESH_SECRET": refresh_secret,
        "USER": "user root;" if run_as_root else "",
        "WORKER_PRIORITY": str(int(worker_priority)),
        "PAGES_DIR": str(pages_dir or Path(cache_dir).parent / "pages"),
        "PAGE_FILES_CHECK": page_files_check,
        "WORKER_PROCESSES": str(worker_processes),
    }
    if not re.fullmatch(r"auto|[1-9]\d*", values["WORKER_PROCESSES"]):
        raise ValueError(f"{worker_processes!r} is not a number of nginx workers")
    if not re.fullmatch(r"\d+(ms|s)?", page_files_check):
        raise ValueError(f"{page_files_check!r} is not an nginx time (open_file_cache_valid)")
    if re.search(r"[\s;{}\"'$]", values["PAGES_DIR"]):
        raise ValueError(f"{values['PAGES_DIR']!r}: PAGE_FILES_DIR must be a path without spaces, quotes, ';', '{{', '}}' or '$'")
    return re.sub(r"@([A-Z_]+)@", lambda match: values[match.group(1)], page_file_locations(source.read_text()))


# The languages' address prefixes and codes (bilateral/settings/base.py: LANGUAGES, and urls.py:
# i18n_patterns without a prefix for the default language); tests/proxy/test_launcher.py holds them equal.
LANGUAGE_PREFIXES = (("/", "lt"), ("/en/", "en"), ("/pl/", "pl"))
PAGE_FILES_BLOCK = re.compile(r"^ *# page files: from here\n(.*?)^ *# page files: to here\n", re.M | re.S)


def page_file_locations(config):
    """The configuration's one location for the pages' files written once per language's prefix."""
    found = PAGE_FILES_BLOCK.search(config)
    locations = "".join(
        found.group(1).replace("@LANGUAGE_PREFIX@", prefix).replace("@LANGUAGE@", language)
        for prefix, language in LANGUAGE_PREFIXES
    )
    return config[:found.start()] + locations + config[found.end():]


def reachable_by_others(directory):
    """Started by root, nginx's workers run as `nobody`, who must reach var/nginx (its cache and
    temporary files). A checkout inside a private directory (say /root) is out of their reach: there
    they keep root's rights rather than fail on every request."""
    if os.geteuid() != 0 or all(path.stat().st_mode & 0o001 for path in [directory, *directory.parents]):
        return True
    print(f"nginx's workers run as root: other users cannot reach {directory}.", flush=True)
    return False


if __name__ == "__main__":
    sys.exit(main())
