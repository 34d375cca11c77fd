#!/usr/bin/env bash
# `lint --select activity-without-owner,goal-not-measurable --format sarif` validates against the official SARIF 2.1.0 schema
# (tests/lint/sarif-schema-2.1.0.json, with ajv-cli from .ci/install-deps) and
# carries what code scanning shows: every rule with its help, and each result's
# rule, level, file, line and column.
set -euo pipefail
bin=$1
src=$2
tools=${SAMVERKAN_TEST_TOOLS:-/opt/samverkan-test-tools}
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed, so the SARIF schema cannot be checked (run .ci/install-deps)"
  exit 0
fi
ajv=$tools/node_modules/.bin/ajv
[ -x "$ajv" ] || { echo "ajv-cli is missing from $tools: run .ci/install-deps" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$src/tests/lint/formats/repo
schema=$src/tests/lint/sarif-schema-2.1.0.json
validate() { (cd "$tools" && "$ajv" validate --spec=draft7 -c ajv-formats --strict=false -s "$schema" -d "$1"); }

export NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400
# The fixture is not seen as part of the git checkout around it (paths would
# start at its top; lint_gitlab.sh checks that case).
export GIT_CEILING_DIRECTORIES=$(dirname "$repo")
status=0
"$bin" -C "$repo" lint --select activity-without-owner,goal-not-measurable --format sarif >"$tmp/out.json" || status=$?
[ "$status" = 1 ] || { echo "expected exit 1 (the fixture has errors), got $status" >&2; exit 1; }
"$bin" -C "$repo" lint --select activity-without-owner,goal-not-measurable --format json >"$tmp/findings.json" || true
validate "$tmp/out.json"

# The schema check bites: a wrong level and a path that is no URI fail it.
sed 's/"level": "warning"/"level": "bogus"/' "$tmp/out.json" >"$tmp/bad1.json"
sed 's|"uri": "plans/plan%2C%20%C3%B6vrigt.yaml"|"uri": "plans/plan, övrigt.yaml"|' "$tmp/out.json" >"$tmp/bad2.json"
for bad in bad1 bad2; do
  if validate "$tmp/$bad.json" >/dev/null 2>&1; then echo "the schema accepted $bad.json" >&2; exit 1; fi
done

python3 - "$tmp/out.json" "$tmp/findings.json" "$bin" <<'PY'
import json, subprocess, sys
sarif = json.load(open(sys.argv[1]))
findings = json.load(open(sys.argv[2]))["findings"]
assert sarif["version"] == "2.1.0"
run = sarif["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
# Every rule `samverkan rules` lists is described, with its help text.
listed = [l.split()[0] for l in subprocess.run([sys.argv[3], "rules"], capture_output=True, text=True, check=True).stdout.splitlines()]
assert set(listed) <= set(ids), set(listed) - set(ids)
for r in rules:
    for k in ("shortDescription", "fullDescription", "help"):
        assert r[k]["text"].strip(), (r["id"], k)
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
owner = rules[ids.index("activity-without-owner")]
assert "Vad:" in owner["help"]["text"] and owner["defaultConfiguration"]["level"] == "error"
# One result per finding, in the same order, pointing where the finding does.
results = run["results"]
assert len(results) == len(findings) == 16, len(results)
levels = {"error": "error", "warning": "warning", "info": "note"}
for res, f in zip(results, findings):
    assert res["ruleId"] == f["code"] and ids[res["ruleIndex"]] == f["code"]
    assert res["level"] == levels[f["severity"]]
    assert res["message"]["text"].startswith(f["message"])
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert loc["region"]["startLine"] == f["line"] and loc["region"]["startColumn"] == f["column"]
    assert loc["region"]["endColumn"] == f["end_column"]
# Validation codes get a rule entry of their own.
assert "field-unknown" in ids
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
assert uris == {"plans/many.yaml", "plans/plan%2C%20%C3%B6vrigt.yaml"}, uris
PY
# A note that points somewhere becomes a related location, and still validates.
cp -r "$repo" "$tmp/repo"
printf 'kind: organisation\nid: region-test\nname: Region Test igen\ntype: region\n' >"$tmp/repo/organisations/zz.yaml"
"$bin" -C "$tmp/repo" lint --select activity-without-owner,goal-not-measurable --format sarif >"$tmp/dup.json" || true
validate "$tmp/dup.json"
python3 - "$tmp/dup.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
dup = [r for r in results if r["ruleId"] == "id-duplicate"]
assert len(dup) == 1
rel = dup[0]["relatedLocations"][0]
assert rel["physicalLocation"]["artifactLocation"]["uri"] == "organisations/orter.yaml"
assert rel["physicalLocation"]["region"]["startLine"] == 7 and rel["message"]["text"]
PY
echo "SARIF ok"
