"""End-to-end test of `samverkan lsp`: a client drives the real binary over
pipes through every method on a copy of examples/hoglandet in a real git
repository. Usage: lsp_test.py BINARY SOURCE_DIR"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Checks, Client, LspError, position_of, uri_of  # noqa: E402

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
check = Checks()


work = tempfile.mkdtemp()
env = {"XDG_CACHE_HOME": os.path.join(work, "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-01-01T12:00:00",
       "GIT_COMMITTER_DATE": "2026-01-01T12:00:00"}
os.environ.update(env)
repo = os.path.join(work, "hoglandet")
shutil.copytree(os.path.join(source, "examples", "hoglandet"), repo)


def git(*args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


git("init", "-q", "-b", "main")
git("add", "-A")
git("commit", "-qm", "data")

plan = os.path.join(repo, "plans", "uppdrag-samverkan-nassjo", "2026.yaml")
org = os.path.join(repo, "organisations", "nassjo-kommun.yaml")
meeting_dir = os.path.join(repo, "meetings")
org_ids = set()
for name in os.listdir(os.path.join(repo, "organisations")):
    with open(os.path.join(repo, "organisations", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("id: "):
                org_ids.add(line[4:].strip())


def pos_params(path, text, needle, occurrence=0, offset=0):
    return {"textDocument": {"uri": uri_of(path)}, "position": position_of(text, needle, occurrence, offset)}


def text_at(path, rng):
    """The text a UTF-16 range covers in a file on disk."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    line = lines[rng["start"]["line"]]
    units = line.encode("utf-16-le")
    return units[2 * rng["start"]["character"]:2 * rng["end"]["character"]].decode("utf-16-le")


