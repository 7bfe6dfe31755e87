"""Ctrl-C or SIGTERM asks a long-running command to stop after the message it is sending."""

import signal
import threading


class StopFlag:
    def __init__(self):
        self.event = threading.Event()

    def install(self):
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.request)
        return self

    def request(self, *args):
        self.event.set()

    def __call__(self):
        return self.event.is_set()

    def sleep(self, seconds):
        """Sleep, waking early when asked to stop."""
        self.event.wait(seconds)
