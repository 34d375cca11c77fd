#!/usr/bin/env bash
# Phone and print, checked as a reader sees them. Phone: every page of both
# example sites in headless Chromium at 390 px (phone_site.js) does not
# scroll sideways, breaks no word, date or "§ 1" inside, and has no table
# cell narrower than its longest word; every data cell carries its column's
# label for the stacked rows. Print: a report, a protokoll and a plan printed
# by the tool itself (render --format pdf) end no page with a heading or a
# caption, break no date or "§ 1" across lines and repeat no heading as a
# caption (print_check.py on pdftotext's text). Both checkers are first shown
# to catch a bad page. Needs chromium, pdftotext and puppeteer-core from
# .ci/install-deps (SAMVERKAN_TEST_TOOLS, default /opt/samverkan-test-tools).
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
tools=${SAMVERKAN_TEST_TOOLS:-/opt/samverkan-test-tools}
[ -d "$tools/node_modules/puppeteer-core" ] || { echo "FAIL: $tools/node_modules/puppeteer-core is missing: run .ci/install-deps"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "FAIL: chromium is missing: run .ci/install-deps"; exit 1; }
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext is missing (.ci/install-deps installs poppler-utils)"; exit 1; }

# The phone checker catches a table that wraps letter by letter and a page that scrolls sideways.
mkdir -p "$work/bad"
cat >"$work/bad/bad.html" <<'HTML'
<!DOCTYPE html><html lang="sv"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>x</title>
<style>td { overflow-wrap: anywhere; }</style></head><body>
<table><tr><td>Ansvarig</td><td>Målvärde</td><td>2026-12-31</td><td>Utveckling</td><td>Arbetsförmedlingen</td><td>Samordningsförbund</td><td>Försäkringskassan</td></tr></table>
<pre>a line far too long for a phone, and it does not wrap at all, so the page scrolls</pre></body></html>
HTML
out=$(timeout 300 node "$src/tests/e2e/phone_site.js" "$tools" "$work/bad" 2>&1)
code=$?
check "the phone check catches a page that scrolls sideways" eval 'code_is 1 && has "scrolls sideways"'
check "the phone check catches a word broken inside" has "is broken inside"
check "the phone check catches a cell narrower than its word" has "is narrower than its word"

for ex in hoglandet skaraborg; do
  run -C "$src/examples/$ex" render site --out "$work/$ex" --today 2026-10-15
  check "$ex: site renders" code_is 0
  n=$(ls "$work/$ex"/*.html | wc -l)
  out=$(timeout 900 node "$src/tests/e2e/phone_site.js" "$tools" "$work/$ex" 390 2>&1)
  code=$?
  check "$ex: every page ($n) at 390 px: no sideways scrolling, no broken word, no cell narrower than its word" \
    eval 'code_is 0 && has "phone: $n pages at 390px, 0 with problems"'
  echo "$out" | tail -1
  out=$(grep -ho '<td[^>]*>' "$work/$ex"/*.html | grep -v 'data-label=\|colspan=' | sort | uniq -c | head)
  check "$ex: every data cell carries its column's label" test -z "$out"
done

# The print checker catches an orphaned heading, a split date and a repeated caption.
cat >"$work/bad/print.html" <<'HTML'
<!DOCTYPE html><html lang="sv"><head><title>x</title><style>@page { size: A6; margin: 1cm; } h2 { break-before: auto; }
.fill { height: 8.2cm; } td { width: 2.6cm; overflow-wrap: anywhere; font-size: 14pt; }</style></head><body><main>
<div class="fill"></div><h2>Rubrik som blir ensam</h2><p style="break-before: page">Texten.</p>
<h2>Närvarande</h2><table><caption>Närvarande</caption><tr><td>2026-12-31</td></tr></table></main></body></html>
HTML
timeout 120 "${CHROMIUM:-/usr/bin/chromium}" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --user-data-dir="$work/profile" --print-to-pdf="$work/bad/print.pdf" "file://$work/bad/print.html" >/dev/null 2>&1
out=$(python3 "$src/tests/e2e/print_check.py" "$work/bad/print.html" "$work/bad/print.pdf" 2>&1)
code=$?
check "the print check catches an orphaned heading" eval 'code_is 1 && has "ends with the heading or caption \"Rubrik som blir ensam\""'
check "the print check catches a repeated caption" has 'the caption "Närvarande" repeats its heading'
check "the print check catches a date broken across lines" has "broken across lines"

cd "$src/examples/hoglandet" || exit 1
for doc in "report uppdrag-samverkan-nassjo --period 2026H1" "meeting styrgrupp-nassjo-2026-06-11" \
           "meeting styrgrupp-nassjo-2026-03-12" "plan handlingsplan-nassjo-2026"; do
  # shellcheck disable=SC2086
  set -- $doc
  run render $doc --today 2026-10-15 --format pdf --out "$work/$1.pdf"
  check "$doc --format pdf: exit 0" code_is 0
  # shellcheck disable=SC2086
  run render $doc --today 2026-10-15 --format html --out "$work/$1.html"
  out=$(python3 "$src/tests/e2e/print_check.py" "$work/$1.html" "$work/$1.pdf" 2>&1)
  code=$?
  check "$doc: printed, no page ends with a heading, no date or § broken, no repeated caption" code_is 0
  echo "$out" | tail -1
done
finish
