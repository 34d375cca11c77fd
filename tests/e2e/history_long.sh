#!/usr/bin/env bash
# A long history (bench/gen_history.py, via git fast-import): lint's peak
# memory stays near validate's however many commits there are (the history is
# walked a batch of commits at a time, issue 14), and lint and log say
# exactly what they said when the whole history was held at once (the
# expected outputs were made by that code; recorded again when the words of
# the messages changed, issue 13, after checking that every finding's code,
# place, entity and number of notes stayed the same).
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
  # validate here; asking only what is needed (issue 14), 15 and 17 MB. Each
  # bound is about halfway between.
  check "lint's peak memory near validate's" [ "$lint_kib" -lt $((validate_kib + 36 * 1024)) ]
  check "log's peak memory near validate's" [ "$log_kib" -lt $((validate_kib + 30 * 1024)) ]
fi

run lint --today 2026-12-01
check "lint: exit code" code_is 0
check "lint: the findings as before" [ "$out" = "$(cat "$expected/lint_linear.txt")" ]
"$bin" lint --today 2026-12-01 --format json >"$work/out" 2>&1
same "lint json, warm cache" "$work/out" 5e29f145b70df1ffac34e7d9aa7eaea50c841504928bd52c1fab567aa433b440
"$bin" log handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "log text" "$work/out" ac97141ac213faeb2b819a9215c2089c6c1cc97f7ca86094a2ca39f50a4e84da
"$bin" log --format json handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "log json" "$work/out" 987bc7289c9658d3398330ad8bdb91db9e05d33a48072c13104396d5e51fe383
"$bin" log --format json styrgrupp-nassjo-2025-12-11 >"$work/out" 2>&1
same "log of a meeting" "$work/out" 1b2a88f761cbf976b8abb47281d4f182f56f26eace3aa675a052221bb3fd884b

# Progress on a terminal only: a line rewritten in place and cleared, never
# in a pipe or with CI set.
if command -v script >/dev/null; then
  tty_out=$(env -u CI script -qec "\"$bin\" log handlingsplan-nassjo-2026 >/dev/null" /dev/null 2>&1)
  check "progress on a terminal" grep -q "läser historiken: [0-9]* incheckningar" <<<"$tty_out"
  check "progress line cleared" grep -q $'\r\033\[K$' <<<"$(tr -d '\n' <<<"$tty_out")"
  ci_out=$(CI=true script -qec "\"$bin\" log handlingsplan-nassjo-2026 >/dev/null" /dev/null 2>&1)
  check "no progress with CI set" bash -c '! grep -q "läser historiken" <<<"$1"' _ "$ci_out"
fi
"$bin" log handlingsplan-nassjo-2026 2>"$work/err" >/dev/null
check "no progress in a pipe" [ ! -s "$work/err" ]

cd "$merges"
run lint --today 2026-12-01
check "merges: lint exit code" code_is 0
check "merges: the findings as before" [ "$out" = "$(cat "$expected/lint_merges.txt")" ]
"$bin" lint --today 2026-12-01 --format json >"$work/out" 2>&1
same "merges: lint json" "$work/out" 3105d4338113c89d4fa0f179c3e0136b369f48362e08b37ea7fd9d7c631956b2
"$bin" log handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "merges: log text" "$work/out" af8919ba2cbf9e8f8b5f5e44520de4e4a66ff58981ec61b8c29a3c87a7d08313
"$bin" log --format json handlingsplan-nassjo-2026 >"$work/out" 2>&1
same "merges: log json" "$work/out" 26cde97fb039d71492a5f151f99bccecf186ae531a2b5e72e6d52b4c7590b074
finish
