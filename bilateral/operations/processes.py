"""Ports and process groups, for what starts servers as child processes: `make prod` (deploy/prod.py),
the benchmarks (bench/) and the tests that run real servers (tests/proxy, tests/faults).

Standard library only: deploy/prod.py imports this before Django is set up.
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path


class StartError(RuntimeError):
    """A server did not come up: its process exited, or nothing listened in time."""


def free_port():
    """A loopback port nobody listens on now (the kernel's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port):
    """Checked before starting: otherwise another program on the port would pass for ours."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_port(port, processes=(), timeout=60, log=None):
    """Until something accepts connections on 127.0.0.1:`port`. `processes`: (name, Popen) pairs that
    must stay alive meanwhile; `log`: a file whose end explains a failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, process in processes:
            if process.poll() is not None:
                raise StartError(f"{name} exited with status {process.returncode} while starting.{log_tail(log)}")
        if port_open(port):
            return
        time.sleep(0.1)
    raise StartError(f"Nothing listens on 127.0.0.1:{port} after {timeout} s.{log_tail(log)}")


def child_pids(parent):
    """The PIDs whose parent is `parent` now (gunicorn's or nginx's workers), read from /proc."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The parent's PID is the second field after the "(command name)", which may hold spaces.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == parent:
            children.append(int(stat.parent.name))
    return children


def log_tail(log, characters=3000):
    if log is None:
        return ""
    try:
        with open(log, encoding="utf-8", errors="replace") as file:
            return "\n" + file.read()[-characters:]
    except OSError:
        return ""


# Where the kernel schedules each session's processes as one group (sched(7): "autogroup"), a process's
# nice value weighs only against the processes of its own session; between sessions, each group gets
# an equal share of a CPU unless the group's own nice value says otherwise.
AUTOGROUPS = Path("/proc/sys/kernel/sched_autogroup_enabled")


def set_session_priority(pid, nice):
    """The CPU priority (a nice value) of `pid`'s session as a whole against the machine's other
    sessions: without it, nginx's workers at nice -10 in a session of their own get no more of a CPU
    than a render in another session at nice 5, or than anything else the machine runs (the proxy
    benchmark's wrk). Returns whether it was set: not where the kernel has no such groups, nor a
    higher priority than this user may give (root may)."""
    if not autogroups():
        return False
    try:
        Path(f"/proc/{pid}/autogroup").write_text(str(nice))
    except OSError:
        return False
    return True


def autogroups():
    """Whether this kernel weighs each session's processes as one group (sched(7))."""
    try:
        return AUTOGROUPS.read_text().strip() == "1"
    except OSError:
        return False


def session_priority(pid):
    """The nice value of `pid`'s session as a whole (set_session_priority); None without autogroups."""
    if not autogroups():
        return None
    try:
        return int(Path(f"/proc/{pid}/autogroup").read_text().split("nice")[1])
    except (OSError, IndexError, ValueError):
        return None


def start_in_own_group(command, **popen_arguments):
    """A child that leads its own process group, so that stopping it stops its children too (gunicorn's
    workers, nginx's) and a Ctrl-C meant for the launcher does not reach it first."""
    return subprocess.Popen(command, start_new_session=True, **popen_arguments)


def stop_groups(processes, timeout=20):
    """SIGTERM to every process's group (in the order given), SIGKILL to what is left at the deadline;
    returns once every one has exited."""
    for process in processes:
        signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
        # A leader that exited may have left children in its group.
        signal_group(process, signal.SIGKILL)
        process.wait()


def signal_group(process, signal_number):
    try:
        os.killpg(process.pid, signal_number)
    except ProcessLookupError:
        pass
