"""bilateral/operations/processes.py: a child's session weighed as a whole against the others."""

import subprocess
import sys
from pathlib import Path

from bilateral.operations import processes

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_childs_session_gets_the_priority_asked_for():
    child = processes.start_in_own_group(SLEEPER)
    try:
        if processes.autogroups():
            assert processes.session_priority(child.pid) == 0
            # A lower priority (a higher nice value) is any user's to give.
            assert processes.set_session_priority(child.pid, 7)
            assert processes.session_priority(child.pid) == 7
            assert "nice 7" in Path(f"/proc/{child.pid}/autogroup").read_text()
        else:
            assert not processes.set_session_priority(child.pid, 7)
            assert processes.session_priority(child.pid) is None
    finally:
        child.kill()
        child.wait()


def test_a_process_that_is_gone_is_no_error():
    child = subprocess.Popen(SLEEPER, start_new_session=True)
    child.kill()
    child.wait()
    assert not processes.set_session_priority(child.pid, 3)
    assert processes.session_priority(child.pid) is None
