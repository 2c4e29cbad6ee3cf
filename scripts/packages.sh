# Debian package helpers shared by dev.sh and bench/run.sh (sourced, not run). They install only
# what is missing; dpkg-query is cheap, so callers check every time.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Prints the packages of "$@" that are not installed, one a line.
missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

# apt-get install "$@" (with sudo when not root); nothing when called without packages.
apt_install() {
  [ "$#" -eq 0 ] && return 0
  say "installing Debian packages: $*"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@"
}

# Installs whichever of "$@" is missing.
install_missing() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  apt_install "${missing[@]}"
}

# Debian packages only the tests need, beyond the build's (dev.sh test installs what is missing):
# Chromium for the search page's browser test (tests/browser, driven by npm playwright-core);
# LibreOffice Calc, which must open, save and give back every grant workbook (tests/data).
TEST_APT_PACKAGES=(chromium libreoffice-calc-nogui)
