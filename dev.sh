#!/usr/bin/env bash
# Ashyq developer entry point. Works on a fresh Debian 12 machine as root, and is fast when nothing
# changed: it installs only what is missing, builds incrementally, and builds the site.
#
#   ./dev.sh site   install what is missing, build the generator, build content/ into public/
#   ./dev.sh test   the same set-up, then every test through ctest
#   ./dev.sh build  set-up and compile only
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build and the tests need (headers, compilers, Java for the Nu HTML Checker,
# npm for test tools; Hugo and GNU time for the benchmark's test run, bench/run.sh; the Snowball C
# library, the tests' reference for the search's Russian stemmer; libxlsxwriter for the bulk files'
# XLSX copies; libzip and libxml2 to read the XLSX workbooks `ashyq import` takes). dpkg-query is
# cheap, so this check runs every time.
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libtomlplusplus-dev
  libkainjow-mustache-dev libicu-dev libcurl4-openssl-dev catch2 libcpp-httplib-dev
  libxml2-utils hugo time libstemmer-dev libxlsxwriter-dev libzip-dev libxml2-dev
)

# say, missing_packages, apt_install, install_missing (shared with bench/run.sh).
source scripts/packages.sh

setup_build_deps() {
  install_missing "${APT_PACKAGES[@]}"
}

setup_test_deps() {
  local extra=()
  command -v java >/dev/null 2>&1 || extra+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || extra+=(npm)
  apt_install "${extra[@]}"
  install_missing "${TEST_APT_PACKAGES[@]}"
  # npm tools, pinned by package-lock.json; reinstalled only when the lock file changed.
  local stamp=node_modules/.ashyq-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    say "installing npm test tools (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
}

build_generator() {
  if [ ! -f build/build.ninja ]; then
    say "configuring (cmake)"
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  say "building the generator"
  cmake --build build
}

case "${1:-}" in
  site)
    setup_build_deps
    build_generator
    say "building content/ into public/"
    ./build/ashyq build --site . --out public
    say "site in $(pwd)/public: serve it with  python3 -m http.server -d public 8000  and open http://localhost:8000/"
    ;;
  test)
    setup_build_deps
    setup_test_deps
    build_generator
    say "running the tests"
    ctest --test-dir build --output-on-failure -j2
    ;;
  build)
    setup_build_deps
    build_generator
    ;;
  *)
    echo "usage: ./dev.sh site | test | build" >&2
    exit 2
    ;;
esac
