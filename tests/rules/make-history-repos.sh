#!/usr/bin/env bash
# Writes the fixtures of the history rules' golden cases: each CASE/repo is a
# real bare git repository (packed, with set dates and authors, so that commit
# ids never change), read by `lint --rev main`. Run it again only to change the
# fixtures; then review tests/rules/*-changed-after-approval/expected.
#
#   tests/rules/make-history-repos.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent GIT_CEILING_DIRECTORIES=/
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

commit() {  # DATE AUTHOR MESSAGE
  git add -A
  GIT_AUTHOR_DATE="$1T12:00:00+01:00" GIT_COMMITTER_DATE="$1T12:00:00+01:00" \
    git -c user.name="$2" -c user.email=samverkan@example.se -c commit.gpgsign=false commit -q -m "$3"
}

# Packs the repository in $tmp/work into CASE/repo, bare, without samples.
publish() {
  rm -rf "$here/$1/repo"
  git clone -q --bare "$tmp/work" "$here/$1/repo"
  git -C "$here/$1/repo" gc -q --aggressive --prune=now
  # Only what git keeps in a source tree: no empty folders, refs as files.
  local r="$here/$1/repo"
  git -C "$r" rev-parse main >"$tmp/main"
  rm -rf "$r/hooks" "$r/info" "$r/description" "$r/logs" "$r/branches" "$r/packed-refs" "$r/objects/info"
  mkdir -p "$r/refs/heads" && cp "$tmp/main" "$r/refs/heads/main"
  git -C "$here/$1/repo" config --unset remote.origin.url || true
  git -C "$here/$1/repo" config --remove-section remote.origin 2>/dev/null || true
  rm -rf "$tmp/work"
}

base() {
  mkdir -p "$tmp/work" && cd "$tmp/work" && git init -q -b main
  printf 'name: Samverkan Testby\n' >samverkan.yaml
  cat >parter.yaml <<'Y'
kind: organisation
id: testby-kommun
name: Testby kommun
type: municipality
---
kind: organisation
id: forsakringskassan
name: Försäkringskassan
type: state-agency
---
kind: collaboration
id: samverkan-testby
name: Samverkan Testby
parties: [testby-kommun, forsakringskassan]
---
kind: forum
id: styrgrupp
name: Styrgrupp Testby
collaboration: samverkan-testby
type: steering
Y
}

# plan-changed-after-approval: a target raised and an activity added after the
# approval (caught), a measurement and a status after it (follow-up, not
# caught), and a second plan approved again after its change (not caught).
base
cat >plan.yaml <<'Y'
kind: plan
id: plan-2026
title: Handlingsplan 2026
collaboration: samverkan-testby
period: 2026
status: approved
approved: {forum: styrgrupp, date: 2025-12-09}
goals:
  - id: g1
    title: Fler i arbete
    target: {value: 60}
activities:
  - id: a1
    title: Gemensam träff
    status: planned
---
kind: plan
id: plan-2027
title: Handlingsplan 2027
collaboration: samverkan-testby
period: 2027
status: approved
approved: {forum: styrgrupp, date: 2025-12-09}
goals:
  - id: g1
    title: Fler i arbete
Y
commit 2025-12-10 "Anna Andersson" "Planerna som styrgruppen fastställde"
sed -i '0,/    status: planned/s//    status: ongoing/' plan.yaml
sed -i '0,/    target: {value: 60}/s//    target: {value: 60}\n    measurements: [{date: 2026-02-28, value: 44}]/' plan.yaml
commit 2026-03-01 "Bo Berg" "Uppföljning februari"
sed -i 's/    target: {value: 60}/    target: {value: 65}/' plan.yaml
sed -i '0,/^---/s//  - id: a2\n    title: Ny aktivitet\n---/' plan.yaml
commit 2026-03-02 "Cecilia Ek" "Höj målet, lägg till en aktivitet"
sed -i 's/    title: Fler i arbete$/    title: Fler i arbete eller studier/' plan.yaml
commit 2026-04-01 "Cecilia Ek" "Vidga målen"
# plan-2027 is approved again on 2026-04-15: its change of 2026-04-01 is covered.
awk 'BEGIN{n=0} /approved: \{forum: styrgrupp, date: 2025-12-09\}/{n++; if(n==2){print "approved: {forum: styrgrupp, date: 2026-04-15}"; next}} {print}' plan.yaml >p && mv p plan.yaml
commit 2026-04-16 "Anna Andersson" "Styrgruppen fastställde plan 2027 på nytt"
publish plan-changed-after-approval

# minutes-changed-after-approval: a decision reworded and an attendee added
# after the approval (caught); an action closed (not caught).
base
cat >mote.yaml <<'Y'
kind: meeting
id: styrgrupp-2025-12-09
forum: styrgrupp
date: 2025-12-09
attendees:
  - organisation: testby-kommun
    role: Socialchef
items:
  - number: 1
    title: Handlingsplan 2026
    decisions:
      - Styrgruppen fastställer handlingsplan 2026.
actions:
  - id: atg1
    title: Skicka planen till parterna
    owner: testby-kommun
    due: 2025-12-20
minutes:
  approved_by: [Socialchef]
  approved: 2025-12-12
Y
commit 2025-12-12 "Anna Andersson" "Protokoll 9 december, justerat"
sed -i 's/    due: 2025-12-20/    due: 2025-12-20\n    status: done\n    completed: 2025-12-18/' mote.yaml
commit 2025-12-19 "Bo Berg" "Åtgärd klar"
sed -i 's/      - Styrgruppen fastställer handlingsplan 2026./      - Styrgruppen fastställer handlingsplan 2026 med ändringar./' mote.yaml
sed -i 's/    role: Socialchef/    role: Socialchef\n  - organisation: forsakringskassan\n    role: Enhetschef/' mote.yaml
commit 2026-01-20 "Cecilia Ek" "Rätta protokollet"
publish minutes-changed-after-approval
