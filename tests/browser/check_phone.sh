#!/usr/bin/env bash
# Tables readable on a 360 px phone and complete in print, in a real headless Chromium: builds
# content/, every fixture site and a new portal (tests/build_sites.sh), then runs
# phone_tables_test.mjs (playwright-core driving Debian's /usr/bin/chromium) against them, served
# from 127.0.0.1.
#   usage: check_phone.sh ASHYQ_BINARY SOURCE_DIR SHOT_DIR
# SHOT_DIR receives full-page screenshots of a few pages (360 px, and one printed) to look at.
set -euo pipefail
binary=$1
source_dir=$2
shot_dir=$3
# shellcheck source=browser_sites.sh
source "$source_dir/tests/browser/browser_sites.sh"
browser_sites "$binary" "$source_dir"

node "$source_dir/tests/browser/phone_tables_test.mjs" "$shot_dir" "${outputs[@]}"
