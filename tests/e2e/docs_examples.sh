#!/usr/bin/env bash
# Every example in README.md and docs/*.md still works: each samverkan command
# line of a ```sh block runs (against a copy of examples/hoglandet made a git
# repository, or examples/ itself where the line names it) without a usage
# error (exit 2: an unknown command, option or rule); each ```yaml block that
# is an entity (a top-level `kind`) parses with a known kind, and each that is
# a samverkan.yaml loads and lints without config-* findings. A doc that
# drifts from the program fails here, as format.md §9 once named a rule that
# does not exist.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
export SOURCE_DATE_EPOCH=1792022400  # 2026-10-15, the date the examples are pinned to

# Lines that are examples but cannot run here, each with why: a substring of
# the command as extracted => the reason. No example needs the
# network, `[PATH]`-style optional placeholders are dropped, and every other
# name an example uses (HEAD~1, v2026-03, origin/main, samverkan.git, the
# entity ids) exists in the repository below. A placeholder such as `ID` or
# `FILE` in a new example belongs here, e.g. [' ID']="a placeholder".
declare -A skip=(
  # The README's path of a new coordinator works in the repository `init`
  # makes; tests/e2e/init.sh and new.sh walk it there.
  ['init samverkan-nassjo']="makes a repository of its own (tests/e2e/init.sh)"
  ['nassjo-kommun --name']="in the repository init made (tests/e2e/new.sh)"
  ['styrgrupp-exempelby 2027']="in the repository init made (tests/e2e/init.sh)"
  # A language server reads its standard input until the editor closes it.
  ['lsp']="a language server: an editor's client drives it"
)

# The repository the commands run in: the example, with a history the git
# examples can name (HEAD~1, v2026-03, styrgrupp-mars..styrgrupp-juni,
# origin/main, and a bare clone samverkan.git).
repo=$work/repo
cp -r "$src/examples/hoglandet" "$repo"
(
  cd "$repo" || exit 1
  git init -q -b main . && git config user.email docs@example.org && git config user.name Docs
  git add -A && git commit -qm first && git tag v2026-03 && git tag styrgrupp-mars
  printf '# reviderad\n' >>plans/uppdrag-samverkan-nassjo/2026.yaml
  git commit -qam second && git tag styrgrupp-juni
  git update-ref refs/remotes/origin/main v2026-03
  git clone -q --bare . samverkan.git
) || { echo "FAIL: could not set up $repo"; exit 1; }

# extract: one line per example, SOURCE<TAB>KIND<TAB>TEXT. KIND is `command`
# (TEXT: the words after `samverkan`, shell-quoted; `[PATH]`-style optional
# placeholders dropped), or `entity` / `config` / `fragment` (TEXT: the file
# the YAML block was written to).
extract() {
  python3 - "$src" "$work/yaml" <<'EOF'
import glob, os, re, shlex, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
config_keys = {"name", "language", "exclude", "rules", "calendar"}
docs = [os.path.join(src, "README.md")] + sorted(glob.glob(os.path.join(src, "docs", "*.md")))
count = 0
for doc in docs:
    rel = os.path.relpath(doc, src)
    fence, start, body = None, 0, []
    for number, line in enumerate(open(doc, encoding="utf-8"), 1):
        if line.startswith("```"):
            if fence is None:
                fence, start, body = line[3:].strip(), number, []
                continue
            where = f"{rel}:{start}"
            if fence == "sh":
                for at, text in enumerate(body, start + 1):
                    for part in text.split("&&"):
                        words = shlex.split(part, comments=True)
                        if not words or os.path.basename(words[0]) != "samverkan":
                            continue
                        args = [w for w in words[1:] if not re.fullmatch(r"\[[A-Z]+\]", w)]
                        quoted = " ".join(w if w in (">", ">>") else shlex.quote(w) for w in args)
                        print(f"{rel}:{at}\tcommand\t{quoted}")
            elif fence == "yaml":
                keys = {m.group(1) for m in re.finditer(r"^([A-Za-z_]+):", "".join(body), re.M)}
                kind = "entity" if "kind" in keys else "config" if keys and keys <= config_keys else "fragment"
                count += 1
                path = os.path.join(out, f"{count}.yaml")
                open(path, "w", encoding="utf-8").write("".join(body))
                print(f"{where}\t{kind}\t{path}")
            fence = None
        elif fence is not None:
            body.append(line)
EOF
}

# codes JSON: the finding codes of `samverkan ... --format json` output in $out.
codes() { python3 -c 'import json,sys; print(" ".join(f["code"] for f in json.load(sys.stdin)["findings"]))' <<<"$out"; }

run_command() {  # run_command SOURCE ARGS
  local where=$1 args=$2 reason dir=$repo
  for reason in "${!skip[@]}"; do
    if [[ "$args" == *"$reason"* ]]; then echo "skip: $where: samverkan $args (${skip[$reason]})"; return; fi
  done
  # A line naming examples/ (the README's first steps) runs in the source tree.
  [[ "$args" == *examples/* ]] && dir=$src
  out=$(cd "$dir" && eval "timeout $run_limit \"\$bin\" $args" </dev/null 2>&1)
  code=$?
  check "$where: samverkan $args (exit $code: no usage error)" eval '[ "$code" != 2 ] && [ "$code" != 124 ]'
}

# An entity: alone in a repository, it parses and its kind is known (what it
# refers to may well be missing there: the examples are excerpts).
check_entity() {  # check_entity SOURCE FILE
  local dir=$work/entity-$(basename "$2" .yaml)
  new_repo "$dir"
  cp "$2" "$dir/example.yaml"
  run validate "$dir" --format json
  local found
  found=$(codes)
  check "$1: the entity example parses, with a known kind ($found)" eval \
    '! grep -qwE "yaml-[a-z-]+|kind-missing|kind-unknown|document-not-mapping" <<<"$found"'
}

# A samverkan.yaml: it loads, and lint accepts its rules and options.
check_config() {  # check_config SOURCE FILE
  local dir=$work/config-$(basename "$2" .yaml)
  new_repo "$dir"
  cp "$2" "$dir/samverkan.yaml"
  grep -q '^name:' "$dir/samverkan.yaml" || printf 'name: Test\n' >>"$dir/samverkan.yaml"  # an excerpt of rules:
  run lint "$dir" --format json --today 2026-10-15
  local found
  found=$(codes)
  check "$1: the samverkan.yaml example has no config-* or YAML findings ($found)" eval \
    '[ "$code" != 2 ] && ! grep -qwE "config-[a-z-]+|yaml-[a-z-]+" <<<"$found"'
}

examples=$(extract) || { echo "FAIL: could not read the docs"; exit 1; }
commands=0 entities=0 configs=0 fragments=0
while IFS=$'\t' read -r where kind text; do
  case $kind in
    command) run_command "$where" "$text"; commands=$((commands + 1)) ;;
    entity) check_entity "$where" "$text"; entities=$((entities + 1)) ;;
    config) check_config "$where" "$text"; configs=$((configs + 1)) ;;
    fragment) fragments=$((fragments + 1)) ;;  # part of an entity, shown inside a rule's explanation
  esac
done <<<"$examples"
echo "$commands commands, $entities entities, $configs samverkan.yaml examples checked; $fragments fragments not"
check "the docs have examples of each kind" eval '[ "$commands" -ge 30 ] && [ "$entities" -ge 10 ] && [ "$configs" -ge 3 ]'
finish
