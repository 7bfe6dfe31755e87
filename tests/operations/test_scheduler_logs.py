"""The scheduler's failed tick is a log line with its traceback (JSON in production), not a
traceback printed on stderr; and the scheduler goes on."""

import json
import subprocess
import sys

from bilateral.operations.processes import free_port
from tests.faults.processes import BASE_DIR, process_env, stop_process, wait_for


def json_lines(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]


def test_a_failed_tick_is_logged_as_an_error_with_its_traceback(tmp_path):
    unreachable = f"postgres://postgres@127.0.0.1:{free_port()}/nowhere"  # nothing listens there
    log = tmp_path / "scheduler.log"
    with open(log, "w") as output:
        scheduler = subprocess.Popen(
            [sys.executable, "manage.py", "run_scheduler", "--interval", "0.2"],
            cwd=BASE_DIR, env=process_env(unreachable, LOG_FORMAT="json", LOG_LEVEL="INFO"),
            stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        failures = wait_for(
            lambda: len([line for line in json_lines(log) if line["message"].startswith("Scheduler tick failed")]) >= 2,
            timeout=120, what="two failed ticks logged",
        )
    finally:
        stop_process(scheduler)
    assert failures
    [first, *_] = [line for line in json_lines(log) if line["message"].startswith("Scheduler tick failed")]
    assert first["level"] == "ERROR"
    assert first["logger"] == "bilateral.subscriptions.management.commands.run_scheduler"
    assert "OperationalError" in first["exc_info"]
    lines = log.read_text().splitlines()
    assert not [line for line in lines if line.startswith("Traceback")]  # nothing printed outside the log
    assert scheduler.returncode == 0  # stopped by us, not by the failures
