#!/usr/bin/env bash
# How soon `ashyq serve` serves an edit, on the real content/: copies the site (site.toml,
# content/, templates/, assets/, link-cache.json) into a temporary folder, starts
# `ashyq serve --port 0` on the copy, then R times saves one grant's grant.json with a new Kazakh
# title and measures the wall time from the save until a real HTTP client (curl, polling every
# 20 ms) gets the grant's page with the new title: the debounce, the rebuild and the answer.
# Prints every run, the median and the load average; bench/README.md ("Serve") keeps the figures.
#
#   bench/serve_edit.sh [--runs R] [--grant ID] [--ashyq BIN]
#
#   --runs R     edits measured (default 7)
#   --grant ID   the grant edited (default rukhtan-2024-debate)
#   --ashyq BIN  the binary (default build/ashyq)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=7 grant=rukhtan-2024-debate ashyq="$root/build/ashyq"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --grant) grant=$2; shift 2 ;;
    --ashyq) ashyq=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/serve_edit.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$ashyq" ] || { echo "bench/serve_edit.sh: no binary $ashyq (build it, or give --ashyq)" >&2; exit 2; }

work=$(mktemp -d /tmp/ashyq-serve-bench-XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
site="$work/site"
mkdir -p "$site"
for input in site.toml content templates assets link-cache.json; do
  [ -e "$root/$input" ] && cp -r "$root/$input" "$site/"
done
record="$site/content/grants/$grant/grant.json"
[ -f "$record" ] || { echo "bench/serve_edit.sh: no grant $grant in content/" >&2; exit 2; }

"$ashyq" serve --site "$site" --port 0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 600); do
  url=$(sed -n 's/^serving .* at \(http:[^ ]*\) .*/\1/p' "$work/out")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "bench/serve_edit.sh: the server did not start" >&2; exit 1; }
page="${url}kk/grants/$grant/"
echo "ashyq serve on a copy of content/ ($(ls "$site/content/grants" | wc -l) grants): $page"
sed -n 's/^built/first build: built/p' "$work/out"

# The grant's Kazakh title as it stands in the file, and a new one for each run.
title=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["title"]["kk"])' "$record")
times=()
for run in $(seq 1 "$runs"); do
  new="$title (өңдеу $run)"
  # The edited record is made beforehand, outside the site; the save itself, timed from here, is
  # one write in place, as an editor saves.
  python3 - "$record" "$title" "$new" "$work/next.json" <<'PY'
import json, sys
path, old, new, out = sys.argv[1:]
text = open(path, encoding="utf-8").read()
old_json, new_json = json.dumps(old, ensure_ascii=False), json.dumps(new, ensure_ascii=False)
assert text.count(old_json) >= 1, "title not found"
open(out, "w", encoding="utf-8").write(text.replace(old_json, new_json, 1))
PY
  start=$(date +%s%N)
  cat "$work/next.json" >"$record"
  # The whole page is read before it is searched (grep -q would leave curl writing to a closed pipe).
  until curl -sf "$page" -o "$work/page" && grep -qF "$new" "$work/page"; do
    sleep 0.02
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then
      echo "bench/serve_edit.sh: run $run: the edit was not served within 60 s" >&2
      cat "$work/err" >&2
      exit 1
    fi
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $run: edit served after $ms ms"
  times+=("$ms")
  title=$new
  sleep 1  # let the server settle before the next edit
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median of $runs edits: $median ms from the write to the new title served"
grep "^built" "$work/out" | sed "s/^/  /"
echo "rebuilds: $(grep -c '^built' "$work/out") (the first build included)"
echo "load average: $(uptime | sed 's/.*load average: //')"
