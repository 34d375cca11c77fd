#!/usr/bin/env bash
# One 220 KB line with 20 000 unknown references: every finding's column,
# excerpt and caret re-scanned the line (well over a minute); now each line
# is counted and prepared once.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
run_limit=20
hostile line 1
run validate "$work/line"
check "20 000 findings on one line, within ${run_limit}s" eval 'code_is 1 && has "20000 errors"'
check "a finding far along the line has its column and a window of the line" eval '
  has "meetings/m.yaml:8:220001: error[reference-unknown]: \`xx0019999\` does not exist" &&
  has "8 | …993, xx0019994, xx0019995, xx0019996, xx0019997, xx0019998, xx0019999]"'
finish
