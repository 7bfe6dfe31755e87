"""What the benchmarks share: the scratch database, Django set-up, an SMTP sink in its own process,
free ports, wrk, process memory, and the one-line JSON result each benchmark prints last
(`RESULT {...}`) for bench/run.py."""

import contextlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bilateral.operations.processes import (  # noqa: E402, F401 - for the benchmarks
    free_port, session_priority, set_session_priority, wait_for_port,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bilateral_bench"
PYTHON = sys.executable


def database_url(url=None):
    """The scratch database; refused unless its name says it is one (benchmarks delete rows)."""
    url = url or os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    if "bench" not in name:
        raise SystemExit(f"Benchmarks write to and delete from their database: use a scratch one named *bench*, not {name!r}.")
    return url


def setup_django(url, settings="bilateral.settings.bench", **environment):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    os.environ.update({name: str(value) for name, value in environment.items()})
    import django

    django.setup()


def result(**numbers):
    """The last line a benchmark prints: what bench/run.py puts in bench/RESULTS.md."""
    print("RESULT " + json.dumps(numbers, default=str), flush=True)


def rss_mb(pid):
    """Resident memory of a process now (MB), from /proc; None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) / 1024 if match else None


# --- an SMTP sink in its own process: counts, timestamps the first and last message, keeps nothing ---


def _sink_main(port, count, first, last, ready):
    import asyncio  # noqa: F401  (aiosmtpd's controller runs its own loop in a thread)

    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            now = time.perf_counter()
            with count.get_lock():
                count.value += 1
                if count.value == 1:
                    first.value = now
                last.value = now
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


class SinkProcess:
    """aiosmtpd answering 250 to everything, in a separate process so it never shares a GIL with
    what is measured. `count` is shared memory; `first`/`last` are perf_counter stamps."""

    def __init__(self):
        self.port = free_port()
        context = multiprocessing.get_context("spawn")
        self.count = context.Value("q", 0)
        self.first = context.Value("d", 0.0)
        self.last = context.Value("d", 0.0)
        ready = context.Event()
        self.process = context.Process(
            target=_sink_main, args=(self.port, self.count, self.first, self.last, ready), daemon=True
        )
        self.process.start()
        if not ready.wait(30):
            raise SystemExit("The SMTP sink did not start.")

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def reset(self):
        with self.count.get_lock():
            self.count.value = 0
            self.first.value = self.last.value = 0.0

    def stop(self):
        self.process.terminate()
        self.process.join(5)


# --- wrk ---


def wrk(url, seconds=10, threads=2, connections=32, headers=(), priority=None, cpus=None):
    """Requests per second and latency percentiles of one wrk run (wrk from Debian). `priority`: wrk's
    nice value (a negative one needs root), in a session of its own at that priority against the
    machine's others (set_session_priority), else this process's priority and session; `cpus`: the
    CPUs it runs on, else this process's."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]

    def set_priority():
        if priority is not None:
            os.setpriority(os.PRIO_PROCESS, 0, priority)
        if cpus is not None:
            os.sched_setaffinity(0, cpus)

    process = subprocess.Popen([*command, url], stdout=subprocess.PIPE, text=True, preexec_fn=set_priority,
                               start_new_session=priority is not None)
    if priority is not None:
        set_session_priority(process.pid, priority)
    output, _ = process.communicate()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, output)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.M))
    return {
        "rps": rps,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "latency": latency,
        "command": " ".join([*command, url]),
    }


@contextlib.contextmanager
def own_session_priority(nice):
    """This process's session at the CPU priority `nice` against the machine's other sessions
    (set_session_priority) while the block runs, then back to what it was: the session may hold
    more than this benchmark."""
    before = session_priority(os.getpid())
    changed = before is not None and set_session_priority(os.getpid(), nice)
    try:
        yield changed
    finally:
        if changed:
            set_session_priority(os.getpid(), before)


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


# --- the production stack (deploy/prod.py) and a production-like environment ---

SEED_PAGE = "/salys/baltarusija/politinis-bendradarbiavimas/"
BENCH_VAR_DIR = BASE_DIR / "var" / "bench"


def deploy_module():
    """deploy/prod.py (the production launcher) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bilateral_deploy_prod", BASE_DIR / "deploy" / "prod.py")
    prod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(prod)
    return prod


def production_environment(url, **overrides):
    """The environment deploy/prod.py gives its children (keys kept under var/bench/), for `url`."""
    prod = deploy_module()
    saved = dict(os.environ)
    try:
        os.environ.update({"BILATERAL_VAR_DIR": str(BENCH_VAR_DIR), "DATABASE_URL": url,
                           "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15", **overrides})
        environment = prod.prepare_environment()
        environment.update(overrides)  # prepare_environment insists on its own settings module
        return environment
    finally:
        os.environ.clear()
        os.environ.update(saved)


def empty_proxy():
    """The proxy's cache and its published pages' files from an earlier run gone: what they held would
    be answered without reaching the app, so it would be neither recorded nor written as a file."""
    for name in ("cache", "pages"):
        shutil.rmtree(BENCH_VAR_DIR / "nginx" / name, ignore_errors=True)


class Stack:
    """`deploy/prod.py` (what `make prod` runs) on free ports, stopped with SIGTERM like Ctrl-C."""

    def __init__(self, url, task_workers=1, **overrides):
        self.proxy_port, self.app_port = free_port(), free_port()
        self.environment = production_environment(
            url, PROXY_PORT=str(self.proxy_port), APP_PORT=str(self.app_port), TASK_WORKERS=str(task_workers),
            **overrides,
        )
        self.log = open(BENCH_VAR_DIR / "stack.log", "w")
        self.process = subprocess.Popen([PYTHON, str(BASE_DIR / "deploy" / "prod.py")], cwd=BASE_DIR,
                                        env=self.environment, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for_port(self.proxy_port, [("deploy/prod.py", self.process)], timeout=300)
        # (nginx's CPUs, the app's CPUs) as deploy/prod.py chose them (PROXY_CPUS), or (None, None).
        self.proxy_cpus, self.app_cpus = deploy_module().cpus_of(self.environment)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(15)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def fetch(url, headers=None, timeout=30):
    from urllib.request import Request, urlopen

    with urlopen(Request(url, headers=headers or {}), timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()
