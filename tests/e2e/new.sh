#!/usr/bin/env bash
# samverkan new on a git copy of examples/hoglandet: each command's file
# validates and adds no lint finding but the ones a fresh skeleton has,
# `new plan --from` carries exactly the unfinished activities, nothing is
# ever overwritten, the path is printed relative to the current directory.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"

repo=$work/hoglandet
cp -r "$src/examples/hoglandet" "$repo"
git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.name=t -c user.email=t@t commit -qm init
today=(--today 2026-10-15)

# lint_codes FILE: the lint findings located in FILE, "code" per line, sorted.
lint_codes() {
  "$bin" -C "$repo" lint "${today[@]}" --format json 2>/dev/null |
    python3 -c 'import json,sys; f=sys.argv[1]; print("\n".join(sorted(x["code"] for x in json.load(sys.stdin)["findings"] if x["file"]==f)))' "$1"
}
validate_count() { "$bin" -C "$repo" validate --format json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))'; }
base=$(validate_count)
check "the example validates clean before" [ "$base" = 0 ]

# made WHAT PATH ALLOWED...: the file exists, validation is still clean,
# and lint finds in it nothing but ALLOWED (codes a skeleton has by nature).
made() {
  local what=$1 path=$2 file=$3
  shift 3
  check "$what: exit 0" code_is 0
  check "$what: prints $path" [ "$out" = "$path" ]
  check "$what: the file exists" [ -f "$path" ]
  local v
  v=$(validate_count)
  check "$what: validation still clean ($v)" [ "$v" = 0 ]
  local codes extra
  codes=$(lint_codes "$file")
  extra=$(grep -vxF -f <(printf '%s\n' "$@" "") <<<"$codes" || true)
  out="lint in $file: $codes"
  check "$what: no lint finding but the skeleton's" [ -z "$extra" ]
  echo "   lint in the new file: ${codes:-none}"
}

cd "$repo"
run new meeting styrgrupp-nassjo 2026-11-20
made "new meeting" meetings/styrgrupp-nassjo/2026-11-20.yaml meetings/styrgrupp-nassjo/2026-11-20.yaml
run validate meetings/styrgrupp-nassjo/2026-11-20.yaml
check "the meeting's file validates on its own" code_is 0
grep -q '^  - organisation: ' meetings/styrgrupp-nassjo/2026-11-20.yaml
check "attendees prefilled" [ $? = 0 ]
check "Swedish agenda" grep -q 'title: Uppföljning av åtgärdslistan' meetings/styrgrupp-nassjo/2026-11-20.yaml

run new meeting styrgrupp-nassjo 2026-11-20
check "never overwrites: exit 2" code_is 2
check "never overwrites: names the file" has "meetings/styrgrupp-nassjo/2026-11-20.yaml"
run new meeting styrgrupp-nasjo 2026-11-21
check "unknown forum: exit 2" code_is 2
check "unknown forum: did you mean" has "styrgrupp-nassjo"
run new meeting styrgrupp-nassjo 2026-02-30
check "bad date: exit 2" code_is 2
run --lang en new meeting styrgrupp-nassjo 2026-12-01 --type ordinary
check "bad type: exit 2, in English" bash -c '[ '"$code"' = 2 ] && grep -q "is not a valid value" <<<"$1"' _ "$out"

run new plan uppdrag-samverkan-nassjo 2027 --from handlingsplan-nassjo-2026
made "new plan --from" plans/uppdrag-samverkan-nassjo/2027.yaml plans/uppdrag-samverkan-nassjo/2027.yaml
carried=$(python3 - <<'PY'
import yaml
old = yaml.safe_load(open("plans/uppdrag-samverkan-nassjo/2026.yaml"))
new = yaml.safe_load(open("plans/uppdrag-samverkan-nassjo/2027.yaml"))
want = [a["id"] for a in old.get("activities", []) if a.get("status", "planned") not in ("done", "cancelled")]
got = [a["id"] for a in new.get("activities", [])]
goals = [g["id"] for g in old.get("goals", [])] == [g["id"] for g in new.get("goals", [])]
print("ok" if want == got and new["status"] == "draft" and goals and len(got) < len(old["activities"]) else "want %s got %s" % (want, got))
PY
)
out=$carried
check "new plan --from carries exactly the unfinished activities" [ "$carried" = ok ]

run new plan uppdrag-samverkan-nassjo 2028
made "new plan (skeleton)" plans/uppdrag-samverkan-nassjo/2028.yaml plans/uppdrag-samverkan-nassjo/2028.yaml \
  plan-without-target-group
run new plan uppdrag-samverkan-nassjo 2029 --from handlingsplan-nassjo-2062
check "unknown plan: exit 2 with did you mean" bash -c '[ '"$code"' = 2 ] && grep -q "handlingsplan-nassjo-2026" <<<"$1"' _ "$out"

run new report uppdrag-samverkan-nassjo 2026
made "new report" reports/helarsrapport-nassjo-2026.yaml reports/helarsrapport-nassjo-2026.yaml
check "completed activities as comments" grep -q '^# - ' reports/helarsrapport-nassjo-2026.yaml

run new organisation vaxjo-kommun --name 'Växjö kommun: "x" # y' --type municipality
made "new organisation" organisations/vaxjo-kommun.yaml organisations/vaxjo-kommun.yaml \
  organisation-without-contact organisation-without-mandate
run new collaboration samverkan-test --name Test --parties nassjo-kommun,vaxjo-kommun
made "new collaboration" collaborations/samverkan-test.yaml collaborations/samverkan-test.yaml \
  collaboration-without-steering plan-outdated
run new forum styrgrupp-test --name 'Styrgrupp Test' --collaboration samverkan-test --type steering --cadence quarterly
made "new forum" forums/styrgrupp-test.yaml forums/styrgrupp-test.yaml forum-meets-cadence
run new organisation Bad_Id --name X --type other
check "bad id: exit 2" code_is 2
run new organisation x-org --name "$(printf 'bad \xc3(')" --type other
check "invalid UTF-8: exit 2" code_is 2

# The path is relative to the current directory, from a subdirectory too.
cd "$repo/forums"
run new meeting styrgrupp-test 2026-12-03
made "new meeting from a subdirectory" ../meetings/styrgrupp-test/2026-12-03.yaml meetings/styrgrupp-test/2026-12-03.yaml
cd "$repo"
check "nothing tracked was changed" bash -c '[ -z "$(git -C "$1" diff --name-only)" ]' _ "$repo"
finish
