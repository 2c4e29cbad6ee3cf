#!/usr/bin/env bash
# Search finding kk and ru inflected forms in a real headless Chromium: builds content/ and every
# fixture site (tests/build_sites.sh), then runs search_browser_test.mjs (playwright-core driving
# Debian's /usr/bin/chromium) against them, served from 127.0.0.1.
#   usage: check_search.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
# shellcheck source=browser_sites.sh
source "$source_dir/tests/browser/browser_sites.sh"
browser_sites "$binary" "$source_dir"

node "$source_dir/tests/browser/search_browser_test.mjs" \
  "$work/content-public" "$work/portal-public" "$work/full-public"
