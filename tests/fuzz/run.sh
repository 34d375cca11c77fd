#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs
# each for a bounded time from seeds made from examples/ and tests/errors/.
# Fails on any crash, sanitizer report, leak or timeout; what was found is
# left in build-fuzz/findings/<target>/ (crash-*, leak-*, timeout-*).
#   tests/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=build-fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DSAMVERKAN_FUZZ=ON -DBUILD_TESTING=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target fuzz_load fuzz_repo
rm -rf "$build/seeds"
python3 tests/fuzz/seeds.py . "$build/seeds"
status=0
for target in load repo; do
  corpus="$build/corpus/$target" findings="$build/findings/$target"
  mkdir -p "$corpus" "$findings"
  echo "fuzz_$target: ${seconds}s from $(ls "$build/seeds/$target" | wc -l) seeds"
  # New inputs go to corpus/ (kept between runs); seeds/ is only read.
  if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
      "$corpus" "$build/seeds/$target" >"$build/fuzz_$target.log" 2>&1; then
    status=1
    echo "FAIL: fuzz_$target found a problem:"
    grep -E "ERROR|SUMMARY|Test unit written|runtime error" "$build/fuzz_$target.log" | head -20
  else
    grep -E "stat::number_of_executed_units|Done" "$build/fuzz_$target.log" | head -2
  fi
done
if [ "$status" = 0 ]; then echo "fuzz: 2 passed, 0 failed"; else echo "fuzz: failures above"; fi
exit "$status"
