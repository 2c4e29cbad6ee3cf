#!/usr/bin/env bash
# Builds content/ and every fixture site under tests/fixtures/ and validates each
# public/data/360giving.json against the official 360Giving schema (validate_360giving.mjs, Ajv
# draft 2020-12). content/ and the portal fixture must produce one; a fixture without a single
# exportable grant writes none, which is checked to be said on its data page.
#   usage: check_360giving.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
if [ ! -d "$source_dir/node_modules/ajv" ] || [ ! -d "$source_dir/node_modules/ajv-formats" ]; then
  echo "missing ajv in $source_dir/node_modules: run ./dev.sh test (it installs the npm test tools)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=../build_sites.sh
source "$source_dir/tests/build_sites.sh"
build_sites "$binary" "$source_dir" "$work"

files=()
for out in "${outputs[@]}"; do
  if [ -f "$out/data/360giving.json" ]; then
    files+=("$out/data/360giving.json")
  fi
done
for required in "$work/content-public" "$work/portal-public"; do
  if [ ! -f "$required/data/360giving.json" ]; then
    echo "expected $required/data/360giving.json" >&2
    exit 1
  fi
done
node "$source_dir/tests/data/validate_360giving.mjs" "${files[@]}"

# The validator must also say no: the portal's export with a month for an award date, and with
# no currency, must each be rejected.
for breakage in 'g.grants[0].awardDate = "2024-02"' 'delete g.grants[0].currency'; do
  node -e 'const fs = require("fs"); const g = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    '"$breakage"'; fs.writeFileSync(process.argv[2], JSON.stringify(g));' \
    "$work/portal-public/data/360giving.json" "$work/broken.json"
  if node "$source_dir/tests/data/validate_360giving.mjs" "$work/broken.json" 2>/dev/null; then
    echo "the validator accepted a package after: $breakage" >&2
    exit 1
  fi
done
echo "${#files[@]} 360Giving packages valid"
