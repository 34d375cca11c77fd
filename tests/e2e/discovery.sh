#!/usr/bin/env bash
# Which files are read: *.yaml and *.yml under the root, not hidden ones, not
# the configuration's `exclude` globs; the root found upwards like git does.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
r="$work/repo"
new_repo "$r"
bad='kind: organisation\nid: BAD ID\nname: x\ntype: region\n'
mkdir -p "$r/drafts/old" "$r/.hidden" "$r/plans/nassjo" "$r/notes"
printf "$bad" >"$r/drafts/old/x.yaml"
printf "$bad" >"$r/.hidden/x.yaml"
printf "$bad" >"$r/organisations/.secret.yaml"
printf "$bad" >"$r/plans/nassjo/2024.tmp.yaml"
printf "$bad" >"$r/notes/readme.txt"
printf 'kind: organisation\nid: eksjo-kommun\nname: Eksjö kommun\ntype: municipality\n' >"$r/organisations/eksjo.yml"
printf 'name: Test\nlanguage: en\nexclude: [drafts/**, "*.tmp.yaml"]\n' >"$r/samverkan.yaml"
run validate "$r"
check "hidden, excluded and non-YAML files are not read; .yml is" eval 'code_is 0 && has "2 entities in 3 files"'
printf 'name: Test\nlanguage: en\n' >"$r/samverkan.yaml"
run validate "$r"
check "without exclude, drafts and .tmp.yaml are read again" eval 'code_is 1 && has "drafts/old/x.yaml:2:5" && has "plans/nassjo/2024.tmp.yaml:2:5" && ! has ".hidden" && ! has ".secret"'
mkdir -p "$r/organisations/deeper/still"
run -C "$r/organisations/deeper/still" validate
check "the root is found from a directory below it" has "drafts/old/x.yaml"
run validate "$r" --format json
check "JSON paths are relative to the root" eval 'python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if {f[\"file\"] for f in d[\"findings\"]}=={\"drafts/old/x.yaml\",\"plans/nassjo/2024.tmp.yaml\"} else 1)" <<<"$out"'
check "JSON findings carry format.md §10 fields" eval 'python3 -c "import json,sys; d=json.load(sys.stdin); f=d[\"findings\"][0]; sys.exit(0 if all(k in f for k in [\"file\",\"line\",\"column\",\"severity\",\"code\",\"message\",\"entity\"]) else 1)" <<<"$out"'
run lint --select activity-overdue "$r" --today 2026-10-15
check "--select takes one value: the path after it is the path" eval '! code_is 2'
run lint -o "json=$work/out.json" "$r" --today 2026-10-15
check "-o takes one value: the path after it is the path" eval '! code_is 2 && [ -s "$work/out.json" ]'
finish
