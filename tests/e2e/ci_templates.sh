#!/usr/bin/env bash
# The CI files `samverkan init --ci github|gitlab` writes
# (lib/scaffold/templates/) run as written: every `run:` of the GitHub
# workflow and every `script:` line of .gitlab-ci.yml, in order, in a copy of
# examples/hoglandet made a git repository, with the built binary on PATH.
# Skipped are only what installs samverkan (the GitHub steps with
# `id: install-samverkan`, GitLab's `default: before_script:`) and the
# `uses:` actions. Each must succeed and leave what the later steps and
# artifacts read: the SARIF file, the step summary, the Code Quality
# report, the JUnit file and the site's index.html.
set -euo pipefail
bin=$(realpath "$1")
src=$2
python3 -c 'import yaml' 2>/dev/null || { echo "python3-yaml is missing: run .ci/install-deps" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/samverkan"
export PATH=$tmp/bin:$PATH NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400 XDG_CACHE_HOME=$tmp/cache
export GIT_CEILING_DIRECTORIES=$tmp GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset SAMVERKAN_LANG GITHUB_STEP_SUMMARY
for ci in github gitlab; do
  cp -r "$src/examples/hoglandet" "$tmp/$ci"
  # A goal without measure: warnings (the CI passes) that the reports must carry.
  sed -i '0,/^goals:$/s//goals:\n  - id: m9\n    title: Ett mål utan mått/' "$tmp/$ci/plans/uppdrag-samverkan-nassjo/2026.yaml"
  git -C "$tmp/$ci" init -q
  git -C "$tmp/$ci" add -A
  git -C "$tmp/$ci" -c user.name=T -c user.email=t@example.org commit -qm start
done
python3 - "$src/lib/scaffold/templates" "$tmp" <<'PY'
import json, os, subprocess, sys
import yaml

templates, tmp = sys.argv[1], sys.argv[2]
ran = []

def sh(cmd, cwd, env, where):
    """Runs one command as the runner would (bash -e), stops on failure."""
    print("+ [%s] %s" % (where, cmd.strip().replace("\n", "\n  ")))
    p = subprocess.run(["bash", "-e", "-c", cmd], cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("FAIL: %s exited %d\n%s%s" % (where, p.returncode, p.stdout[-3000:], p.stderr[-3000:]))
    ran.append(where)

def plain_env(extra):
    env = dict(os.environ)
    for k, v in (extra or {}).items():
        if "${{" not in str(v):  # GitHub expressions are the runner's
            env[k] = str(v)
    return env

# --- GitHub Actions -------------------------------------------------------
wf = yaml.safe_load(open(os.path.join(templates, "github-workflow.yml"), encoding="utf-8"))
on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
assert "push" in on and "pull_request" in on, on
repo = os.path.join(tmp, "github")
summary = os.path.join(tmp, "step-summary.md")
open(summary, "w").close()
uses = {}
for job_id, job in wf["jobs"].items():
    env = plain_env(wf.get("env"))
    env.update(plain_env(job.get("env")))
    env.update({"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_STEP_SUMMARY": summary, "GITHUB_WORKSPACE": repo})
    for n, step in enumerate(job["steps"]):
        where = "github %s step %d (%s)" % (job_id, n + 1, step.get("name", step.get("uses", "")))
        if "uses" in step:
            uses[step["uses"].split("@")[0]] = step.get("with", {})
            continue
        if step.get("id") == "install-samverkan":
            assert "SAMVERKAN_DEB_URL" in step["run"], where
            continue
        assert "apt-get" not in step["run"] and "curl" not in step["run"], where + ": installs without the marker"
        sh(step["run"], repo, plain_env({**env, **step.get("env", {})}), where)
sarif_file = os.path.join(repo, uses["github/codeql-action/upload-sarif"]["sarif_file"])
sarif = json.load(open(sarif_file, encoding="utf-8"))
assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"] == "samverkan"
for r in sarif["runs"][0]["results"]:  # paths from the top of the git repository
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert os.path.isfile(os.path.join(repo, uri)), uri
assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"goal-not-measurable", "goal-without-activity"}
assert "history-unavailable" not in {r["ruleId"] for r in sarif["runs"][0]["results"]}, "the history was not read"
text = open(summary, encoding="utf-8").read()
assert text.startswith("### ") and "goal-not-measurable" in text, "no step summary written: %r" % text[:200]
site = os.path.join(repo, uses["actions/upload-pages-artifact"]["path"])
assert os.path.isfile(os.path.join(site, "index.html")), site
assert "actions/deploy-pages" in uses and {"lint", "site"} <= set(wf["jobs"]["deploy"]["needs"])
assert "security-events" in wf["jobs"]["lint"]["permissions"]

# --- GitLab CI -------------------------------------------------------------
gl = yaml.safe_load(open(os.path.join(templates, "gitlab-ci.yml"), encoding="utf-8"))
reserved = {"default", "variables", "stages", "include", "workflow", "image", "services", "before_script", "after_script", "cache"}
assert any("SAMVERKAN_DEB_URL" in line for line in gl["default"]["before_script"])
repo = os.path.join(tmp, "gitlab")
jobs = [(k, v) for k, v in gl.items() if k not in reserved and not k.startswith(".")]
jobs.sort(key=lambda kv: gl["stages"].index(kv[1].get("stage", "test")))
assert [k for k, _ in jobs] == ["lint", "pages"], jobs
for job_id, job in jobs:
    assert "before_script" not in job, job_id + ": installs outside default.before_script"
    env = plain_env(gl.get("variables"))
    env.update(plain_env(job.get("variables")))
    env.update({"GITLAB_CI": "true", "CI": "true", "CI_PROJECT_DIR": repo})
    # GitLab runs a job's script lines one after another in one shell.
    sh("\n".join(job["script"]), repo, env, "gitlab %s script" % job_id)
reports = dict(jobs)["lint"]["artifacts"]["reports"]
cq = json.load(open(os.path.join(repo, reports["codequality"]), encoding="utf-8"))
assert isinstance(cq, list) and {i["check_name"] for i in cq} >= {"goal-not-measurable", "goal-without-activity"}, cq
for issue in cq:
    for k in ("description", "check_name", "fingerprint", "severity"):
        assert isinstance(issue[k], str) and issue[k], (k, issue)
    assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert os.path.isfile(os.path.join(repo, issue["location"]["path"])), issue["location"]
    assert issue["location"]["lines"]["begin"] >= 1
assert open(os.path.join(repo, reports["junit"]), encoding="utf-8").read().startswith("<?xml")
pages = dict(jobs)["pages"]
assert pages["artifacts"]["paths"] == ["public"]
assert os.path.isfile(os.path.join(repo, "public", "index.html"))
# --- The English variants (init --lang en): the same files but for the
# comments, the step names and the message of a missing SAMVERKAN_DEB_URL.
def same_but_words(doc):
    if isinstance(doc, dict):
        if doc.get("id") == "install-samverkan":
            doc = {k: v for k, v in doc.items() if k != "run"}
        return {k: same_but_words(v) for k, v in doc.items() if k not in ("name", "before_script")}
    if isinstance(doc, list):
        return [same_but_words(v) for v in doc]
    return doc
for sv_name, en_name in (("github-workflow.yml", "github-workflow.en.yml"), ("gitlab-ci.yml", "gitlab-ci.en.yml"),
                         ("pre-commit-config.yaml", "pre-commit-config.en.yaml")):
    a, b = (yaml.safe_load(open(os.path.join(templates, n), encoding="utf-8")) for n in (sv_name, en_name))
    assert same_but_words(a) == same_but_words(b), en_name + " differs from " + sv_name + " in more than words"
print("ran %d steps and scripts; %d findings in the SARIF, %d in the Code Quality report"
      % (len(ran), len(sarif["runs"][0]["results"]), len(cq)))
PY
echo "CI templates ok"
