#!/usr/bin/env bash
# The benchmark script at a small size (ctest runs it): both builds must succeed and the report
# must give page counts. No time is asserted; times belong to bench/README.md, not to tests.
#   usage: smoke_test.sh ASHYQ_BINARY SYNTH_BINARY SOURCE_DIR
set -euo pipefail
ashyq=$1 synth=$2 source_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The script's progress goes to stderr as it happens, each line with the time: if ctest stops the
# test at its time limit, its output shows which step was running and since when.
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%T)" "$line"; done; }
"$source_dir/bench/run.sh" --grants 200 --runs 1 --work "$work/bench" --json "$work/results.json" \
  --ashyq "$ashyq" --synth "$synth" >"$work/report.txt" 2> >(stamp >&2) || {
  cat "$work/report.txt" >&2
  exit 1
}
cat "$work/report.txt"

fail() { echo "smoke test: $*" >&2; exit 1; }
# "HTML pages   <ashyq> <hugo> <ratio>": both counts positive.
read -r ashyq_pages hugo_pages < <(sed -n 's/^HTML pages  *\([0-9]*\)  *\([0-9]*\) .*/\1 \2/p' "$work/report.txt")
[ "${ashyq_pages:-0}" -gt 0 ] || fail "no Ashyq page count in the report"
[ "${hugo_pages:-0}" -gt 0 ] || fail "no Hugo page count in the report"
grep -q "\"pages\": $ashyq_pages," "$work/results.json" || fail "results.json lacks Ashyq's page count"
grep -q "\"pages\": $hugo_pages," "$work/results.json" || fail "results.json lacks Hugo's page count"
grep -q '^Ashyq phases (s, median): load [0-9.]* ' "$work/report.txt" || fail "no phase timings"
# The largest HTML page, by path and size, in the report and in results.json (issue 17: no page
# grows with the portal).
largest=$(sed -n 's/^largest HTML page (Ashyq): \([^ ]*\.html\), \([0-9]*\) bytes .*/\1 \2/p' "$work/report.txt")
[ -n "$largest" ] || fail "no largest HTML page in the report"
grep -q "\"largest_html\": {\"path\": \"${largest% *}\", \"bytes\": ${largest#* }}" "$work/results.json" ||
  fail "results.json lacks the largest HTML page ($largest)"
echo "smoke test: Ashyq $ashyq_pages pages, Hugo $hugo_pages pages"
