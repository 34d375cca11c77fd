#!/usr/bin/env bash
# `lint --format gitlab`: GitLab's Code Quality report. It validates against
# the fields GitLab documents (tests/lint/gitlab-codequality.schema.json,
# with ajv from .ci/install-deps), says what the JSON output says, keeps
# each finding's fingerprint when lines are inserted above it, gives
# distinct findings distinct fingerprints, and names files from the top of
# the git repository when the samverkan data lies in a folder of it (work
# tree and --rev; SARIF the same).
set -euo pipefail
bin=$(realpath "$1")
src=$2
tools=${SAMVERKAN_TEST_TOOLS:-/opt/samverkan-test-tools}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400 XDG_CACHE_HOME=$tmp/cache GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset SAMVERKAN_LANG
sel=(--select activity-without-owner,goal-not-measurable)
cp -r "$src/tests/lint/formats/repo" "$tmp/repo"
export GIT_CEILING_DIRECTORIES=$tmp
status=0
"$bin" -C "$tmp/repo" lint "${sel[@]}" --format gitlab >"$tmp/out.json" || status=$?
[ "$status" = 1 ] || { echo "expected exit 1 (the fixture has errors), got $status" >&2; exit 1; }
"$bin" -C "$tmp/repo" lint "${sel[@]}" --format json >"$tmp/findings.json" || true

if command -v node >/dev/null; then
  ajv=$tools/node_modules/.bin/ajv
  [ -x "$ajv" ] || { echo "ajv-cli is missing from $tools: run .ci/install-deps" >&2; exit 1; }
  schema=$src/tests/lint/gitlab-codequality.schema.json
  validate() { (cd "$tools" && "$ajv" validate --spec=draft7 --strict=false -s "$schema" -d "$1"); }
  validate "$tmp/out.json"
  # The schema bites: a severity GitLab does not know, a missing fingerprint,
  # a path from ./ and a line 0 each fail it.
  sed '0,/"severity": "major"/s//"severity": "error"/' "$tmp/out.json" >"$tmp/bad1.json"
  sed '0,/"fingerprint": /s//"fingerprints": /' "$tmp/out.json" >"$tmp/bad2.json"
  sed '0,/"path": "/s//"path": ".\//' "$tmp/out.json" >"$tmp/bad3.json"
  sed '0,/"begin": [0-9]*/s//"begin": 0/' "$tmp/out.json" >"$tmp/bad4.json"
  for bad in bad1 bad2 bad3 bad4; do
    cmp -s "$tmp/out.json" "$tmp/$bad.json" && { echo "$bad.json is unchanged" >&2; exit 1; }
    if validate "$tmp/$bad.json" >/dev/null 2>&1; then echo "the schema accepted $bad.json" >&2; exit 1; fi
  done
else
  echo "note: node is not installed, so the schema check is left out (run .ci/install-deps)"
fi

python3 - "$tmp/out.json" "$tmp/findings.json" <<'PY'
import json, sys
cq = json.load(open(sys.argv[1]))
findings = json.load(open(sys.argv[2]))["findings"]
assert len(cq) == len(findings) == 16, len(cq)
sev = {"error": "major", "warning": "minor", "info": "info"}
for issue, f in zip(cq, findings):  # one issue per finding, in the same order
    assert issue["check_name"] == f["code"]
    assert issue["description"].startswith(f["message"])
    assert issue["severity"] == sev[f["severity"]]
    assert issue["location"]["path"] == f["file"] and issue["location"]["lines"]["begin"] == f["line"]
    assert len(issue["fingerprint"]) == 32 and int(issue["fingerprint"], 16) >= 0
fps = [i["fingerprint"] for i in cq]
assert len(set(fps)) == len(fps), "fingerprints are not unique"
PY

# Lines inserted above every finding: the same fingerprints, lines moved.
for f in "$tmp"/repo/plans/*.yaml; do
  { printf '# en kommentar\n# och en till\n'; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
done
"$bin" -C "$tmp/repo" lint "${sel[@]}" --format gitlab >"$tmp/moved.json" || true
python3 - "$tmp/out.json" "$tmp/moved.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert [i["fingerprint"] for i in a] == [i["fingerprint"] for i in b], "a fingerprint changed"
assert all(y["location"]["lines"]["begin"] == x["location"]["lines"]["begin"] + 2 for x, y in zip(a, b))
PY

# The data in a folder of a larger git repository: paths from its top.
top=$tmp/top
mkdir -p "$top/data"
cp -r "$src/tests/lint/formats/repo" "$top/data/samverkan"
git -C "$top" init -q
git -C "$top" add -A
git -C "$top" -c user.name=T -c user.email=t@example.org commit -qm start
for how in worktree rev; do
  args=(); [ "$how" = rev ] && args=(--rev HEAD)
  rm -f "$tmp/sub.json" "$tmp/sub.sarif"
  (cd "$top/data/samverkan/plans" && "$bin" lint "${args[@]}" "${sel[@]}" -o "gitlab=$tmp/sub.json" -o "sarif=$tmp/sub.sarif" >/dev/null) || true
  python3 - "$tmp/sub.json" "$tmp/sub.sarif" "$tmp/out.json" "$how" <<'PY'
import json, sys
sub, sarif, base = (json.load(open(p)) for p in sys.argv[1:4])
assert [i["location"]["path"] for i in sub] == ["data/samverkan/" + i["location"]["path"] for i in base], sys.argv[4]
assert [i["fingerprint"] for i in sub] == [i["fingerprint"] for i in base], "the key is the samverkan root's"
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
assert uris == {"data/samverkan/plans/many.yaml", "data/samverkan/plans/plan%2C%20%C3%B6vrigt.yaml"}, (sys.argv[4], uris)
PY
done
echo "GitLab Code Quality ok"
