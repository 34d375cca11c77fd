#!/usr/bin/env bash
# The man pages (issue 15, item 5): samverkan(1) and one per command, made by
# `samverkan __man` from the command line's definitions, in English and in
# Swedish; every page passes `mandoc -T lint` without a warning, man renders
# it, and every command (and every option of it) is on its page.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
export LC_ALL=C.UTF-8  # man renders the Swedish pages' letters
run __man "$work/en/man1" --lang en
check "__man en: exit 0" code_is 0
run __man "$work/sv/man1" --lang sv
check "__man sv: exit 0" code_is 0
commands=$("$bin" --lang en --help | sed -n '/^Commands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}')
check "the help lists the commands" eval '[ -n "$commands" ]'
for lang in en sv; do
  for cmd in "" $commands; do
    page=$work/$lang/man1/samverkan${cmd:+-$cmd}.1
    check "$lang: $(basename "$page") exists" test -s "$page"
  done
  n=$(ls "$work/$lang/man1" | wc -l)
  expected=$(( $(wc -w <<<"$commands") + 1 ))
  check "$lang: one page per command and samverkan(1), no more ($n)" eval '[ "$n" = "$expected" ]'
  out=$(mandoc -T lint -W warning "$work/$lang/man1"/*.1 2>&1)
  check "$lang: mandoc -T lint: no warning" eval '[ -z "$out" ]'
  out=$(groff -ww -z -man "$work/$lang/man1"/*.1 2>&1)
  check "$lang: groff -ww: no warning" eval '[ -z "$out" ]'
done
out=$(MANWIDTH=80 man -l "$work/en/man1/samverkan-lint.1" 2>&1)
check "man -l renders samverkan-lint(1)" eval 'has "SYNOPSIS" && has "samverkan lint" && has "--fail-on" && has "--select"'
check "its options' values" eval 'has "{error,warning,info}"'
check "its description from the catalogue" eval 'has "rules of good samverkan"'
out=$(MANWIDTH=80 man -l "$work/sv/man1/samverkan-lint.1" 2>&1)
check "the Swedish page: Swedish headings and text" eval 'has "BESKRIVNING" && has "FLAGGOR" && has "reglerna för god samverkan"'
out=$(MANWIDTH=80 man -l "$work/en/man1/samverkan.1" 2>&1)
check "samverkan(1): every command, the global options, exit status, environment" eval \
  'for c in $commands; do has "samverkan-$c(1)" || exit 1; done; has "--lang" && has "EXIT STATUS" && has "SAMVERKAN_LANG"'
check "no hidden command on any page" eval '! grep -l "__complete\|__man" "$work"/*/man1/*.1 >/dev/null'
out=$(MANWIDTH=80 man -l "$work/en/man1/samverkan-render.1" 2>&1)
check "samverkan-render(1): its subcommands" eval 'has "samverkan render plan" && has "samverkan render site" && has "--period"'
# Every option of every command is on the command's page.
for cmd in $commands; do
  opts=$("$bin" --lang en "$cmd" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
  page=$(MANWIDTH=200 man -l "$work/en/man1/samverkan-$cmd.1" 2>/dev/null)
  missing=$(for o in $opts; do grep -qF -- "$o" <<<"$page" || echo "$o"; done)
  out=$missing
  check "samverkan-$cmd(1) names every option of its --help" eval '[ -z "$missing" ]'
done
# Same input, same output: no date of the build in the pages.
run __man "$work/again" --lang en
check "made again: byte for byte the same" diff -r "$work/en/man1" "$work/again"
# The build made the same pages it installs.
gen=$(dirname "$bin")/generated/man
if [ -d "$gen" ]; then
  check "the built pages are __man's" diff -r "$gen/en/man1" "$work/en/man1"
fi
finish
