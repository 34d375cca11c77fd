"""A small Language Server Protocol client for the tests and the benchmark:
it starts `samverkan lsp` with pipes, frames messages with Content-Length,
and waits for responses and notifications with a deadline. Standard library
only."""

import json
import os
import select
import subprocess
import time


class LspError(Exception):
    pass


class Checks:
    """`check(what, ok, detail)` prints ok/FAIL; `finish()` exits 1 if any failed."""

    def __init__(self):
        self.failures = 0

    def __call__(self, what, ok, detail=""):
        print(("ok: " if ok else "FAIL: ") + what)
        if not ok:
            self.failures += 1
            if detail:
                print("  " + str(detail)[:2000])

    def finish(self):
        import sys
        if self.failures:
            print("%d check(s) failed" % self.failures)
            sys.exit(1)
        print("all checks passed")


class Client:
    def __init__(self, binary, cwd=None, args=(), env=None):
        e = dict(os.environ)
        e.update(env or {})
        import tempfile
        # Standard error into a file: a pipe nobody reads would fill and block the server.
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([os.path.abspath(binary), *args, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, cwd=cwd, env=e)
        self.buf = b""
        self.next_id = 1
        self.notifications = []  # (method, params) in arrival order
        self.responses = {}

    # ---- wire ----------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        return rid

    def request(self, method, params=None, timeout=30):
        rid = self.request_async(method, params)
        return self.wait_response(rid, timeout)

    def _read_message(self, deadline):
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = self.buf[:head_end].decode("ascii", "replace").split("\r\n")
                length = None
                for h in headers:
                    name, _, value = h.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    raise LspError("a message without Content-Length: %r" % headers)
                start = head_end + 4
                if len(self.buf) - start >= length:
                    body = self.buf[start:start + length]
                    self.buf = self.buf[start + length:]
                    return json.loads(body.decode("utf-8"))
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.proc.stdout], [], [], left)
            if not r:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise LspError("the server closed its output (exit code %s)" % self.proc.poll())
            self.buf += chunk

    def pump(self, deadline):
        """Reads one message; False when the deadline passed."""
        m = self._read_message(deadline)
        if m is None:
            return False
        if "id" in m and "method" not in m:
            self.responses[m["id"]] = m
        elif "method" in m:
            self.notifications.append((m["method"], m.get("params")))
        return True

    def wait_response(self, rid, timeout=30):
        deadline = time.monotonic() + timeout
        while rid not in self.responses:
            if not self.pump(deadline):
                raise LspError("no response to request %s within %ss" % (rid, timeout))
        m = self.responses.pop(rid)
        if "error" in m:
            raise LspError(m["error"])
        return m.get("result")

    def wait_response_raw(self, rid, timeout=30):
        deadline = time.monotonic() + timeout
        while rid not in self.responses:
            if not self.pump(deadline):
                raise LspError("no response to request %s within %ss" % (rid, timeout))
        return self.responses.pop(rid)

    def wait_diagnostics(self, uri, predicate=lambda d: True, timeout=30):
        """The first diagnostics for `uri`, from now on, that satisfy `predicate`."""
        deadline = time.monotonic() + timeout
        seen = len(self.notifications)
        while True:
            for method, params in self.notifications[seen:]:
                if method == "textDocument/publishDiagnostics" and params["uri"] == uri and predicate(params["diagnostics"]):
                    return params["diagnostics"]
            seen = len(self.notifications)
            if not self.pump(deadline):
                raise LspError("no matching diagnostics for %s within %ss" % (uri, timeout))

    def latest_diagnostics(self):
        """uri → the last diagnostics published for it."""
        out = {}
        for method, params in self.notifications:
            if method == "textDocument/publishDiagnostics":
                out[params["uri"]] = params["diagnostics"]
        return out

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while self.pump(deadline):
            pass

    # ---- lifecycle ----------------------------------------------------
    def initialize(self, root, options=None, encodings=None):
        caps = {"general": {"positionEncodings": encodings}} if encodings else {}
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri_of(root),
            "workspaceFolders": [{"uri": uri_of(root), "name": os.path.basename(root)}],
            "capabilities": caps,
            "initializationOptions": options or {},
        })
        self.notify("initialized", {})
        return result

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(path), "languageId": "yaml", "version": version, "text": text}})
        return text

    def change(self, path, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri_of(path), "version": version},
                                               "contentChanges": changes})

    def shutdown(self, timeout=30):
        self.request("shutdown", None, timeout)
        self.notify("exit")
        return self.proc.wait(timeout)

    def stderr_text(self):
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def position_of(text, needle, occurrence=0, offset=0):
    """The LSP position (UTF-16) of the `occurrence`-th `needle` in text, plus offset characters."""
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(needle, i + 1)
    i += offset
    line = text.count("\n", 0, i)
    col_text = text[text.rfind("\n", 0, i) + 1:i]
    return {"line": line, "character": len(col_text.encode("utf-16-le")) // 2}
