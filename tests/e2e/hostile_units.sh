#!/usr/bin/env bash
# lint over a chain of 8 000 units with 24 000 attendees and 8 000 activity
# owners near its bottom: each asked for the chain's top walked it (over two
# minutes); now the chains are walked once for all.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
run_limit=20
hostile units 8
run lint "$work/units" --today 2026-06-01 --select party-absent-repeatedly,activity-owner-not-party,party-missing-from-steering
check "lint is done within ${run_limit}s" code_is 0
check "owners under the party are its units: no activity-owner-not-party" eval '! has "activity-owner-not-party"'
check "attendees from units count for their party: only the other party is absent" eval '
  [ "$(grep -c "warning\[party-absent-repeatedly\]" <<<"$out")" = 1 ] && has "Other (other) has had no one"'
check "the chain reaches the party: it is in the steering group" eval '! has "party-missing-from-steering"'
finish
