#!/usr/bin/env bash
# Runs one golden case: CASE/cmd holds the arguments for samverkan (one line),
# run inside CASE/repo; CASE/expected holds what it must print (stdout, then
# stderr after a "--- stderr" line if any) and its exit code on the last line.
#
#   golden.sh BINARY CASE_DIR
#
# UPDATE_GOLDEN=1 rewrites CASE/expected instead of comparing; review the diff
# (git diff) before committing: golden files are documentation.
set -u
bin=$1
case_dir=$2
args=$(head -n 1 "$case_dir/cmd")
repo="$case_dir/repo"
[ -d "$repo" ] || repo="$case_dir"
actual=$(mktemp)
trap 'rm -rf "$actual" "$actual.err" "$actual.cache"' EXIT
(
  cd "$repo" || exit 2
  # Hermetic: a fixture never sees the git history of the project around it.
  export GIT_CEILING_DIRECTORIES=$(dirname "$PWD")
  export NO_COLOR=1 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1792022400} XDG_CACHE_HOME=$actual.cache
  unset SAMVERKAN_LANG
  eval "\"$bin\" $args" >"$actual" 2>"$actual.err"
  echo "exit: $?" >"$actual.code"
)
{
  cat "$actual"
  if [ -s "$actual.err" ]; then echo "--- stderr"; cat "$actual.err"; fi
  cat "$actual.code"
} >"$actual.all"
rm -f "$actual.code"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual.all" "$case_dir/expected"
  rm -f "$actual.all"
  exit 0
fi
if ! diff -u "$case_dir/expected" "$actual.all"; then
  echo "golden mismatch in $case_dir (UPDATE_GOLDEN=1 to rewrite, then review)" >&2
  rm -f "$actual.all"
  exit 1
fi
rm -f "$actual.all"
