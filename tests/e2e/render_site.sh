#!/usr/bin/env bash
# `samverkan render site`: every page is there, output is reproducible, hostile
# text stays text, templates/ overrides the built-in ones, and a failure
# leaves no half-written site.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
ex=$src/examples/hoglandet
fixture=$src/tests/render/fixture-repo

run render site "$ex" --out "$work/site" --today 2026-10-15
check "the example site renders" code_is 0
for f in index.html directory.html samverkan.ics .samverkan-site; do
  check "site has $f" test -f "$work/site/$f"
done
for kind in plan meeting organisation collaboration report; do
  n_ids=$(grep -rhl "^kind: $kind\$" "$ex" --include='*.yaml' | xargs grep -h "^id: " | sort -u | wc -l)
  n_pages=$(ls "$work/site" | grep -c "^$kind-.*\.html$")
  check "one page per $kind ($n_ids)" test "$n_ids" = "$n_pages" -a "$n_ids" -gt 0
done
check "links are relative: no absolute or external href" \
  eval '! grep -rhoE "(href|src)=\"(/|[a-z]+:)[^\"]*" "$work/site" --include="*.html" | grep -v "href=\"https\?://"'
check "every relative link points to a page of the site" eval '
  missing=0
  for l in $(grep -rhoE "href=\"[a-z0-9-]+\.(html|ics)" "$work/site" | sed "s/href=\"//" | sort -u); do
    [ -f "$work/site/$l" ] || { echo "missing $l"; missing=1; }
  done
  [ $missing = 0 ]'

cp -r "$work/site" "$work/first"
run render site "$ex" --out "$work/site" --today 2026-10-15
check "rendering again replaces the site" code_is 0
check "the same input gives byte-identical pages" diff -r "$work/first" "$work/site"
check "no temporary directories are left beside the site" eval '[ -z "$(ls -A "$work" | grep -E "^\.site\.(tmp|old)-")" ]'

run -C "$fixture" render site --out "$work/hostile/deep/site" --today 2026-05-20
check "--out is created with its parents" eval 'code_is 0 && test -f "$work/hostile/deep/site/index.html"'
check "hostile text is escaped: no <script>, <img>, <b> or <i> from the data" \
  eval '! grep -rlE "<script|<img|<b>|<i>" --include="*.html" "$work/hostile/deep/site"'
check "hostile text is shown as text" \
  grep -qF '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' "$work/hostile/deep/site/directory.html"
check "a javascript: value never becomes a link" eval '! grep -rq "href=\"javascript" "$work/hostile/deep/site"'

# A directory that is not a site is never replaced.
mkdir -p "$work/precious"
echo keep >"$work/precious/notes.txt"
run -C "$fixture" render site --out "$work/precious" --today 2026-05-20
check "refuses to replace a directory that is not a site (exit 2)" eval 'code_is 2 && has "inte en webbplats"'
check "the foreign file is untouched" grep -qx keep "$work/precious/notes.txt"

# templates/ overrides the built-in templates; a broken one fails cleanly.
cp -r "$fixture" "$work/repo"
mkdir -p "$work/repo/templates"
printf '/* kommunens grafiska profil */\nbody { color: #000; }\n' >"$work/repo/templates/style.css"
printf '# {{title}}\nEgen mall för {{collaboration.name}}\n' >"$work/repo/templates/plan.md.mustache"
run -C "$work/repo" render site --out "$work/custom" --today 2026-05-20
check "templates/style.css replaces the built-in CSS" eval 'grep -q "kommunens grafiska profil" "$work/custom/index.html" && ! grep -q "the built-in style" "$work/custom/index.html"'
run -C "$work/repo" render plan plan-test-2026 --today 2026-05-20
check "templates/plan.md.mustache replaces the built-in plan template, still escaped" \
  eval 'code_is 0 && [ "$out" = "$(printf "# Handlingsplan 2026 – Test\nEgen mall för Samverkan Test")" ]'
cp -r "$work/custom" "$work/custom-before"
printf '<h1>{{title}}</h1>\n{{#goals}}\n' >"$work/repo/templates/plan.html.mustache"
run -C "$work/repo" render site --out "$work/custom" --today 2026-05-20
check "a broken template is an error naming it (exit 2)" eval 'code_is 2 && has "plan.html.mustache"'
check "after a failure the old site is intact" diff -r "$work/custom-before" "$work/custom"
check "after a failure no temporary directory is left" eval '[ -z "$(ls -A "$work" | grep -E "^\.custom\.(tmp|old)-")" ]'

run -C "$fixture" --lang en render site --out "$work/en" --today 2026-05-20
check "--lang en gives English pages" eval 'grep -q "<html lang=\"en\">" "$work/en/index.html" && grep -q "Who does what" "$work/en/directory.html"'
check "Swedish is the default" grep -q '<html lang="sv">' "$work/hostile/deep/site/index.html"

run -C "$fixture" render plan plan-test-2026 --out "$work/docs/plan.md" --today 2026-05-20
check "a single document with --out is written to the file (parents created)" \
  eval 'code_is 0 && [ -z "$out" ] && grep -q "^# Handlingsplan 2026" "$work/docs/plan.md"'

# A repository with errors still renders, with a warning; an id that is not
# id-shaped ("../../utanfor") gets no page, so nothing is written outside --out.
cp -r "$src/tests/render/with-errors/repo" "$work/broken"
mkdir -p "$work/broken/out"
run -C "$work/broken" render site --out out/site --today 2026-05-20
check "a repository with errors renders, with a one-line warning" eval 'code_is 0 && [ "$(echo "$out" | wc -l)" = 1 ] && has "varning: förrådet har 3 fel"'
check "an id like ../../x never names a file" eval '[ -z "$(find "$work" -name "*utanfor*")" ] && grep -q "Utanför" "$work/broken/out/site/directory.html"'
finish
