#!/usr/bin/env bash
# The history of each entity: samverkan log, the history rules
# (plan-changed-after-approval, minutes-changed-after-approval), a shallow
# clone, and lint --changed-since.
source "$(dirname "$0")/lib/git_fixture.bash"

mkdir -p "$WORK/repo" && cd "$WORK/repo" && git init -q -b main
make_data .
commit 2025-12-10 "Första versionen"
p=plans/plan-2026.yaml
m=meetings/styrgrupp-testby-2025-12-09.yaml
lint() { "$BIN" lint --today 2026-05-01 "$@"; }

# Follow-up after approval is not a change of the plan: a measurement, an
# activity's status. The action list of approved minutes is followed up too.
sed -i 's/    target: {value: 60, date: 2026-12-31}/    target: {value: 60, date: 2026-12-31}\n    measurements:\n      - {date: 2026-02-28, value: 44}/' $p
sed -i 's/    status: planned/    status: ongoing/' $p
sed -i 's/    due: 2025-12-20/    due: 2025-12-20\n    status: done\n    completed: 2025-12-18/' $m
commit 2026-03-01 "Uppföljning" "Bo Berg"
out=$(lint); code=$?
expect_code "follow-up only" 0 $code
expect_contains "follow-up only" "$out" "inga fynd"

# A goal edited after approval is caught; so are reworded minutes.
sed -i 's/target: {value: 60, date: 2026-12-31}/target: {value: 65, date: 2026-12-31}/' $p
sed -i 's/      - Styrgruppen fastställer handlingsplan 2026./      - Styrgruppen fastställer handlingsplan 2026 med ändringar./' $m
commit 2026-03-02 "Höj målet för g1" "Cecilia Ek"
out=$(lint); code=$?
expect_code "changed after approval: warnings only" 0 $code
expect_contains "plan changed after approval" "$out" \
  "plans/plan-2026.yaml:9:9: varning[plan-changed-after-approval]: handlingsplanen \`plan-2026\` fastställdes 2025-12-09, men dess mål eller aktiviteter har ändrats efteråt, senast 2026-03-02" \
  "(Cecilia Ek): mål g1" \
  "samverkan log plan-2026"
expect_contains "minutes changed after approval" "$out" \
  "varning[minutes-changed-after-approval]: protokollet för \`styrgrupp-testby-2025-12-09\` justerades 2025-12-12, men har ändrats efteråt, senast 2026-03-02" \
  "(Cecilia Ek): punkter §1"
expect_absent "follow-up is not a change" "$out" "Bo Berg"
# Commits after today do not count: on 2026-03-01 nothing had changed yet.
out=$("$BIN" lint --today 2026-03-01)
expect_absent "before the change" "$out" "changed-after-approval"
out=$(lint --lang en --format json)
expect_contains "json" "$out" '"code": "plan-changed-after-approval"' '"entity": "plan-2026"' '"code": "minutes-changed-after-approval"'

# plan-outdated: where `revised` is missing, the newest commit that changed
# the plan (up to today) counts as its revision.
printf 'name: Samverkan Testby\nrules:\n  plan-outdated: {max_age_days: 60}\n' >samverkan.yaml
out=$("$BIN" lint --today 2026-03-20 --select plan-outdated)
expect_contains "plan-outdated with history" "$out" "inga fynd"
mkdir -p "$WORK/copy" && cp -r . "$WORK/copy" && rm -rf "$WORK/copy/.git"
out=$("$BIN" -C "$WORK/copy" lint --today 2026-03-20 --select plan-outdated)
expect_contains "plan-outdated without history" "$out" "varning[plan-outdated]" "2025-12-09, för 101 dagar sedan"
# On 2026-02-27 the newest change was the first commit, a day after the approval.
out=$("$BIN" lint --today 2026-02-27 --select plan-outdated)
expect_contains "plan-outdated: later commits do not count" "$out" "reviderades senast 2025-12-10, för 79 dagar sedan"
git checkout -q samverkan.yaml

# The log: newest first, with dates, authors and what changed.
out=$("$BIN" log plan-2026); code=$?
expect_code "log" 0 $code
expect_contains "log" "$out" "handlingsplan plan-2026: 3 incheckningar" \
  "2026-03-02 Cecilia Ek: Höj målet för g1" "~ mål g1: målvärde: 60 % → 65 %" \
  "2026-03-01 Bo Berg: Uppföljning" "+ mål g1 › mätning 2026-02-28 har lagts till: värde 44 %" "~ aktivitet a1: status: planerad → pågår" \
  "2025-12-10 Anna Andersson: Första versionen" "+ handlingsplan plan-2026 har lagts till"
