#!/usr/bin/env bash
# Swedish everywhere (issue 13, item 5): no English word of tests/data/english_words.txt
# in the Swedish catalogue, the help of every command, `rules` for every rule and
# code, or the Swedish output of validate, lint and render on the examples and on
# every golden fixture (where the findings are). The word list's header says what
# is matched and what is exempt.
#
# `diff` and `log` are checked on a git repository made from the example, with
# commits that change a status, a target and a measurement.
# Machine formats (json, sarif, junit) and the calendar (.ics) are left out:
# programs read them. HTML is checked as the examples' whole sites, as text.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
words=$src/tests/data/english_words.txt
checker=$src/tests/e2e/lib/english_words.py
outdir=$work/out
mkdir -p "$outdir"

# english TITLE FILE...: the check, naming what the files hold.
english() {
  local what=$1
  shift
  out=$(python3 "$checker" "$words" "$@" 2>&1)
  check "$what: no English word" eval '[ -z "$out" ]'
}

# 1. The catalogue itself, as written (placeholders unfilled).
out=$(python3 "$checker" --catalogue "$words" "$src"/lib/core/msg/*.def "$src/lib/core/kinds.def" 2>&1 >/dev/null)
check "the catalogue's entries are all read" eval 'grep -q "entries checked" <<<"$out"'
out=$(python3 "$checker" --catalogue "$words" "$src"/lib/core/msg/*.def "$src/lib/core/kinds.def" 2>/dev/null)
check "the Swedish catalogue: no English word" eval '[ -z "$out" ]'

# 2. The help of every command, and every subcommand of render.
"$bin" --lang sv --help >"$outdir/help.txt" 2>&1
for cmd in validate lint rules schema diff log render "render site" "render plan" "render meeting" \
           "render report" "render collaboration" "render directory" "render calendar"; do
  # shellcheck disable=SC2086
  "$bin" --lang sv $cmd --help >>"$outdir/help.txt" 2>&1
done
english "the help of every command" "$outdir/help.txt"
# Columns by characters, not bytes: "--out KATALOG KRÄVS" has its description
# where every other row has it (CLI11 counted the bytes of Ä and Ö).
out=$(python3 -c '
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    row = re.match(r"^  (-\S.*?\S) {2,}(\S.*)$", line.rstrip("\n"))
    if row and len(row.group(0)) - len(row.group(2)) != 30:
        print(line.rstrip())
' "$outdir/help.txt")
check "the help's descriptions start at one column" eval '[ -z "$out" ]'
check "render's help lists its commands under a Swedish heading" eval 'grep -q "^Kommandon:" <<<"$("$bin" --lang sv render --help)"'

# 3. `rules`, and `rules ID` for every rule it lists (the codes' explanations are
# not listed by `rules`; left for later).
"$bin" --lang sv rules >"$outdir/rules.txt" 2>&1
for id in $(grep -oE '^[a-z][a-z0-9-]+' "$outdir/rules.txt"); do
  "$bin" --lang sv rules "$id" >>"$outdir/rules.txt" 2>&1
done
check "rules explains every rule it lists" eval '[ "$(grep -c "^Vad:" "$outdir/rules.txt")" -ge 25 ]'
english "rules and their explanations" "$outdir/rules.txt"

# 4. Every golden case's command again, in Swedish (its --lang en dropped), and
# the github format where it lints. Only text and md output is kept.
n=0
for cmd_file in "$src"/tests/{errors,rules,lint,render}/*/cmd; do
  case_dir=$(dirname "$cmd_file")
  repo=$case_dir/repo
  [ -d "$repo" ] || repo=$case_dir
  args=$(head -n 1 "$cmd_file" | sed -e 's/--lang en//' -e 's/--format [a-z]*//' -e 's/-o [^ ]*//g')
  case "$args" in *html*|*calendar*|*site*|*schema*|*--write-baseline*) continue ;; esac
  name=${case_dir#"$src"/tests/}
  (cd "$repo" && export GIT_CEILING_DIRECTORIES=$(dirname "$PWD") SOURCE_DATE_EPOCH=1792022400 &&
   eval "\"$bin\" $args --lang sv" >"$outdir/${name//\//_}.txt" 2>&1
   case "$args" in lint*) eval "\"$bin\" $args --lang sv --format github" >>"$outdir/${name//\//_}.txt" 2>&1 ;; esac)
  n=$((n + 1))
