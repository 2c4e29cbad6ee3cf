#!/usr/bin/env bash
# `ashyq serve` in a real headless Chromium: a copy of tests/fixtures/full (synthetic) is served,
# and serve_browser_test.mjs (playwright-core driving Debian's /usr/bin/chromium) edits it while a
# page is open: the page reloads with the edit, a broken record's findings are laid over the page
# in its language, and the fix takes them away.
#   usage: check_serve.sh ASHYQ_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
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
mkdir "$work/site"
cp -r "$source_dir/tests/fixtures/full/." "$work/site/"
cp -r "$source_dir/templates" "$source_dir/assets" "$work/site/"
node "$source_dir/tests/browser/serve_browser_test.mjs" "$binary" "$work/site"
