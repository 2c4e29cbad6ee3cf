#!/usr/bin/env bash
# The explorer in a real headless Chromium: builds content/ and every fixture site
# (tests/build_sites.sh), then runs explore_browser_test.mjs (playwright-core driving Debian's
# /usr/bin/chromium, axe-core from node_modules) against the fixture portal (synthetic), served
# from 127.0.0.1.
#   usage: check_explore.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
if [ ! -f "$source_dir/node_modules/axe-core/axe.min.js" ]; then
  echo "missing node_modules/axe-core: run ./dev.sh test (it installs the npm test tools)" >&2
  exit 1
fi
# shellcheck source=browser_sites.sh
source "$source_dir/tests/browser/browser_sites.sh"
browser_sites "$binary" "$source_dir"

node "$source_dir/tests/browser/explore_browser_test.mjs" "$work/portal-public" \
  "$source_dir/node_modules/axe-core/axe.min.js"
