#!/usr/bin/env bash
# Install and the Debian package (issue 15, item 1): `cmake --install` of the
# build this binary belongs to puts the stripped binary, the man pages, the
# completions and the JSON Schemas in their places; `cpack -G DEB` makes a
# package whose Depends are Debian's runtime packages (never -dev), with its
# section, description and copyright, holding the same files.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
build=$(cd "$(dirname "$bin")/.." && pwd)
check "the binary belongs to a CMake build" test -f "$build/CMakeCache.txt"

# cmake --install into a staging directory.
out=$(DESTDIR=$work/stage cmake --install "$build" --prefix /usr 2>&1)
code=$?
check "cmake --install: exit 0" code_is 0
files=(
  usr/bin/samverkan
  usr/share/man/man1/samverkan.1 usr/share/man/man1/samverkan-validate.1 usr/share/man/man1/samverkan-lint.1
  usr/share/man/sv/man1/samverkan.1 usr/share/man/sv/man1/samverkan-render.1
  usr/share/bash-completion/completions/samverkan
  usr/share/zsh/vendor-completions/_samverkan
  usr/share/fish/vendor_completions.d/samverkan.fish
  usr/share/samverkan/schema/samverkan.schema.json usr/share/samverkan/schema/samverkan-config.schema.json
  usr/share/doc/samverkan/copyright
)
for f in "${files[@]}"; do check "installed: /$f" test -s "$work/stage/$f"; done
out=$(file "$work/stage/usr/bin/samverkan")
check "the installed binary is stripped" eval 'has "stripped" && ! has "not stripped"'
out=$("$work/stage/usr/bin/samverkan" schema)
check "the installed schema is what the binary prints" eval '[ "$out" = "$(cat "$work/stage/usr/share/samverkan/schema/samverkan.schema.json")" ]'
out=$("$work/stage/usr/bin/samverkan" --version)
check "--version: samverkan, libyaml, libgit2" eval 'has "samverkan " && grep -qE "^libyaml [0-9]+\.[0-9]+" <<<"$out" && grep -qE "^libgit2 [0-9]+\.[0-9]+\.[0-9]+" <<<"$out"'

# The Debian package.
out=$(cd "$build" && cpack -G DEB -B "$work/deb" 2>&1)
code=$?
check "cpack -G DEB: exit 0" code_is 0
deb=$(ls "$work"/deb/samverkan_*.deb 2>/dev/null | head -1)
check "a samverkan_*.deb" test -s "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
out=$depends
echo "Depends: $depends"
check "Depends computed from the shared libraries (libgit2, libyaml, libc, libstdc++, libfmt)" eval \
  'has libc6 && has libstdc++6 && has libgit2- && has libyaml-0 && has libfmt'
check "no -dev package in Depends" eval '! grep -q -- "-dev\b" <<<"$depends"'
out=$(dpkg-deb -f "$deb" Section Package Architecture Maintainer Description)
check "section, name, architecture, maintainer, description" eval \
  'has "Section: utils" && has "Package: samverkan" && has "Architecture: $(dpkg --print-architecture)" && has "Maintainer: samverkan-dev" && has "YAML in git"'
out=$(dpkg-deb -c "$deb")
for f in "${files[@]}"; do check "in the package: /$f" has "./$f"; done
mkdir -p "$work/unpacked"
dpkg-deb -x "$deb" "$work/unpacked"
out=$(file "$work/unpacked/usr/bin/samverkan")
check "the packaged binary is stripped" eval '! has "not stripped"'
out=$("$work/unpacked/usr/bin/samverkan" -C "$src/examples/hoglandet" validate 2>&1)
code=$?
check "the packaged binary validates the example" code_is 0
finish
