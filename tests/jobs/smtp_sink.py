"""A tiny local SMTP server for tests: accepts mail (and keeps it) or refuses every connection."""

import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        if self.server.refuse:
            return  # close at once: the client sees the server disconnect
        self._say("220 sink ESMTP")
        envelope = {"to": [], "data": b""}
        while line := self.rfile.readline():
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
                self._say("250 sink")
            elif cmd.startswith(b"RCPT TO"):
                envelope["to"].append(line.split(b":", 1)[1].strip(b" <>\r\n").decode())
                self._say("250 ok")
            elif cmd == b"DATA":
                self._say("354 go on")
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    envelope["data"] += chunk
                self.server.received.append(envelope)
                envelope = {"to": [], "data": b""}
                self._say("250 queued")
            elif cmd == b"QUIT":
                self._say("221 bye")
                return
            else:
                self._say("250 ok")

    def _say(self, text):
        self.wfile.write(text.encode() + b"\r\n")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, refuse=False):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.refuse, self.received = refuse, []
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self):
        self.shutdown()
        self.server_close()
