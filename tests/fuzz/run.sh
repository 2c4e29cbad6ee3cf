#!/usr/bin/env bash
# Fuzzes every parser of a file an NGO supplies with libFuzzer (clang, from Debian), each seeded
# with the real files of content/ and the fixtures: the grant.json loader and validation, the
# sub-grant CSV, the workbook import (XLSX reader and cells), and the Markdown pipeline.
#   usage: tests/fuzz/run.sh [SECONDS] [TARGET...]     (default: 1800 s each, all four, in parallel)
# Builds into build-fuzz/ (ASan and UBSan in the library too); keeps the growing corpus in
# build-fuzz/corpus/<target>/, crashes in build-fuzz/crashes/, one log a target in build-fuzz/logs/,
# and prints each target's executions and crashes. A crash found becomes a test in tests/unit.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/packages.sh
source scripts/packages.sh
install_missing clang libclang-rt-14-dev cmake ninja-build

seconds=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_grant_json fuzz_subgrants_csv fuzz_workbook_import fuzz_markdown)

out=build-fuzz
if [ ! -f "$out/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DASHYQ_FUZZ=ON >/dev/null
fi
cmake --build "$out" --target "${targets[@]}" ashyq

seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_grant_json,fuzz_subgrants_csv,fuzz_workbook_import,fuzz_markdown} \
  "$out/crashes" "$out/logs"
n=0
for f in content/grants/*/grant.json tests/fixtures/*/content/grants/*/grant.json; do
  cp "$f" "$seeds/fuzz_grant_json/$((n += 1)).json"
done
for f in tests/fixtures/*/content/grants/*/subgrants.csv; do
  cp "$f" "$seeds/fuzz_subgrants_csv/$((n += 1)).csv"
done
for f in content/grants/*/*.md content/pages/*.md tests/fixtures/*/content/grants/*/*.md \
  tests/fixtures/*/content/pages/*.md; do
  [ -f "$f" ] && cp "$f" "$seeds/fuzz_markdown/$((n += 1)).md"
done
# libxlsxwriter 1.1.4 leaves a few strings of a data validation unfreed at close: not the parsers'
# business, so the leak checker is off for writing the seeds only.
for folder in content/grants/*/; do
  id=$(basename "$folder")
  ASAN_OPTIONS=detect_leaks=0 "$out/ashyq" workbook "$id" "$seeds/fuzz_workbook_import/$id.xlsx" --site . >/dev/null
done

# The grant target's site: the full fixture's site.toml, regions, directions and organisations,
# and one grant folder the fuzzer writes into.
site=$(mktemp -d /tmp/ashyq-fuzz-site.XXXXXX)
trap 'rm -rf "$site"' EXIT
cp -r tests/fixtures/full/site.toml tests/fixtures/full/content "$site/"
rm -rf "$site/content/grants"
mkdir -p "$site/content/grants/fuzz"

for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t"
  FUZZ_SITE="$site" ASAN_OPTIONS=detect_leaks=1 nice "$out/tests/fuzz/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/crashes/$t-" "$out/corpus/$t" "$seeds/$t" >"$out/logs/$t.log" 2>&1 &
done
status=0
wait || status=$?
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/logs/$t.log" | grep -o '[0-9]*$' || echo "?")
  crashes=$(find "$out/crashes" -name "$t-*" | wc -l)
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  echo "$t: $runs executions in ${seconds} s, $crashes crashes, corpus $corpus files (log $out/logs/$t.log)"
done
exit $status
