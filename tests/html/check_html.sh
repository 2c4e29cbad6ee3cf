#!/usr/bin/env bash
# Builds content/, every fixture site under tests/fixtures/ (except the deliberately invalid
# ones) and a portal as `ashyq init` writes it (tests/build_sites.sh), runs the Nu HTML Checker
# (npm package vnu-jar, with the machine's Java) over every page, and validates every sitemap
# against tests/xml/sitemap.xsd and every Atom feed against tests/xml/atom.rng with xmllint
# (libxml2). Fails on any error; prints the checkers' findings. The new portal has no grants: its
# pages say so in words, and its sitemap and its feeds (with no entry) must be there and valid too.
#   usage: check_html.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
vnu="$source_dir/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$vnu" ]; then
  echo "missing $vnu: run ./dev.sh test (it installs the npm test tools)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=../build_sites.sh
source "$source_dir/tests/build_sites.sh"
build_sites "$binary" "$source_dir" "$work"

pages=$(find "${outputs[@]}" -name '*.html' | wc -l)
if [ "$pages" -lt 3 ]; then
  echo "expected pages to check, found $pages" >&2
  exit 1
fi
init_pages=$(find "$init_output" -name '*.html' | wc -l)
if [ "$init_pages" -lt 20 ]; then
  echo "expected the new portal's pages (home, lists, about, data… in both languages), found $init_pages" >&2
  exit 1
fi
echo "checking $pages pages with the Nu HTML Checker ($init_pages of them the new portal's)"
java -jar "$vnu" --errors-only --skip-non-html "${outputs[@]}"
echo "0 errors in $pages pages"

sitemaps=$(find "${outputs[@]}" -name 'sitemap*.xml')
feeds=$(find "${outputs[@]}" -name 'feed.xml')
[ -n "$sitemaps" ] && [ -n "$feeds" ] || { echo "expected sitemaps and feeds to check" >&2; exit 1; }
if [ -z "$(find "$init_output" -name 'sitemap*.xml')" ] || [ -z "$(find "$init_output" -name 'feed.xml')" ]; then
  echo "expected the new portal's sitemap and feeds in $init_output" >&2
  exit 1
fi
# shellcheck disable=SC2086  # one path a word
xmllint --noout --schema "$source_dir/tests/xml/sitemap.xsd" $sitemaps
# shellcheck disable=SC2086
xmllint --noout --relaxng "$source_dir/tests/xml/atom.rng" $feeds
echo "sitemaps and feeds valid: $(echo $sitemaps | wc -w) sitemap(s), $(echo $feeds | wc -w) feed(s)"
