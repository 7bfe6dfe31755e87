"""A real SMTP server on loopback (aiosmtpd) that keeps what it accepts, and can be stopped."""

import email
import email.policy
import threading

from aiosmtpd.controller import Controller

from bilateral.operations.processes import free_port


class Collector:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "message": message})
        return "250 Message accepted for delivery"


class SmtpServer:
    """Start, stop and start again on the same port, as a real server that goes down and returns."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.collector = Collector()
        self.controller = None

    @property
    def messages(self):
        with self.collector.lock:
            return list(self.collector.messages)

    def start(self):
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def to(self, address):
        return [entry["message"] for entry in self.messages if address in entry["to"]]

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"
