#!/usr/bin/env bash
# Scaffolds a new lint rule (docs/contributing.md), as ruff's
# scripts/add_rule.py does:
#
#   lib/lint/rules/new-rule.sh RULE-ID [info|warning|error]
#
#  - writes lib/lint/rules/<rule_id>.cpp from a template: id, default severity
#    (warning unless given), summary and explanation in both languages marked
#    TODO, and a check that finds nothing yet;
#  - adds it to lib/lint/rules/registry.cpp, in sorted order;
#  - creates tests/rules/RULE-ID/ with a fixture repository skeleton, the
#    command line and an empty `expected`, to be filled and reviewed.
# Then: write the check and the texts, make the fixture fail the rule,
# rebuild, `UPDATE_GOLDEN=1 ctest --test-dir build -R golden/rules/RULE-ID`,
# review tests/rules/RULE-ID/expected, and regenerate docs/rules.md.
set -euo pipefail

die() { echo "new-rule.sh: $*" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: lib/lint/rules/new-rule.sh RULE-ID [info|warning|error]"
id=$1
severity=${2:-warning}
[[ $id =~ ^[a-z0-9]+(-[a-z0-9]+)+$ ]] || die "\`$id\` is not a kebab-case id of two words or more (e.g. goal-without-owner)"
case $severity in info|warning|error) ;; *) die "\`$severity\` is not a default severity: info, warning or error" ;; esac
root=$(cd "$(dirname "$0")/../../.." && pwd)
name=${id//-/_}
rule_file=$root/lib/lint/rules/$name.cpp
case_dir=$root/tests/rules/$id
registry=$root/lib/lint/rules/registry.cpp
[ ! -e "$rule_file" ] || die "$rule_file exists already"
[ ! -e "$case_dir" ] || die "$case_dir exists already"
! grep -q "&$name,\$" "$registry" || die "$name is in registry.cpp already"
if grep -q "^CODE([a-z0-9_]*, \"$id\"," "$root/lib/core/codes.def"; then die "\`$id\` is a validation code (lib/core/codes.def)"; fi

cat >"$rule_file" <<EOF
#include "lint/rule_util.h"

namespace sv::rules {

// TODO: the messages, each with its stable id "rule.$id.<what>".
static const Tr kMsg{"rule.$id.msg", "TODO: vad som är fel med \`{0}\`",
                     "TODO: what is wrong with \`{0}\`"};
static const Tr kHelp{"rule.$id.help", "TODO: hur man rättar det", "TODO: how to fix it"};

static void check(Context& c) {
  // TODO: find what the rule is about, e.g.
  //   for (const auto& org : c.repo.organisations)
  //     if (!org.mandate.set) c.report(org.where(), org.id.v, "", msg_of(kMsg, org.id.v), msg_of(kHelp));
  // c.index() has the shared lookups, rule_util.h the shared helpers,
  // c.option_int("NAME") the options declared below.
  (void)c;
  (void)kMsg;
  (void)kHelp;
}

extern const Rule $name{
    "$id",
    Severity::$severity,
    {"rule.$id.summary", "TODO: en rad om vad regeln finner", "TODO: one line on what the rule finds"},
    {{"rule.$id.explanation",
      R"(Vad: TODO vad regeln finner, exakt.

Varför: TODO varför det spelar roll för samverkan, med källa.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: TODO exactly what the rule finds.

Why: TODO why it matters for samverkan, with its source.

Fails:
{example1}

Passes:
{example2})"},
     // The examples' YAML, the same in both languages, each printed indented at its {exampleN}.
     {R"(kind: organisation
id: TODO)",
      R"(kind: organisation
id: TODO)"}},
    {},  // options: {"name", "default", OptionDef::Type::integer, {"rule.$id.opt.name", "sv", "en"}, min, max}
    check,
};

}  // namespace sv::rules
EOF

# Both lists of registry.cpp (the externs and the table) stay sorted by id.
python3 - "$registry" "$name" <<'PY'
import re, sys
path, name = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
def insert(pattern, new):
    idx = [i for i, l in enumerate(lines) if re.fullmatch(pattern, l)]
    if not idx:
        sys.exit(f"new-rule.sh: no line like {pattern!r} in {path}")
    key = lambda n: n.replace("_", "-")  # sorted by id, and `-` sorts before digits, `_` after
    at = next((i for i in idx if key(re.fullmatch(pattern, lines[i]).group(1)) > key(name)), idx[-1] + 1)
    lines.insert(at, new)
insert(r"extern const Rule ([a-z0-9_]+);", f"extern const Rule {name};")
insert(r"      &([a-z0-9_]+),", f"      &{name},")
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY

mkdir -p "$case_dir/repo"
echo "lint --today 2026-10-15 --lang en --color never --select $id" >"$case_dir/cmd"
: >"$case_dir/expected"
cat >"$case_dir/repo/samverkan.yaml" <<EOF
name: Fixture för $id
EOF
cat >"$case_dir/repo/parter.yaml" <<'EOF'
# TODO: data that fails the rule (and, next to it, data that passes it).
kind: organisation
id: nassjo-kommun
name: Nässjö kommun
type: municipality
---
kind: organisation
id: region-jkpg
name: Region Jönköpings län
type: region
EOF

echo "created ${rule_file#"$root"/}, tests/rules/$id/ and a line in lib/lint/rules/registry.cpp"
echo "next: fill in the TODOs, rebuild, then"
echo "  UPDATE_GOLDEN=1 ctest --test-dir build -R golden/rules/$id && git diff tests/rules/$id"
echo "  build/cli/samverkan rules --markdown > docs/rules.md"
