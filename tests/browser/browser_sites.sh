# Sourced by the headless-Chromium ctest scripts (check_search.sh, check_phone.sh): checks that
# ./dev.sh test installed playwright-core and Debian's chromium (exits 1 saying so when not), then
# builds content/, every fixture site and a portal as `ashyq init` writes it into a temporary
# folder removed on exit (tests/build_sites.sh; sets `outputs`, `init_output` and `work`).
#   usage: browser_sites ASHYQ_BINARY SOURCE_DIR
browser_sites() {
  local binary=$1 source_dir=$2
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
}
