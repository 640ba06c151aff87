"""Real local peers for delivery tests: an SMTP server (aiosmtpd) and an HTTP receiver."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from tests.e2e.processes import free_port


@dataclass
class Mailbox:
    """What the SMTP server accepted; ``refuse`` makes it refuse those recipients (550)."""

    messages: list[dict[str, str]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(
                {
                    "to": ",".join(envelope.rcpt_tos),
                    "subject": str(parsed["Subject"]),
                    "message_id": str(parsed["Message-ID"]),
                    "body": parsed.get_content(),  # type: ignore[attr-defined]
                }
            )
        return "250 OK"


@contextmanager
def smtp_server(mailbox: Mailbox | None = None) -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on a free loopback port, for the block."""
    box = mailbox or Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@dataclass
class Inbox:
    """Requests the HTTP receiver got; it answers ``status`` to each."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200


@contextmanager
def http_receiver() -> Iterator[tuple[Inbox, str]]:
    """A real HTTP server on loopback that records JSON POSTs."""
    inbox = Inbox()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            inbox.requests.append({"path": self.path, "json": json.loads(self.rfile.read(length))})
            self.send_response(inbox.status)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield inbox, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
