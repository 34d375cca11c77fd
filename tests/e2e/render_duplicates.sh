#!/usr/bin/env bash
# Entities sharing an id (an error validate reports) must not have two jobs
# write one page: the first by file, then position, has the page, the others
# are named on stderr, and the site is byte-identical from run to run.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
r="$work/repo"
new_repo "$r"
# Three organisations with one id: two in one file (the first of them wins
# over the second), one in a later file. Long pages, so that two jobs
# writing one file overlap.
services=$(for i in $(seq 400); do printf '  - Tjänst %s\n' "$i"; done)
printf 'kind: organisation\nid: dubbel\nname: Första\ntype: municipality\nservices:\n%s\n---\nkind: organisation\nid: dubbel\nname: Andra\ntype: municipality\nservices:\n%s\n' \
  "$services" "$services" >"$r/organisations/a.yaml"
printf 'kind: organisation\nid: dubbel\nname: Tredje\ntype: region\nservices:\n%s\n' "$services" >"$r/organisations/b.yaml"

for i in 1 2 3 4 5 6; do
  run render site "$r" --out "$work/site$i" --today 2026-05-20
  check "run $i: the site is written, the duplicates named on stderr" \
    eval 'code_is 0 && [ "$(grep -c "gets no page" <<<"$out")" = 2 ] && has "organisations/a.yaml:408:5" && has "organisations/b.yaml:2:5"'
  check "run $i: the page is the first declaration's, whole" eval '
    page=$work/site$i/organisation-dubbel.html
    grep -q "Första" "$page" && ! grep -qE "Andra|Tredje" "$page" && [ "$(grep -c "</html>" "$page")" = 1 ]'
  [ "$i" = 1 ] || check "run $i: byte-identical to the first" diff -r "$work/site1" "$work/site$i"
done
finish
