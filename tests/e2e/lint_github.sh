#!/usr/bin/env bash
# `lint --select activity-without-owner,goal-not-measurable --format github`: workflow commands, at most 10 per severity, and the
# whole list appended to GITHUB_STEP_SUMMARY as a Markdown table.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$src/tests/lint/formats/repo
export NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400
printf 'earlier step\n' >"$tmp/summary.md"
status=0
GITHUB_STEP_SUMMARY=$tmp/summary.md "$bin" -C "$repo" lint --select activity-without-owner,goal-not-measurable --format github -o "github=$tmp/gh.txt" --lang en \
  >"$tmp/out.txt" || status=$?
[ "$status" = 1 ] || { echo "expected exit 1, got $status" >&2; exit 1; }
cmp "$tmp/out.txt" "$tmp/gh.txt"
[ "$(grep -c '^::warning ' "$tmp/out.txt")" = 10 ]
[ "$(grep -c '^::error ' "$tmp/out.txt")" = 2 ]
[ "$(grep -c '^::notice ' "$tmp/out.txt")" = 1 ]
grep -q '^samverkan: 3 warnings not shown here' "$tmp/out.txt"
grep -qF '::error file=plans/plan%2C övrigt.yaml,line=11,col=9,endColumn=11,title=activity-without-owner::activity `a1` has no `owner`%0Ahelp: ' "$tmp/out.txt"
# The summary: appended once (not once per output), every finding a row.
[ "$(head -n 1 "$tmp/summary.md")" = "earlier step" ]
[ "$(grep -c '^### samverkan lint' "$tmp/summary.md")" = 1 ]
[ "$(grep -c '^| ' "$tmp/summary.md")" = 18 ]  # header, separator, 16 findings
grep -qF '| error | `activity-without-owner` | `plans/plan, övrigt.yaml:11:9` | activity `a1` has no `owner` |' "$tmp/summary.md"
# Without GITHUB_STEP_SUMMARY nothing is written anywhere else.
env -u GITHUB_STEP_SUMMARY "$bin" -C "$repo" lint --select activity-without-owner,goal-not-measurable --format github >/dev/null || true
# An unwritable summary is a system error.
status=0
GITHUB_STEP_SUMMARY=$tmp/missing/dir/summary.md "$bin" -C "$repo" lint --select activity-without-owner,goal-not-measurable --format github >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] || { echo "expected exit 2 for an unwritable summary, got $status" >&2; exit 1; }
grep -q GITHUB_STEP_SUMMARY "$tmp/err"
echo "GitHub ok"
