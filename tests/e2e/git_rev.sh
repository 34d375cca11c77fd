#!/usr/bin/env bash
# --rev reads a revision straight from git objects: older commits, uncommitted
# changes unseen, a bare clone, a samverkan root below the git root, renames,
# symbolic links, and the errors (unknown revision, not a repository, corrupt
# object) that exit 2.
source "$(dirname "$0")/lib/git_fixture.bash"

# The samverkan root is a folder of the git repository, as in this project.
mkdir -p "$WORK/repo" && cd "$WORK/repo" && git init -q -b main
echo "Anteckningar" >README.md
make_data data
commit 2025-12-10 "Första versionen"
# An activity loses its owner: an error for lint, a broken reference for validate.
sed -i 's/owner: testby-kommun/owner: testby-kommunn/' data/plans/plan-2026.yaml
commit 2026-01-15 "Byt ägare"

out=$("$BIN" -C data validate --rev HEAD~1); code=$?
expect_code "older revision is clean" 0 $code
expect_contains "older revision is clean" "$out" "inga fynd"
out=$("$BIN" -C data validate --rev HEAD); code=$?
expect_code "newest revision" 1 $code
# Paths stay relative to the samverkan root.
expect_contains "newest revision" "$out" "plans/plan-2026.yaml:22:12: fel[reference-unknown]" "testby-kommunn"
# From the git root, naming the folder.
out=$("$BIN" validate --rev HEAD data); code=$?
expect_code "path from the git root" 1 $code
expect_contains "path from the git root" "$out" "plans/plan-2026.yaml:22:12"
# Revisions by other names.
out=$("$BIN" -C data validate --rev main~1); expect_contains "branch~1" "$out" "inga fynd"
out=$("$BIN" -C data validate --rev "$(git rev-parse --short HEAD~1)"); expect_contains "short id" "$out" "inga fynd"

# An uncommitted fix, and an uncommitted broken file: the work tree sees
# them, --rev does not.
sed -i 's/owner: testby-kommunn/owner: testby-kommun/' data/plans/plan-2026.yaml
printf 'kind: organisation\nid: ny-org\n' >data/organisations/ny-org.yaml
out=$("$BIN" -C data validate); code=$?
expect_code "work tree" 1 $code
expect_contains "work tree" "$out" "organisations/ny-org.yaml" "2 fel"
expect_absent "work tree" "$out" "testby-kommunn"
out=$("$BIN" -C data validate --rev HEAD --format json); code=$?
expect_code "--rev ignores the work tree" 1 $code
expect_contains "--rev ignores the work tree" "$out" '"file": "plans/plan-2026.yaml"' '"line": 22' '"error": 1'
expect_absent "--rev ignores the work tree" "$out" "ny-org"
git checkout -q -- data && rm data/organisations/ny-org.yaml

# A bare clone: no work tree at all.
git clone -q --bare "$WORK/repo" "$WORK/repo.git"
out=$("$BIN" -C "$WORK/repo.git" validate --rev HEAD~1 data); code=$?
expect_code "bare, older" 0 $code
out=$("$BIN" -C "$WORK/repo.git" --lang en validate --rev HEAD data); code=$?
expect_code "bare, newest" 1 $code
expect_contains "bare, newest" "$out" "plans/plan-2026.yaml:22:12: error[reference-unknown]"
out=$("$BIN" -C "$WORK/repo.git" lint --rev HEAD~1 data --today 2026-02-01); code=$?
expect_code "bare, lint" 0 $code
out=$("$BIN" -C "$WORK/repo.git" validate --rev HEAD 2>&1); code=$?
expect_code "bare, no samverkan.yaml at the top" 2 $code
expect_contains "bare, no samverkan.yaml at the top" "$out" "ingen samverkan.yaml" "HEAD"

# A rename is not a change of the entity; findings follow the new path.
git mv data/plans/plan-2026.yaml data/plans/2026.yaml
commit 2026-02-01 "Byt namn på filen"
out=$("$BIN" -C data validate --rev HEAD)
expect_contains "renamed" "$out" "plans/2026.yaml:22:12"
out=$("$BIN" -C data diff HEAD~1 HEAD --exit-code); code=$?
expect_code "a rename changes nothing" 0 $code
expect_contains "a rename changes nothing" "$out" "Inga ändringar i datat."
out=$("$BIN" -C data log plan-2026)
expect_contains "log after a rename" "$out" "2 incheckningar" "Byt ägare" "Första versionen"
expect_absent "log after a rename" "$out" "Byt namn"

# Symbolic links in the tree are never followed; one leading out is reported
# as in the work tree.
ln -s /etc/passwd data/plans/ute.yaml
commit 2026-02-02 "Länk"
wt=$("$BIN" -C data validate)
out=$("$BIN" -C data validate --rev HEAD)
expect_contains "symlink outside" "$out" "plans/ute.yaml: fel[symlink-outside]"
[ "$(grep symlink <<<"$out")" = "$(grep symlink <<<"$wt")" ] || fail "symlink: --rev and the work tree differ: $out / $wt"

# Errors: exit 2 with a clear message.
out=$("$BIN" -C data validate --rev nosuch 2>&1); code=$?
expect_code "unknown revision" 2 $code
expect_contains "unknown revision" "$out" "okänd revision \`nosuch\`"
out=$("$BIN" -C data --lang en lint --rev HEAD~99 2>&1); code=$?
expect_code "unknown revision, lint" 2 $code
expect_contains "unknown revision, lint" "$out" "unknown revision \`HEAD~99\`"
mkdir -p "$WORK/plain" && make_data "$WORK/plain"
out=$("$BIN" -C "$WORK/plain" validate --rev HEAD 2>&1); code=$?
expect_code "not a repository" 2 $code
expect_contains "not a repository" "$out" "ligger inte i något git-förråd"
git clone -q "$WORK/repo" "$WORK/broken"
blob=$(git -C "$WORK/broken" rev-parse HEAD:data/forums/styrgrupp-testby.yaml)
obj="$WORK/broken/.git/objects/${blob:0:2}/${blob:2}"
chmod u+w "$obj" && printf 'trasig' >"$obj"
out=$("$BIN" -C "$WORK/broken/data" validate --rev HEAD 2>&1); code=$?
expect_code "corrupt object" 2 $code
expect_contains "corrupt object" "$out" "skadat objekt"
finish
