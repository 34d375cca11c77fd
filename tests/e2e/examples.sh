#!/usr/bin/env bash
# The bundled examples validate and lint clean, the same way every time.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
for ex in "$src"/examples/*/; do
  name=$(basename "$ex")
  run validate "$ex"
  check "examples/$name validates clean" eval 'code_is 0 && has "inga fynd"'
  first=$out
  run validate "$ex"
  check "examples/$name: identical output on a second run" eval '[ "$out" = "$first" ]'
  run lint "$ex" --today 2026-10-15 --fail-on info
  check "examples/$name is lint-clean on 2026-10-15, the date the examples are pinned to" eval 'code_is 0 && has "inga fynd"'
  run validate "$ex" --format json
  check "examples/$name: JSON has no findings" eval 'python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if d[\"findings\"]==[] else 1)" <<<"$out"'
done
finish
