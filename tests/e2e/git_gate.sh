#!/usr/bin/env bash
# The pull-request gate: lint/validate --changed-since report what is new
# (the comparison point is checked too and its findings matched as a
# baseline matches them), from the merge base; PATH... as files, as
# pre-commit and editors pass them; --staged reads git's index.
source "$(dirname "$0")/lib/git_fixture.bash"

mkdir -p "$WORK/repo" && cd "$WORK/repo" && git init -q -b main
make_data .
cat >forums/styrgrupp-x.yaml <<'Y'
kind: forum
id: styrgrupp-x
name: Arbetsgrupp X
collaboration: samverkan-testby
type: working
cadence: quarterly
members:
  - organisation: testby-kommun
  - organisation: forsakringskassan
Y
mkdir -p meetings/styrgrupp-x
meeting() {  # meeting DATE: a meeting of styrgrupp-x, minutes approved
  cat >"meetings/styrgrupp-x/$1.yaml" <<Y
kind: meeting
id: styrgrupp-x-$1
forum: styrgrupp-x
date: $1
attendees:
  - organisation: testby-kommun
  - organisation: forsakringskassan
minutes:
  approved: $1
Y
}
meeting 2026-02-12
# An old finding: an organisation without a mandate.
printf 'kind: organisation\nid: kommunerna\nname: Kommunerna\ntype: municipality\ncontacts:\n  - role: Samordnare\n' \
  >organisations/kommuner.yaml
commit 2026-02-13 "Arbetsgrupp X"
lint() { "$BIN" lint --today 2026-09-15 --fail-on warning "$@" 2>&1; }

# Before the pull request the forum has not met for 215 days: an old finding.
out=$(lint --changed-since HEAD); code=$?
expect_code "nothing changed" 0 $code
expect_contains "nothing changed" "$out" "inga fynd"

# The pull request: a meeting after 210 days. The finding belongs to the
# unchanged forum, and is new: CI must fail.
git checkout -q -b pr
meeting 2026-09-10
commit 2026-09-11 "Möte i september"
all=$(lint); code=$?
expect_code "pr: full lint" 1 $code
expect_contains "pr: full lint" "$all" "2026-09-10.yaml:4:7" "210 dagar mellan mötena" "organisation-without-mandate"
out=$(lint --changed-since main); code=$?
expect_code "pr: new finding in an unchanged forum" 1 $code
expect_contains "pr: new finding in an unchanged forum" "$out" "2026-09-10.yaml:4:7" "210 dagar mellan mötena"
expect_absent "pr: old finding not new" "$out" "organisation-without-mandate" "215 dagar"
out=$("$BIN" validate --changed-since main 2>&1); code=$?
expect_code "pr: validate --changed-since" 0 $code

# An old finding in a touched file is not new; neither is it in a moved file.
sed -i 's/^name: Kommunerna/name: Kommunerna i länet/' organisations/kommuner.yaml
commit 2026-09-12 "Nytt namn"
out=$(lint --changed-since main)
expect_absent "touched file: old finding" "$out" "organisation-without-mandate"
git mv organisations/kommuner.yaml organisations/alla-kommuner.yaml
commit 2026-09-12 "Flyttad"
out=$(lint --changed-since main)
expect_absent "moved file: old finding" "$out" "organisation-without-mandate"
# One more of the same kind is new (findings are counted).
printf 'kind: organisation\nid: regionen\nname: Regionen\ntype: region\ncontacts:\n  - role: Samordnare\n' \
  >organisations/regionen.yaml
out=$("$BIN" lint --today 2026-09-15 --changed-since main --select organisation-without-mandate --fail-on info 2>&1); code=$?
expect_code "one more: work tree against main" 1 $code
expect_contains "one more" "$out" "regionen"
expect_absent "one more: the old one" "$out" "kommunerna"
rm organisations/regionen.yaml

# A fixed finding is not reported, nor is anything about it.
printf 'mandate: Samordnar kommunerna.\n' >>organisations/alla-kommuner.yaml
out=$("$BIN" lint --today 2026-09-15 --changed-since main --select organisation-without-mandate --fail-on info 2>&1); code=$?
expect_code "fixed finding" 0 $code
expect_absent "fixed finding" "$out" "baseline-stale"
git checkout -q organisations/alla-kommuner.yaml

