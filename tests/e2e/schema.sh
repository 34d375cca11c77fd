#!/usr/bin/env bash
# `samverkan schema`: a JSON Schema that the examples pass and bad data fails,
# checked with ajv and js-yaml (from .ci/install-deps), as an editor would.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
run schema; schema=$out
check "schema exits 0" code_is 0
echo "$schema" >"$work/schema.json"
check "one definition per kind, chosen by kind" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
kinds = ["organisation", "collaboration", "forum", "plan", "meeting", "report"]
assert list(d["definitions"]) == kinds
for k in kinds:
    assert d["definitions"][k]["properties"]["kind"] == {"const": k}
    assert "id" in d["definitions"][k]["required"]
assert d["definitions"]["organisation"]["properties"]["type"]["enum"][0] == "municipality"
' "$work/schema.json"
run schema; check "the same schema every time" eval '[ "$out" = "$schema" ]'
run schema --config --out "$work/config.json"
check "--config --out writes the configuration's schema" eval 'code_is 0 && grep -q "\"calendar\"" "$work/config.json"'
if ! command -v node >/dev/null; then echo "SKIP: node is missing, run .ci/install-deps"; finish; exit; fi
validate() { node "$src/bench/ajv-validate.js" "$@"; }
out=$(find "$src/examples" -name '*.yaml' ! -name samverkan.yaml | validate "$work/schema.json" - 2>&1); code=$?
check "every example file passes the schema" code_is 0
out=$(validate "$work/config.json" "$src"/examples/*/samverkan.yaml 2>&1); code=$?
check "every example samverkan.yaml passes the configuration schema" code_is 0
out=$(validate "$work/schema.json" "$src/tests/errors/field-unknown/repo/organisations/nassjo.yaml" "$src/tests/errors/enum-invalid/repo/organisations/nassjo.yaml" 2>&1); code=$?
check "unknown fields and bad enum values fail the schema" eval 'code_is 1 && has "2 files, 3 invalid"'
finish
