#!/usr/bin/env bash
# Baselines: --write-baseline records today's findings; --baseline hides
# exactly those (also after edits that move lines), shows new ones, and
# reports entries that no longer occur.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/tests/lint/formats/repo" "$tmp/repo"
export NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400
lint() { "$bin" -C "$tmp/repo" lint --select activity-without-owner,goal-not-measurable --lang en "$@"; }
fail() { echo "$*" >&2; exit 1; }

lint --write-baseline "$tmp/b.json" >"$tmp/out" 2>"$tmp/err" || fail "--write-baseline must exit 0"
grep -q "wrote 16 findings to the baseline" "$tmp/err"
grep -q "no findings" "$tmp/out"
grep -q "(16 hidden by the baseline)" "$tmp/out"
python3 - "$tmp/b.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b["version"] == 1
keys = [(e["code"], e.get("entity", ""), e.get("nested", ""), e.get("file", "")) for e in b["findings"]]
assert keys == sorted(keys) and len(keys) == len(set(keys))
assert all("line" not in e for e in b["findings"])
assert ("field-unknown", "plan-ovrigt", "", "") in keys
assert sum(e["count"] for e in b["findings"]) == 16
PY
# Same findings, same bytes.
lint --write-baseline "$tmp/b2.json" >/dev/null 2>&1
cmp "$tmp/b.json" "$tmp/b2.json"

# Lines moved: still clean.
sed -i '1i # flyttad\n# två rader' "$tmp/repo/plans/many.yaml"
lint --baseline "$tmp/b.json" >"$tmp/out" || fail "moved lines must not break the baseline"
grep -q "no findings" "$tmp/out"

# A new finding shows; one fixed goal makes its entry stale (info).
cat >>"$tmp/repo/plans/many.yaml" <<'YAML'
  - id: a2
    title: Ny aktivitet
YAML
sed -i 's/^    title: Mål 3$/    title: Mål 3\n    indicator: Antal\n    target: {value: 3}/' "$tmp/repo/plans/many.yaml"
status=0
lint --baseline "$tmp/b.json" --format json >"$tmp/out.json" || status=$?
[ "$status" = 1 ] || fail "a new error must exit 1, got $status"
python3 - "$tmp/out.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
got = sorted((x["code"], x["entity"], x.get("nested"), x["severity"]) for x in f)
assert got == [("activity-without-owner", "plan-many", "a2", "error"),
               ("baseline-stale", "plan-many", "goal-not-measurable#g3", "info")], got
stale = [x for x in f if x["code"] == "baseline-stale"][0]
assert stale["message"] == "the baseline lists a finding of `goal-not-measurable` for `plan-many#g3` that no longer occurs"
assert stale["file"] == "plans/many.yaml" and stale["line"] == 4  # the plan's id
PY

# baseline-stale can be turned off like a rule.
printf 'rules:\n  baseline-stale: off\n' >>"$tmp/repo/samverkan.yaml"
lint --baseline "$tmp/b.json" --format json >"$tmp/off.json" || true
grep -q baseline-stale "$tmp/off.json" && fail "baseline-stale: off must hide it"

# A missing or broken baseline, or both options at once, is a usage error.
status=0; lint --baseline "$tmp/nope.json" >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "cannot read the baseline" "$tmp/err" || fail "missing baseline: exit $status"
echo '{"version": 1, "findings": {}}' >"$tmp/bad.json"
status=0; lint --baseline "$tmp/bad.json" >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "is not a samverkan baseline" "$tmp/err" || fail "broken baseline: exit $status"
status=0; lint --baseline "$tmp/b.json" --write-baseline "$tmp/c.json" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "--baseline with --write-baseline: exit $status"
echo "baseline ok"
