#!/usr/bin/env bash
# The error catalogue is complete: every validation code the loader and the
# validator can emit has a row in tests/errors/README.md, and every row a case.
set -euo pipefail
src=$2
cd "$src"
codes=$(python3 - <<'PY'
import glob, re
found = set()
readers = ["lib/load/decode.cpp", "lib/load/map_reader.cpp"] + sorted(glob.glob("lib/load/read_*.cpp"))
for f in ["lib/load/yaml.cpp", "lib/load/validate.cpp", "lib/load/source.cpp", "lib/load/repository.cpp"] + readers:
    text = open(f, encoding="utf-8").read()
    found |= set(re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)",\s*msg', text))
    found |= set(re.findall(r'code = "([a-z0-9]+(?:-[a-z0-9]+)+)"', text))
print("\n".join(sorted(found)))
PY
)
[ -n "$codes" ] || { echo "found no codes in the sources"; exit 1; }
status=0
for c in $codes; do
  grep -q "^| \[\`$c\`\]" tests/errors/README.md || { echo "code $c has no row in tests/errors/README.md"; status=1; }
  if [ ! -f "tests/errors/$c/cmd" ] && ! grep -q "$c" tests/e2e/bad_input.sh; then
    echo "code $c has neither a case in tests/errors/ nor a test in tests/e2e/bad_input.sh"; status=1
  fi
done
for d in tests/errors/*/; do
  c=$(basename "$d")
  grep -qx "$c" <<<"$codes" || { echo "tests/errors/$c is not a code the sources emit"; status=1; }
done
echo "$(echo "$codes" | wc -l) codes checked"
exit $status
