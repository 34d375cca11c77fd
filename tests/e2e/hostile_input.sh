#!/usr/bin/env bash
# Input built to make the work explode must not: ctest gives this script a
# TIMEOUT (tests/CMakeLists.txt), a generous bound rather than a timing check.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
r="$work/repo"
new_repo "$r"

# `exclude` with twelve `**` against a path 25 folders deep (the backtracking
# matcher tried every way of spreading the folders over the `**`).
deep="$r/$(printf 'd/%.0s' $(seq 25))"
mkdir -p "$deep"
printf 'kind: organisation\nid: eksjo-kommun\nname: Eksjö kommun\ntype: municipality\n' >"$deep/eksjo.yaml"
stars=$(printf '**/%.0s' $(seq 12))
printf 'name: Test\nlanguage: en\nexclude: ["%snothing", "%s*.tmp.yaml"]\n' "$stars" "$stars" >"$r/samverkan.yaml"
run validate "$r"
check "twelve ** against 25 folders: the deep file is read" eval 'code_is 0 && has "2 entities in 3 files"'
printf 'x: [' >"$deep/drop.tmp.yaml"
run validate "$r"
check "twelve ** still exclude what they match" eval 'code_is 0 && has "2 entities in 3 files"'
finish
