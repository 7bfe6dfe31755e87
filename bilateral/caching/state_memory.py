"""What content state (scopes.py) each scope was in when this process last read it, kept for
APP_CACHE_STATE_SECONDS: a warm hit whose process copy was rendered in that state is then answered
without asking the shared cache (response_cache.lookup), which was most of a hit's time.

What it costs: after a publication by another process, this one may answer the previous copy of a
page for at most that long (1 s in production). Nothing it answers is kept stale by the caching
proxy for longer: a refresh through the proxy bypasses this memory (nginx marks it, see
response_cache.is_refresh), and the task worker purges the other addresses only after this window
has passed since it took the task (cache_purge.purge_task). A process's own publications are seen at
once (scopes.set_new_versions and content_generation.set_new_generation forget what they change).
Renders never use it: a miss reads the state afresh, so what is stored and its ETag are never older
than the shared cache. 0 (the tests' settings) turns it off.
"""

import time

from django.conf import settings

# More scopes than a portal has (partner countries × languages, plus the pages above them): only a
# bound against surprises; when reached, everything is read afresh once.
MEMORY_LIMIT = 10_000


def window():
    return getattr(settings, "APP_CACHE_STATE_SECONDS", 0)


class StateMemory:
    # Seconds that only ever go forward (a test may set its own clock).
    clock = staticmethod(time.monotonic)

    def __init__(self):
        self.states = {}

    def recall(self, scope):
        """The state of `scope` read less than the window ago, else None."""
        remembered = self.states.get(scope)
        if remembered is None:
            return None
        state, until = remembered
        return state if self.clock() < until else None

    def remember(self, scope, state, read_at):
        """`state` as read from the shared cache at `read_at` (self.clock(), taken before the read)."""
        seconds = window()
        if state is None or seconds <= 0:
            return
        if len(self.states) >= MEMORY_LIMIT:
            self.states.clear()
        self.states[scope] = (state, read_at + seconds)

    def forget(self, scopes=None):
        """These scopes, or every one (the portal-wide generation changed)."""
        if scopes is None:
            self.states.clear()
            return
        for scope in scopes:
            self.states.pop(scope, None)


state_memory = StateMemory()
