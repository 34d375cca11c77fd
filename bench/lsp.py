"""The language server's benchmark: a real client over pipes on a generated
repository (bench/generate.py). It measures
  - the first diagnostics: from starting `samverkan lsp` to the diagnostics
    of a document opened with an error in it, against a warm `validate`;
  - after a one-character edit: the validation diagnostics and then the lint
    diagnostics of that document (median and 90th percentile of N edits);
  - the server's peak memory, against `samverkan lint`'s.
Usage: python3 bench/lsp.py BINARY REPO [--edits N] [--runs N] [--out FILE.md]"""

import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from lsp_client import Client, uri_of  # noqa: E402


def run_measured(cmd, cwd):
    """Wall time and peak RSS (MiB) of one run."""
    t = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return time.monotonic() - t, usage.ru_maxrss / 1024


def peak_of(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("repo")
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--today", default="2026-10-01")
    ap.add_argument("--out")
    a = ap.parse_args()
    binary, repo = os.path.abspath(a.binary), os.path.abspath(a.repo)

    # The document edited: a plan whose first activity's owner is toggled
    # between right and misspelt, one character at a time; its `budget:` line
    # gives it a lint finding that comes and goes with lint's runs.
    plans = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(repo, "plans")) for f in fs if f.endswith(".yaml"))
    path = next(p for p in plans if "    owner: " in open(p, encoding="utf-8").read())
    text = open(path, encoding="utf-8").read()
    at = text.index("    owner: ")
    line = text.count("\n", 0, at)
    owner = text[at:].split("\n", 1)[0][len("    owner: "):]
    end_col = len("    owner: ") + len(owner)
    # A lint finding in the document, so that each edit is followed by a lint
    # publication: the second activity loses its owner (activity-without-owner).
    second = text.index("    owner: ", at + 1)
    text = text[:second] + text[text.index("\n", second) + 1:]

    validate_times = []
    lint_peak = 0
    run_measured([binary, "validate", "."], repo)  # warm the cache
    for _ in range(a.runs):
        t, _ = run_measured([binary, "validate", "."], repo)
        validate_times.append(t)
    for _ in range(a.runs):
        _, rss = run_measured([binary, "lint", "--today", a.today, "."], repo)
        lint_peak = max(lint_peak, rss)
    warm_validate = statistics.median(validate_times)

    first, val_lat, lint_lat, peaks = [], [], [], []
    for run in range(a.runs):
        c = Client(binary, cwd=repo)
        try:
            t0 = time.monotonic()
            c.initialize(repo, {"today": a.today, "lint": True})
            broken = text[:at] + "    owner: " + owner + "z" + text[at + len("    owner: ") + len(owner):]
            c.open(path, broken)
            c.wait_diagnostics(uri_of(path), lambda d: any(x["code"] == "reference-unknown" for x in d), 300)
            first.append(time.monotonic() - t0)
            c.drain(3.0)  # lint's first run
            version = 2
            wrong = True
            for i in range(a.edits):
                # One character: delete the `z`, or type it again.
                if wrong:
                    rng = {"start": {"line": line, "character": end_col}, "end": {"line": line, "character": end_col + 1}}
                    change = {"range": rng, "text": ""}
                else:
                    rng = {"start": {"line": line, "character": end_col}, "end": {"line": line, "character": end_col}}
                    change = {"range": rng, "text": "z"}
                wrong = not wrong
                seen = len(c.notifications)
                t = time.monotonic()
                c.change(path, version, [change])
                version += 1
                want = wrong
                c.wait_diagnostics(uri_of(path), lambda d: any(x["code"] == "reference-unknown" for x in d) == want, 60)
                val_lat.append(time.monotonic() - t)
                # The lint run that follows: the next publication for the document, or none
                # when lint's findings of it are what they were.
                deadline = time.monotonic() + 5
                got = False
                while time.monotonic() < deadline and not got:
                    if not c.pump(deadline):
                        break
                    pubs = [p for m, p in c.notifications[seen:] if m == "textDocument/publishDiagnostics" and p["uri"] == uri_of(path)]
                    got = len(pubs) >= 2
                if got:
                    lint_lat.append(time.monotonic() - t)
                c.drain(0.05)
            peaks.append(peak_of(c.proc.pid))
            c.shutdown(60)
        finally:
            c.close()

    def ms(x):
        return "%.0f ms" % (x * 1000)

    def pct(v, q):
        v = sorted(v)
        return v[min(len(v) - 1, int(q * len(v)))]

    files = sum(len(fs) for d, _, fs in os.walk(repo) if ".git" not in d)
    rows = [
        ("files in the repository", str(files), ""),
        ("warm `validate` (median of %d)" % a.runs, "%.2f s" % warm_validate, ""),
        ("first diagnostics after start (median of %d)" % a.runs, "%.2f s" % statistics.median(first),
         "goal ≤ %.2f s (warm validate + 20 %%): %s" % (warm_validate * 1.2,
                                                       "met" if statistics.median(first) <= warm_validate * 1.2 else "not met")),
        ("validation diagnostics after a one-character edit, median (p90) of %d" % len(val_lat),
         "%s (%s)" % (ms(statistics.median(val_lat)), ms(pct(val_lat, 0.9))),
         "goal ≤ 50 ms: %s" % ("met" if statistics.median(val_lat) <= 0.05 else "not met")),
        ("lint diagnostics after the edit, median (p90) of %d" % len(lint_lat),
         "%s (%s)" % (ms(statistics.median(lint_lat)), ms(pct(lint_lat, 0.9))) if lint_lat else "–",
         "goal ≤ 150 ms: %s" % ("met" if lint_lat and statistics.median(lint_lat) <= 0.15 else "not met")),
        ("server's peak memory", "%.0f MiB" % max(peaks),
         "`lint` peaks at %.0f MiB; goal ≤ %.0f MiB: %s" % (lint_peak, lint_peak * 1.2,
                                                            "met" if max(peaks) <= lint_peak * 1.2 else "not met")),
    ]
    out = "| what | measured | |\n| --- | ---: | --- |\n" + "".join("| %s | %s | %s |\n" % r for r in rows)
    print(out)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(out)


if __name__ == "__main__":
    main()
