#!/usr/bin/env bash
# Nothing outside the repository is read: symbolic links are followed only
# while they stay inside it, the same in the work tree and at --rev, for data,
# samverkan.yaml, templates and a baseline; link loops have their own code;
# a git submodule is read neither in the work tree nor at --rev.
source "$(dirname "$0")/lib/git_fixture.bash"
secret="SECRET-DEPLOY-KEY-8c1f"
printf '%s\n' "$secret" >"$WORK/secret.txt"
mkdir -p "$WORK/evil" && printf 'body { x: "%s" }\n' "$secret" >"$WORK/evil/style.css"

# never_leaks LABEL DIR TEXT: the secret is in neither the text nor any file under DIR.
never_leaks() {
  expect_absent "$1" "$3" "$secret"
  if [ -e "$2" ] && grep -rqF -- "$secret" "$2"; then fail "$1: the secret was written under $2"; fi
}

# A template that links out of the repository is refused: a finding at the
# template, exit 1, nothing written, the target never embedded.
mkdir -p "$WORK/repo" && cd "$WORK/repo" && git init -q -b main
make_data .
mkdir templates && ln -s "$WORK/secret.txt" templates/style.css
out=$("$BIN" --lang en render site --out "$WORK/site" --today 2026-05-20 2>&1); code=$?
expect_code "template out: render site" 1 $code
expect_contains "template out: render site" "$out" "templates/style.css: error[symlink-outside]" "$WORK/secret.txt"
never_leaks "template out: render site" "$WORK/site" "$out"
[ -e "$WORK/site" ] && fail "template out: render site wrote $WORK/site"
for format in html md; do
  out=$("$BIN" --lang en render plan plan-2026 --format $format --today 2026-05-20 2>&1); code=$?
  expect_code "template out: render plan --format $format" 1 $code
  expect_contains "template out: render plan --format $format" "$out" "templates/style.css: error[symlink-outside]"
  never_leaks "template out: render plan --format $format" "$WORK/repo" "$out"
done
out=$("$BIN" --lang en render plan plan-2026 --format html --out "$WORK/plan.html" --today 2026-05-20 2>&1)
[ -e "$WORK/plan.html" ] && fail "template out: render plan --out wrote the file"
out=$("$BIN" --lang en validate 2>&1)
expect_contains "template out: validate says so" "$out" "templates/style.css: error[symlink-outside]"
commit 2026-02-01 "Mall"
out=$("$BIN" --lang en render site --rev HEAD --out "$WORK/site" --today 2026-05-20 2>&1); code=$?
expect_code "template out at --rev" 1 $code
expect_contains "template out at --rev" "$out" "templates/style.css: error[symlink-outside]"
never_leaks "template out at --rev" "$WORK/site" "$out"

# The folder templates/ itself a link out: the same.
rm -r templates && ln -s "$WORK/evil" templates
out=$("$BIN" --lang en render site --out "$WORK/site" --today 2026-05-20 2>&1); code=$?
expect_code "templates/ out" 1 $code
expect_contains "templates/ out" "$out" "templates/style.css: error[symlink-outside]"
never_leaks "templates/ out" "$WORK/site" "$out"

# A link that stays inside is followed, in the work tree and at --rev.
rm templates && mkdir -p brand templates
printf '/* kommunens profil */\n' >brand/profile.css
ln -s ../brand/profile.css templates/style.css
out=$("$BIN" render site --out "$WORK/site" --today 2026-05-20 2>&1); code=$?
expect_code "template link inside" 0 $code
grep -q "kommunens profil" "$WORK/site/index.html" || fail "template link inside: not used"
commit 2026-02-02 "Profil"
out=$("$BIN" render site --rev HEAD --out "$WORK/site-rev" --today 2026-05-20 2>&1); code=$?
expect_code "template link inside at --rev" 0 $code
grep -q "kommunens profil" "$WORK/site-rev/index.html" || fail "template link inside at --rev: not used"

