#!/usr/bin/env bash
# A loop of 16 000 parents: the cycle check walked the chain from every
# member (minutes); now each organisation is walked past once.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
run_limit=20
hostile chain 4
run validate "$work/chain"
check "the loop is found once, within ${run_limit}s" eval '
  code_is 1 && has "1 error," && [ "$(grep -c "error\[parent-cycle\]" <<<"$out")" = 1 ]'
check "reported at its smallest member" has 'forms a cycle: org-000000-kommun → org-000001-kommun'
finish
