#!/usr/bin/env python3
"""The privacy boundary as a property: a personnummer planted anywhere a user
can put text, in any encoding YAML allows, never appears in any output of any
command (stdout, stderr, every file written, every file name written).

The cases are generated, not listed: the places are every scalar of the
render fixture repository (tests/render/fixture-repo), every string field the
JSON Schema (`samverkan schema`) has that the fixture lacks, and the places
outside the data (ids, file and folder names, samverkan.yaml, templates,
comments, extension fields, commit messages, author names). The numbers are
random valid personnummer and samordningsnummer, seeded, in every written
form. Each round plants a deterministic sample of (place, encoding) pairs
into a copy of the fixture, commits it to git, runs every command and
searches everything they wrote, also after decoding YAML/JSON escapes and
HTML entities.

usage: privacy_property.py SAMVERKAN SOURCE_DIR [SEED]
"""
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

BIN, SRC = os.path.realpath(sys.argv[1]), sys.argv[2]
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20261015
ROUNDS = 8
rng = random.Random(SEED)


# ---- Numbers ----

def luhn_digit(nine):
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def new_number():
    """A valid personnummer (or samordningsnummer) in one of its written forms,
    with the forms to search the output for."""
    year = rng.randint(1930, 2020)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    if rng.random() < 0.25:
        day += 60  # samordningsnummer
    serial = "%03d" % rng.randint(0, 999)
    nine = "%02d%02d%02d%s" % (year % 100, month, day, serial)
    ten = nine + luhn_digit(nine)
    twelve = str(year // 100) + ten
    sep = "+" if year < 1925 else "-"
    forms = [ten, twelve, ten[:6] + "-" + ten[6:], ten[:6] + "+" + ten[6:], twelve[:8] + "-" + twelve[8:]]
    written = rng.choice([ten, twelve, ten[:6] + sep + ten[6:], ten[:6] + "+" + ten[6:], twelve[:8] + "-" + twelve[8:]])
    return written, forms


# ---- Encodings ----

def esc_x(text):
    return "".join("\\x%02x" % ord(c) if c.isdigit() else c for c in text)


def esc_u(text):
    return "".join("\\u%04x" % ord(c) if c.isdigit() else c for c in text)


def esc_U(text):
    return "".join("\\U%08x" % ord(c) if c.isdigit() else c for c in text)


def broken(text, indent):
    """An escaped line break inside the number: YAML joins the lines."""
    at = next(i for i, c in enumerate(text) if c.isdigit()) + 5
    return text[:at] + "\\\n" + " " * (indent + 2) + text[at:]


# Each: (name, works in flow context, function(text, indent) -> YAML value text).
ENCODINGS = [
    ("plain", True, lambda t, i: t),
    ("single", True, lambda t, i: "'" + t + "'"),
    ("double", True, lambda t, i: '"' + t + '"'),
    ("x-escapes", True, lambda t, i: '"' + esc_x(t) + '"'),
    ("u-escapes", True, lambda t, i: '"' + esc_u(t) + '"'),
    ("U-escapes", True, lambda t, i: '"' + esc_U(t) + '"'),
    ("escaped-break", True, lambda t, i: '"' + broken(t, i) + '"'),
    ("literal", False, lambda t, i: "|\n" + " " * (i + 2) + "Telefon:\n" + " " * (i + 2) + t),
    ("folded", False, lambda t, i: ">-\n" + " " * (i + 2) + "phone: " + t),
    ("mixed-escapes", True, lambda t, i: '"' + esc_x(t[:3]) + esc_u(t[3:7]) + esc_U(t[7:]) + '"'),
]


# ---- Places ----

BLOCK_LINE = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w-]*): (?!\||>|\[|\{)(.+)$")
ITEM_LINE = re.compile(r"^(\s*)- (?!\{|\[)([^:#]+)$")
FLOW_VALUE = re.compile(r"([A-Za-z_][\w-]*): ([^,{}\[\]]+?)(?=\s*[,}])")
SKIP_KEYS = {"kind"}  # without it a document is not read at all


def places_in(path, text):
    """Every scalar of a YAML file: (path, line index, how to plant)."""
    out = []
    for n, line in enumerate(text.split("\n")):
        if line.lstrip().startswith("#") or line.strip() == "---":
            continue
        m = BLOCK_LINE.match(line)
        if m and m.group(2) not in SKIP_KEYS:
            out.append((path, n, "block", m.group(2)))
            continue
        if ITEM_LINE.match(line):
            out.append((path, n, "item", ""))
            continue
        for fm in FLOW_VALUE.finditer(line):
            out.append((path, n, "flow", fm.group(1)))
    return out


def plant_line(line, how, key, value_of):
    if how == "block":
        m = BLOCK_LINE.match(line)
        indent = len(m.group(1))
        return m.group(1) + key + ": " + value_of(indent, True)
    if how == "item":
        m = ITEM_LINE.match(line)
        return m.group(1) + "- " + value_of(len(m.group(1)) + 2, True)
    fm = next(f for f in FLOW_VALUE.finditer(line) if f.group(1) == key)
    return line[:fm.start(2)] + value_of(0, False) + line[fm.end(2):]


def schema_fields():
    """Top-level string fields of every kind that the schema has."""
    schema = json.loads(subprocess.run([BIN, "schema"], capture_output=True, check=True).stdout)
    fields = {}
    for name, definition in schema.get("$defs", schema.get("definitions", {})).items():
        props = definition.get("properties", {})
        kind = props.get("kind", {}).get("const")
        if not kind:
            continue
        fields[kind] = sorted(k for k, v in props.items() if k != "kind" and ("string" in json.dumps(v) or "enum" in v))
    return fields


# ---- Running ----

def run(args, cwd, env, outputs):
    p = subprocess.run([BIN] + args, cwd=cwd, env=env, capture_output=True, timeout=60)
    outputs.append((" ".join(args), p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")))
    assert p.returncode in (0, 1, 2), (args, p.returncode)


def git(cwd, env, *args):
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def views(text):
    """The text, and the text with YAML/JSON escapes, joins and HTML entities decoded."""
    decoded = re.sub(r"\\\r?\n\s*", "", text)
    decoded = re.sub(r"\\U([0-9a-fA-F]{8})|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})",
                     lambda m: chr(int(m.group(1) or m.group(2) or m.group(3), 16)), decoded)
    return [text, decoded, html.unescape(decoded), re.sub(r"\s*\r?\n ", "", text)]  # the last: ICS unfolded


def main():
    fixture = os.path.join(SRC, "tests", "render", "fixture-repo")
    files = {}
    for root, _, names in os.walk(fixture):
        for name in names:
            full = os.path.join(root, name)
            files[os.path.relpath(full, fixture)] = open(full, encoding="utf-8").read()
    kind_file = {}
    for path, text in sorted(files.items()):
        for kind in re.findall(r"^kind: (\S+)", text, re.M):
            kind_file.setdefault(kind, path)
    places = []
    for path, text in sorted(files.items()):
        places += places_in(path, text)
    extra = []  # schema fields the fixture lacks, appended to the first document of their kind
    for kind, names in sorted(schema_fields().items()):
        if kind not in kind_file:
            continue
        first_doc = files[kind_file[kind]].split("\n---\n")[0]
        extra += [(kind_file[kind], k) for k in names if not re.search(r"^%s:" % re.escape(k), first_doc, re.M)]
    print("places: %d scalars, %d schema fields, encodings: %d, rounds: %d"
          % (len(places), len(extra), len(ENCODINGS), ROUNDS))
    failures = 0
    work = tempfile.mkdtemp()
    try:
        for r in range(ROUNDS):
            failures += one_round(r, files, places, extra, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d leak(s)" % failures)
        sys.exit(1)
    print("no personnummer in any output")


def one_round(r, files, places, extra, work):
    planted = []  # the search forms of every number planted this round
    tree = dict(files)

    def value(indent, block_ok, i):
        name, in_flow, encode = ENCODINGS[(i + r) % len(ENCODINGS)]
        if not block_ok and not in_flow:
            encode = ENCODINGS[2][2]
        written, forms = new_number()
        planted.append(forms)
        return encode("Gäller " + written + " nu", indent)

    # A quarter of the places each round, so that most documents stay valid
    # enough to render; over the rounds every place meets several encodings.
    by_file = {}
    for i, (path, n, how, key) in enumerate(places):
        if i % 4 == r % 4:
            by_file.setdefault(path, []).append((n, how, key, i))
    for path, edits in by_file.items():
        lines = tree[path].split("\n")
        for n, how, key, i in edits:
            lines[n] = plant_line(lines[n], how, key, lambda ind, ok, i=i: value(ind, ok, i))
        tree[path] = "\n".join(lines)
    for j, (path, key) in enumerate(extra):
        if j % 3 == r % 3:
            docs = tree[path].split("\n---\n")
            docs[0] = docs[0].rstrip("\n") + "\n%s: %s\n" % (key, value(0, True, j))
            tree[path] = "\n---\n".join(docs)
    # Places outside the values.
    pnr, forms = new_number()
    planted.append(forms)
    digits = re.sub(r"\D", "", pnr)
    org_id = "o-" + (pnr if "+" not in pnr else digits)
    tree["organisations/%s.yaml" % digits] = (
        "kind: organisation\nid: %s\nname: Ett bolag\ntype: company\n# kommentar %s\nx-anteckning: %s\n"
        % (org_id, pnr, value(0, True, r)))
    folder, folder_forms = new_number()
    planted.append(folder_forms)
    tree["plans/%s/extra.yaml" % folder] = "kind: plan\nid: p-extra\ntitle: %s\n" % value(0, True, r + 1)
    config = tree["samverkan.yaml"].split("\n")
    config[0] = "name: " + value(0, True, r + 2)  # the fixture's first line is its name
    tree["samverkan.yaml"] = "\n".join(config) + "x-kontakt: %s\n" % value(0, True, r + 3)
    template, template_forms = new_number()
    planted.append(template_forms)
    tree["templates/plan.md.mustache"] = "# {{title}}\nKontakt %s\n" % template
    tree["templates/plan.html.mustache"] = "<h1>{{title}}</h1><p>Kontakt %s</p>\n" % template
    message, message_forms = new_number()
    author, author_forms = new_number()
    planted += [message_forms, author_forms]

    repo = os.path.join(work, "r%d" % r)
    env = dict(os.environ, NO_COLOR="1", HOME=work, XDG_CACHE_HOME=os.path.join(work, "cache"),
               GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Eva " + author, GIT_AUTHOR_EMAIL="eva@example.se",
               GIT_COMMITTER_NAME="Eva " + author, GIT_COMMITTER_EMAIL="eva@example.se",
               GITHUB_STEP_SUMMARY=os.path.join(work, "summary%d.md" % r))
    env.pop("SAMVERKAN_LANG", None)
    write_tree(repo, files)
    git(repo, env, "init", "-q", "-b", "main")
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", "Start (gäller %s)" % message)
    write_tree(repo, tree)
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", "Planterat")
    write_tree(repo, files)
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", "Borttaget: %s" % message)
    write_tree(repo, tree)

    outputs = run_commands(repo, env, r, org_id)
    written = os.path.join(work, "out%d" % r)
    for root, _, names in os.walk(written):
        for name in names:
            full = os.path.join(root, name)
            outputs.append(("file " + os.path.relpath(full, written), os.path.relpath(full, written) + "\n"
                            + open(full, encoding="utf-8", errors="replace").read()))
    if os.path.exists(env["GITHUB_STEP_SUMMARY"]):
        outputs.append(("GITHUB_STEP_SUMMARY", open(env["GITHUB_STEP_SUMMARY"], encoding="utf-8").read()))
    leaks = 0
    for what, text in outputs:
        all_views = views(text)
        for forms in planted:
            for form in forms:
                if any(form in v for v in all_views):
                    leaks += 1
                    at = next(v for v in all_views if form in v).find(form)
                    print("LEAK round %d: %s in `%s`: ...%s..." % (r, form, what, text[max(0, at - 60):at + 30]))
    print("round %d: %d numbers planted, %d outputs searched, %d leaks" % (r, len(planted), len(outputs), leaks))
    return leaks


def write_tree(repo, tree):
    if os.path.exists(repo):
        for name in os.listdir(repo):
            if name != ".git":
                shutil.rmtree(os.path.join(repo, name)) if os.path.isdir(os.path.join(repo, name)) \
                    else os.remove(os.path.join(repo, name))
    for path, text in tree.items():
        full = os.path.join(repo, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def run_commands(repo, env, r, org_id):
    out = os.path.join(os.path.dirname(repo), "out%d" % r)
    os.makedirs(out, exist_ok=True)
    outputs = []
    lang = ["--lang", "en" if r % 2 else "sv"]
    today = ["--today", "2026-04-15"]
    commands = [
        ["validate"], ["validate", "--format", "json"],
        ["lint", "--color", "always"] + today,
        ["lint", "--format", "json"] + today, ["lint", "--format", "sarif"] + today,
        ["lint", "--format", "junit"] + today, ["lint", "--format", "github"] + today,
        ["lint", "--format", "gitlab"] + today, ["lint", "-o", "gitlab=%s/lint.gitlab.json" % out] + today,
        ["lint", "-o", "sarif=%s/lint.sarif" % out, "-o", "text=%s/lint.txt" % out] + today,
        ["lint", "--write-baseline", "%s/baseline.json" % out] + today,
        ["lint", "--baseline", "%s/baseline.json" % out] + today,
        ["lint", "--rev", "HEAD~1"] + today, ["lint", "--changed-since", "HEAD~2"] + today,
        ["render", "site", "--out", "%s/site" % out] + today,
        ["render", "directory"], ["render", "directory", "--format", "html"],
        ["render", "directory", "--out", "%s/directory.md" % out],
        ["render", "calendar"] + today, ["render", "calendar", "--out", "%s/cal.ics" % out] + today,
        ["render", "plan", "plan-test-2026"] + today, ["render", "plan", "plan-test-2026", "--format", "html"] + today,
        ["render", "plan", "p-extra"] + today,
        ["render", "meeting", "styrgrupp-test-2026-03-12"] + today,
        ["render", "meeting", "styrgrupp-test-2026-03-12", "--format", "html"] + today,
        ["render", "collaboration", "samverkan-test"] + today,
        ["render", "collaboration", "samverkan-test", "--format", "html"] + today,
        ["render", "report", "samverkan-test", "--period", "2026H1"] + today,
        ["render", "report", "samverkan-test", "--period", "2026H1", "--format", "html"] + today,
        ["render", "plan", org_id], ["render", "directory", "--fail-on-pnr"],
        ["diff", "HEAD~2", "HEAD~1"], ["diff", "HEAD~1", "HEAD"], ["diff", "HEAD~1", "HEAD", "--format", "md"],
        ["diff", "HEAD~1", "HEAD", "--format", "json"], ["diff"], ["diff", "--format", "json"],
        ["log", "plan-test-2026"], ["log", "plan-test-2026", "--format", "json"],
        ["log", "test-kommun"], ["log", org_id], ["log", org_id, "--format", "json"],
        ["schema"], ["schema", "--out", "%s/schema.json" % out], ["rules"],
        ["rules", "personal-identity-number"], ["rules", org_id], ["--help"], ["lint", "--format", org_id],
        # new: the file keeps what the user gave (it is the user's data); what
        # is printed (its path, an error naming the id) is masked.
        ["new", "organisation", org_id + "-ny", "--name", "Person " + org_id[2:], "--type", "other"],
        ["new", "organisation", org_id, "--name", org_id[2:], "--type", "other"],
        ["new", "organisation", "x-" + str(r), "--name", "Person " + org_id[2:], "--type", "unit", "--parent", org_id + "x"],
        ["new", "collaboration", "c-" + org_id, "--name", org_id[2:], "--parties", "test-kommun," + org_id],
        ["new", "forum", "f-" + org_id, "--name", org_id[2:], "--collaboration", "samverkan-test", "--type", "working"],
        ["new", "meeting", "styrgrupp-test", "2026-11-%02d" % (r % 28 + 1)],
        ["new", "meeting", org_id, "2026-11-01"],
        ["new", "plan", "samverkan-test", "2027", "--from", "plan-test-2026"], ["new", "plan", "samverkan-test", "2028"],
        ["new", "report", "samverkan-test", "2026"], ["new", "report", org_id, "2026"],
        ["completion", "bash"], ["completion", "fish", "--out", "%s/samverkan.fish" % out],
        ["__complete", "bash", "--", "log", ""], ["__complete", "zsh", "--", "render", "plan", ""],
        ["__complete", "fish", "--", "log", org_id[:4]], ["__complete", "bash", "--", "rules", org_id],
        ["__man", "%s/man" % out],
    ]
    for c in commands:
        run(lang + c, repo, env, outputs)
    return outputs


if __name__ == "__main__":
    main()