def apply_edits(path, edits):
    """Applies TextEdits (UTF-16 ranges) to a file's text, last first."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        r = e["range"]
        assert r["start"]["line"] == r["end"]["line"]
        u = lines[r["start"]["line"]].encode("utf-16-le")
        u = u[:2 * r["start"]["character"]] + e["newText"].encode("utf-16-le") + u[2 * r["end"]["character"]:]
        lines[r["start"]["line"]] = u.decode("utf-16-le")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


c = Client(binary, cwd=repo)
try:
    init = c.initialize(repo, {"today": "2026-06-01"})
    caps = init["capabilities"]
    check("initialize: UTF-16 when the client offers nothing else", caps.get("positionEncoding") == "utf-16", caps)
    check("initialize: incremental sync, definition, references, hover, completion, rename, actions, symbols",
          caps["textDocumentSync"]["change"] == 2 and all(caps.get(k) for k in (
              "definitionProvider", "referencesProvider", "hoverProvider", "completionProvider", "renameProvider",
              "codeActionProvider", "documentSymbolProvider")), caps)
    c.drain(1.0)
    check("the example has no findings: nothing is published", not any(
        p["diagnostics"] for m, p in c.notifications if m == "textDocument/publishDiagnostics"),
        c.latest_diagnostics())

    text = c.open(plan)
    # A typo in `owner:` is underlined at its place.
    at = text.index("owner: nassjo-kommun") + len("owner: nassjo-komm")
    typo = text[:at] + text[at + 2:]  # "nassjo-komm" … drops "un"
    typo = typo.replace("owner: nassjo-komm\n", "owner: nassjo-kommn\n", 1)
    c.change(plan, 2, [{"text": typo}])
    diags = c.wait_diagnostics(uri_of(plan), lambda d: any(x["code"] == "reference-unknown" for x in d), 10)
    d = [x for x in diags if x["code"] == "reference-unknown"][0]
    want = position_of(typo, "owner: nassjo-kommn", 0, len("owner: "))
    check("a typo in owner: is an error at its value", d["range"]["start"] == want and d["severity"] == 1,
          (d, want))
    check("its range covers the value", d["range"]["end"]["character"] - d["range"]["start"]["character"] ==
          len("nassjo-kommn"), d)
    check("the message has the did-you-mean", "nassjo-kommun" in d["message"], d["message"])

    # The quick fix replaces it.
    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri_of(plan)}, "range": d["range"],
                                                    "context": {"diagnostics": [d]}})
    fix = [a for a in actions if a["kind"] == "quickfix"]
    check("a quick fix is offered for the misspelt reference", len(fix) == 1 and
          fix[0]["edit"]["changes"][uri_of(plan)][0]["newText"] == "nassjo-kommun", actions)

    # Incremental change: put the two letters back; the diagnostics clear.
    rng = {"start": want, "end": {"line": want["line"], "character": want["character"] + len("nassjo-kommn")}}
    c.change(plan, 3, [{"range": rng, "text": "nassjo-kommun"}])
    diags = c.wait_diagnostics(uri_of(plan), lambda d: not any(x["code"] == "reference-unknown" for x in d), 10)
    check("fixed: the error is cleared", diags == [], diags)

    # Go to definition on owner → the organisation's id line.
    defn = c.request("textDocument/definition", pos_params(plan, text, "owner: nassjo-kommun", 0, 9))
    check("definition of owner: is the organisation's id", defn and defn["uri"] == uri_of(org) and
          defn["range"]["start"]["line"] == 1 and text_at(org, defn["range"]) == "nassjo-kommun", defn)
    # plan#goal in a meeting's refs, and a bare goal id in an activity.
    defn = c.request("textDocument/definition", pos_params(plan, text, "goals: [m1, m2]", 0, 8))
    check("definition of an activity's goal is the goal's id in the plan", defn and defn["uri"] == uri_of(plan) and
          text_at(plan, defn["range"]) == "m1" and defn["range"]["start"]["line"] == text[:text.index("- id: m1")].count("\n"),
          defn)
    meeting = None
    for root, _, files in os.walk(meeting_dir):
        for name in sorted(files):
            p = os.path.join(root, name)
            with open(p, encoding="utf-8") as f:
                if "handlingsplan-nassjo-2026#a" in f.read():
                    meeting = meeting or p
    mtext = open(meeting, encoding="utf-8").read()
    needle = "handlingsplan-nassjo-2026#a"
    defn = c.request("textDocument/definition", pos_params(meeting, mtext, needle, 0, len(needle)))
    local = mtext[mtext.index(needle) + len(needle) - 1:].split()[0].strip(",]")
    check("definition of plan#activity in a meeting's refs is the activity in the plan",
          defn and defn["uri"] == uri_of(plan) and text_at(plan, defn["range"]) == local, (defn, local))
    defn = c.request("textDocument/definition", pos_params(meeting, mtext, needle, 0, 3))
    check("…and on its plan part, the plan", defn and defn["uri"] == uri_of(plan) and
          text_at(plan, defn["range"]) == "handlingsplan-nassjo-2026", defn)

    # References from the organisation's id: every place, each naming it.
    otext = c.open(org)
    refs = c.request("textDocument/references", {**pos_params(org, otext, "id: nassjo-kommun", 0, 5),
                                                  "context": {"includeDeclaration": True}})
    texts = {text_at(uri_path, r["range"]) for r in refs for uri_path in [r["uri"][len("file://"):]]}
    on_plan = [r for r in refs if r["uri"] == uri_of(plan)]
    grep_count = subprocess.run(["grep", "-rowh", "nassjo-kommun", repo, "--include=*.yaml"], capture_output=True,
                                text=True).stdout.split().count("nassjo-kommun")
    check("references: every one names the id", texts == {"nassjo-kommun"}, texts)
    check("references: the declaration and every use (as many as grep finds)", len(refs) == grep_count,
          (len(refs), grep_count))
    check("references: the plan's owners among them", len(on_plan) >= 3, on_plan)

    # Hover on a reference: the target's name, kind and facts; on a key: its description.
    h = c.request("textDocument/hover", pos_params(plan, text, "owner: nassjo-kommun", 0, 9))
    check("hover on owner: names the organisation and its type", "Nässjö kommun" in h["contents"]["value"] and
          "organisation" in h["contents"]["value"] and "kommun" in h["contents"]["value"], h)
    h = c.request("textDocument/hover", pos_params(plan, text, "goals: [m1, m2]", 0, 8))
    check("hover on a goal: its title, baseline, target and latest measurement",
          all(w in h["contents"]["value"] for w in ("arbetsinriktad insats", "22", "35", "29", "2026-08-31")), h)
    h = c.request("textDocument/hover", pos_params(plan, text, "    owner:", 0, 6))
    check("hover on the key owner: what it is, in Swedish", h and "ägare" in h["contents"]["value"].lower() and
          "`owner`" in h["contents"]["value"], h)

    # Completion: only organisations for owner, only this plan's goals for goals.
    edited = text.replace("    owner: nassjo-kommun\n", "    owner: \n", 1)
    c.change(plan, 4, [{"text": edited}])
    comp = c.request("textDocument/completion", pos_params(plan, edited, "    owner: \n", 0, len("    owner: ")))
    labels = {i["label"] for i in comp["items"]}
    check("completion after owner: offers exactly the organisations", labels == org_ids, (labels ^ org_ids))
    check("each with its name as detail", any(i.get("detail", "").endswith("Nässjö kommun") for i in comp["items"]),
          comp["items"][:3])
    edited2 = edited.replace("goals: [m1, m2]", "goals: [m1, ]", 1)
    c.change(plan, 5, [{"text": edited2}])
    comp = c.request("textDocument/completion", pos_params(edited2 and plan, edited2, "goals: [m1, ]", 0, len("goals: [m1, ")))
    labels = {i["label"] for i in comp["items"]}
    check("completion in an activity's goals offers this plan's goals only", labels == {"m1", "m2", "m3", "m4"}, labels)
    comp = c.request("textDocument/completion", pos_params(plan, edited2, "    status: done", 0, len("    status: ")))
    labels = {i["label"] for i in comp["items"]}
    check("completion of an activity's status offers its values", {"planned", "ongoing", "done"} <= labels, labels)
    edited3 = edited2.replace("    responsible: Utvecklingsledare", "    bu\n    responsible: Utvecklingsledare", 1)
    c.change(plan, 6, [{"text": edited3}])
    comp = c.request("textDocument/completion", pos_params(plan, edited3, "    bu\n", 0, len("    bu")))
    labels = {i["label"] for i in comp["items"]}
    check("completion of a key in an activity: `budget`, with its label", labels == {"budget"} and all(
        i.get("detail") for i in comp["items"]), comp["items"])
    comp = c.request("textDocument/completion", pos_params(plan, edited3, "    bu\n", 0, len("    ")))
    labels = {i["label"] for i in comp["items"]}
    check("…only the keys the activity does not have yet", labels == {"budget", "spent"}, labels)
    c.change(plan, 7, [{"text": text}])

    # Document symbols: the plan with its goals and activities.
    syms = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri_of(plan)}})
    kids = [s["name"] for s in syms[0].get("children", [])] if syms else []
    check("symbols: the plan, its goals and activities", syms and syms[0]["name"] == "handlingsplan-nassjo-2026" and
          kids[:4] == ["m1", "m2", "m3", "m4"] and "a1" in kids, syms)

    # An edit that breaks references in other files: the organisation's id changed.
    broken = otext.replace("id: nassjo-kommun", "id: nassjo-kommun-x", 1)
    c.change(org, 2, [{"text": broken}])
    c.drain(2.0)
    latest = c.latest_diagnostics()
    hit = [u for u, d in latest.items() if any(x["code"] == "reference-unknown" and "nassjo-kommun" in x["message"] for x in d)]
    check("an id changed in one file: the files naming it get errors", uri_of(plan) in hit and len(hit) >= 5, hit)
    c.change(org, 3, [{"text": otext}])
    c.drain(2.0)
    latest = c.latest_diagnostics()
    check("…and lose them when it is put back", not any(latest.values()), {u: d for u, d in latest.items() if d})

    # Rename across files.
    prep = c.request("textDocument/prepareRename", pos_params(org, otext, "id: nassjo-kommun", 0, 6))
    check("prepareRename: the id's range and placeholder", prep and prep["placeholder"] == "nassjo-kommun", prep)
    for bad, why in (("Nässjö", "invalid"), ("eksjo-kommun", "taken")):
        try:
            c.request("textDocument/rename", {**pos_params(org, otext, "id: nassjo-kommun", 0, 6), "newName": bad})
            check("rename to an %s id is refused" % why, False)
        except LspError as e:
            check("rename to an %s id is refused with a message" % why, e.args[0]["code"] == -32803 and e.args[0]["message"],
                  e)
    edit = c.request("textDocument/rename", {**pos_params(org, otext, "id: nassjo-kommun", 0, 6),
                                             "newName": "nassjo-kommun-2"})
    changes = edit["changes"]
    total = sum(len(v) for v in changes.values())
    check("rename changes the definition and every reference, in every file", total == grep_count and len(changes) > 5,
          (total, grep_count, len(changes)))
    renamed = os.path.join(work, "renamed")
    shutil.copytree(repo, renamed, ignore=shutil.ignore_patterns(".git"))
    for uri, edits in changes.items():
        apply_edits(renamed + uri[len(uri_of(repo)):], edits)
    r = subprocess.run([binary, "validate", renamed], capture_output=True, text=True)
    check("after the rename the repository validates clean", r.returncode == 0, r.stdout + r.stderr)
    r = subprocess.run(["grep", "-rlP", "(?<![-a-z0-9])nassjo-kommun(?![-a-z0-9])", renamed, "--include=*.yaml"],
                       capture_output=True, text=True)
    check("…and nothing names the old id", r.stdout == "", r.stdout)
    edit = c.request("textDocument/rename", {**pos_params(plan, text, "- id: m1", 0, 7), "newName": "m9"})
    m9 = edit["changes"]
    check("rename of a goal: its id, the activities' goals and plan#goal references",
          len(m9.get(uri_of(plan), [])) >= 3 and all(e["newText"] == "m9" for v in m9.values() for e in v), m9)

    # A checkout seen through watched files.
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(org)}})
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(plan)}})
    c.drain(1.0)
    git("checkout", "-q", "-b", "other")
    with open(org, "w", encoding="utf-8") as f:
        f.write(otext.replace("id: nassjo-kommun", "id: nassjo-kommun-ny", 1))
    git("commit", "-qam", "rename")
    git("checkout", "-q", "main")
    git("checkout", "-q", "other")
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(org), "type": 2},
                                                             {"uri": uri_of(os.path.join(repo, ".git", "HEAD")), "type": 2}]})
    c.drain(2.0)
    latest = c.latest_diagnostics()
    check("a checkout (watched files): the references to the old id are errors",
          any(x["code"] == "reference-unknown" for x in latest.get(uri_of(plan), [])), latest.get(uri_of(plan)))
    git("checkout", "-q", "main")
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(org), "type": 2}]})
    c.drain(2.0)
    latest = c.latest_diagnostics()
    check("…and back: none", not any(latest.values()), {u: d for u, d in latest.items() if d})

    # A YAML file the repository does not take (a CI workflow): no findings, and typing in it costs nothing.
    wf = os.path.join(repo, ".github", "workflows", "ci.yml")
    os.makedirs(os.path.dirname(wf))
    with open(wf, "w") as f:
        f.write("on: push\njobs: {}\n")
    c.open(wf)
    for v in range(2, 32):
        c.change(wf, v, [{"text": "on: push\njobs: {}\n# " + "x" * v + "\n"}])
    h = c.request("textDocument/hover", pos_params(plan, text, "owner: nassjo-kommun", 0, 9))
    c.drain(1.0)
    check("a workflow file open beside the data: no diagnostics for it, the server answers",
          uri_of(wf) not in c.latest_diagnostics() and h and "Nässjö" in h["contents"]["value"], c.latest_diagnostics().get(uri_of(wf)))
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(wf)}})

    # Lint findings, and with lint off, none.
    lint_text = text.replace("    owner: nassjo-kommun\n", "", 1)
    c.open(plan, lint_text, 10)
    d = c.wait_diagnostics(uri_of(plan), lambda d: any(x["code"] == "activity-without-owner" for x in d), 10)
    check("lint findings are published (activity-without-owner), at the activity's id",
          any(x["code"] == "activity-without-owner" and x["range"]["start"]["line"] == lint_text[:lint_text.index("- id: a1")].count("\n") for x in d), d)
    c.notify("workspace/didChangeConfiguration", {"settings": {"samverkan": {"lint": False}}})
    d = c.wait_diagnostics(uri_of(plan), lambda d: not any(x["code"] == "activity-without-owner" for x in d), 10)
    check("lint off: only validation findings", d == [], d)

    code = c.shutdown()
    check("shutdown and exit: exit code 0", code == 0, code)
finally:
    c.close()

# UTF-8 positions when the client offers them; a line with a character outside the BMP.
c = Client(binary, cwd=repo)
try:
    init = c.initialize(repo, {"today": "2026-06-01", "lint": False}, encodings=["utf-8", "utf-16"])
    check("initialize: UTF-8 when the client offers it", init["capabilities"]["positionEncoding"] == "utf-8", init)
    wide = open(plan, encoding="utf-8").read().replace("    owner: nassjo-kommun\n", "    owner: nassjo-kommn # 😀 å\n", 1)
    wide = wide.replace("title: Jämställdhetsanalys", "title: 😀 Jämställdhetsanalys", 1)
    c.open(plan, wide)
    d = c.wait_diagnostics(uri_of(plan), lambda d: any(x["code"] == "reference-unknown" for x in d), 10)
    x = [x for x in d if x["code"] == "reference-unknown"][0]
    check("UTF-8: columns count bytes", x["range"]["start"]["character"] == len("    owner: ".encode()), x)
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri_of(plan)},
                                         "position": {"line": x["range"]["start"]["line"], "character": 12}})
    check("UTF-8: a hover at a byte column", h is not None, h)
    code = c.shutdown()
finally:
    c.close()

# English, and exit without shutdown.
c = Client(binary, cwd=repo, args=["--lang", "en"])
try:
    c.initialize(repo, {"today": "2026-06-01", "lint": False})
    text = open(plan, encoding="utf-8").read()
    c.open(plan, text.replace("owner: nassjo-kommun", "owner: nassjo-kommn", 1))
    d = c.wait_diagnostics(uri_of(plan), lambda d: bool(d), 10)
    check("--lang en: messages in English", "organisation" in d[0]["message"] and "did you mean" in d[0]["message"], d)
    h = c.request("textDocument/hover", pos_params(plan, text, "    owner:", 0, 6))
    check("--lang en: fields in English", h and "owner" in h["contents"]["value"] and
          "ansvar" not in h["contents"]["value"].lower(), h)
    c.notify("exit")
    check("exit without shutdown: exit code 1", c.proc.wait(10) == 1)
finally:
    c.close()

shutil.rmtree(work, ignore_errors=True)
check.finish()
