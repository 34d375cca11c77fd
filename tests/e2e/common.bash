# Helpers for the end-to-end scripts: source it, then call the functions.
# Usage in a script:  bin=$1; src=$2; . "$src/tests/e2e/lib.sh"
set -uo pipefail
bin=$(realpath "$bin")
export NO_COLOR=1
unset SAMVERKAN_LANG
failures=0
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/.cache

# run ARGS...: runs samverkan, sets $out (stdout+stderr) and $code; gives up
# after $run_limit seconds (code 124).
run_limit=120
run() {
  out=$(timeout "$run_limit" "$bin" "$@" 2>&1)
  code=$?
}
# hostile CASE SCALE: the repository bench/hostile.py makes, in $work/CASE.
hostile() { python3 "$src/bench/hostile.py" "$1" "$2" "$work/$1"; }
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; echo "--- output:"; echo "$out" | head -40; failures=$((failures + 1)); fi
}
has() { grep -qF -- "$1" <<<"$out"; }
code_is() { [ "$code" = "$1" ]; }
# new_repo DIR: a minimal valid repository.
new_repo() {
  mkdir -p "$1/organisations"
  printf 'name: Test\nlanguage: en\n' >"$1/samverkan.yaml"
  printf 'kind: organisation\nid: nassjo-kommun\nname: Nässjö kommun\ntype: municipality\n' >"$1/organisations/nassjo.yaml"
}
finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
  echo "all checks passed"
}
