#!/usr/bin/env bash
# The grant workbook opens in LibreOffice Calc (issue 16, item 1): for every grant of content/,
# `ashyq workbook` writes its workbook, headless LibreOffice Calc opens it and saves it again as
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
mkdir -p "$work/site" "$work/calc" "$work/profile"
cp -r "$source_dir/content" "$source_dir/site.toml" "$work/site/"
cp -r "$work/site/content" "$work/content-before"
grants=0
for folder in "$work"/site/content/grants/*/; do
  id=$(basename "$folder")
  "$binary" workbook "$id" "$work/$id.xlsx" --site "$work/site" >/dev/null
  # A profile of its own, so a user's LibreOffice settings (or a running instance) play no part.
  soffice -env:UserInstallation=file://"$work/profile" --headless --calc \
    --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/calc" "$work/$id.xlsx" >/dev/null 2>&1
  if [ ! -s "$work/calc/$id.xlsx" ]; then
    echo "FAIL $id: LibreOffice Calc did not open and save the workbook" >&2
    exit 1
  fi
  if cmp -s "$work/$id.xlsx" "$work/calc/$id.xlsx"; then
    echo "FAIL $id: Calc's file is byte-identical to ours, so it proves nothing" >&2
    exit 1
  fi
  out=$("$binary" import "$work/calc/$id.xlsx" --site "$work/site" 2>"$work/import.err") || {
    echo "FAIL $id: the workbook saved by Calc does not import:" >&2
    cat "$work/import.err" >&2
    exit 1
  }
  case "$out" in
    unchanged:*) ;;
    *) echo "FAIL $id: the workbook saved by Calc changed the record: $out" >&2
       diff "$work/content-before/grants/$id/grant.json" "$work/site/content/grants/$id/grant.json" | head -20 >&2
       exit 1 ;;
  esac
  grants=$((grants + 1))
done
if ! diff -r -q "$work/content-before" "$work/site/content" >/dev/null; then
  echo "FAIL: content/ changed" >&2
  exit 1
fi
echo "ok: $grants workbooks opened and saved by LibreOffice Calc import back unchanged"
