#!/usr/bin/env bash
# The cache never changes an answer: cold, warm, after edits, after damage,
# and with --no-cache, the output is the same as without a cache.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
r="$work/repo"
cp -r "$src/tests/errors/reference-unknown/repo" "$r"
cp -r "$src/tests/errors/yaml-duplicate-key/repo/organisations" "$r/more"
export XDG_CACHE_HOME="$work/cache"
run validate "$r" --no-cache; expected=$out
check "--no-cache writes no cache" eval '[ ! -d "$work/cache/samverkan" ]'
run validate "$r"; check "cold run: same output" eval '[ "$out" = "$expected" ]'
check "the cache is under XDG_CACHE_HOME" eval 'ls "$work"/cache/samverkan/v1/*.pack >/dev/null'
run validate "$r"; check "warm run: same output" eval '[ "$out" = "$expected" ]'
# An edit: the finding moves with the text.
sed -i 's/owner: nasjo-kommun/owner: nassjo-kommun/' "$r/plans/p.yaml"
run validate "$r"; check "after an edit, the fixed finding is gone" eval '! has "nasjo-kommun" && has "[reference-unknown]"'
sed -i 's/owner: nassjo-kommun/owner: nasjo-kommun/' "$r/plans/p.yaml"
run validate "$r"; check "after undoing it, the finding is back" eval '[ "$out" = "$expected" ]'
# Damage: every byte of the pack flipped in turn at a few places, and garbage.
pack=$(ls "$work"/cache/samverkan/v1/*.pack)
size=$(stat -c %s "$pack")
for at in 0 9 30 $((size / 2)) $((size - 9)) $((size - 1)); do
  cp "$pack" "$work/good.pack"
  printf '\xff' | dd of="$pack" bs=1 seek="$at" conv=notrunc status=none
  run validate "$r"; check "a pack damaged at byte $at is not trusted" eval '[ "$out" = "$expected" ]'
  cp "$work/good.pack" "$pack"
done
head -c 100 "$pack" >"$work/t" && cp "$work/t" "$pack"
run validate "$r"; check "a truncated pack is not trusted" eval '[ "$out" = "$expected" ]'
head -c 4096 /dev/urandom >"$pack"
run validate "$r"; check "a foreign file as pack is not trusted" eval '[ "$out" = "$expected" ]'
chmod -R a-w "$work/cache"
if [ "$(id -u)" != 0 ]; then
  run validate "$r"; check "a read-only cache does not fail the run" eval '[ "$out" = "$expected" ]'
fi
chmod -R u+w "$work/cache"
# Checkouts: switching branches back and forth, every answer is the one
# without a cache (same paths, other bytes; a file that comes and goes).
g="$work/git"
cp -r "$r" "$g"
git -C "$g" init -q -b main && git -C "$g" add -A &&
  git -C "$g" -c user.name=t -c user.email=t@example.org commit -qm one
git -C "$g" checkout -q -b fix
sed -i 's/owner: nasjo-kommun/owner: nassjo-kommun/' "$g/plans/p.yaml"
printf 'kind: organisation\nid: ny\nname: Ny\ntype: region\nparent: saknas\n' >"$g/organisations-ny.yaml"
git -C "$g" add -A && git -C "$g" -c user.name=t -c user.email=t@example.org commit -qm two
for branch in main fix main fix; do
  git -C "$g" checkout -q "$branch"
  run validate "$g" --no-cache; want=$out
  run validate "$g"; check "after checking out $branch: the answer without a cache" eval '[ "$out" = "$want" ]'
  run validate "$g" --rev HEAD; check "--rev HEAD on $branch: the same answer" eval '[ "$out" = "$want" ]'
done
check "the branches really differ" eval '[ "$(git -C "$g" diff --stat main fix | wc -l)" -gt 1 ]'
finish
