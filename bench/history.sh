#!/usr/bin/env bash
# The history benchmark: lint and log on long generated histories.
#
#   bench/history.sh [--commits "1000 10000 50000"] [--merges] [--hours H] [--bin PATH] [--out FILE.md]
#
# For each number of commits, makes a history over examples/hoglandet with
# bench/gen_history.py (linear, or merge-heavy with --merges; commits spread
# over 2020-2026, or H hours apart with --hours) and times, once
# each: git log --first-parent --raw (the floor for a history walk), git log -p
# of one plan (the floor for `log ID`), samverkan validate (warm cache: the
# memory the history is measured against), samverkan lint with a cold and a
# warm cache, and samverkan log of that plan. Prints a Markdown table of wall
# seconds and peak resident memory (MB), with lint's and log's ratios to their
# floors and their memory above validate's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
commits="1000 10000 50000" merges="" hours=0 bin=$here/../build/cli/samverkan out=""
while [ $# -gt 0 ]; do
  case $1 in
    --commits) commits=$2; shift 2 ;;
    --merges) merges=--merges; shift ;;
    --hours) hours=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--commits \"N ...\"] [--merges] [--hours H] [--bin PATH] [--out FILE.md]" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan=plans/uppdrag-samverkan-nassjo/2026.yaml id=handlingsplan-nassjo-2026
export NO_COLOR=1

# run NAME COMMAND...: wall seconds and peak RSS (MB) of one run, in $wall and $mb.
run() {
  local name=$1
  shift
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>"$work/stderr" || true
  read -r wall kib <"$work/time"
  mb=$((kib / 1024))
  printf '%s' "$name" >&2
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", (b > 0 ? a / b : 0) }'; }

table="| commits | git log --raw | git log -p PATH | validate (warm) | lint cold | lint warm | log ID cold | log ID warm | lint warm / (git log + validate) | log cold, warm / git log -p | lint, log MB above validate |
|---|---|---|---|---|---|---|---|---|---|---|"
for n in $commits; do
  repo=$work/repo-$n
  echo "generating $n commits $merges..." >&2
  python3 "$here/gen_history.py" "$repo" "$n" $merges --hours "$hours"
  cd "$repo"
  export XDG_CACHE_HOME=$work/cache-$n
  run " git-raw" git log --first-parent --raw --no-abbrev; g_wall=$wall g_mb=$mb
  run " git-p" git log --first-parent -p -- "$plan"; p_wall=$wall p_mb=$mb
  "$bin" validate >/dev/null 2>&1 || true  # fills the cache for the tree
  run " validate" "$bin" validate; v_wall=$wall v_mb=$mb
  rm -rf "$XDG_CACHE_HOME"
  run " lint-cold" "$bin" lint --today 2026-12-01; c_wall=$wall c_mb=$mb
  run " lint-warm" "$bin" lint --today 2026-12-01; w_wall=$wall w_mb=$mb
  run " log-cold" "$bin" log "$id"; lc_wall=$wall
  run " log" "$bin" log "$id"; l_wall=$wall l_mb=$mb
  echo >&2
  cd "$work"
  rm -rf "$repo" "$XDG_CACHE_HOME"
  floor=$(awk -v a="$g_wall" -v b="$v_wall" 'BEGIN { print a + b }')
  table+="
| $n | $g_wall s, $g_mb MB | $p_wall s, $p_mb MB | $v_wall s, $v_mb MB | $c_wall s, $c_mb MB | $w_wall s, $w_mb MB | $lc_wall s | $l_wall s, $l_mb MB | $(ratio "$w_wall" "$floor") | $(ratio "$lc_wall" "$p_wall"), $(ratio "$l_wall" "$p_wall") | $((w_mb - v_mb)), $((l_mb - v_mb)) |"
done
echo "$table"
[ -z "$out" ] || echo "$table" >"$out"
