#!/usr/bin/env bash
# Hostile input at 1×, 2× and 4× its size: the bounded algorithms must take
# time in proportion to it (docs/hardening.md has the table). The cases are
# bench/hostile.py's; the tests (tests/e2e/hostile_*.sh) only check that each
# finishes within a generous limit.
#
#   bench/hostile.sh [--bin PATH] [--runs N] [--scales "1 2 4"] [--limit SECONDS]
#
# Prints a Markdown table: the median wall time of N runs per case and size,
# "> limit" for a run given up on (for timing a build from before the fixes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/../build/cli/samverkan runs=3 scales="1 2 4" limit=300
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --scales) scales=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    *) echo "usage: $0 [--bin PATH] [--runs N] [--scales \"1 2 4\"] [--limit SECONDS]" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache NO_COLOR=1

# What each case is, at 1×, and the command that meets it.
declare -A what=(
  [suggest]="1 000 organisations, 4 000 unknown attendees (did-you-mean)"
  [nested]="1 000 goals, 4 000 links to unknown goals (did-you-mean)"
  [chain]="a loop of 4 000 parents (cycle check)"
  [units]="1 000 units in one chain, 3 000 attendees, 1 000 owners (lint)"
  [line]="20 000 unknown references on one 220 KB line (text output)"
  [glob]="\`exclude\` with 6 \`**\` against 25 folders"
)
command_of() {
  case $1 in
    units) echo lint --today 2026-06-01 ;;
    *) echo validate --no-cache ;;
  esac
}

# median_of CASE DIR: the median wall seconds of N runs, or "> limit".
median_of() {
  local times=() t
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    # shellcheck disable=SC2046
    timeout "$limit" "$bin" $(command_of "$1") "$2" >/dev/null 2>&1 || [ $? != 124 ] || { echo "> $limit"; return; }
    end=$(date +%s.%N)
    times+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

header="| case (at 1×) |" rule="| --- |"
for s in $scales; do header+=" ${s}× (s) |"; rule+=" ---: |"; done
echo "Hostile input: median of $runs runs, $(nproc) cores, samverkan $("$bin" --version | cut -d' ' -f2)"
echo
echo "$header"
echo "$rule"
for case in suggest nested chain units line glob; do
  row="| ${what[$case]} |"
  for s in $scales; do
    rm -rf "$work/$case"
    python3 "$here/hostile.py" "$case" "$s" "$work/$case"
    row+=" $(median_of "$case" "$work/$case") |"
    echo "  $case ${s}×" >&2
  done
  echo "$row"
done
