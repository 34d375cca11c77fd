#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the repository's own data.

    tests/fuzz/seeds.py SOURCE_DIR OUT_DIR

OUT_DIR/load: every YAML file of examples/ and of the error catalogue's
fixtures (tests/errors/*/repo), one seed each. OUT_DIR/repo: each of those
repositories as fuzz_repo's input: samverkan.yaml, then the data files dealt
into at most eight parts (a part's files joined as YAML documents), split at
lines "~~~~". Made at run time, so the seeds follow the data and are never
committed twice.
"""
import hashlib
import os
import sys

SEPARATOR = b"\n~~~~\n"
MAX_FILES = 8


def repositories(src):
    for base in ("examples", os.path.join("tests", "errors")):
        root = os.path.join(src, base)
        for name in sorted(os.listdir(root)):
            repo = os.path.join(root, name)
            if os.path.isdir(os.path.join(repo, "repo")):
                repo = os.path.join(repo, "repo")
            if os.path.isfile(os.path.join(repo, "samverkan.yaml")):
                yield repo


def data_files(repo):
    for folder, dirs, files in os.walk(repo):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(folder, name)
            # Symlinks are the catalogue's own cases (out of the repository, broken).
            if name.endswith((".yaml", ".yml")) and name != "samverkan.yaml" and not os.path.islink(path):
                yield path


def write(out, content):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, hashlib.sha1(content).hexdigest()), "wb") as f:
        f.write(content)


def main():
    src, out = sys.argv[1], sys.argv[2]
    for repo in repositories(src):
        files = list(data_files(repo))
        for path in files:
            with open(path, "rb") as f:
                write(os.path.join(out, "load"), f.read())
        parts = [[] for _ in range(min(MAX_FILES, max(1, len(files))))]
        for i, path in enumerate(files):
            with open(path, "rb") as f:
                parts[i % len(parts)].append(f.read().rstrip(b"\n"))
        with open(os.path.join(repo, "samverkan.yaml"), "rb") as f:
            config = f.read()
        write(os.path.join(out, "repo"), SEPARATOR.join([config] + [b"\n---\n".join(p) for p in parts]))


if __name__ == "__main__":
    main()
