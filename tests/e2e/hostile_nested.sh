#!/usr/bin/env bash
# Did-you-mean for 4 000 activities naming unknown goals of a plan with 1 000:
# each was a scan of every goal (over a minute); now one index per plan.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
run_limit=20
hostile nested 4
run validate "$work/nested"
check "16 000 unknown goals, each with its suggestion, within ${run_limit}s" eval '
  code_is 1 && has "16000 errors" && [ "$(grep -c "did you mean \`g" <<<"$out")" = 16000 ]'
check "the suggestion is the goal one edit away" has 'did you mean `g7`?'
finish