# Links that loop are loops, not "outside", and --rev agrees with the work tree.
ln -s b.yaml plans/a.yaml && ln -s a.yaml plans/b.yaml && ln -s self.yaml plans/self.yaml
ln -s d2 d1 && ln -s d1 d2
out=$("$BIN" --lang en validate 2>&1); code=$?
expect_code "loops" 1 $code
expect_contains "loops" "$out" "plans/a.yaml: error[symlink-loop]" "plans/b.yaml: error[symlink-loop]" \
  "plans/self.yaml: error[symlink-loop]" "d1: error[symlink-loop]" "d2: error[symlink-loop]"
expect_absent "loops" "$out" "symlink-outside"
commit 2026-02-03 "Slingor"
rev=$("$BIN" --lang en validate --rev HEAD 2>&1)
[ "$rev" = "$out" ] || fail "loops: validate and validate --rev HEAD differ: $out / $rev"
git rm -q plans/a.yaml plans/b.yaml plans/self.yaml d1 d2 && commit 2026-02-04 "Inga slingor"

# samverkan.yaml a link out: refused (exit 2), never read.
mkdir -p "$WORK/cfg" && cp -r organisations "$WORK/cfg/" && ln -s "$WORK/secret.txt" "$WORK/cfg/samverkan.yaml"
out=$("$BIN" --lang en -C "$WORK/cfg" validate 2>&1); code=$?
expect_code "samverkan.yaml out" 2 $code
expect_contains "samverkan.yaml out" "$out" "samverkan.yaml" "outside the repository"
never_leaks "samverkan.yaml out" "$WORK/cfg/organisations" "$out"

# A baseline inside the repository is a repository file: a link out is refused.
ln -s "$WORK/secret.txt" baseline.json
out=$("$BIN" --lang en lint --baseline baseline.json --today 2026-05-20 2>&1); code=$?
expect_code "baseline link out" 2 $code
expect_contains "baseline link out" "$out" "baseline.json" "outside the repository"
expect_absent "baseline link out" "$out" "$secret"
rm baseline.json
# One outside the repository is the user's own file; a FIFO never blocks.
mkfifo "$WORK/fifo.json"
out=$(timeout 10 "$BIN" --lang en lint --baseline "$WORK/fifo.json" --today 2026-05-20 2>&1); code=$?
expect_code "baseline FIFO" 2 $code
expect_contains "baseline FIFO" "$out" "fifo.json"

# A submodule is another repository: read neither in the work tree nor at
# --rev, so validate and validate --rev HEAD agree and diff sees nothing new.
mkdir -p "$WORK/other" && git -C "$WORK/other" init -q -b main
cat >"$WORK/other/extra.yaml" <<'Y'
kind: organisation
id: extra-kommun
name: Extra kommun
type: municipality
Y
(cd "$WORK/other" && commit 2026-01-01 "Annat förråd")
git -c protocol.file.allow=always submodule add -q "$WORK/other" vendor/other 2>/dev/null
commit 2026-02-05 "Undermodul"
[ -f vendor/other/extra.yaml ] || fail "submodule: not checked out"
wt=$("$BIN" --lang en validate 2>&1); code=$?
expect_code "submodule: validate" 0 $code
rev=$("$BIN" --lang en validate --rev HEAD 2>&1)
[ "$wt" = "$rev" ] || fail "submodule: validate and validate --rev HEAD differ: $wt / $rev"
out=$("$BIN" --lang en diff --exit-code 2>&1); code=$?
expect_code "submodule: diff HEAD..work tree" 0 $code
expect_absent "submodule: diff" "$out" "extra-kommun"
out=$("$BIN" --lang en lint --changed-since HEAD --today 2026-05-20 2>&1)
expect_absent "submodule: --changed-since" "$out" "extra-kommun" "vendor/other"
finish
