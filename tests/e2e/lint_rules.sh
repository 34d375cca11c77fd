#!/usr/bin/env bash
# `samverkan rules` lists every rule (id, default severity, one line) and
# `samverkan rules ID` explains one, in the configured language, inside a
# repository or outside one; an unknown id gets a "did you mean".
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "$*" >&2; exit 1; }
unset SAMVERKAN_LANG
cd "$tmp"  # not a repository

"$bin" rules >list.sv
grep -qE '^activity-without-owner +fel +en aktivitet utan ägare$' list.sv || fail "$(cat list.sv)"
grep -qE '^goal-not-measurable +varning +' list.sv
grep -qE '^unused-suppression +info +' list.sv
cut -d" " -f1 list.sv | LC_ALL=C sort -c || fail "not sorted by id"
# (Output to a file first: `grep -q` leaving early must not break the pipe under pipefail.)
"$bin" --lang en rules >list.en && grep -qE '^activity-without-owner +error +an activity without an owner$' list.en
SAMVERKAN_LANG=en "$bin" rules >list.env && grep -q 'an activity without an owner' list.env

"$bin" rules activity-without-owner >one.sv
head -n 2 one.sv | diff - <(printf 'activity-without-owner: en aktivitet utan ägare\nStandard: fel (`error`)\n')
grep -q '^Fel:$' one.sv && grep -q '^Rätt:$' one.sv

# In a repository whose language is English.
mkdir repo && printf 'name: x\nlanguage: en\n' >repo/samverkan.yaml
(cd repo && "$bin" rules goal-not-measurable) >one.en
grep -q '^Default: warning$' one.en && grep -q '^Passes:$' one.en || fail "$(cat one.en)"
(cd repo && "$bin" --lang sv rules goal-not-measurable) >one.sv2 && grep -q '^Standard: varning (`warning`)$' one.sv2

status=0
"$bin" rules goal-not-measureable >/dev/null 2>err || status=$?
[ "$status" = 2 ] || fail "an unknown id must exit 2, got $status"
grep -q 'det finns ingen regel `goal-not-measureable`' err
grep -q 'menade du `goal-not-measurable`?' err
echo "rules ok"
