# samverkan init: a new repository that validates and lints clean, never
# written over, a git repository when it is not in one.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES=$work

cd "$work"
run init ny --example --today 2026-12-02
check "init --example: exit 0" code_is 0
check "init: lists what it created" has "skapade ny/samverkan.yaml"
check "init: says what to do next" has "nästa steg: cd ny && samverkan lint"
check "init: a git repository" test -d ny/.git
check "init: the folders, each with its README" test -f ny/plans/README.md -a -f ny/meetings/README.md -a -f ny/reports/README.md
check "init: the CI workflow (github by default)" test -f ny/.github/workflows/samverkan.yml
check "init: pre-commit, .gitignore and editor settings" test -f ny/.pre-commit-config.yaml -a -f ny/.gitignore -a -f ny/.vscode/settings.json
check "init: the name defaults to the directory's" grep -qx 'name: ny  # visas på varje rapport' ny/samverkan.yaml
run -C ny schema
check "init: .vscode's schema is samverkan schema's in the repository (Swedish)" \
  eval 'code_is 0 && [ "$out" = "$(cat ny/.vscode/samverkan.schema.json)" ] && has "organisationens namn"'
run -C ny validate
check "the new repository validates clean" code_is 0
run -C ny lint --fail-on info --today 2026-12-02
check "the new repository lints without a finding" code_is 0
check "lint: no finding" has "inga fynd"
run -C ny lint --fail-on info --today 2026-12-02 --format json
check "lint json: nothing" has '"findings": []'
run -C ny render site --out site --today 2026-12-02
check "the example renders" test -f ny/site/index.html
check ".gitignore keeps the site out of git" bash -c "cd ny && git check-ignore -q site/index.html"

# Never over a file that exists: nothing is written, exit 2.
echo "# mine" >ny/README.md
sum=$(cd ny && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
run init ny --example --today 2026-12-02
check "init over an existing repository: exit 2" code_is 2
check "init: names what exists" has "ny/README.md"
check "init: says --force" has "--force"
check "init: nothing was touched" test "$sum" = "$(cd ny && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)"
run init ny --example --today 2026-12-02 --force
check "init --force: exit 0" code_is 0
check "init --force: overwrote" bash -c "! grep -q '# mine' ny/README.md"

# The README's path of a new coordinator, on from init: new files, lint, the site.
run -C ny new meeting styrgrupp-exempelby 2027-01-20
check "new meeting in the new repository" eval 'code_is 0 && test -f ny/meetings/styrgrupp-exempelby/2027-01-20.yaml'
run -C ny new organisation nassjo-kommun --name "Nässjö kommun" --type municipality
check "new organisation in the new repository" eval 'code_is 0 && test -f ny/organisations/nassjo-kommun.yaml'
run -C ny validate
check "the new repository still validates clean" code_is 0
run -C ny lint --today 2026-12-02
check "lint: no errors (the new organisation lacks a contact and a mandate: warnings)" code_is 0

# English, GitLab, a name that needs quoting, inside a git repository already.
mkdir -p outer && git -C outer init -q
run init outer/en --lang en --ci gitlab --example --name 'Samverkan: "Öst" # 2' --today 2027-03-01
check "init --lang en: exit 0" code_is 0
check "init --lang en: English" has "created outer/en/samverkan.yaml"
check "init --lang en: the schemas in English" \
  grep -q "the organisation's name" outer/en/.vscode/samverkan.schema.json
check "init in a git repository: no git init" test ! -e outer/en/.git
check "init --ci gitlab: .gitlab-ci.yml" test -f outer/en/.gitlab-ci.yml -a ! -e outer/en/.github
check "init --lang en: the repository's language" grep -q '^language: en' outer/en/samverkan.yaml
run -C outer/en lint --fail-on info --today 2027-03-01
check "the English repository lints without a finding" code_is 0
check "lint in English" has "no findings"
run -C outer/en render site --out site --today 2027-03-01
check "the quoted name reads back (the site's title)" python3 -c 'import html,sys; sys.exit(0 if "Samverkan: \"Öst\" # 2" in html.unescape(open("outer/en/site/index.html").read()) else 1)'

# --no-git; a file where the directory should be; bad options.
run init plain --no-git
check "init --no-git: exit 0" code_is 0
check "init --no-git: no .git" test ! -e plain/.git
run -C plain lint --fail-on info
check "init without --example lints clean" code_is 0
touch afile
run init afile
check "init on a file: exit 2" code_is 2
check "init on a file: says so" has "ingen katalog"
run init x --name "   "
check "init --name blank: exit 2" eval 'code_is 2 && has "--name får inte vara tom"'
run init x --name $'\xff'
check "init --name not UTF-8: exit 2" eval 'code_is 2 && has "UTF-8"'
run init x --ci jenkins
check "init --ci jenkins: exit 2" code_is 2
run init x --today 2026-02-30
check "init --today bad: exit 2" code_is 2
check "init --today bad: nothing made" test ! -e x
finish
