"""A local HTTP server that plays the part of news sites and APIs, with scripted failures."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

PAYLOADS = Path(__file__).parent / "payloads"


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


class Reply:
    """One scripted answer: status, body, headers; `delay` seconds before answering; `truncate`
    promises more bytes than it sends and hangs up."""

    def __init__(self, body=b"", status=200, headers=None, delay=0.0, truncate=False):
        if isinstance(body, dict | list):
            body = json.dumps(body).encode()
            headers = {"Content-Type": "application/json", **(headers or {})}
        self.body = body.encode() if isinstance(body, str) else body
        self.status, self.headers, self.delay, self.truncate = status, headers or {}, delay, truncate


class FakeWeb:
    def __init__(self):
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[dict] = []
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def route(self, path: str, *replies: Reply) -> None:
        """Answer requests for path with these replies in turn; the last one repeats."""
        self.routes[path] = list(replies)

    def hits(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]

    def _handler(self):
        web = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                web.requests.append({"path": parts.path, "query": parse_qs(parts.query), "headers": dict(self.headers)})
                replies = web.routes.get(parts.path) or [Reply(b"not found", 404)]
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                length = len(reply.body) * 2 if reply.truncate else len(reply.body)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                    if reply.truncate:
                        self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web(settings):
    """A fresh local web server; HTTP retries are quick and timeouts short in tests."""
    settings.PANTAU_OPINION_HTTP_TIMEOUT = 0.5
    settings.PANTAU_OPINION_HTTP_BACKOFF = 0.01
    settings.PANTAU_OPINION_HTTP_RETRIES = 2
    settings.PANTAU_OPINION_MAX_INLINE_WAIT = 0.2
    server = FakeWeb()
    yield server
    server.close()
