#!/usr/bin/env bash
# Shell completion (issue 15, item 4): bash's completion function driven for
# real (bash-completion's helpers loaded, COMP_WORDS/COMP_CWORD set, COMPREPLY
# read), the zsh and fish scripts parsed, and fish asked. The answers come
# from `samverkan __complete`, which reads the CLI11 definitions and the
# repository: commands, options, option values, rule ids, entity ids.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
mkdir -p "$work/bin" "$work/home"
ln -s "$bin" "$work/bin/samverkan"
export PATH=$work/bin:$PATH HOME=$work/home
"$bin" completion bash >"$work/samverkan.bash"
"$bin" completion zsh >"$work/_samverkan"
"$bin" completion fish >"$work/samverkan.fish"

# bash_complete WORD... : COMPREPLY for the command line of these words (the
# last one is being completed; "" for a new word), one per line, in $out.
# Readline splits at '=' (COMP_WORDBREAKS): `--format=js` is three words.
bash_complete() {
  out=$(bash -c '
    . /usr/share/bash-completion/bash_completion
    . "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
    COMP_LINE="$*"; COMP_LINE=${COMP_LINE// = /=}; COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _samverkan samverkan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$work/samverkan.bash" samverkan "$@" 2>&1)
}
only() { [ "$out" = "$1" ]; }
line() { grep -qxF -- "$1" <<<"$out"; }
no_line() { ! grep -qxF -- "$1" <<<"$out"; }

ex=$src/examples/hoglandet
cd "$ex" || exit 1

bash_complete ""
check "commands" eval 'line validate && line lint && line render && line log && line completion'
check "hidden commands are not offered" eval 'no_line __complete && no_line __man'
bash_complete ren
check "a command's prefix" only render
bash_complete render ""
check "render's subcommands" eval 'line site && line plan && line meeting && line calendar'
bash_complete render plan ""
plans=$(grep -rlx 'kind: plan' plans | xargs sed -n 's/^id: *//p' | sort -u)
check "render plan: the repository's plan ids" eval '[ -n "$plans" ] && [ "$out" = "$plans" ]'
meetings=$(grep -rlx 'kind: meeting' meetings | xargs sed -n 's/^id: *//p' | sort -u)
bash_complete render meeting ""
check "render meeting: the meeting ids" eval '[ -n "$meetings" ] && [ "$out" = "$meetings" ]'
first=$(head -1 <<<"$plans")
bash_complete render plan "${first:0:6}"
check "render plan: by prefix" eval 'line "$first" && ! grep -qv "^${first:0:6}" <<<"$out"'
bash_complete log ""
check "log: entity ids of every kind" eval 'line "$first" && line nassjo-kommun && line "$(head -1 <<<"$meetings")"'
cd "$work" || exit 1
bash_complete -C "$ex" log nass
check "log with -C: the ids of that repository" eval 'line nassjo-kommun'
bash_complete -C "$ex" render plan ""
check "-C DIR: render plan's ids there" eval '[ "$out" = "$plans" ]'
bash_complete log ""
check "outside a repository: no ids, no error" eval '[ -z "$out" ]'

bash_complete lint --format ""
check "lint --format: the formats" eval 'line text && line json && line sarif && line junit && line github'
bash_complete lint --format = js
check "lint --format=js: json (readline's '=' word)" only json
bash_complete validate --format ""
check "validate --format: its own formats" eval 'line json && no_line sarif'
bash_complete lint --fail-on w
check "lint --fail-on: severities" only warning
bash_complete --color ""
check "--color: its values" eval 'line auto && line always && line never'
bash_complete --lang ""
check "--lang: the languages" eval 'line sv && line en'
bash_complete lint --lang e
check "--lang after the command (falls through)" only en
bash_complete lint --select activity-without-o
check "--select: a rule id" only activity-without-owner
bash_complete lint --select goal-not-measurable,activity-without-o
check "--select: the item after a comma" only goal-not-measurable,activity-without-owner
bash_complete rules forum-m
check "rules ID: rule ids" only forum-meets-cadence
bash_complete rules reference-unk
check "rules ID: validation codes too" only reference-unknown
bash_complete validate --st
check "an option's prefix" only --staged
bash_complete --la
check "a global option" only --lang
bash_complete lint --
check "options of the command and the global ones" eval 'line --select && line --fail-on && line --lang && line --help'
check "hidden options are not offered" eval 'no_line --markdown'
bash_complete completion ""
check "completion: the shells" eval '[ "$out" = "$(printf "bash\nfish\nzsh")" ] || [ "$out" = "$(printf "bash\nzsh\nfish")" ]'
touch "$work/baseline-a.json" "$work/baseline-b.json"
bash_complete lint --baseline base
check "a FILE value: the shell's file names" eval 'line baseline-a.json && line baseline-b.json'
mkdir -p "$work/site-out"
bash_complete render site --out sit
check "a DIR value: directories" eval 'line site-out'
bash_complete lint --today ""
check "a date: nothing offered" eval '[ -z "$out" ]'

# A broken repository: completion answers (nothing, or what did load) and
# never fails.
mkdir -p "$work/broken/plans"
printf 'name: [unclosed\n' >"$work/broken/samverkan.yaml"
printf 'kind: plan\nid: p1\n: : :\n\t- x\n' >"$work/broken/plans/a.yaml"
head -c 3000 /dev/urandom >"$work/broken/plans/b.yaml"
cd "$work/broken" || exit 1
bash_complete render plan ""
check "a broken repository: no error" eval '! grep -qi "error\|fel" <<<"$out"'
run __complete bash -- render plan ""
check "__complete on a broken repository exits 0" code_is 0
cd "$work" || exit 1
run -C /nonexistent __complete bash -- log ""
check "__complete with a missing -C directory: exit 2, as every command" code_is 2
run __complete bash -- -C /nonexistent log ""
check "__complete with a missing -C inside the words: exit 0" code_is 0

# Fast: the hidden command on the example, all of it in well under a second
# on a warm cache (a generous limit, not a timing assertion).
start=$(date +%s%N)
for _ in 1 2 3 4 5; do "$bin" -C "$ex" __complete bash -- log "" >/dev/null; done
ms=$(( ($(date +%s%N) - start) / 5000000 ))
echo "__complete log on the example: ${ms} ms per call"
check "__complete is fast (< 2 s a call)" eval '[ "$ms" -lt 2000 ]'

# zsh and fish: the scripts parse, and fish answers.
check "zsh -n parses _samverkan" zsh -n "$work/_samverkan"
check "fish -n parses samverkan.fish" fish -n "$work/samverkan.fish"
out=$(cd "$ex" && fish -N -c "source $work/samverkan.fish; complete -C 'samverkan ren'" 2>&1)
check "fish: samverkan ren → render" eval 'grep -q "^render" <<<"$out"'
out=$(cd "$ex" && fish -N -c "source $work/samverkan.fish; complete -C 'samverkan render plan '" 2>&1)
check "fish: render plan → the plan ids" eval '[ "$(cut -f1 <<<"$out" | sort)" = "$plans" ]'
out=$(cd "$ex" && fish -N -c "source $work/samverkan.fish; complete -C 'samverkan lint --fail-on '" 2>&1)
check "fish: --fail-on values" eval 'grep -qx warning <<<"$out"'
run __complete zsh -- rules forum-m
check "zsh answers value:description" eval 'grep -q "^forum-meets-cadence:." <<<"$out"'
run __complete zsh -- ""
check "zsh: words first" eval '[ "$(head -1 <<<"$out")" = words ]'

# The scripts are what the build installs.
gen=$(dirname "$bin")/generated/completions
if [ -d "$gen" ]; then
  check "the built bash script is the command's" cmp -s "$gen/samverkan.bash" "$work/samverkan.bash"
fi
finish
