#!/usr/bin/env bash
# The search index at national scale: generates the synthetic portal (ashyq-synth, SYNTHETIC data),
# builds it with `ashyq build --timings`, and measures the index (bench/search.mjs): files, bytes
# and gzip bytes per language, the bytes typical queries fetch, and query times in Node and in a
# headless Chromium. bench/README.md ("Search") keeps the figures.
#
#   bench/search.sh [--grants N] [--seed S] [--jobs J] [--runs R] [--work DIR] --ashyq BIN --synth BIN
#
#   --grants N   synthetic grants (default 10000)
#   --jobs J     build threads (default 2: the machine is shared)
#   --runs R     runs per query; medians are reported (default 7)
#   --work DIR   where the site and output go (default /tmp/ashyq-search-N-S); a site generated
#                earlier with the same N and seed is reused
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/packages.sh"
source "$root/bench/synth_site.sh"
grants=10000 seed=1 jobs=2 runs=7 work="" ashyq="" synth=""
while [ $# -gt 0 ]; do
  case "$1" in
    --grants) grants=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --ashyq) ashyq=$2; shift 2 ;;
    --synth) synth=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/search.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$ashyq" ] && [ -x "$synth" ] || { echo "bench/search.sh: --ashyq BIN and --synth BIN are required" >&2; exit 2; }
work=${work:-/tmp/ashyq-search-$grants-$seed}
site="$work/site" out="$work/public"

prepare_synth_site "$work" "$grants" "$seed" "$synth"
rm -rf "$out" "$work/public.manifest"

echo "## build (--jobs $jobs)"
"$ashyq" build --site "$site" --out "$out" --jobs "$jobs" --timings
echo
node "$root/bench/search.mjs" "$out" "$runs"
