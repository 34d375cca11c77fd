#!/usr/bin/env bash
# -o FORMAT=FILE writes several formats in one run, each exactly what
# --format FORMAT prints, while stdout keeps --format; bad specs exit 2.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$src/tests/lint/formats/repo
export NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400
fail() { echo "$*" >&2; exit 1; }
status=0
"$bin" -C "$repo" lint -o "json=$tmp/a.json" -o "sarif=$tmp/a.sarif" -o "junit=$tmp/a.xml" -o "text=$tmp/a.txt" -o "gitlab=$tmp/a.gitlab" \
  >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
[ "$status" = 1 ] || fail "expected exit 1, got $status"
[ -s "$tmp/stderr" ] && fail "unexpected stderr: $(cat "$tmp/stderr")"
for f in json sarif junit text gitlab; do
  "$bin" -C "$repo" lint --format "$f" >"$tmp/expected.$f" || true
done
cmp "$tmp/stdout" "$tmp/expected.text"
cmp "$tmp/a.txt" "$tmp/expected.text"
cmp "$tmp/a.json" "$tmp/expected.json"
cmp "$tmp/a.xml" "$tmp/expected.junit"
cmp "$tmp/a.sarif" "$tmp/expected.sarif"
cmp "$tmp/a.gitlab" "$tmp/expected.gitlab"
[ -z "$(find "$tmp" -name '.*tmp*')" ] || fail "temporary files left behind"

for spec in "xml=$tmp/x" "json" "json=" "=x"; do
  status=0
  "$bin" -C "$repo" lint -o "$spec" >/dev/null 2>"$tmp/err" || status=$?
  [ "$status" = 2 ] || fail "-o '$spec' must exit 2, got $status"
  grep -q "FORMAT=FIL" "$tmp/err" || fail "-o '$spec': $(cat "$tmp/err")"
done
status=0
"$bin" -C "$repo" lint -o "json=$tmp/no/such/dir/a.json" >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] || fail "an unwritable -o file must exit 2, got $status"
status=0
"$bin" -C "$repo" lint --format xml >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "--format xml must exit 2, got $status"
echo "outputs ok"
