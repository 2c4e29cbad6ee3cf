#!/usr/bin/env bash
# The grant workbook opens in LibreOffice Calc (issue 16, item 1): for every grant of content/ and
# of the fixtures (tests/fixtures/full and portal, synthetic), `ashyq workbook` writes its workbook, headless LibreOffice Calc opens it and saves it again as
# XLSX (as an NGO's spreadsheet does when it saves), and `ashyq import` reads Calc's file back into
# the very same grant.json ("unchanged"). Calc's file must differ from ours (Calc rewrites every
# part), so the import is shown to read what Calc wrote.
#   usage: check_workbook_libreoffice.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
if ! command -v soffice >/dev/null 2>&1; then
  echo "missing soffice: run ./dev.sh test (it installs libreoffice-calc-nogui)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile"
grants=0

# Every grant of the site whose site.toml and content/ are in $1, named $2 in messages.
round_trip() {
  local from=$1 name=$2
  local site="$work/$name/site" before="$work/$name/content-before" calc="$work/$name/calc"
  mkdir -p "$site" "$calc"
  cp -r "$from/content" "$from/site.toml" "$site/"
  cp -r "$site/content" "$before"
  for folder in "$site"/content/grants/*/; do
    id=$(basename "$folder")
    "$binary" workbook "$id" "$work/$name/$id.xlsx" --site "$site" >/dev/null
    # A profile of its own, so a user's LibreOffice settings (or a running instance) play no part.
    soffice -env:UserInstallation=file://"$work/profile" --headless --calc \
      --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$calc" "$work/$name/$id.xlsx" >/dev/null 2>&1
    if [ ! -s "$calc/$id.xlsx" ]; then
      echo "FAIL $name $id: LibreOffice Calc did not open and save the workbook" >&2
      exit 1
    fi
    if cmp -s "$work/$name/$id.xlsx" "$calc/$id.xlsx"; then
      echo "FAIL $name $id: Calc's file is byte-identical to ours, so it proves nothing" >&2
      exit 1
    fi
    out=$("$binary" import "$calc/$id.xlsx" --site "$site" 2>"$work/import.err") || {
      echo "FAIL $name $id: the workbook saved by Calc does not import:" >&2
      cat "$work/import.err" >&2
      exit 1
    }
    case "$out" in
      unchanged:*) ;;
      *) echo "FAIL $name $id: the workbook saved by Calc changed the record: $out" >&2
         diff "$before/grants/$id/grant.json" "$site/content/grants/$id/grant.json" | head -20 >&2
         exit 1 ;;
    esac
    grants=$((grants + 1))
  done
  if ! diff -r -q "$before" "$site/content" >/dev/null; then
    echo "FAIL $name: content/ changed" >&2
    exit 1
  fi
}

round_trip "$source_dir" content
round_trip "$source_dir/tests/fixtures/full" full
round_trip "$source_dir/tests/fixtures/portal" portal
echo "ok: $grants workbooks opened and saved by LibreOffice Calc import back unchanged"
