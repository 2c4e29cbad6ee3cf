#!/usr/bin/env bash
# Builds content/ and every fixture site under tests/fixtures/ and reads the open data of each as
# real clients do (read_datapackage.mjs): every tabular resource of data/datapackage.json with the
# Frictionless reference implementation (npm datapackage), zero errors, every row, typed as the
# schema says, equal to the JSON files; every XLSX copy with exceljs, equal too.
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
node "$reader" "${outputs[@]}"

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
