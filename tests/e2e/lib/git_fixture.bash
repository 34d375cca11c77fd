# Shared by the tests/e2e/git_*.sh scripts (sourced, not run): a real git
# repository of samverkan data in a fresh temporary directory, commits with
# set dates, and small assertions.
set -u
BIN=$(realpath "$1")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 HOME=$WORK GIT_CEILING_DIRECTORIES=$WORK
unset SAMVERKAN_LANG GIT_DIR GIT_WORK_TREE SOURCE_DATE_EPOCH
FAILED=0

fail() { echo "FAIL: $*" >&2; FAILED=1; }
# expect_contains LABEL TEXT NEEDLE...: every needle occurs in TEXT.
expect_contains() {
  local label=$1 text=$2; shift 2
  for n in "$@"; do
    grep -qF -- "$n" <<<"$text" || { fail "$label: expected «$n» in:"; echo "$text" >&2; }
  done
}
expect_absent() {
  local label=$1 text=$2; shift 2
  for n in "$@"; do
    if grep -qF -- "$n" <<<"$text"; then fail "$label: did not expect «$n» in:"; echo "$text" >&2; fi
  done
}
expect_code() {  # LABEL EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: exit code $3, expected $2"
}
finish() {
  [ "$FAILED" = 0 ] && echo "ok" || exit 1
}

# commit DATE MESSAGE [AUTHOR]: commits everything, dated DATE (YYYY-MM-DD).
commit() {
  git add -A
  GIT_AUTHOR_DATE="$1T12:00:00+01:00" GIT_COMMITTER_DATE="$1T12:00:00+01:00" \
    git -c user.name="${3:-Anna Andersson}" -c user.email=anna@example.se commit -q -m "$2"
}

# make_data DIR: a small, valid samverkan repository.
make_data() {
  mkdir -p "$1/organisations" "$1/collaborations" "$1/forums" "$1/plans" "$1/meetings"
  cat >"$1/samverkan.yaml" <<'Y'
name: Samverkan Testby
language: sv
Y
  for o in testby-kommun:municipality:Testby\ kommun forsakringskassan:state-agency:Försäkringskassan; do
    IFS=: read -r id type name <<<"$o"
    cat >"$1/organisations/$id.yaml" <<Y
kind: organisation
id: $id
name: $name
type: $type
mandate: Ansvarar för sin del.
contacts:
  - role: Samverkansansvarig
Y
  done
  cat >"$1/collaborations/samverkan-testby.yaml" <<'Y'
kind: collaboration
id: samverkan-testby
name: Samverkan Testby
parties: [testby-kommun, forsakringskassan]
target_groups:
  - id: unga
    name: Unga vuxna
Y
  cat >"$1/forums/styrgrupp-testby.yaml" <<'Y'
kind: forum
id: styrgrupp-testby
name: Styrgrupp Testby
collaboration: samverkan-testby
type: steering
members:
  - organisation: testby-kommun
    role: Socialchef
    chair: true
  - organisation: forsakringskassan
    role: Enhetschef
Y
  cat >"$1/plans/plan-2026.yaml" <<'Y'
kind: plan
id: plan-2026
title: Handlingsplan 2026
collaboration: samverkan-testby
period: 2026
status: approved
approved:
  forum: styrgrupp-testby
  date: 2025-12-09
target_groups: [unga]
goals:
  - id: g1
    title: Fler i arbete
    indicator: Andel i arbete efter insats
    unit: percent
    baseline: {value: 40, date: 2025-12-31}
    target: {value: 60, date: 2026-12-31}
activities:
  - id: a1
    title: Gemensam träff
    goals: [g1]
    owner: testby-kommun
    due: 2026-06-30
    status: planned
follow_ups:
  - date: 2026-08-31
    forum: styrgrupp-testby
Y
  cat >"$1/meetings/styrgrupp-testby-2025-12-09.yaml" <<'Y'
kind: meeting
id: styrgrupp-testby-2025-12-09
forum: styrgrupp-testby
date: 2025-12-09
attendees:
  - organisation: testby-kommun
    role: Socialchef
  - organisation: forsakringskassan
    role: Enhetschef
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
}
