#!/usr/bin/env bash
# The VS Code extension (editors/vscode) packages into a .vsix with npm's
# @vscode/vsce, as CI makes it: the manifest, the client and the client's
# dependencies are in it. The tools come from .ci/install-deps (a fixed
# prefix); without npm the test is skipped (exit 77, SKIP_RETURN_CODE).
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "SKIP: npm is missing, run .ci/install-deps"
  exit 77
fi
tools=${SAMVERKAN_TEST_TOOLS:-/opt/samverkan-test-tools}
vsce=$tools/node_modules/.bin/vsce
deps=$tools/vscode-extension/node_modules
out="$vsce, $deps"
check "the tools are installed (.ci/install-deps)" eval '[ -x "$vsce" ] && [ -d "$deps/vscode-languageclient" ]'
out="$(cmp "$src/editors/vscode/package-lock.json" "$tools/vscode-extension/package-lock.json" 2>&1)"
check "the installed dependencies are the lock file's (else run .ci/install-deps)" eval '[ -z "$out" ]'
[ "$failures" = 0 ] || finish

# A copy of the extension's sources with the installed dependencies, so that
# the worktree gets no node_modules.
ext=$work/extension
mkdir -p "$ext"
(cd "$src/editors/vscode" && cp -r package.json package-lock.json extension.js README.md .vscodeignore "$ext/")
cp -r "$deps" "$ext/node_modules"
out=$(cd "$ext" && timeout 120 "$vsce" package --skip-license --out "$work/samverkan.vsix" 2>&1)
code=$?
check "vsce package makes the .vsix" eval 'code_is 0 && [ -s "$work/samverkan.vsix" ]'
out=$(python3 - "$work/samverkan.vsix" <<'PY'
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
manifest = json.loads(z.read("extension/package.json"))
print("manifest", manifest["name"], manifest["main"])
for name in ["extension/extension.js", "extension/README.md", "extension.vsixmanifest",
             "extension/node_modules/vscode-languageclient/node.js",
             "extension/node_modules/vscode-languageclient/package.json",
             "extension/node_modules/vscode-languageserver-protocol/package.json",
             "extension/node_modules/vscode-jsonrpc/package.json"]:
    print(("has " if name in names else "lacks ") + name)
for dep in manifest["dependencies"]:
    print(("has dep " if "extension/node_modules/%s/package.json" % dep in names else "lacks dep ") + dep)
print("sources:", " ".join(sorted(n for n in names if n.startswith("extension/") and "/node_modules/" not in n)))
PY
)
check "the .vsix holds the manifest, whose main is the client" has "manifest samverkan ./extension.js"
check "the .vsix holds the client and the README" eval 'has "has extension/extension.js" && has "has extension/README.md"'
check "the .vsix holds the client's dependencies" eval '! has "lacks " && has "has dep vscode-languageclient"'
check "the .vsix holds no lock file or packaged .vsix" eval '! has "package-lock.json" && ! has ".vsix "'
# The client loads its library and asks for `samverkan lsp` as configured.
out=$(cd "$ext" && node -e '
const Module = require("module");
const load = Module._load;
const settings = { path: "/opt/x/samverkan", lint: false, language: "en" };
Module._load = function (request, ...rest) {
  if (request === "vscode") return {
    workspace: { getConfiguration: () => ({ get: (k) => settings[k] }) },
  };
  if (request === "vscode-languageclient/node") return { LanguageClient: class {}, TransportKind: { stdio: 0 } };
  return load.call(this, request, ...rest);
};
const ext = require("./extension.js");
if (typeof ext.activate !== "function" || typeof ext.deactivate !== "function") throw new Error("no activate/deactivate");
require.resolve("vscode-languageclient/node");
const config = { get: (k) => settings[k] };
console.log(JSON.stringify(ext.serverOptions(config)));
console.log(JSON.stringify(ext.initializationOptions(config)));
settings.language = ""; settings.lint = undefined;
console.log(JSON.stringify(ext.serverOptions(config)));
console.log(JSON.stringify(ext.initializationOptions(config)));
' 2>&1)
code=$?
check "the client loads, and its library resolves" eval 'code_is 0'
check "it starts samverkan lsp from samverkan.path, with --lang from samverkan.language" \
  has '{"command":"/opt/x/samverkan","args":["lsp","--lang","en"],"transport":0}'
check "it passes lint and language as initializationOptions" has '{"lint":false,"language":"en"}'
check "without a language: the repository's, and lint on by default" \
  eval 'has "{\"command\":\"/opt/x/samverkan\",\"args\":[\"lsp\"],\"transport\":0}" && has "{\"lint\":true}"'
finish