# The target branch moves on: main fixes the old finding and adds a problem
# of its own. The pull request still has the old finding: not its doing.
git checkout -q main
printf 'mandate: Samordnar kommunerna.\n' >>organisations/kommuner.yaml
printf 'kind: organisation\nid: ny-kommun\nname: Ny kommun\ntype: municipality\ncontacts:\n  - role: Samordnare\n' \
  >organisations/ny.yaml
commit 2026-09-13 "Mandat, och en ny kommun"
git checkout -q pr
out=$(lint --changed-since main); code=$?
expect_code "main moved on" 1 $code
expect_contains "main moved on" "$out" "210 dagar"
expect_absent "main moved on: from the merge base" "$out" "kommunerna" "ny-kommun"
# Merged into the branch: main's problem came from main, not from the branch.
git -c user.name=A -c user.email=a@example.se merge -q --no-edit main 2>&1 >/dev/null || fail "merge failed"
out=$(lint --changed-since main); code=$?
expect_code "after merging main" 1 $code
expect_contains "after merging main" "$out" "210 dagar"
expect_absent "after merging main" "$out" "ny-kommun" "kommunerna"

# Files, as pre-commit and editors pass them: from the root, a subdirectory,
# or anywhere; only findings located in those files.
printf 'kind: forum\nid: trasig\nname: T\ncollaboration: okand-samverkan\ntype: working\n' >forums/trasig.yaml
printf 'kind: organisation\nid: o2\nname: O\ntype: nosuchtype\n' >organisations/o2.yaml
out=$("$BIN" validate organisations/o2.yaml 2>&1); code=$?
expect_code "validate FILE" 1 $code
expect_contains "validate FILE" "$out" "organisations/o2.yaml"
expect_absent "validate FILE: other files" "$out" "trasig.yaml"
out=$(cd organisations && "$BIN" validate o2.yaml alla-kommuner.yaml 2>&1); code=$?
expect_code "validate FILE from a subdirectory" 1 $code
expect_contains "validate FILE from a subdirectory" "$out" "organisations/o2.yaml"
out=$(cd / && "$BIN" validate "$WORK/repo/organisations/alla-kommuner.yaml" 2>&1); code=$?
expect_code "validate FILE from anywhere" 0 $code
out=$(cd forums && "$BIN" lint --today 2026-09-15 trasig.yaml ../organisations/alla-kommuner.yaml 2>&1); code=$?
expect_code "lint FILE..." 1 $code
expect_contains "lint FILE..." "$out" "forums/trasig.yaml" "okand-samverkan"
expect_absent "lint FILE...: other files" "$out" "o2.yaml" "2026-09-10.yaml"
out=$("$BIN" validate organisations/finns-inte.yaml 2>&1); code=$?
expect_code "a file that does not exist" 2 $code
expect_contains "a file that does not exist" "$out" "organisations/finns-inte.yaml finns inte"
mkdir -p "$WORK/else" && printf 'name: Annat\n' >"$WORK/else/samverkan.yaml" && touch "$WORK/else/x.yaml"
out=$("$BIN" validate organisations/o2.yaml "$WORK/else/x.yaml" 2>&1); code=$?
expect_code "files of two repositories" 2 $code
rm forums/trasig.yaml

# --staged: what the commit will hold, not the work tree.
git add organisations/o2.yaml
printf 'kind: organisation\nid: o2\nname: O\ntype: municipality\nmandate: M\ncontacts:\n  - role: R\n' >organisations/o2.yaml
out=$("$BIN" validate 2>&1); code=$?
expect_code "work tree fixed" 0 $code
out=$("$BIN" validate --staged 2>&1); code=$?
expect_code "--staged: the index still has the error" 1 $code
expect_contains "--staged" "$out" "nosuchtype"
out=$(cd organisations && "$BIN" validate --staged o2.yaml 2>&1); code=$?
expect_code "--staged FILE from a subdirectory" 1 $code
git add organisations/o2.yaml
printf 'kind: organisation\nid: o3\nname: [\n' >organisations/o3.yaml  # not staged: not seen
out=$("$BIN" validate --staged 2>&1); code=$?
expect_code "--staged: fixed in the index, untracked file unseen" 0 $code
out=$("$BIN" lint --staged --today 2026-09-15 --changed-since main 2>&1); code=$?
expect_code "lint --staged --changed-since" 0 $code
rm organisations/o3.yaml
out=$("$BIN" validate --staged --rev HEAD 2>&1); code=$?
expect_code "--staged excludes --rev" 2 $code
finish
