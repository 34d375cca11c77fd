#!/usr/bin/env bash
# Reading a git revision must cost about what reading the work tree does: at
# most 1.5 times. Generates the benchmark repository, commits it (packed, as a
# clone would have it), and times `validate` against `validate --rev HEAD`,
# best of RUNS each.
#
#   bench/git_rev.sh BINARY [SCALE] [RUNS]
set -euo pipefail
bin=$(realpath "$1")
scale=${2:-1.0}
runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/generate.py" "$tmp/data" --scale "$scale" >/dev/null
cd "$tmp/data"
git init -q && git add -A
git -c gc.auto=0 -c user.name=bench -c user.email=bench@example.se commit -q -m bench && git gc -q
best() {  # best wall time of $runs runs of the command, in seconds
  local b=
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null || true; e=$(date +%s.%N)
    b=$(awk -v s="$s" -v e="$e" -v b="$b" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
  done
  echo "$b"
}
wt=$(best "$bin" validate)
rev=$(best "$bin" validate --rev HEAD)
ratio=$(awk -v a="$rev" -v b="$wt" 'BEGIN { print a / b }')
printf 'files %s  work tree %.2f s  --rev HEAD %.2f s  ratio %.2f\n' "$(git ls-files | wc -l)" "$wt" "$rev" "$ratio"
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.5) }'
