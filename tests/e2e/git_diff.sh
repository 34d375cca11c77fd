#!/usr/bin/env bash
# samverkan diff: a semantic diff per entity, as text, Markdown and JSON, in
# the words a coordinator reads, and --exit-code.
source "$(dirname "$0")/lib/git_fixture.bash"

mkdir -p "$WORK/repo" && cd "$WORK/repo" && git init -q -b main
make_data .
commit 2025-12-10 "Första versionen"

# Between two steering meetings: a target raised, an activity started and
# moved, a goal added, a decision added, an action added, a report written,
# an organisation removed from the data.
p=plans/plan-2026.yaml
sed -i 's/target: {value: 60, date: 2026-12-31}/target: {value: 65, date: 2026-12-31}/' $p
sed -i 's/    status: planned/    status: ongoing/; s/    due: 2026-06-30/    due: 2026-09-30/' $p
cat >>$p <<'Y'
Y
sed -i '/^activities:/i\  - id: g2\n    title: Kortare väntan\n    indicator: Dagar till första möte\n    target: {value: 21}' $p
m=meetings/styrgrupp-testby-2025-12-09.yaml
sed -i 's/      - Styrgruppen fastställer handlingsplan 2026./      - Styrgruppen fastställer handlingsplan 2026.\n      - Arbetsgruppen får i uppdrag att följa upp målen./' $m
sed -i 's/^minutes:/  - id: atg2\n    title: Boka planeringsdag\n    owner: forsakringskassan\nminutes:/' $m
mkdir -p reports && cat >reports/2026h1.yaml <<'Y'
kind: report
id: rapport-2026h1
collaboration: samverkan-testby
period: 2026H1
Y
"$BIN" validate >/dev/null || fail "the changed data must be valid: $("$BIN" validate)"

# Default: HEAD against the work tree.
out=$("$BIN" diff); code=$?
expect_code "diff" 0 $code
expect_contains "diff text" "$out" \
  "Ändringar från HEAD till arbetskatalogen" \
  "~ handlingsplan plan-2026 har ändrats (plans/plan-2026.yaml)" \
  "~ mål g1: målvärde: 60 % → 65 %" \
  "~ aktivitet a1: status: planerad → pågår" \
  "~ aktivitet a1: klart senast: 2026-06-30 → 2026-09-30" \
  "+ mål g2 har lagts till" \
  "~ möte styrgrupp-testby-2025-12-09 har ändrats" \
  "+ punkt §1 › beslut «Arbetsgruppen får i uppdrag att följa upp målen.» har lagts till" \
  "+ åtgärd atg2 har lagts till" \
  "+ rapport rapport-2026h1 har lagts till (reports/2026h1.yaml)" \
  "1 tillagda, 0 borttagna, 2 ändrade"
# A goal added is one line, not one per field; fields and values are in words.
expect_absent "diff text" "$out" "Kortare väntan" "g2 › " "target.value" "planned" "ongoing"
out=$("$BIN" --lang en diff)
expect_contains "diff text, English" "$out" "Changes from HEAD to the work tree" "goal g1: target: 60 % → 65 %" \
  "activity a1: status: planned → ongoing" "activity a1: due: 2026-06-30 → 2026-09-30" \
  "plan plan-2026 changed" "item §1 › decision «Arbetsgruppen får i uppdrag att följa upp målen.» added"

out=$("$BIN" diff --format md)
expect_contains "diff md" "$out" "### Ändringar från \`HEAD\` till arbetskatalogen" \
  "- **handlingsplan \`plan-2026\` har ändrats** — \`plans/plan-2026.yaml\`" \
  "  - mål g1: målvärde: 60 % → 65 %"

out=$("$BIN" diff --format json)
expect_contains "diff json" "$out" '"from": "HEAD"' '"to": null' '"id": "plan-2026"' '"type": "goal"' '"key": "g1"' \
  '"field": "target.value"' '"old": "60"' '"new": "65"' '"added": 1' '"changed": 2'

# Deterministic: the same diff twice is byte-identical.
[ "$("$BIN" diff --format json)" = "$out" ] || fail "diff json is not deterministic"

# --exit-code: 1 with changes, 0 without.
"$BIN" diff --exit-code >/dev/null; expect_code "--exit-code with changes" 1 $?
commit 2026-03-10 "Revidering efter styrgruppen"
"$BIN" diff --exit-code >/dev/null; expect_code "--exit-code, nothing changed" 0 $?
out=$("$BIN" diff HEAD HEAD --exit-code); expect_code "same revision" 0 $?
expect_contains "same revision" "$out" "Inga ändringar i datat."

