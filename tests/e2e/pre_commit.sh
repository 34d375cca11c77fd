#!/usr/bin/env bash
# pre-commit for real (Debian's pre-commit, no network), with the built
# binary on PATH:
# - this repository's .pre-commit-hooks.yaml, used from a local clone
#   (repo: file://..., pinned to a commit) as a user pinning the hooks would;
# - the configuration `samverkan init` writes (lib/scaffold/templates/
#   pre-commit-config.yaml, a local hook).
# A commit with a broken reference is refused with the finding shown; a
# clean one passes; a staged file that needs an untracked one is refused
# (the hooks check git's index, not the work tree).
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
if ! command -v pre-commit >/dev/null; then
  echo "SKIP: pre-commit is not installed (run .ci/install-deps)"
  exit 0
fi
mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/samverkan"
export PATH=$work/bin:$PATH
export PRE_COMMIT_HOME=$work/pre-commit-home GIT_CEILING_DIRECTORIES=$work
export GIT_CONFIG_GLOBAL=$work/gitconfig GIT_CONFIG_NOSYSTEM=1
git config --global user.name Test
git config --global user.email test@example.org
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hooks' repository: this one's .pre-commit-hooks.yaml in a git
# repository of its own (the source tree need not be a git checkout).
hooks=$work/hooks
mkdir -p "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm hooks
hooks_rev=$(git -C "$hooks" rev-parse HEAD)

# new_data DIR CONFIG: the example as a git repository with a pre-commit
# configuration, committed, hooks installed.
new_data() {
  cp -r "$src/examples/hoglandet" "$1"
  cp "$2" "$1/.pre-commit-config.yaml"
  (cd "$1" && git init -q && git add -A && git commit -qm start --no-verify && pre-commit install >/dev/null)
}
commit() {  # commit DIR: tries a commit of what is staged; sets $out and $code
  out=$(cd "$1" && git commit -m change 2>&1)
  code=$?
}

plan=plans/uppdrag-samverkan-nassjo/2026.yaml
printf 'repos:\n  - repo: file://%s\n    rev: %s\n    hooks:\n      - id: samverkan-lint\n      - id: samverkan-validate\n' \
  "$hooks" "$hooks_rev" >"$work/pinned.yaml"
for config in "$work/pinned.yaml" "$src/lib/scaffold/templates/pre-commit-config.yaml"; do
  name=$(basename "$config")
  r=$work/data-${name%.yaml}
  new_data "$r" "$config"
  (cd "$r" && pre-commit run --all-files >/dev/null 2>&1)
  check "$name: the example passes every hook (--all-files)" test $? = 0

  # A broken reference: refused, the finding shown with its file and line.
  sed -i '0,/owner: nassjo-kommun/s//owner: nasjo-kommun/' "$r/$plan"
  git -C "$r" add "$plan"
  commit "$r"
  check "$name: a broken reference is refused" eval '[ "$code" != 0 ] && [ "$(git -C "$r" rev-list --count HEAD)" = 1 ]'
  check "$name: the finding is shown" eval 'has "reference-unknown" && has "$plan:108:"'

  # Mended: the commit goes through.
  sed -i 's/owner: nasjo-kommun/owner: nassjo-kommun/' "$r/$plan"
  printf '# ändrad\n' >>"$r/$plan"
  git -C "$r" add "$plan"
  commit "$r"
  check "$name: a clean change is committed" eval '[ "$code" = 0 ] && [ "$(git -C "$r" rev-list --count HEAD)" = 2 ]'

  # The plan refers to an organisation whose file is not staged: what the
  # commit would hold is broken, although the work tree is whole.
  printf 'kind: organisation\nid: ny-kommun\nname: Ny kommun\ntype: municipality\n' >"$r/organisations/ny-kommun.yaml"
  sed -i '0,/owner: nassjo-kommun/s//owner: ny-kommun/' "$r/$plan"
  git -C "$r" add "$plan"
  commit "$r"
  check "$name: a reference to an untracked file is refused" eval '[ "$code" != 0 ] && has "ny-kommun"'
  git -C "$r" add organisations/ny-kommun.yaml
  commit "$r"
  check "$name: ... and passes once that file is staged too" test "$code" = 0
done

# The validate hook on its own, on named files (pre-commit run --files).
r=$work/data-pinned
sed -i '0,/owner: nassjo-kommun/s//owner: nasjo-kommun/' "$r/$plan"
git -C "$r" add "$plan"
out=$(cd "$r" && pre-commit run samverkan-validate --files "$plan" 2>&1)
code=$?
check "validate hook: a broken reference fails it" eval '[ "$code" != 0 ] && has "reference-unknown"'
out=$(cd "$r" && pre-commit run samverkan-validate --files organisations/ny-kommun.yaml 2>&1)
check "validate hook: a file without findings passes (only its findings count)" test $? = 0
finish
