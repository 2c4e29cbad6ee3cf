# Sourced by bench/run.sh and bench/search.sh (after scripts/packages.sh, for `say`; `root` set).
#
# prepare_synth_site WORK GRANTS SEED SYNTH [HUGO_SITE]
#   Generates the SYNTHETIC portal (ashyq-synth: every name and number invented) into WORK/site,
#   and the equivalent Hugo content into HUGO_SITE when given, unless WORK already holds the sites
#   of the same binary, N, seed and Hugo choice (generating N = 10 000 takes minutes). Then copies
#   the repository's templates/ and assets/ into WORK/site every time, so edits to them are
#   measured.
prepare_synth_site() {
  local work=$1 grants=$2 seed=$3 synth=$4 hugo_site=${5:-}
  local stamp="$work/.generated"
  local want="$grants $seed $(stat -c %Y "$synth")${hugo_site:+ hugo}"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "generating $grants synthetic grants (seed $seed) in $work"
    rm -rf "$work"
    mkdir -p "$work"
    "$synth" --grants "$grants" --seed "$seed" --out "$work/site" ${hugo_site:+--hugo "$hugo_site"} >/dev/null
    echo "$want" >"$stamp"
  fi
  rm -rf "$work/site/templates" "$work/site/assets"
  cp -r "$root/templates" "$root/assets" "$work/site/"
}
