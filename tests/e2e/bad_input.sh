#!/usr/bin/env bash
# Bad and hostile input: each case gets a finding (exit 1) or a clear error
# (exit 2), never a crash or a hang.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"

# Usage and system errors: exit 2.
run --version; check "--version prints the version" eval 'code_is 0 && has "samverkan 0."'
run --help; check "--help exits 0" code_is 0
run validate --no-such-option; check "unknown option is exit 2" code_is 2
run frobnicate; check "unknown command is exit 2" code_is 2
mkdir -p "$work/empty"
run validate "$work/empty"; check "no samverkan.yaml is exit 2 with a message" eval 'code_is 2 && has "no samverkan.yaml" || has "ingen samverkan.yaml"'
run -C "$work/does-not-exist" validate; check "-C to a missing directory is exit 2" code_is 2
r="$work/ok"; new_repo "$r"
run validate "$r" --lang xx; check "unknown --lang is exit 2" code_is 2
run -C "$r" validate; check "-C runs in the directory" eval 'code_is 0 && has "no findings"'
run validate "$r/organisations"; check "the root is found upwards from a subdirectory" code_is 0
run validate "$r" --lang sv; check "--lang sv overrides the configuration" has "inga fynd"

# Empty, comment-only, BOM and CRLF files are fine.
printf '' >"$r/organisations/empty.yaml"
printf '# bara en kommentar\n---\n' >"$r/organisations/comment.yml"
printf '\xef\xbb\xbfkind: organisation\r\nid: eksjo-kommun\r\nname: Eksjö kommun\r\ntype: municipality\r\nnmae: x\r\n' >"$r/organisations/crlf.yaml"
run validate "$r"
check "BOM and CRLF: right line and column" eval 'code_is 1 && has "organisations/crlf.yaml:5:1: error[field-unknown]"'
rm "$r/organisations/crlf.yaml"
# CR alone ends a line too (old Mac files), as in YAML: real lines, and each shown by itself.
printf 'kind: organisation\rid: eksjo-kommun\rname: Eksjö kommun\rtype: municipalityx\rnmae: x\r' >"$r/organisations/cr.yaml"
run validate "$r"
check "CR line ends: right line and column" eval 'code_is 1 && has "organisations/cr.yaml:4:7: error[enum-invalid]" && has "organisations/cr.yaml:5:1: error[field-unknown]"'
check "CR line ends: the source line is that line alone" eval 'has "4 | type: municipalityx" && has "5 | nmae: x" && ! grep -q "kind: organisation" <<<"$out"'
rm "$r/organisations/cr.yaml"
run validate "$r"; check "empty and comment-only files are fine" code_is 0

# A 20 MB file loads.
big="$work/big"; new_repo "$big"
python3 - "$big/organisations/many.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    i = 0
    while f.tell() < 20 * 1024 * 1024:
        f.write(f"---\nkind: organisation\nid: org-{i}\nname: Organisation nummer {i} med ett långt namn\n"
                f"type: other\nmandate: |\n  Ansvarar för uppdrag nummer {i}, med en text som är lite längre än annars.\n"
                f"services: [Rådgivning, Samordning, Information]\n")
        i += 1
PY
run validate "$big"; check "a 20 MB file validates clean" eval 'code_is 0 && has "no findings"'

