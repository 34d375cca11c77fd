#!/usr/bin/env bash
# Documents about the past are frozen: a report as of its period's end, a
# protokoll as of its meeting, byte for byte whatever later --today renders
# them; the live pages keep today. Single documents link only to what exists
# (or to --base-url); the calendar carries planned meetings as tentative events.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
ex=$src/examples/hoglandet

# render_twice NAME ARGS...: the document under two later --today values.
render_twice() {
  local name=$1
  shift
  "$bin" -C "$ex" render "$@" --today 2026-10-15 >"$work/$name.a" 2>&1
  "$bin" -C "$ex" render "$@" --today 2031-02-28 >"$work/$name.b" 2>&1
  out=$(diff "$work/$name.a" "$work/$name.b")
}
for fmt in md html; do
  render_twice "report-$fmt" report uppdrag-samverkan-nassjo --period 2026H1 --format "$fmt"
  check "the H1 report ($fmt) is byte-identical under --today 2026-10-15 and 2031-02-28" eval '[ -z "$out" ] && [ -s "$work/report-$fmt.a" ]'
  render_twice "year-$fmt" report samverk-hoglandet --period 2025 --format "$fmt"
  check "the 2025 annual report ($fmt) is byte-identical too" eval '[ -z "$out" ] && [ -s "$work/year-$fmt.a" ]'
  render_twice "meeting-$fmt" meeting styrgrupp-nassjo-2026-03-12 --format "$fmt"
  check "the March protokoll ($fmt) is byte-identical under two later --today" eval '[ -z "$out" ] && [ -s "$work/meeting-$fmt.a" ]'
done
out=$(cat "$work/report-html.a")
check "the report's footer and status line are as of the period's end" eval 'has "Status per 2026-06-30." && ! has "2026-10-15" && ! has "2031-02-28"'
check "the report's title is in words" eval 'has "<h1>Halvårsrapport januari–juni 2026</h1>"'
nb=$'\u00a0'  # numbers and amounts never break: 72 000 kr
check "the report shows money per plan and per party, with spent" eval 'has "Summa per handlingsplan" && has "Summa per part (ägare)" && has "72${nb}000${nb}kr" && has "205${nb}000${nb}kr"'
check "the report leaves the agenda's formalities out" eval '! has "Dagordningen fastställdes." && has "Styrgruppen fastställer mallen"'
check "the report has a place-and-date line and a signature block" eval 'has "Ort och datum" && has "Till: Förbundschef"'
out=$(cat "$work/meeting-html.a")
check "the protokoll's footer is as of its meeting" eval 'has "Status per 2026-03-12." && ! has "Status i dag"'
# An action done after the meeting is open in the protokoll ("as recorded").
"$bin" -C "$ex" render meeting styrgrupp-nassjo-2026-06-11 --today 2026-10-15 >"$work/june.md"
out=$(cat "$work/june.md")
check "a June action done in August is open in the June protokoll" eval 'has "Status vid mötet" && ! has "klar 2026-08"'

# The live site: the meeting page adds today's status, labelled; the report page stays frozen.
"$bin" -C "$ex" render site --out "$work/site-a" --today 2026-10-15 >/dev/null 2>&1
"$bin" -C "$ex" render site --out "$work/site-b" --today 2031-02-28 >/dev/null 2>&1
out=$(diff "$work/site-a/report-halvarsrapport-nassjo-2026h1.html" "$work/site-b/report-halvarsrapport-nassjo-2026h1.html")
check "the report page of the site is the same under two later --today" eval '[ -z "$out" ]'
out=$(cat "$work/site-a/meeting-styrgrupp-nassjo-2026-06-11.html")
check "the site's meeting page labels the current status 'i dag'" eval 'has "Status i dag (2026-10-15)" && has "Status vid mötet"'
out=$(diff "$work/site-a/index.html" "$work/site-b/index.html")
check "the index is live: it changes with --today" eval '[ -n "$out" ]'
out=$(cat "$work/site-a/plan-handlingsplan-nassjo-2026.html")
check "the plan page gives goals and activities anchors" eval 'has "id=\"goal-m4\"" && has "id=\"activity-a2\""'
out=$(cat "$work/site-a/meeting-styrgrupp-nassjo-2026-03-12.html")
check "meeting refs are titles linked to the goal's or activity's anchor" eval 'has "<a href=\"plan-handlingsplan-nassjo-2026.html#activity-a1\">Jämställdhetsanalys av parternas insatser (Handlingsplan 2026 – Uppdrag Samverkan Nässjö)</a>"'
for f in "$work"/site-a/*.html; do
  grep -o 'href="[^"#]*\.html' "$f" | sed 's/href="//' | while read -r page; do
    [ -e "$work/site-a/$page" ] || echo "$(basename "$f") -> $page"
  done
done >"$work/dangling"
out=$(cat "$work/dangling")
check "every link of the site leads to a page of it" eval '[ -z "$out" ]'

# Single documents link only to what exists, or to --base-url.
out=$(cat "$work/meeting-md.a" "$work/report-md.a")
check "a single Markdown document links to no .html page" eval '! grep -q "\.html" <<<"$out"'
run -C "$ex" render meeting styrgrupp-nassjo-2026-03-12 --today 2026-10-15 --base-url https://samverkan.example.se/site
check "with --base-url, links go to the published site, anchors too" eval 'code_is 0 && has "(https://samverkan.example.se/site/plan-handlingsplan-nassjo-2026.html#activity-a1)" && ! grep -q "](meeting-\|](plan-\|](organisation-" <<<"$out"'

# The calendar: planned meetings as tentative events with stable UIDs.
"$bin" -C "$ex" render calendar --today 2026-10-15 >"$work/a.ics"
"$bin" -C "$ex" render calendar --today 2026-10-15 >"$work/b.ics"
out=$(cat "$work/a.ics")
check "the calendar carries a planned meeting as a tentative event" eval 'has "STATUS:TENTATIVE" && grep -q "^UID:planned-styrgrupp-nassjo-2026" <<<"$out"'
check "the calendar is the same twice" eval 'cmp -s "$work/a.ics" "$work/b.ics"'
finish
