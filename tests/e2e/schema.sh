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
assert d["properties"]["kind"]["enum"] == kinds and d["required"] == ["kind"]
assert "oneOf" not in d
for k, branch in zip(kinds, d["allOf"]):
    assert branch == {"if": {"properties": {"kind": {"const": k}}, "required": ["kind"]},
                      "then": {"$ref": "#/definitions/" + k}}, branch
    assert d["definitions"][k]["properties"]["kind"]["const"] == k
    assert "id" in d["definitions"][k]["required"]
assert d["definitions"]["organisation"]["properties"]["type"]["enum"][0] == "municipality"
assert d["definitions"]["meeting"]["properties"]["date"] == {
    "description": "mötets datum", "type": "string", "format": "date"}, d["definitions"]["meeting"]["properties"]["date"]
' "$work/schema.json"
# Every property, of both schemas in both languages, says what it is; every
# enum has a label per value.
described() {
  python3 -c '
import json, sys
missing, enums = [], 0
def walk(s, path):
    global enums
    if isinstance(s, dict):
        if "enum" in s:
            enums += 1
            if len(s.get("enumDescriptions", [])) != len(s["enum"]): missing.append(path + " (enum)")
        for k, v in s.items():
            if k == "properties":
                for key, prop in v.items():
                    if not prop.get("description"): missing.append(path + "." + key)
                    walk(prop, path + "." + key)
            elif isinstance(v, (dict, list)) and k != "if":  # a condition: no field of its own
                walk(v, path + "/" + k)
    elif isinstance(s, list):
        for i, v in enumerate(s): walk(v, "%s[%d]" % (path, i))
walk(json.load(open(sys.argv[1])), "")
print("undescribed:", " ".join(missing) or "none", "enums:", enums)
' "$1"
}
for lang in sv en; do
  "$bin" --lang $lang schema --out "$work/data.$lang.json"; "$bin" schema --lang $lang --config --out "$work/config.$lang.json"
  out=$(described "$work/data.$lang.json"; described "$work/config.$lang.json"); code=$?
  check "every property and enum value is described ($lang)" eval 'code_is 0 && [ "$(grep -c "undescribed: none" <<<"$out")" = 2 ]'
done
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d" + sys.argv[2]))' "$@"; }
name='["definitions"]["organisation"]["properties"]["name"]["description"]'
type='["definitions"]["organisation"]["properties"]["type"]["enumDescriptions"][0]'
out="$(field "$work/schema.json" "$name") / $(field "$work/schema.json" "$type")"
check "Swedish by default: descriptions and labels" has "organisationens namn, t.ex. Nässjö kommun / kommun"
out="$(field "$work/data.en.json" "$name") / $(field "$work/data.en.json" "$type") / $(field "$work/data.en.json" '["description"]')"
check "--lang en: English descriptions and labels" \
  eval 'has "the organisation'"'"'s name, e.g. Nässjö kommun / municipality / One YAML document"'
new_repo "$work/repo"
out=$(cd "$work/repo" && "$bin" schema | python3 -c 'import json,sys; print(json.load(sys.stdin)["properties"]["kind"]["description"])')
check "in a repository: its language (language: en)" has "what kind of entry the file holds"
out=$(cd "$work/repo" && "$bin" --lang sv schema --config | python3 -c 'import json,sys; print(json.load(sys.stdin)["properties"]["language"]["enumDescriptions"])')
check "--lang before the repository's: Swedish" has "['svenska', 'engelska']"
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

# Dates as yaml-language-server reads them (YAML 1.2: an unquoted date is a
# string), checked against the calendar by ajv-formats.
printf 'kind: meeting\nid: m1\nforum: f1\ndate: 2026-03-01\nstart: 09:00\nnext_meeting: "2026-04-01"\n' >"$work/meeting.yaml"
printf 'kind: meeting\nid: m2\nforum: f1\ndate: 2026-02-30\n' >"$work/bad-date.yaml"
out=$(validate "$work/schema.json" "$work/meeting.yaml" 2>&1); code=$?
check "an unquoted and a quoted date pass" eval 'code_is 0 && has "1 files, 0 invalid"'
out=$(validate "$work/schema.json" "$work/bad-date.yaml" 2>&1); code=$?
check "a day that is not in the calendar fails" eval 'code_is 1 && has "must match format \"date\""'

# A misspelt key in a plan: errors about the plan alone, under ajv (kind
# chooses the definition; a oneOf listed every kind's required fields).
printf 'kind: plan\nid: p1\ntitel: Plan 2026\ncollaboration: c1\nperiod: 2026\n' >"$work/typo-plan.yaml"
out=$(node -e '
const path = require("path"), fs = require("fs");
const tools = process.env.SAMVERKAN_TEST_TOOLS || "/opt/samverkan-test-tools";
const req = (m) => require(require.resolve(m, { paths: [path.join(tools, "node_modules")] }));
const yaml = req("js-yaml"), Ajv = req("ajv");
const ajv = new Ajv({ allErrors: true, strict: false });
req("ajv-formats")(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[1], "utf8")));
validate(yaml.load(fs.readFileSync(process.argv[2], "utf8"), { schema: yaml.CORE_SCHEMA }));
for (const e of validate.errors || []) console.log(e.schemaPath, e.keyword, JSON.stringify(e.params));
' "$work/schema.json" "$work/typo-plan.yaml" 2>&1); code=$?
check "a plan with a typo: the plan's definition reports the key" \
  has '#/definitions/plan/additionalProperties additionalProperties {"additionalProperty":"titel"}'
check "... and the plan's missing title" has '#/definitions/plan/required required {"missingProperty":"title"}'
check "... and nothing of another kind" eval '! grep -v "^#/definitions/plan/\|^#/allOf/3/if if " <<<"$out" && ! has "\"name\"" && ! has "\"type\""'
finish
