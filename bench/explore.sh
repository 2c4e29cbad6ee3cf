#!/usr/bin/env bash
# The explorer at national scale (issue 15, item 6): generates the synthetic portal (ashyq-synth,
# SYNTHETIC data), builds it, and measures the explorer (bench/explore.mjs): the gzip size of its
# data per language, the time the page takes to load it, and the median time a filter change
# takes to answer in a headless Chromium. bench/README.md ("Explorer") keeps the figures, with the
# load average (`uptime`) printed here.
#
#   bench/explore.sh [--grants N] [--seed S] [--jobs J] [--runs R] [--work DIR] --ashyq BIN --synth BIN
#
#   --grants N   synthetic grants (default 10000)
#   --jobs J     build threads (default 2: the machine is shared)
#   --runs R     filter changes timed; the median is reported (default 20)
#   --work DIR   where the site and output go (default /tmp/ashyq-explore-N-S); a site generated
#                earlier with the same N and seed is reused
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/packages.sh"
source "$root/bench/synth_site.sh"
grants=10000 seed=1 jobs=2 runs=20 work="" ashyq="" synth=""
while [ $# -gt 0 ]; do
  case "$1" in
    --grants) grants=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --ashyq) ashyq=$2; shift 2 ;;
    --synth) synth=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/explore.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$ashyq" ] && [ -x "$synth" ] || { echo "bench/explore.sh: --ashyq BIN and --synth BIN are required" >&2; exit 2; }
work=${work:-/tmp/ashyq-explore-$grants-$seed}
site="$work/site" out="$work/public"

prepare_synth_site "$work" "$grants" "$seed" "$synth"
rm -rf "$out" "$work/public.manifest"

echo "## build (--jobs $jobs)"
"$ashyq" build --site "$site" --out "$out" --jobs "$jobs" >/dev/null
echo "load before: $(uptime)"
node "$root/bench/explore.mjs" "$out" "$runs"
echo "load after: $(uptime)"
