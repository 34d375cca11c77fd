#!/usr/bin/env bash
# A long history (bench/gen_history.py, via git fast-import): lint's peak
# memory stays near validate's however many commits there are (the history is
# walked a batch of commits at a time, issue 14), and lint and log say
# exactly what they said when the whole history was held at once (the
# expected outputs were made by that code).
bin=$1 src=$2
. "$src/tests/e2e/common.bash"
expected=$src/tests/e2e/expected/history_long
run_limit=300

# same NAME FILE SHA256: the output's hash is the recorded one.
same() { out=$(cat "$2"); check "$1" [ "$(sha256sum <"$2" | cut -d' ' -f1)" = "$3" ]; }

linear=$work/linear merges=$work/merges
python3 "$src/bench/gen_history.py" "$linear" 5000 >/dev/null
python3 "$src/bench/gen_history.py" "$merges" 2000 --merges >/dev/null

cd "$linear"
if [ -x /usr/bin/time ]; then
  # Each run gets its own cold cache, as the first lint after a clone has.
  XDG_CACHE_HOME=$work/c1 /usr/bin/time -o "$work/t-validate" -f %M "$bin" validate >/dev/null 2>&1
  XDG_CACHE_HOME=$work/c2 /usr/bin/time -o "$work/t-lint" -f %M "$bin" lint --today 2026-12-01 >/dev/null 2>&1
  XDG_CACHE_HOME=$work/c3 /usr/bin/time -o "$work/t-log" -f %M "$bin" log handlingsplan-nassjo-2026 >/dev/null 2>&1
  validate_kib=$(tail -1 "$work/t-validate") lint_kib=$(tail -1 "$work/t-lint") log_kib=$(tail -1 "$work/t-log")
  out="validate ${validate_kib} KiB, lint ${lint_kib} KiB, log ${log_kib} KiB"
  echo "$out"
  # With the whole history held, lint took 56 MB and log 43 MB above
  # validate here; walked a batch at a time, 36 and 23 MB. Each bound is
  # halfway between.
  check "lint's peak memory near validate's" [ "$lint_kib" -lt $((validate_kib + 46 * 1024)) ]
  check "log's peak memory near validate's" [ "$log_kib" -lt $((validate_kib + 33 * 1024)) ]
fi

run lint --today 2026-12-01
check "lint: exit code" code_is 0
check "lint: the findings as before" [ "$out" = "$(cat "$expected/lint_linear.txt")" ]
"$bin" lint --today 2026-12-01 --format json >"$work/out" 2>&1
same "lint json, warm cache" "$work/out" 29c81452d81ff5acd279f7cc3f9c5a2b8e9f59a07b20242e9e9a070aa6382129
"$bin" log handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "log text" "$work/out" 7a49582d581fd7c4741613f444d16a65d92a5a186178a1d8ef3f9b6a169a5826
"$bin" log --format json handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "log json" "$work/out" 875dcea8d4f36e1f2ffc85400029e71badaa777bedd53149aa28059eaed4bd30
"$bin" log --format json styrgrupp-nassjo-2025-12-11 >"$work/out" 2>&1
same "log of a meeting" "$work/out" e0739415246ad8e1007c1f188457c221a2d293984fab2d1919a645954df26765

cd "$merges"
run lint --today 2026-12-01
check "merges: lint exit code" code_is 0
check "merges: the findings as before" [ "$out" = "$(cat "$expected/lint_merges.txt")" ]
"$bin" lint --today 2026-12-01 --format json >"$work/out" 2>&1
same "merges: lint json" "$work/out" 3efda37575bfefe2a19a5c0c715c89666fd719d0b32fb3b3d4fed55ec864d3fb
"$bin" log handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "merges: log text" "$work/out" bca122bc0b59a5624e1b04c6301a5d3bb677ab4f30517370463c3c8999764746
"$bin" log --format json handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "merges: log json" "$work/out" 59fc780c7f39702ec5fabd144abca2bf13335b762a7042f3cb0a2309ea4a218e
finish