[ "$(grep -n 'Cecilia' <<<"$out" | cut -d: -f1)" -lt "$(grep -n 'Första' <<<"$out" | cut -d: -f1)" ] || fail "log is not newest first"
out=$("$BIN" --lang en log plan-2026 --format json)
expect_contains "log json" "$out" '"entity": "plan-2026"' '"date": "2026-03-02"' '"author": "Cecilia Ek"' '"field": "target.value"' '"old": "60"' '"new": "65"'
# -n/--max-count and --since, as git log takes them.
out=$("$BIN" log plan-2026 -n 1); expect_code "log -n 1" 0 $?
expect_contains "log -n 1" "$out" "handlingsplan plan-2026: 1 incheckning" "Höj målet för g1"
expect_absent "log -n 1" "$out" "Uppföljning" "Första versionen"
out=$("$BIN" log plan-2026 --since 2026-03-01)
expect_contains "log --since" "$out" "2 incheckningar" "Höj målet för g1" "Uppföljning"
expect_absent "log --since" "$out" "Första versionen"
out=$("$BIN" log plan-2026 --since 2027-01-01); expect_code "log --since, nothing after" 0 $?
out=$("$BIN" log plan-2026 --since 2026-13-01 2>&1); expect_code "log --since, bad date" 2 $?
expect_contains "log --since, bad date" "$out" "2026-13-01"
out=$("$BIN" log plan-2026 -n x 2>&1); expect_code "log -n x" 2 $?
out=$("$BIN" log plan-2026 -n -1 2>&1); expect_code "log -n -1" 2 $?
expect_contains "log -n -1" "$out" "inget antal"
out=$("$BIN" log plan-2025 2>&1); expect_code "log unknown id" 2 $?
expect_contains "log unknown id" "$out" "plan-2025" "menade du \`plan-2026\`?"

