#!/usr/bin/env bash
# Builds content/, every fixture site under tests/fixtures/ and a portal as `ashyq init` writes it
# (tests/build_sites.sh) and validates each public/data/360giving.json against the official
# 360Giving schema (validate_360giving.mjs, Ajv draft 2020-12). content/ and the portal fixture
# must produce one. The new portal has no grant to export, and what is checked for it is below.
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

# The new portal has no grant. A 360Giving package holds at least one (the package schema's
# "minItems": 1), so the right export of no grant is no file, said in words; checked so that it is
# no pass by finding nothing: the official schema refuses a package of zero grants (content/'s with
# its grants taken out), the new portal wrote no 360giving.json, its data page says in each
# language that no grant can be exported yet so no file was made (giving360_none of
# templates/i18n), and none of its pages links the file.
if [ -e "$init_output/data/360giving.json" ]; then
  echo "the new portal, which has no grant, wrote $init_output/data/360giving.json" >&2
  exit 1
fi
node -e 'const fs = require("fs"); const g = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  g.grants = []; fs.writeFileSync(process.argv[2], JSON.stringify(g));' \
  "$work/content-public/data/360giving.json" "$work/no-grants.json"
if node "$source_dir/tests/data/validate_360giving.mjs" "$work/no-grants.json" >"$work/no-grants.txt" 2>&1 ||
  ! grep -qF '/grants: must NOT have fewer than 1 items' "$work/no-grants.txt"; then
  echo "expected the schema to refuse a package of zero grants for having none; the validator said:" >&2
  cat "$work/no-grants.txt" >&2
  exit 1
fi
for lang in kk ru; do
  none=$(sed -n 's/^giving360_none = "\(.*\)"$/\1/p' "$source_dir/templates/i18n/$lang.toml")
  if [ -z "$none" ] || ! grep -qF "$none" "$init_output/$lang/data/index.html"; then
    echo "the new portal's /$lang/data/ does not say that no 360Giving file was made: \"$none\"" >&2
    exit 1
  fi
done
if grep -rlF '360giving.json' "$init_output" --include='*.html'; then
  echo "the pages above link a 360giving.json the new portal does not have" >&2
  exit 1
fi
echo "${#files[@]} 360Giving packages valid; the new portal's absence of one (no grant) is said in kk and ru"
