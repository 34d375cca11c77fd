#!/usr/bin/env bash
# Two builds, the same answers: lint and log on long generated histories.
#
#   bench/history_compare.sh OLD_BIN NEW_BIN [N_LINEAR [N_MERGES]]
#
# Makes a linear history of N_LINEAR commits (default 20000) and a merge-heavy
# one of N_MERGES (default 5000) with bench/gen_history.py, runs lint (text and
# JSON, two --today) and log (text and JSON; a plan, a meeting, an
# organisation, --lang en) with both binaries and says, per command, whether
# the outputs and exit codes are byte for byte the same. Exits 1 if any differ.
set -u
old=$(realpath "$1") new=$(realpath "$2") linear=${3:-20000} merges=${4:-5000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 XDG_CACHE_HOME=$work/cache
status=0
for spec in "$linear:" "$merges:--merges"; do
  n=${spec%%:*} flag=${spec#*:}
  repo=$work/repo-$n
  python3 "$here/gen_history.py" "$repo" "$n" $flag
  cd "$repo"
  for cmd in "lint --today 2026-12-01" "lint --today 2026-12-01 --format json" "lint --today 2026-06-01" \
             "log handlingsplan-nassjo-2026" "log handlingsplan-nassjo-2026 --format json" \
             "log arbetsgrupp-aneby-2025-10-02" "log aneby-kommun" "--lang en log handlingsplan-aneby-2026"; do
    "$old" $cmd >"$work/old" 2>&1; a=$?
    "$new" $cmd >"$work/new" 2>&1; b=$?
    if cmp -s "$work/old" "$work/new" && [ $a = $b ]; then
      echo "same ($n $flag): $cmd  [$(wc -l <"$work/old") lines, exit $a]"
    else
      echo "DIFFER ($n $flag): $cmd  exit $a / $b"
      diff "$work/old" "$work/new" | head -10
      status=1
    fi
  done
  cd "$work"
done
exit $status
