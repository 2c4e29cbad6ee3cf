# Sourced by the ctest scripts that check every site we ship (tests/html/check_html.sh,
# tests/data/check_360giving.sh): builds content/ and every fixture site under tests/fixtures/
# (those with a site.toml) into folders under $work, with the repository's templates and assets.
#   usage: build_sites ASHYQ_BINARY SOURCE_DIR WORK
# Sets the array `outputs` to the public folders, content's first ("$work/content-public", then
# "$work/<fixture>-public"). Exits the script with 1, printing the build's messages, when a build
# fails.
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
}
