#!/usr/bin/env bash
# Did-you-mean for 12 000 unknown attendees among 3 000 organisations: each
# was an edit-distance scan of every id (over a minute); from an index made
# once, about a second. Timings at 1×, 2×, 4×: bench/hostile.sh.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
run_limit=20
hostile suggest 3
run validate "$work/suggest"
check "12 000 unknown attendees, each with its suggestion, within ${run_limit}s" eval '
  code_is 1 && has "12000 errors" && [ "$(grep -c "did you mean \`org-" <<<"$out")" = 12000 ]'
check "the suggestion is the id one edit away" has 'did you mean `org-000007-kommun`?'
finish
