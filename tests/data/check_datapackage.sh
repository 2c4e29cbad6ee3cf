#!/usr/bin/env bash
# Builds content/, every fixture site under tests/fixtures/ and a portal as `ashyq init` writes it
# (tests/build_sites.sh) and reads the open data of each as real clients do (read_datapackage.mjs):
# every tabular resource of data/datapackage.json with the Frictionless reference implementation
# (npm datapackage), zero errors, every row, typed as the schema says, equal to the JSON files;
# every XLSX copy with exceljs, equal too. The new portal states no licence until its NGO chooses
# one: its build warns so once, and the reader finds that one gap and nothing else (below).
#   usage: check_datapackage.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
for tool in datapackage exceljs; do
  if [ ! -d "$source_dir/node_modules/$tool" ]; then
    echo "missing $tool in $source_dir/node_modules: run ./dev.sh test (it installs the npm test tools)" >&2
    exit 1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=../build_sites.sh
source "$source_dir/tests/build_sites.sh"
build_sites "$binary" "$source_dir" "$work"
reader="$source_dir/tests/data/read_datapackage.mjs"
licensed=()
for out in "${outputs[@]}"; do
  [ "$out" = "$init_output" ] || licensed+=("$out")
done
node "$reader" "${licensed[@]}"

# The new portal, as an NGO has it on its first day: no grants, and no data licence, which
# scaffold/site.toml leaves to the NGO to choose (a tool must not choose one for it). Its build
# warned once, at the line of site.toml where the licence goes; the reader reads every table (a
# header and no rows, its XLSX copy the same) and must report exactly one problem, the missing
# licence: any other would be a second line.
warned=$(grep -c '^site\.toml:[0-9]*:[0-9]*: warning: data_licence: ' "$work/init.log" || true)
if [ "$warned" != 1 ]; then
  echo "expected the new portal's build to warn once, in site.toml, that its data has no licence; it said:" >&2
  cat "$work/init.log" >&2
  exit 1
fi
if node "$reader" "$init_output" 2>"$work/init-reader.txt" >/dev/null; then
  echo "the reader accepted the new portal's data, which states no licence" >&2
  exit 1
fi
expected="$init_output/data/datapackage.json: expected one licence with name, path (its URL) and title, found []
1 problem(s) in the open data of 1 site(s)"
if [ "$(cat "$work/init-reader.txt")" != "$expected" ]; then
  echo "expected the reader to find exactly the missing licence in the new portal's data; it said:" >&2
  cat "$work/init-reader.txt" >&2
  exit 1
fi
echo "the new portal's data: every table read, the one gap its build warned of (no licence) found"

# The reader must also say no, each time to one breakage of the portal fixture's data: the byte
# order mark the files had (the reference implementation then finds no column "id"), the encoding
# name they were described with, a month in an integer column, a date in no ISO 8601 form, a row
# lost from a CSV, and an XLSX copy that is missing.
breakages=(
  "printf '\xEF\xBB\xBF' | cat - data/grants.csv > x && mv x data/grants.csv"
  "sed -i 's/\"encoding\": \"utf-8\"/\"encoding\": \"utf-8-sig\"/' data/datapackage.json"
  "sed -i '2s/,2023,2023-06,/,2023-06,2023-06,/' data/grants.csv"
  "sed -i '2s/,2023-06-15,/,15.06.2023,/' data/grants.csv"
  "sed -i '\$d' data/subgrants.csv"
  "rm data/media.xlsx"
)
for breakage in "${breakages[@]}"; do
  rm -rf "$work/broken"
  mkdir -p "$work/broken"
  cp -r "$work/portal-public/data" "$work/broken/"
  (cd "$work/broken" && eval "$breakage")
  if cmp -s "$work/broken/data/grants.csv" "$work/portal-public/data/grants.csv" &&
    cmp -s "$work/broken/data/datapackage.json" "$work/portal-public/data/datapackage.json" &&
    cmp -s "$work/broken/data/subgrants.csv" "$work/portal-public/data/subgrants.csv" &&
    [ -f "$work/broken/data/media.xlsx" ]; then
    echo "the breakage changed nothing (the fixture changed?): $breakage" >&2
    exit 1
  fi
  if node "$reader" "$work/broken" 2>/dev/null >/dev/null; then
    echo "the reader accepted the portal fixture's data after: $breakage" >&2
    exit 1
  fi
done
echo "the reader refused each of ${#breakages[@]} breakages"
