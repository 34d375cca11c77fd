"""Hostile traffic for `samverkan lsp`: garbage headers, bodies that are no
JSON, a 100 MB message, invalid UTF-8 in a document, 10 000 rapid changes,
requests before initialize and after shutdown, malformed parameters. The
server must answer what can be answered, skip the rest, never crash or hang.
Usage: lsp_hostile.py BINARY SOURCE_DIR"""

import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Checks, Client, LspError, position_of, uri_of  # noqa: E402

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
check = Checks()


work = tempfile.mkdtemp()
os.environ["XDG_CACHE_HOME"] = os.path.join(work, "cache")
repo = os.path.join(work, "repo")
shutil.copytree(os.path.join(source, "examples", "hoglandet"), repo)
plan = os.path.join(repo, "plans", "uppdrag-samverkan-nassjo", "2026.yaml")
text = open(plan, encoding="utf-8").read()


def alive(c, what):
    """The server still answers a request."""
    try:
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri_of(plan)},
                                             "position": position_of(text, "owner: nassjo-kommun", 0, 9)}, 60)
        check(what + ": the server still answers", r is not None and "Nässjö" in r["contents"]["value"], r)
    except LspError as e:
        check(what + ": the server still answers", False, e)


c = Client(binary, cwd=repo)
try:
    # Before initialize: requests refused, notifications dropped.
    rid = c.request_async("textDocument/hover", {"textDocument": {"uri": uri_of(plan)}, "position": {"line": 0, "character": 0}})
    r = c.wait_response_raw(rid)
    check("a request before initialize: ServerNotInitialized", r.get("error", {}).get("code") == -32002, r)
    c.initialize(repo, {"today": "2026-06-01", "lint": True})
    c.open(plan)

    # Garbage headers, a header without Content-Length, a bad length, a long line.
    c.send_raw(b"this is no header\r\nX-Other: 1\r\n\r\n")
    c.send_raw(b"Content-Length: abc\r\n\r\n")
    c.send_raw(b"\x00\xff\xfe garbage " * 2000 + b"\r\n")
    alive(c, "garbage headers")

    # Bodies that are no JSON-RPC.
    for body, code in ((b"{not json", -32700), (b"[1,2,3]", -32600), (b'{"jsonrpc":"2.0","id":{"x":1},"method":"m"}', -32600)):
        c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        deadline = time.monotonic() + 10
        got = None
        while got is None and c.pump(deadline):
            got = c.responses.pop(None, None)
        check("a body %r: error %d" % (body[:20], code), got and got["error"]["code"] == code, got)
    rid = c.request_async("no/such/method", {})
    r = c.wait_response_raw(rid)
    check("an unknown method: MethodNotFound", r.get("error", {}).get("code") == -32601, r)
    rid = c.request_async("textDocument/definition", {"position": 3})
    r = c.wait_response_raw(rid)
    check("malformed parameters: InvalidParams", r.get("error", {}).get("code") == -32602, r)
    c.notify("textDocument/didChange", {"textDocument": {"uri": 5}, "contentChanges": "x"})
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri_of(plan), "version": 2},
                                        "contentChanges": [{"range": {"start": {"line": -1}}, "text": "x"}]})
    alive(c, "malformed notifications")

    # A 100 MB message: read past (or parsed and refused), never kept.
    big = b'{"jsonrpc":"2.0","method":"x/big","params":{"t":"' + b"a" * (100 << 20) + b'"}}'
    t = time.monotonic()
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(big) + big)
    del big
    alive(c, "a 100 MB message")
    check("…within a minute", time.monotonic() - t < 60, time.monotonic() - t)
    rss = 0
    with open("/proc/%d/status" % c.proc.pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) // 1024
    check("…read past, not kept (peak %d MB)" % rss, rss < 300, rss)

    # Invalid UTF-8 inside a document's text: the message counts, the loader says what is wrong.
    raw = text.replace("owner: nassjo-kommun", "owner: nassjo-komm\udcffun", 1).encode("utf-8", "surrogateescape")
    body = b'{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"' + \
        uri_of(plan).encode() + b'","version":3},"contentChanges":[{"text":' + \
        __import__("json").dumps(raw.decode("utf-8", "surrogateescape"), ensure_ascii=False).encode("utf-8", "surrogateescape") + b"}]}}"
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    d = c.wait_diagnostics(uri_of(plan), lambda d: bool(d), 20)
    check("invalid UTF-8 in a document: the byte becomes U+FFFD, the reference is invalid",
          any(x["code"] == "reference-invalid" and "\ufffd" in x["message"] for x in d), d)
    c.change(plan, 4, [{"text": text}])
    c.wait_diagnostics(uri_of(plan), lambda d: d == [], 20)

    # A personnummer in the text: every message that quotes it is masked at the edge.
    c.change(plan, 5, [{"text": text.replace("owner: nassjo-kommun", "owner: 19640823-3234", 1)}])
    d = c.wait_diagnostics(uri_of(plan), lambda d: any("640823" in x["message"] for x in d), 20)
    msgs = " ".join(x["message"] for x in d)
    check("a personnummer in a reference: masked in the diagnostics", "640823-****" in msgs and "3234" not in msgs, msgs)
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri_of(plan)},
                                         "position": position_of(text, "owner: nassjo-kommun", 0, 9)})
    check("…and in a hover on it", "3234" not in json.dumps(h), h)
    c.change(plan, 6, [{"text": text}])
    c.wait_diagnostics(uri_of(plan), lambda d: d == [], 20)

    # 10 000 rapid changes: typed one character at a time, then one more request.
    line = text[:text.index("owner: nassjo-kommun")].count("\n")
    col = len("    owner: nassjo-kommun")
    burst = []
    for i in range(10000):
        ch = "x" if i % 2 == 0 else ""
        rng = ({"start": {"line": line, "character": col}, "end": {"line": line, "character": col}} if ch else
               {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}})
        burst.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": uri_of(plan), "version": 10 + i},
                                 "contentChanges": [{"range": rng, "text": ch}]}})
    # The last one leaves a typo: `nassjo-kommunx`.
    burst.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": {"textDocument": {"uri": uri_of(plan), "version": 20000},
                             "contentChanges": [{"range": {"start": {"line": line, "character": col},
                                                           "end": {"line": line, "character": col}}, "text": "x"}]}})
    import json as _json
    t = time.monotonic()
    c.send_raw(b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b) for b in
                        (_json.dumps(m).encode() for m in burst)))
    d = c.wait_diagnostics(uri_of(plan), lambda d: any("nassjo-kommunx" in x["message"] for x in d), 120)
    took = time.monotonic() - t
    check("10 000 rapid changes: the last text is checked (%.1f s)" % took, took < 120, took)
    versions = [p.get("version") for m, p in c.notifications if m == "textDocument/publishDiagnostics" and p["uri"] == uri_of(plan)]
    check("…the changes coalesced: %d publications, not 10 000" % len(versions), len(versions) < 1000, len(versions))
    c.change(plan, 20001, [{"text": text}])

    # A cancelled request is answered as cancelled, or answered; never lost.
    rid = c.request_async("textDocument/references", {"textDocument": {"uri": uri_of(plan)},
                                                      "position": position_of(text, "owner: nassjo-kommun", 0, 9),
                                                      "context": {"includeDeclaration": True}})
    c.notify("$/cancelRequest", {"id": rid})
    r = c.wait_response_raw(rid)
    check("a cancelled request gets one answer", "result" in r or r["error"]["code"] == -32800, r)

    # After shutdown: requests refused; exit ends it with 0.
    c.request("shutdown")
    rid = c.request_async("textDocument/hover", {"textDocument": {"uri": uri_of(plan)}, "position": {"line": 0, "character": 0}})
    r = c.wait_response_raw(rid)
    check("a request after shutdown: InvalidRequest", r.get("error", {}).get("code") == -32600, r)
    c.notify("exit")
    check("exit after shutdown: 0", c.proc.wait(20) == 0)
    check("no crash report on standard error", "terminate" not in c.stderr_text() and "Segmentation" not in c.stderr_text(),
          c.stderr_text()[-2000:])
finally:
    c.close()

# End of input without exit: the server ends by itself.
c = Client(binary, cwd=repo)
try:
    c.initialize(repo, {"lint": False})
    c.proc.stdin.close()
    check("input closed: the server ends (code 1, no shutdown)", c.proc.wait(20) == 1)
finally:
    c.close()

shutil.rmtree(work, ignore_errors=True)
check.finish()
