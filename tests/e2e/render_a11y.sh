#!/usr/bin/env bash
# The rendered sites pass axe-core (WCAG 2.1 A/AA and best practices) in
# headless Chromium on every page, make no network request, and the calendar
# parses with ical.js. Needs /usr/bin/chromium and the npm tools that
# .ci/install-deps installs (SAMVERKAN_TEST_TOOLS, default
# /opt/samverkan-test-tools); missing tools fail the test.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
tools=${SAMVERKAN_TEST_TOOLS:-/opt/samverkan-test-tools}
for m in axe-core puppeteer-core ical.js; do
  [ -d "$tools/node_modules/$m" ] || { echo "FAIL: $tools/node_modules/$m is missing: run .ci/install-deps"; exit 1; }
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "FAIL: chromium is missing: run .ci/install-deps"; exit 1; }

# The checker itself must catch a violation, or a pass means nothing.
mkdir -p "$work/bad"
printf '<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"><p style="color:#ccc">low</p></body></html>' \
  >"$work/bad/bad.html"
out=$(timeout 300 node "$src/tests/e2e/axe_site.js" "$tools" "$work/bad" 2>&1)
code=$?
check "axe finds the violations of a bad page" eval 'code_is 1 && has "image-alt" && has "html-has-lang"'

cases=("tests/render/fixture-repo 2026-05-20")
for ex in "$src"/examples/*/; do cases+=("examples/$(basename "$ex") 2026-10-15"); done
for case in "${cases[@]}"; do
  set -- $case
  name=$(basename "$1")
  run -C "$src/$1" render site --out "$work/$name" --today "$2"
  check "$1: site renders" code_is 0
  out=$(timeout 900 node "$src/tests/e2e/axe_site.js" "$tools" "$work/$name" 2>&1)
  code=$?
  check "$1: axe finds no violation on any page" code_is 0
  echo "$out" | tail -1
  out=$(node "$src/tests/e2e/ics_check.js" "$tools" "$work/$name/samverkan.ics" 2>&1)
  code=$?
  check "$1: the calendar parses with ical.js and is well-formed" code_is 0
  n=$(grep -c '^BEGIN:VEVENT' "$work/$name/samverkan.ics")
  check "$1: ical.js sees every event ($n)" has "events: $n"
done
check "a meeting with a time is in Stockholm time, with its place" \
  eval 'grep -q "^DTSTART;TZID=Europe/Stockholm:20260312T130000" "$work/fixture-repo/samverkan.ics" &&
        grep -q "^LOCATION:Stadshuset\\\\; rum 3\\\\, plan 2" "$work/fixture-repo/samverkan.ics"'
out=$(node "$src/tests/e2e/ics_check.js" "$tools" "$work/fixture-repo/samverkan.ics" 2>&1)
check "ical.js reads the obligations as recurring events" has "obligation-planeringsdag@samverkan 2026-01-31 (recurring)"
finish
