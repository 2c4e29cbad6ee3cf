# Sourced by the ctest scripts that check every site we ship (tests/html/check_html.sh,
# tests/data/check_360giving.sh, tests/data/check_datapackage.sh, tests/browser/browser_sites.sh):
# builds content/, every fixture site under tests/fixtures/ (those with a site.toml) and a portal
# as `ashyq init` writes it into folders under $work, the fixtures with the repository's templates
# and assets.
#   usage: build_sites ASHYQ_BINARY SOURCE_DIR WORK
# Sets the array `outputs` to the public folders, content's first ("$work/content-public", then
# "$work/<fixture>-public", then the new portal's). Exits the script with 1, printing the build's
# messages, when a build fails.
#
# The new portal is built exactly as `ashyq init` leaves it, what an NGO has on its first day: no
# grants, its about page's placeholders and no data licence (scaffold/site.toml leaves the choice
# to the NGO). Its build must succeed; it warns, and its messages are kept in "$work/init.log"
# for the scripts that check what it says. Its public folder is `init_output`
# ("$work/init-public"), last in `outputs`.
build_sites() {
  local binary=$1 source_dir=$2 work=$3 fixture name
  "$binary" build --site "$source_dir" --out "$work/content-public" >/dev/null
  outputs=("$work/content-public")
  for fixture in "$source_dir"/tests/fixtures/*/; do
    name=$(basename "$fixture")
    [ -f "$fixture/site.toml" ] || continue
    mkdir -p "$work/$name"
    cp -r "$fixture"/. "$work/$name/"
    cp -r "$source_dir/templates" "$source_dir/assets" "$work/$name/"
    "$binary" build --site "$work/$name" --out "$work/$name-public" >/dev/null 2>"$work/$name.log" || {
      cat "$work/$name.log" >&2
      exit 1
    }
    outputs+=("$work/$name-public")
  done
  init_output="$work/init-public"
  "$binary" init "$work/init" >/dev/null
  "$binary" build --site "$work/init" --out "$init_output" >/dev/null 2>"$work/init.log" || {
    cat "$work/init.log" >&2
    exit 1
  }
  outputs+=("$init_output")
}