done
check "the golden cases ran in Swedish ($n)" eval '[ "$n" -gt 60 ]'
english "the golden cases in Swedish" "$outdir"/errors_*.txt "$outdir"/rules_*.txt "$outdir"/lint_*.txt "$outdir"/render_*.txt

# 5. The examples: validate, lint and every report in Markdown.
for ex in "$src"/examples/*/; do
  name=$(basename "$ex")
  {
    "$bin" --lang sv validate "$ex"
    "$bin" --lang sv lint "$ex" --today 2026-10-15 --fail-on info
    "$bin" --lang sv lint "$ex" --today 2026-03-01 --fail-on info
    "$bin" --lang sv lint "$ex" --today 2026-03-01 --format github
    "$bin" --lang sv -C "$ex" render directory --today 2026-10-15
  } >"$outdir/example_$name.txt" 2>&1
  "$bin" --lang sv -C "$ex" render site --out "$work/site-$name" --today 2026-10-15 >/dev/null 2>&1
done
english "validate, lint and render directory on the examples" "$outdir"/example_*.txt
# Every page of the examples' sites, as text: the tags (and their attributes,
# class names a reader never sees) removed.
pages=0
for page in "$work"/site-*/*.html; do
  sed -e 's/<[^>]*>/ /g' "$page" >"$outdir/page_$(basename "$(dirname "$page")")_$(basename "$page").txt"
  pages=$((pages + 1))
done
check "the examples' sites were written ($pages pages)" eval '[ "$pages" -gt 20 ]'
english "the examples' sites" "$outdir"/page_*.txt

# 6. diff and log on the example in git: a status, a target and a measurement
# changed, the plan's file moved.
repo=$work/git-example
cp -r "$src/examples/hoglandet" "$repo"
(
  cd "$repo" && export GIT_CEILING_DIRECTORIES=$work HOME=$work GIT_CONFIG_NOSYSTEM=1 &&
  git init -q -b main && git add -A && git -c user.name=T -c user.email=t@example.org commit -qm Första &&
  plan=plans/samverk-hoglandet/2026.yaml &&
  sed -i '0,/status: ongoing/s//status: done/' "$plan" &&
  sed -i '0,/      value: \([0-9]*\)$/s//      value: 99/' "$plan" &&
  git -c user.name=T -c user.email=t@example.org commit -qam Andra &&
  "$bin" --lang sv diff HEAD~1 HEAD && "$bin" --lang sv diff HEAD~1 HEAD --format md &&
  for id in $(grep -h "^id:" "$plan" plans/uppdrag-samverkan-nassjo/2026.yaml | cut -d' ' -f2); do
    "$bin" --lang sv log "$id" && "$bin" --lang sv log "$id#m1" && "$bin" --lang sv log "$id#a1"
  done
) >"$outdir/git_example.txt" 2>&1
check "diff and log ran on the example in git" eval 'grep -q "har lagts till" "$outdir/git_example.txt" && grep -q "~ " "$outdir/git_example.txt"'
english "diff and log on the example" "$outdir/git_example.txt"

# The same in reverse for English: none of the Swedish CLI words.
"$bin" --lang en --help >"$outdir/help-en.txt" 2>&1
for cmd in validate lint rules schema diff log render; do "$bin" --lang en $cmd --help >>"$outdir/help-en.txt" 2>&1; done
check "the English help has no Swedish heading" eval '! grep -qE "Flaggor|Kommandon|Användning|KRÄVS|KATALOG|\bFIL\b" "$outdir/help-en.txt"'
finish