# The log of one goal, one activity, one action: only their commits and changes.
out=$("$BIN" log plan-2026#g1); expect_code "log of a goal" 0 $?
expect_contains "log of a goal" "$out" "handlingsplan plan-2026 › mål g1: 3 incheckningar" \
  "2026-03-02 Cecilia Ek: Höj målet för g1" "~ mål g1: målvärde: 60 % → 65 %" \
  "2026-03-01 Bo Berg: Uppföljning" "+ mål g1 › mätning 2026-02-28 har lagts till: värde 44 %" \
  "2025-12-10 Anna Andersson: Första versionen" "+ handlingsplan plan-2026 har lagts till"
expect_absent "log of a goal" "$out" "aktivitet a1"
out=$("$BIN" log plan-2026#a1); expect_code "log of an activity" 0 $?
expect_contains "log of an activity" "$out" "handlingsplan plan-2026 › aktivitet a1: 2 incheckningar" \
  "2026-03-01 Bo Berg: Uppföljning" "~ aktivitet a1: status: planerad → pågår" "Första versionen"
expect_absent "log of an activity" "$out" "Cecilia Ek" "mål g1"
out=$("$BIN" log styrgrupp-testby-2025-12-09#atg1); expect_code "log of an action" 0 $?
expect_contains "log of an action" "$out" "möte styrgrupp-testby-2025-12-09 › åtgärd atg1: 2 incheckningar" \
  "~ åtgärd atg1: status: öppen (standard) → klar" "~ åtgärd atg1: slutförd: – → 2025-12-18" "Första versionen"
expect_absent "log of an action" "$out" "Cecilia Ek" "beslut"
out=$("$BIN" --lang en log plan-2026#a1)
expect_contains "log of an activity, English" "$out" "plan plan-2026 › activity a1: 2 commits" "~ activity a1: status: planned → ongoing"
out=$("$BIN" log plan-2026#g1 --format json)
expect_contains "log of a goal, json" "$out" '"entity": "plan-2026"' '"type": "goal"' '"key": "g1"' '"field": "target.value"' \
  '"old": "60"' '"new": "65"'
expect_absent "log of a goal, json" "$out" '"key": "a1"'
out=$("$BIN" log plan-2026#g9 2>&1); expect_code "log unknown goal" 2 $?
expect_contains "log unknown goal" "$out" "\`plan-2026\` har inget mål, ingen aktivitet och ingen åtgärd med id \`g9\`" "menade du \`g1\`?"
out=$("$BIN" log plan-2025#g1 2>&1); expect_code "log unknown entity of a goal" 2 $?
expect_contains "log unknown entity of a goal" "$out" "menade du \`plan-2026\`?"

# The steering group approves the changed plan: the finding goes away.
sed -i 's/  date: 2025-12-09/  date: 2026-03-10/' $p
commit 2026-03-11 "Styrgruppen fastställde den reviderade planen"
out=$(lint)
expect_absent "re-approved" "$out" "plan-changed-after-approval"
expect_contains "re-approved" "$out" "minutes-changed-after-approval"

# A renamed file changes no entity; the log follows the plan to its old path.
git checkout -q -b moved
mkdir -p plans/2026 && git mv $p plans/2026/plan.yaml && commit 2026-03-12 "Ny mapp för planerna"
out=$("$BIN" log plan-2026)
expect_contains "log across a rename" "$out" "4 incheckningar" "Styrgruppen fastställde" "Höj målet för g1" "Första versionen"
expect_absent "log across a rename" "$out" "Ny mapp"
git checkout -q main && git branch -q -D moved

# A shallow clone: the history rules say so once; everything else works.
full=$(lint)
git clone -q --depth 1 "file://$WORK/repo" "$WORK/shallow"
out=$(cd "$WORK/shallow" && lint); code=$?
expect_code "shallow" 0 $code
[ "$(grep -c 'history-unavailable' <<<"$out")" = 1 ] || fail "shallow: history-unavailable must appear once: $out"
expect_contains "shallow" "$out" "info[history-unavailable]" "grund klon"
expect_absent "shallow" "$out" "changed-after-approval"
[ "$(grep -v 'history-unavailable\|changed-after\|^ \|^$\|info i\|^[0-9]* |' <<<"$out")" = "$(grep -v 'history-unavailable\|changed-after\|^ \|^$\|info i\|^[0-9]* |' <<<"$full")" ] ||
  fail "shallow: the other findings differ"
out=$(cd "$WORK/shallow" && "$BIN" validate --rev HEAD); expect_code "shallow validate --rev" 0 $?
out=$(cd "$WORK/shallow" && "$BIN" log plan-2026); expect_code "shallow log" 0 $?
expect_contains "shallow log" "$out" "historiken är avkortad"
# Not in git at all: the same, once.
mkdir -p "$WORK/plain" && make_data "$WORK/plain"
out=$("$BIN" -C "$WORK/plain" lint --today 2026-05-01)
[ "$(grep -c 'history-unavailable' <<<"$out")" = 1 ] || fail "not in git: history-unavailable must appear once: $out"
expect_contains "not in git" "$out" "förrådet ligger inte i git"

# lint --rev reads the history up to that revision.
out=$(lint --rev HEAD~1)
expect_contains "lint --rev" "$out" "plan-changed-after-approval"

# lint --changed-since: only the findings REV did not have (git_gate.sh has
# the pull-request cases). The history finding of the unchanged minutes is old
# at HEAD, and new since HEAD~3, when the minutes had not been changed yet.
base=$(git rev-parse HEAD)
sed -i 's/    owner: testby-kommun/    owner: testby-kommunn/' $p                  # a changed entity
printf 'kind: forum\nid: arbetsgrupp\nname: Arbetsgrupp\ncollaboration: samverkan-testby\ntype: working\nmembers:\n  - organisation: okand\n' >forums/arbetsgrupp.yaml
sed -i 's/^parties: \[testby-kommun, forsakringskassan\]/parties: [testby-kommun, forsakringskassan]\ncoordinator: {role: Koordinator, organisation: testby-kommun, fte: 2}/' collaborations/samverkan-testby.yaml
printf 'kind: organisation\nid: trasig\nname: [\n' >organisations/trasig.yaml  # YAML error: no entity
all=$(lint); code=$?
expect_code "lint, everything" 1 $code
expect_contains "lint, everything" "$all" "testby-kommunn" "okand" "fte" "minutes-changed-after-approval" "organisations/trasig.yaml"
out=$(lint --changed-since "$base"); code=$?
expect_code "changed since" 1 $code
expect_contains "changed since" "$out" "testby-kommunn" "okand" "fte" "organisations/trasig.yaml"
expect_absent "changed since: unchanged entities" "$out" "minutes-changed-after-approval"
out=$(lint --changed-since HEAD~3)
expect_contains "changed since an older revision" "$out" "minutes-changed-after-approval"
out=$(lint --changed-since nosuch 2>&1); expect_code "changed since unknown" 2 $?
finish
