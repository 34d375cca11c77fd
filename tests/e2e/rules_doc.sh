#!/usr/bin/env bash
# docs/rules.md is what `samverkan rules --markdown` prints from the rule table
# and the table of codes: a rule or a code changed without the doc fails here.
set -euo pipefail
bin=$1
src=$2
if ! "$bin" rules --markdown | diff -u "$src/docs/rules.md" -; then
  echo "docs/rules.md is out of date: run \`samverkan rules --markdown > docs/rules.md\` and review the diff" >&2
  exit 1
fi
# Every rule and every code has its section.
for id in $("$bin" rules | cut -d' ' -f1) field-required config-rule-unknown history-unavailable; do
  grep -q "^### \`$id\`\$" "$src/docs/rules.md" || { echo "docs/rules.md has no section for $id" >&2; exit 1; }
done
echo "docs/rules.md ok"
