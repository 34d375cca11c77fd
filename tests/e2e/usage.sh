#!/usr/bin/env bash
# Usage errors: in the user's language, saying what is wrong and what to run,
# with exit code 2 — never CLI11's English, never a crash.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
new_repo "$work/r"
cd "$work/r"
run
check "no command: the commands are listed" eval 'code_is 2 && has "fel: ange ett kommando: init, validate, lint, rules, schema, diff, log, render, export, new, completion" && has "hjälp: kör \`samverkan --help\`"'
run valdate
check "a misspelt command: did you mean" eval 'code_is 2 && has "okänt kommando \`valdate\`" && has "menade du \`validate\`?"'
run --lang en nosuch
check "an unknown command, in English" eval 'code_is 2 && has "error: unknown command \`nosuch\`" && has "help: run \`samverkan --help\`"'
run validate --bogus
check "an unknown option" eval 'code_is 2 && has "oväntat argument: --bogus" && has "kör \`samverkan validate --help\`"'
run lint --today
check "an option without its value" eval 'code_is 2 && has "\`--today\` behöver ett värde"'
run render
check "render without what to render" eval 'code_is 2 && has "ange ett kommando: site, plan" && has "samverkan render --help"'
run render pln x
check "render with a misspelt kind" eval 'code_is 2 && has "okänt kommando \`pln\`" && has "menade du \`plan\`?"'
run --lang en render site
check "a required option" eval 'code_is 2 && has "\`--out\` is required" && has "run \`samverkan render site --help\`"'
run validate --format xml
check "a value not among the allowed" eval 'code_is 2 && has "--format: \`xml\` är inget av text, json" && has "samverkan validate --help"'
run --lang en lint --fail-on nope
check "... in English" eval 'code_is 2 && has "--fail-on: \`nope\` is not one of error, warning, info"'
check "nothing of CLI11's own words" eval '! has "Run with --help"'
run --help
check "--help still prints help and exits 0" eval 'code_is 0 && has "Kommandon"'
run --version
check "--version exits 0" eval 'code_is 0 && has "samverkan"'
# Help and version lost on the way out are a system error too, like any command's output.
if [ -w /dev/full ]; then
  for args in --help --version "validate --help" "render site --help"; do
    # shellcheck disable=SC2086
    out=$("$bin" $args --lang en 2>&1 >/dev/full); code=$?
    check "$args to a full disk is exit 2 with a message" eval 'code_is 2 && has "cannot write standard output"'
  done
fi
finish