# Two revisions, and REV1..REV2.
a=$("$BIN" diff HEAD~1 HEAD)
b=$("$BIN" diff HEAD~1..HEAD)
expect_contains "two revisions" "$a" "Ändringar från HEAD~1 till HEAD" "mål g1: målvärde: 60 % → 65 %"
[ "$a" = "$b" ] || fail "REV1 REV2 and REV1..REV2 differ"
out=$("$BIN" diff HEAD HEAD~1)
expect_contains "backwards" "$out" "mål g1: målvärde: 65 % → 60 %" "- rapport rapport-2026h1 har tagits bort" "- mål g2 har tagits bort"

# A measurement added says its value and date, in the goal's unit; a status
# removed is the default, said as such; an action's status is in words.
sed -i 's/    target: {value: 65, date: 2026-12-31}/    target: {value: 65, date: 2026-12-31}\n    measurements:\n      - {date: 2026-04-30, value: 52.5}/' $p
sed -i '/    status: ongoing/d' $p
sed -i 's/    owner: forsakringskassan/    owner: forsakringskassan\n    status: cancelled/' $m
"$BIN" validate >/dev/null || fail "the follow-up must be valid: $("$BIN" validate)"
out=$("$BIN" diff)
expect_contains "diff words" "$out" "+ mål g1 › mätning 2026-04-30 har lagts till: värde 52,5 %" \
  "~ aktivitet a1: status: pågår → planerad (standard)" "~ åtgärd atg2: status: öppen (standard) → avbruten"
out=$("$BIN" --lang en diff)
expect_contains "diff words, English" "$out" "+ goal g1 › measurement 2026-04-30 added: value 52.5 %" \
  "~ activity a1: status: ongoing → planned (default)" "~ action atg2: status: open (default) → cancelled"
out=$("$BIN" diff --format json)
expect_contains "diff json keeps YAML names" "$out" '"field": "status"' '"old": "ongoing"' '"new": null' '"new": "cancelled"'
git checkout -q .

# The log of one goal: a goal added after the plan was has no "plan added".
out=$("$BIN" log plan-2026#g2); expect_code "log of a goal added later" 0 $?
expect_contains "log of a goal added later" "$out" "handlingsplan plan-2026 › mål g2: 1 incheckning" \
  "Revidering efter styrgruppen" "+ mål g2 har lagts till"
expect_absent "log of a goal added later" "$out" "Första versionen" "mål g1"
out=$("$BIN" log plan-2026#g1)
expect_contains "log of a goal there from the start" "$out" "handlingsplan plan-2026 › mål g1: 2 incheckningar" \
  "~ mål g1: målvärde: 60 % → 65 %" "Första versionen" "+ handlingsplan plan-2026 har lagts till"
expect_absent "log of a goal there from the start" "$out" "aktivitet a1" "mål g2"

# An entity removed.
git rm -q organisations/forsakringskassan.yaml
out=$("$BIN" diff --exit-code); expect_code "removed" 1 $?
expect_contains "removed" "$out" "- organisation forsakringskassan har tagits bort (organisations/forsakringskassan.yaml)"

# A bare clone whose tree root is the samverkan root.
git clone -q --bare "$WORK/repo" "$WORK/repo.git"
out=$("$BIN" -C "$WORK/repo.git" validate --rev HEAD~1); expect_code "bare validate" 0 $?
expect_contains "bare validate" "$out" "inga fynd"
out=$("$BIN" -C "$WORK/repo.git" diff HEAD~1 HEAD); expect_code "bare diff" 0 $?
expect_contains "bare diff" "$out" "mål g1: målvärde: 60 % → 65 %"
out=$("$BIN" -C "$WORK/repo.git" log plan-2026); expect_code "bare log" 0 $?
expect_contains "bare log" "$out" "Revidering efter styrgruppen"
out=$("$BIN" -C "$WORK/repo.git" diff 2>&1); expect_code "bare diff without revisions" 2 $?
expect_contains "bare diff without revisions" "$out" "naket förråd"

# Errors exit 2.
out=$("$BIN" diff nosuch 2>&1); expect_code "unknown revision" 2 $?
expect_contains "unknown revision" "$out" "okänd revision \`nosuch\`"
out=$("$BIN" diff a b c 2>&1); expect_code "too many" 2 $?
mkdir -p "$WORK/plain" && make_data "$WORK/plain"
out=$("$BIN" -C "$WORK/plain" diff 2>&1); expect_code "not a repository" 2 $?
expect_contains "not a repository" "$out" "ligger inte i något git-förråd"
finish
