#!/usr/bin/env python3
"""A long git history over an example repository, for bench/history.sh.

    bench/gen_history.py REPO N [--merges] [--hours H] [--example DIR]

Makes REPO (a new git repository) whose first commit holds the example's
files and whose later commits (N in all) each edit one file: mostly a plan's follow-up
(the last measurement's value), every 97th a goal's target and every 101st
an item of a meeting's minutes (changes after approval, which the history
rules report). With --merges every
fourth step is a side branch of one to three such commits merged into main,
so the first-parent chain holds merges. By default the commits are spread
from 2020 to mid-2026, so a longer history is a denser one; with --hours H they
are H hours apart and end in mid-2026, so a longer history reaches further
back and the years the rules look at hold the same commits. Deterministic: the same arguments
give the same commits (ids included), written in one `git fast-import`.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
START = 1577872800  # 2020-01-01 10:00 UTC
SPAN = 6 * 365 * 86400 + 200 * 86400  # commits spread up to 2026-07
END = START + SPAN


def read_tree(root):
    files = {}
    for dirpath, dirnames, names in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


VALUE = re.compile(rb"^(\s+value: )(\d+)\s*$", re.M)
TARGET = re.compile(rb"^(\s+target:\n\s+value: )(\d+)", re.M)
ITEM = re.compile(rb"^(  - number: \d+\n    title: )([^\n]*?)( \(rev \d+\))?$", re.M)


def edit_minutes(content, step):
    """One edit of a meeting: its first item's title."""
    m = ITEM.search(content)
    if not m:
        return content + b"# " + str(step).encode() + b"\n"
    return content[: m.end(2)] + b" (rev %d)" % step + content[m.end():]


def edit(content, step):
    """One edit of a plan: a goal's target every 97th step, else the last measurement."""
    if step % 97 == 0:
        m = TARGET.search(content)
        if m:
            value = 40 + step // 97 % 50
            return content[: m.start(2)] + str(value).encode() + content[m.end(2):]
    last = None
    for last in VALUE.finditer(content):
        pass
    if not last:
        return content + b"# " + str(step).encode() + b"\n"
    value = 5 + step * 7 % 90
    return content[: last.start(2)] + str(value).encode() + content[last.end(2):]


class Writer:
    def __init__(self, out):
        self.out = out
        self.mark = 0
        self.count = 0

    def data(self, payload):
        self.out.write(b"data %d\n" % len(payload))
        self.out.write(payload)
        self.out.write(b"\n")

    def commit(self, ref, message, changes, parents):
        """Writes a commit on `ref` with the files in `changes`; returns its mark."""
        self.mark += 1
        if self.hours:
            when = END - self.hours * 3600 * (self.total - self.count)
        else:
            when = START + SPAN * self.count // max(1, self.total)
        self.count += 1
        self.out.write(b"commit %s\nmark :%d\n" % (ref, self.mark))
        self.out.write(b"author Bench <bench@example.org> %d +0100\n" % when)
        self.out.write(b"committer Bench <bench@example.org> %d +0100\n" % when)
        self.data(message.encode())
        if parents:
            self.out.write(b"from :%d\n" % parents[0])
            for p in parents[1:]:
                self.out.write(b"merge :%d\n" % p)
        for path, content in changes.items():
            self.out.write(b"M 100644 inline %s\n" % path.encode())
            self.data(content)
        self.out.write(b"\n")
        return self.mark


def generate(out, files, total, merges, hours=0):
    plans = sorted(p for p in files if p.startswith("plans/") and p.endswith(".yaml"))
    meetings = sorted(p for p in files if p.startswith("meetings/") and p.endswith(".yaml"))

    def change(step, k=0):
        """The file edited at `step` (the k-th of a side branch), edited."""
        if step % 101 == 0 and meetings:
            path = meetings[step // 101 % len(meetings)]
            files[path] = edit_minutes(files[path], step * 10 + k)
        else:
            path = plans[(step * 3 + k) % len(plans)]
            files[path] = edit(files[path], step * 10 + k)
        return path
    w = Writer(out)
    w.total = total
    w.hours = hours
    main = w.commit(b"refs/heads/main", "Exempeldata", files, [])
    step = 0
    while w.count < total:
        step += 1
        if merges and step % 4 == 0 and total - w.count >= 2:
            side, changed = main, {}
            for k in range(min(1 + step % 3, total - w.count - 1)):
                path = change(step, k)
                changed[path] = files[path]
                side = w.commit(b"refs/heads/side", f"Sidospår {step}.{k}", {path: files[path]}, [side])
            main = w.commit(b"refs/heads/main", f"Merge sidospår {step}", changed, [main, side])
            continue
        path = change(step)
        main = w.commit(b"refs/heads/main", f"Uppföljning {step}", {path: files[path]}, [main])
    out.write(b"reset refs/heads/side\nfrom 0000000000000000000000000000000000000000\n\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo")
    ap.add_argument("commits", type=int)
    ap.add_argument("--merges", action="store_true")
    ap.add_argument("--hours", type=int, default=0, help="commits H hours apart, ending in mid-2026")
    ap.add_argument("--example", default=os.path.join(HERE, "..", "examples", "hoglandet"))
    args = ap.parse_args()
    if args.commits < 1:
        sys.exit("N must be at least 1")
    files = read_tree(args.example)
    subprocess.run(["git", "init", "-q", "-b", "main", args.repo], check=True)
    fi = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=args.repo, stdin=subprocess.PIPE)
    generate(fi.stdin, files, args.commits, args.merges, args.hours)
    fi.stdin.write(b"done\n")
    fi.stdin.close()
    if fi.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=args.repo, check=True)


if __name__ == "__main__":
    main()