# A file over the limit is reported, not read.
head -c $((65 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$big/organisations/huge.yaml"
run validate "$big"; check "a 65 MB file: file-too-large" eval 'code_is 1 && has "error[file-too-large]"'
rm -rf "$big"

# Deep nesting and alias bombs.
d="$work/deep"; new_repo "$d"
python3 -c "print('x: ' + '['*100000 + ']'*100000)" >"$d/organisations/flow.yaml"
python3 -c "print(''.join(' '*i + 'a:\n' for i in range(3000)))" >"$d/organisations/block.yaml"
run validate "$d"
check "100 000-deep flow nesting and 3 000-deep block nesting: yaml-too-deep, twice" eval 'code_is 1 && [ $(grep -c "error\[yaml-too-deep\]" <<<"$out") = 2 ]'
python3 - "$d/organisations/bomb.yaml" <<'PY'
import sys
lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
for i, c in enumerate("bcdefghijklmnop"):
    prev = "abcdefghijklmnop"[i]
    lines.append(f"{c}: &{c} [" + ", ".join(["*" + prev] * 10) + "]")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
printf 'a: &a [1, *a]\n' >"$d/organisations/cycle.yaml"
run validate "$d"
check "alias bomb and anchor cycle are findings" eval 'code_is 1 && has "error[yaml-alias-bomb]" && has "error[yaml-anchor-cycle]"'
rm -rf "$d"

# Binary files, invalid UTF-8, symlinks out of the repository.
b="$work/bin"; new_repo "$b"
head -c 4096 /dev/urandom >"$b/organisations/random.yaml"
printf 'kind: organisation\nid: a\nname: \xff\xfe\n' >"$b/organisations/latin1.yaml"
echo 'kind: organisation' >"$work/outside.yaml"
ln -s "$work/outside.yaml" "$b/organisations/link.yaml"
ln -s "$work" "$b/linkdir"
run validate "$b"
check "random bytes are reported, not parsed" eval 'has "organisations/random.yaml"'
check "invalid UTF-8 is reported with its line" has "organisations/latin1.yaml:3:7: error[utf8-invalid]"
check "symlinks out of the repository are reported, not followed" eval 'has "organisations/link.yaml: error[symlink-outside]" && has "linkdir: error[symlink-outside]" && ! has "kind-missing"'
check "no control characters reach the terminal" eval '! grep -qP "[\x00-\x08\x0b-\x1f]" <<<"$out"'
check "bad files are exit 1" code_is 1
rm -rf "$b"

# A FIFO named like a data file never blocks; unreadable files and directories.
u="$work/unreadable"; new_repo "$u"
mkfifo "$u/organisations/pipe.yaml"
run validate "$u"; check "a FIFO is file-unreadable, not a hang" eval 'code_is 1 && has "organisations/pipe.yaml: error[file-unreadable]"'
rm "$u/organisations/pipe.yaml"
printf 'kind: organisation\nid: b\nname: B\ntype: region\n' >"$u/organisations/secret.yaml"
mkdir -p "$u/closed" && cp "$u/organisations/secret.yaml" "$u/closed/x.yaml"
chmod 000 "$u/organisations/secret.yaml" "$u/closed"
chmod 755 "$work"
as_user=()
if [ "$(id -u)" = 0 ]; then
  chmod -R o+rX "$u" 2>/dev/null; chmod 000 "$u/organisations/secret.yaml" "$u/closed"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
out=$(cd / && timeout 60 "${as_user[@]}" "$bin" validate "$u" 2>&1); code=$?
check "an unreadable file: file-unreadable" has "organisations/secret.yaml: error[file-unreadable]"
check "an unreadable directory: dir-unreadable" has "closed: error[dir-unreadable]"
check "unreadable input is exit 1, the rest is still checked" eval 'code_is 1 && ! has "nassjo"'
chmod 755 "$u/closed"; chmod 644 "$u/organisations/secret.yaml"

# Colour only when asked or on a terminal, never with NO_COLOR.
run validate "$u" --color always
check "--color always colours" eval 'grep -q $'"'"'\x1b\['"'"' <<<"$out"'
out=$(NO_COLOR=1 "$bin" validate "$u" 2>&1)
check "NO_COLOR: no escape codes" eval '! grep -q $'"'"'\x1b'"'"' <<<"$out"'

# A personnummer anywhere in the data is never repeated by any output.
p="$work/pin"; new_repo "$p"
printf 'kind: organisation\nid: o-8112189876\nname: Person 811218-9876\ntype: other\nnmae: x\n' >"$p/organisations/pin.yaml"
leaked=0
for fmt in text json sarif junit github gitlab; do
  out=$("$bin" lint "$p" --today 2026-10-15 --format "$fmt" 2>&1)
  grep -q "8112189876\|811218-9876" <<<"$out" && { echo "leaked in $fmt"; leaked=1; }
done
out=$("$bin" validate "$p" 2>&1)
grep -q "8112189876\|811218-9876" <<<"$out" && leaked=1
check "a personnummer in an id or name is masked in every format" eval '[ $leaked = 0 ] && has "811218****"'

# Output files: written through symbolic links, never replacing a FIFO or a
# device, keeping the permissions of the file they replace.
o="$work/out"; mkdir -p "$o"
mkfifo "$o/fifo"; (cat "$o/fifo" >"$o/from-fifo" &)
run schema --out "$o/fifo"; sleep 0.5
check "a FIFO as output is written to, not replaced" eval '[ -p "$o/fifo" ] && [ -s "$o/from-fifo" ]'
touch "$o/real.json" && chmod 600 "$o/real.json" && ln -s real.json "$o/link.json"
run schema --out "$o/link.json"
check "a symlink as output: its target is replaced, the link kept" eval '[ -L "$o/link.json" ] && [ -s "$o/real.json" ]'
check "the replaced file keeps its permissions" eval '[ "$(stat -c %a "$o/real.json")" = 600 ]'
run schema --out "$o/no/such/dir/x.json"; check "missing directories are created" eval 'code_is 0 && [ -s "$o/no/such/dir/x.json" ]'
run schema --out "$o"; check "a directory as output is exit 2" code_is 2
if [ -w /dev/full ]; then
  out=$("$bin" schema 2>&1 >/dev/full); code=$?
  check "a full disk on standard output is exit 2 with a message" eval 'code_is 2 && has "/dev/full" || has "standard"'
fi

finish
