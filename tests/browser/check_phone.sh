#!/usr/bin/env bash
# Tables readable on a 360 px phone and complete in print, in a real headless Chromium: builds
# content/ and every fixture site (tests/build_sites.sh), then runs phone_tables_test.mjs
# (playwright-core driving Debian's /usr/bin/chromium) against them, served from 127.0.0.1.
#   usage: check_phone.sh ASHYQ_BINARY SOURCE_DIR SHOT_DIR
# SHOT_DIR receives full-page screenshots of a few pages (360 px, and one printed) to look at.
set -euo pipefail
binary=$1
source_dir=$2
shot_dir=$3
if [ ! -d "$source_dir/node_modules/playwright-core" ]; then
  echo "missing node_modules/playwright-core: run ./dev.sh test (it installs the npm test tools)" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "missing /usr/bin/chromium: run ./dev.sh test (it installs the Debian package chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=../build_sites.sh
source "$source_dir/tests/build_sites.sh"
build_sites "$binary" "$source_dir" "$work"

node "$source_dir/tests/browser/phone_tables_test.mjs" "$shot_dir" "${outputs[@]}"
