"""Real receivers on loopback for handoff tests: an SMTP server (aiosmtpd) and a webhook server."""
from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import threading
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


class Mailbox:
    """An SMTP server on a loopback port that keeps every message it accepts."""

    def __init__(self, port: int):
        self.port = port
        self.messages: list[Message] = []
        self.recipients: list[list[str]] = []
        self.controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd API
        self.messages.append(message_from_bytes(envelope.content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"

    def start(self) -> Mailbox:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class WebhookReceiver:
    """An HTTP server on a loopback port that checks each POST's signature as a bureau would."""

    def __init__(self, port: int, secret: str):
        self.port, self.secret = port, secret
        self.received: list[dict] = []
        self.rejected = 0
        self.httpd: http.server.ThreadingHTTPServer | None = None

    def valid(self, headers, body: bytes) -> bool:
        """The check a receiver makes (README): HMAC-SHA256 of `<timestamp>.<body>`."""
        stamp = headers.get("X-Spoor2-Timestamp", "")
        want = "sha256=" + hmac.new(self.secret.encode(), stamp.encode() + b"." + body,
                                    hashlib.sha256).hexdigest()
        return bool(stamp) and hmac.compare_digest(want, headers.get("X-Spoor2-Signature", ""))

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver.valid(self.headers, body):
                    receiver.received.append(json.loads(body))
                    self.send_response(204)
                else:
                    receiver.rejected += 1
                    self.send_response(401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
