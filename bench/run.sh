#!/usr/bin/env bash
# The national-scale benchmark: builds a synthetic portal with Ashyq and the same pages with Hugo,
# and reports both (bench/README.md explains the figures).
#
#   bench/run.sh [--grants N] [--runs R] [--seed S] [--no-hugo] [--profile]
#                [--work DIR] [--json FILE] [--ashyq BIN] [--synth BIN]
#
#   --grants N   synthetic grants (default 10000)
#   --runs R     clean full builds per tool; medians are reported (default 5)
#   --seed S     generator seed (default 1)
#   --no-hugo    Ashyq only
#   --profile    also profile one Ashyq build: perf record when the CPU counters work, else
#                callgrind on at most 200 grants; prints the top 15 symbols
#   --work DIR   where the sites and outputs go (default /tmp/ashyq-bench-N-S); a site generated
#                earlier with the same N and seed is reused
#   --json FILE  machine-readable results (default bench/results/latest.json)
#   --ashyq BIN, --synth BIN   use these binaries instead of building the Release ones
#
# Without --ashyq/--synth the binaries are built with CMAKE_BUILD_TYPE=Release in build/bench-release
# (its own build folder, beside dev.sh's build/). Missing tools (hugo, GNU time, perf, valgrind) are
# installed with apt, as dev.sh does. Times depend on the machine's load: the report prints it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/packages.sh"
source "$root/bench/synth_site.sh"

grants=10000 runs=5 seed=1 hugo=1 profile=0 work="" json="$root/bench/results/latest.json"
ashyq="" synth=""
while [ $# -gt 0 ]; do
  case "$1" in
    --grants) grants=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-hugo) hugo=0; shift ;;
    --profile) profile=1; shift ;;
    --work) work=$2; shift 2 ;;
    --json) json=$2; shift 2 ;;
    --ashyq) ashyq=$2; shift 2 ;;
    --synth) synth=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$grants$runs$seed" in *[!0-9]*) echo "bench/run.sh: --grants, --runs and --seed take whole numbers" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] && [ "$grants" -ge 1 ] || { echo "bench/run.sh: --grants and --runs must be positive" >&2; exit 2; }
work=${work:-/tmp/ashyq-bench-$grants-$seed}

# ---- tools ----
packages=(time)
[ "$hugo" = 1 ] && packages+=(hugo)
install_missing "${packages[@]}"
if [ -z "$ashyq" ] || [ -z "$synth" ]; then
  build="$root/build/bench-release"
  if [ ! -f "$build/build.ninja" ]; then
    say "configuring the Release build in $build"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  say "building ashyq and ashyq-synth (Release, $build)"
  cmake --build "$build" --target ashyq ashyq-synth -- -j2 >/dev/null
  ashyq=${ashyq:-$build/ashyq}
  synth=${synth:-$build/bench/ashyq-synth}
fi

# ---- the synthetic sites ----
site="$work/site" hugo_site="$work/hugo"
prepare_synth_site "$work" "$grants" "$seed" "$synth" "$hugo_site"
# Hugo's layouts are copied every time too, so edits to them are measured.
rm -rf "$hugo_site/layouts" "$hugo_site/data/ui" "$hugo_site/static"
cp -r "$root/bench/hugo/hugo.toml" "$root/bench/hugo/layouts" "$hugo_site/"
mkdir -p "$hugo_site/data/ui" "$hugo_site/static"
cp "$root/templates/i18n/kk.toml" "$root/templates/i18n/ru.toml" "$hugo_site/data/ui/"
cp -r "$root/assets" "$hugo_site/static/"

# ---- measuring ----
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Seconds from GNU time's "h:mm:ss" or "m:ss.ss".
wall_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }'; }
# time -v report → "wall cpu rss_kib"
parse_time() {
  local wall user sys rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | wall_seconds)
  user=$(sed -n 's/.*User time (seconds): //p' "$1")
  sys=$(sed -n 's/.*System time (seconds): //p' "$1")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1")
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }') $rss"
}
# HTML pages, without Hugo's page/1/ redirect stubs (a paginator alias that disableAliases does not
# switch off in Hugo 0.111; Ashyq has no such page). redirect_stubs counts those.
html_pages() { find "$1" -name '*.html' ! -path '*/page/1/index.html' | wc -l; }
redirect_stubs() { find "$1" -path '*/page/1/index.html' | wc -l; }
# printf, not print: awk prints numbers over 2^31 or so as 5.04e+09, which bash cannot add.
# The largest HTML page of a tree: "bytes path" (path relative to the tree). Issue 17: no page may
# grow with the portal (the registry's first page was 50 MB at N = 100 000); target < 300 KB.
largest_html() { (cd "$1" && find . -type f -name '*.html' -printf '%s %P\n' | sort -k1,1nr -k2 | sed -n 1p); }
tree_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
tree_files() { find "$1" -type f | wc -l; }
disk_usage() { du -sk "$1" | cut -f1; }
# "path mtime" of every file, sorted: two snapshots differ where a file was rewritten.
mtimes() { (cd "$1" && find . -type f -printf '%p %T@\n' | sort); }

# measure NAME OUT CMD...: R clean builds of CMD into OUT; sets <NAME>_{wall,cpu,rss}.
measure() {
  local name=$1 out=$2; shift 2
  local walls=() cpus=() rsses=() r
  for r in $(seq 1 "$runs"); do
    rm -rf "$out"
    if ! /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
      echo "bench/run.sh: $name build failed:" >&2
      cat "$work/$name.err" >&2
      exit 1
    fi
    read -r w c m < <(parse_time "$work/$name.time")
    walls+=("$w") cpus+=("$c") rsses+=("$m")
    [ "$name" = ashyq ] && grep '^phase ' "$work/$name.out" >"$work/phases.$r" || true
    say "$name run $r/$runs: wall $w s, cpu $c s, peak RSS $((m / 1024)) MiB"
  done
  printf -v "${name}_wall" '%s' "$(printf '%s\n' "${walls[@]}" | median)"
  printf -v "${name}_cpu" '%s' "$(printf '%s\n' "${cpus[@]}" | median)"
  printf -v "${name}_rss" '%s' "$(printf '%s\n' "${rsses[@]}" | median)"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
ashyq_out="$work/ashyq-public"
rm -f "$work"/phases.*
say "Ashyq: $runs clean build(s) of $grants grants"
measure ashyq "$ashyq_out" "$ashyq" build --site "$site" --out "$ashyq_out" --timings
ashyq_pages=$(html_pages "$ashyq_out") ashyq_files=$(tree_files "$ashyq_out")
ashyq_bytes=$(tree_bytes "$ashyq_out") ashyq_disk=$(disk_usage "$ashyq_out")
# Where the bytes go: HTML pages, the pages' downloads (downloads/), the bulk files (data/), the
# search index (search/); and the grant pages' HTML, raw and gzipped (what a reader downloads).
part_bytes() { if [ -d "$ashyq_out/$1" ]; then tree_bytes "$ashyq_out/$1"; else echo 0; fi; }
html_bytes=$(find "$ashyq_out" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }')
downloads_bytes=$(part_bytes downloads) data_bytes=$(part_bytes data) search_bytes=$(part_bytes search)
bytes_per_grant=$((ashyq_bytes / grants))
read -r grant_pages grant_html grant_gzip < <(
  find "$ashyq_out"/kk/grants "$ashyq_out"/ru/grants -mindepth 2 -maxdepth 2 -name index.html |
    sort | head -200 | while read -r f; do echo "$(stat -c %s "$f") $(gzip -9 -c "$f" | wc -c)"; done |
    awk '{ n++; h += $1; g += $2 } END { if (n) printf "%d %.0f %.0f\n", n, h / n, g / n; else print "0 0 0" }')
read -r ashyq_largest_bytes ashyq_largest_page < <(largest_html "$ashyq_out")
phase_names=(load validate templates views render write data search pages publish)
declare -A phase
for p in "${phase_names[@]}"; do
  phase[$p]=$(cat "$work"/phases.* | awk -v p="$p" '$2 == p { print $3 }' | median)
done

# The floor: copying Ashyq's output tree, the least any generator writing it must spend.
cp_walls=()
for r in $(seq 1 "$runs"); do
  rm -rf "$work/copy"
  /usr/bin/time -v -o "$work/cp.time" cp -r "$ashyq_out" "$work/copy"
  read -r w _ _ < <(parse_time "$work/cp.time")
  cp_walls+=("$w")
done
cp_wall=$(printf '%s\n' "${cp_walls[@]}" | median)

# rebuild NAME: one more Ashyq build into the existing output; sets NAME_wall and NAME_rewritten
# (files whose mtime changed, new files included).
rebuild() {
  mtimes "$ashyq_out" >"$work/mtimes.before"
  sleep 1  # so that a rewrite shows in the mtime even on a coarse clock
  /usr/bin/time -v -o "$work/$1.time" "$ashyq" build --site "$site" --out "$ashyq_out" --timings >"$work/$1.out" 2>&1 || {
    echo "bench/run.sh: the $1 rebuild failed:" >&2
    cat "$work/$1.out" >&2
    exit 1
  }
  read -r w c _ < <(parse_time "$work/$1.time")
  mtimes "$ashyq_out" >"$work/mtimes.after"
  printf -v "$1_wall" '%s' "$w"
  printf -v "$1_cpu" '%s' "$c"
  # "…; 6775 pages kept from the last build)": the pages whose inputs had not changed.
  printf -v "$1_kept" '%s' "$(grep -o '[0-9]* pages kept' "$work/$1.out" | grep -o '^[0-9]*' || echo 0)"
  printf -v "$1_rewritten" '%s' "$(comm -13 "$work/mtimes.before" "$work/mtimes.after" | wc -l)"
  # "phase publish 0.116 s, …": renaming and linking into the spare tree and switching the trees.
  printf -v "$1_publish" '%s' "$(awk '$1 == "phase" && $2 == "publish" { print $3 }' "$work/$1.out" | grep . || echo 0)"
}

# A rebuild with nothing changed.
rebuild nochange

# A rebuild after one grant changed (its Russian title), and how many files really changed
# (compared with a copy of the previous output).
grant_file=$(find "$site/content/grants" -name grant.json | sort | sed -n 1p)
cp "$grant_file" "$work/grant.json.orig"
sed -i '/^  "title": {/,/^  }/ s/"ru": "/"ru": "(изменено) /' "$grant_file"
rm -rf "$work/copy" && cp -a "$ashyq_out" "$work/copy"
rebuild onegrant
# diff -rq says "Files … differ" for a changed file, "Only in <new tree>" for a new one (the search
# index's chunks are named by their content) and "Only in <copy>" for one the rebuild removed.
{ diff -rq "$work/copy" "$ashyq_out" || true; } >"$work/onegrant.diff"
onegrant_changed=$(grep -c -e '^Files .* differ$' -e "^Only in $ashyq_out" "$work/onegrant.diff" || true)
onegrant_removed=$(grep -c "^Only in $work/copy" "$work/onegrant.diff" || true)
cp "$work/grant.json.orig" "$grant_file"
rm -rf "$work/copy"
# The same grant changed back: a second edit. The first rebuild after a full build makes the spare
# tree (output_writer.h) whole, linking every file; later ones update it with what changed.
rebuild onegrantback

hugo_onegrant_wall=0 hugo_onegrant_cpu=0 hugo_stubs=0 hugo_wall=0 hugo_cpu=0 hugo_rss=0 hugo_pages=0 hugo_files=0 hugo_bytes=0 hugo_disk=0 hugo_version=""
if [ "$hugo" = 1 ]; then
  hugo_out="$work/hugo-public"
  say "Hugo: $runs clean build(s)"
  hugo_version=$(hugo version | cut -d' ' -f2)
  measure hugo "$hugo_out" hugo --quiet --source "$hugo_site" --destination "$hugo_out"
  hugo_pages=$(html_pages "$hugo_out") hugo_files=$(tree_files "$hugo_out")
  hugo_stubs=$(redirect_stubs "$hugo_out")
  hugo_bytes=$(tree_bytes "$hugo_out") hugo_disk=$(disk_usage "$hugo_out")
  # The same edit as Ashyq's one-grant rebuild: the grant's Russian title, in its Russian content
  # file (JSON front matter, "title" first resolved to the language). Hugo has no incremental build
  # outside `hugo server` (which holds the site in memory and serves it; it is not a build into a
  # folder), so `hugo` after an edit renders the whole site again, into the existing output.
  hugo_grant_file="$hugo_site/content/ru/grants/$(basename "$(dirname "$grant_file")").md"
  cp "$hugo_grant_file" "$work/hugo-grant.md.orig"
  sed -i '0,/"title": "/s//"title": "(изменено) /' "$hugo_grant_file"
  cmp -s "$hugo_grant_file" "$work/hugo-grant.md.orig" && { echo "bench/run.sh: the edit of $hugo_grant_file changed nothing" >&2; exit 1; }
  if ! /usr/bin/time -v -o "$work/hugo-onegrant.time" hugo --quiet --source "$hugo_site" --destination "$hugo_out" >"$work/hugo-onegrant.out" 2>&1; then
    echo "bench/run.sh: Hugo's one-grant rebuild failed:" >&2
    cat "$work/hugo-onegrant.out" >&2
    exit 1
  fi
  read -r hugo_onegrant_wall hugo_onegrant_cpu _ < <(parse_time "$work/hugo-onegrant.time")
  grep -q "(изменено)" "$hugo_out/ru/grants/$(basename "$(dirname "$grant_file")")/index.html" ||
    { echo "bench/run.sh: Hugo's rebuilt grant page lacks the edit" >&2; exit 1; }
  cp "$work/hugo-grant.md.orig" "$hugo_grant_file"
fi

# ---- profile ----
profile_tool="" profile_top=""
if [ "$profile" = 1 ]; then
  install_missing linux-perf
  # Virtual machines often lack the CPU's counters: perf then says "<not supported>".
  perf_check=$(perf stat -e instructions true 2>&1 || echo "perf failed")
  if [[ $perf_check != *"not supported"* && $perf_check != *"perf failed"* ]]; then
    profile_tool="perf record ($grants grants)"
    rm -rf "$work/profile-public"
    perf record -q -g -o "$work/perf.data" "$ashyq" build --site "$site" --out "$work/profile-public" >/dev/null 2>&1
    profile_top=$(perf report -i "$work/perf.data" --stdio --no-children -g none --sort symbol 2>/dev/null |
      grep -E '^ +[0-9.]+%' | cut -c1-160 | sed -E 's/ +$//' | sed -n 1,15p)
  else
    install_missing valgrind
    small=$((grants < 200 ? grants : 200))
    profile_tool="callgrind ($small grants, one thread; perf has no CPU counters here)"
    if [ ! -f "$work/profile-site/.generated" ]; then
      rm -rf "$work/profile-site"
      "$synth" --grants "$small" --seed "$seed" --out "$work/profile-site" >/dev/null
      touch "$work/profile-site/.generated"
    fi
    rm -rf "$work/profile-site/templates" "$work/profile-site/assets" "$work/profile-public"
    cp -r "$root/templates" "$root/assets" "$work/profile-site/"
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
      "$ashyq" build --site "$work/profile-site" --out "$work/profile-public" --jobs 1 >/dev/null 2>&1
    profile_top=$(callgrind_annotate --inclusive=no "$work/callgrind.out" 2>/dev/null |
      grep -E '^ *[0-9,]+ +\([ 0-9.]+%\)' | grep -v 'PROGRAM TOTALS' | sed -n 1,15p |
      sed -E 's/ +\[[^]]*\]$//' | cut -c1-160)
  fi
fi
finished=$(date +%s)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)
ram_kib=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo)
{
  echo
  echo "Ashyq benchmark: $grants synthetic grants (seed $seed), $runs run(s) each, medians"
  echo "machine: $(nproc) cores, $cpu_model, $(mib "$ram_kib") MiB RAM; load average $load_before before, $load_after after"
  echo
  printf '%-22s %12s %12s %10s\n' "" "Ashyq" "Hugo" "Ashyq/Hugo"
  printf '%-22s %12s %12s %10s\n' "wall time (s)" "$ashyq_wall" "$hugo_wall" "$(ratio "$ashyq_wall" "$hugo_wall")"
  printf '%-22s %12s %12s %10s\n' "CPU user+sys (s)" "$ashyq_cpu" "$hugo_cpu" "$(ratio "$ashyq_cpu" "$hugo_cpu")"
  printf '%-22s %12s %12s %10s\n' "one grant edited (s)" "$onegrant_wall" "$hugo_onegrant_wall" "$(ratio "$onegrant_wall" "$hugo_onegrant_wall")"
  printf '%-22s %12s %12s %10s\n' "  its CPU (s)" "$onegrant_cpu" "$hugo_onegrant_cpu" "$(ratio "$onegrant_cpu" "$hugo_onegrant_cpu")"
  printf '%-22s %12s %12s %10s\n' "peak RSS (MiB)" "$(mib "$ashyq_rss")" "$(mib "$hugo_rss")" "$(ratio "$ashyq_rss" "$hugo_rss")"
  printf '%-22s %12s %12s %10s\n' "HTML pages" "$ashyq_pages" "$hugo_pages" "$(ratio "$ashyq_pages" "$hugo_pages")"
  printf '%-22s %12s %12s %10s\n' "files" "$ashyq_files" "$hugo_files" "$(ratio "$ashyq_files" "$hugo_files")"
  printf '%-22s %12s %12s %10s\n' "bytes written (MiB)" "$(mib $((ashyq_bytes / 1024)))" "$(mib $((hugo_bytes / 1024)))" "$(ratio "$ashyq_bytes" "$hugo_bytes")"
  printf '%-22s %12s %12s %10s\n' "disk usage (MiB)" "$(mib "$ashyq_disk")" "$(mib "$hugo_disk")" "$(ratio "$ashyq_disk" "$hugo_disk")"
  [ "$hugo" = 1 ] && echo "(Hugo also writes $hugo_stubs page/1/ redirect stubs: in its files and bytes, not in its pages)"
  [ "$hugo" = 1 ] && echo "(one grant edited: its Russian title, then a build into the existing output; Hugo has no incremental build outside its server, so its time is a full build)"
  echo
  echo "Ashyq's bytes: $((bytes_per_grant / 1024)) KiB a grant; HTML $(mib $((html_bytes / 1024))) MiB, page downloads $(mib $((downloads_bytes / 1024))) MiB, bulk data $(mib $((data_bytes / 1024))) MiB, search $(mib $((search_bytes / 1024))) MiB"
  echo "a grant page's HTML: $grant_html bytes, $grant_gzip gzipped (-9) (mean of $grant_pages pages)"
  echo "largest HTML page (Ashyq): $ashyq_largest_page, $ashyq_largest_bytes bytes ($(awk -v b="$ashyq_largest_bytes" 'BEGIN { printf "%.1f", b / 1024 }') KiB)"
  echo "floor: cp -r of Ashyq's output $cp_wall s; Ashyq's wall time is $(ratio "$ashyq_wall" "$cp_wall") × the floor"
  echo "Ashyq phases (s, median): $(for p in "${phase_names[@]}"; do printf '%s %s  ' "$p" "${phase[$p]}"; done)"
  echo "  (render, write, data and search are thread-seconds summed over threads; pages is their wall time)"
  echo "no-change rebuild: $nochange_wall s ($(ratio "$nochange_wall" "$ashyq_wall") × full), $nochange_rewritten of $ashyq_files files rewritten"
  echo "one grant changed: $onegrant_wall s ($onegrant_cpu s CPU), $onegrant_kept of $ashyq_pages pages kept, $onegrant_rewritten files rewritten, $onegrant_changed of them new or with different bytes, $onegrant_removed removed"
  echo "  (the first rebuild after the full build: its publish phase, $onegrant_publish s, links every file into the spare tree)"
  echo "the same grant changed back: $onegrantback_wall s ($onegrantback_cpu s CPU, publish $onegrantback_publish s), $onegrantback_kept of $ashyq_pages pages kept, $onegrantback_rewritten files rewritten"
  if [ -n "$profile_tool" ]; then
    echo
    echo "profile: $profile_tool, top 15 symbols (self cost)"
    echo "$profile_top"
  fi
  echo
  echo "took $((finished - started)) s; outputs in $work; results in $json"
}

# Machine-readable results; strings are escaped for JSON by hand (no jq or python needed).
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/ /g' | awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }')"; }
mkdir -p "$(dirname "$json")"
{
  echo "{"
  echo "  \"grants\": $grants, \"seed\": $seed, \"runs\": $runs,"
  echo "  \"machine\": {\"cores\": $(nproc), \"cpu\": $(json_string "$cpu_model"), \"ram_kib\": $ram_kib, \"load_before\": $(json_string "$load_before"), \"load_after\": $(json_string "$load_after")},"
  echo "  \"ashyq\": {\"wall_s\": $ashyq_wall, \"cpu_s\": $ashyq_cpu, \"peak_rss_kib\": $ashyq_rss, \"pages\": $ashyq_pages, \"files\": $ashyq_files, \"bytes\": $ashyq_bytes, \"disk_kib\": $ashyq_disk,"
  printf '    "phases_s": {'
  sep=""
  for p in "${phase_names[@]}"; do printf '%s"%s": %s' "$sep" "$p" "${phase[$p]}"; sep=", "; done
  echo "},"
  echo "    \"largest_html\": {\"path\": $(json_string "$ashyq_largest_page"), \"bytes\": $ashyq_largest_bytes},"
  echo "    \"copy_floor_s\": $cp_wall, \"times_floor\": $(ratio "$ashyq_wall" "$cp_wall" | sed 's/^-$/null/'),"
  echo "    \"nochange_rebuild\": {\"wall_s\": $nochange_wall, \"files_rewritten\": $nochange_rewritten},"
  echo "    \"bytes_per_grant\": $bytes_per_grant, \"bytes_by_part\": {\"html\": $html_bytes, \"downloads\": $downloads_bytes, \"data\": $data_bytes, \"search\": $search_bytes},"
  echo "    \"grant_page\": {\"pages_measured\": $grant_pages, \"html_bytes\": $grant_html, \"gzip_bytes\": $grant_gzip},"
  echo "    \"one_grant_rebuild\": {\"wall_s\": $onegrant_wall, \"cpu_s\": $onegrant_cpu, \"pages_kept\": $onegrant_kept, \"files_rewritten\": $onegrant_rewritten, \"files_changed\": $onegrant_changed, \"files_removed\": $onegrant_removed, \"publish_s\": $onegrant_publish},"
  echo "    \"one_grant_changed_back\": {\"wall_s\": $onegrantback_wall, \"cpu_s\": $onegrantback_cpu, \"pages_kept\": $onegrantback_kept, \"files_rewritten\": $onegrantback_rewritten, \"publish_s\": $onegrantback_publish}},"
  if [ "$hugo" = 1 ]; then
    echo "  \"hugo\": {\"version\": $(json_string "$hugo_version"), \"wall_s\": $hugo_wall, \"cpu_s\": $hugo_cpu, \"one_grant_rebuild\": {\"wall_s\": $hugo_onegrant_wall, \"cpu_s\": $hugo_onegrant_cpu}, \"peak_rss_kib\": $hugo_rss, \"pages\": $hugo_pages, \"redirect_stubs\": $hugo_stubs, \"files\": $hugo_files, \"bytes\": $hugo_bytes, \"disk_kib\": $hugo_disk},"
    echo "  \"ratios\": {\"wall\": $(ratio "$ashyq_wall" "$hugo_wall"), \"cpu\": $(ratio "$ashyq_cpu" "$hugo_cpu"), \"peak_rss\": $(ratio "$ashyq_rss" "$hugo_rss"), \"pages\": $(ratio "$ashyq_pages" "$hugo_pages")},"
  else
    echo "  \"hugo\": null, \"ratios\": null,"
  fi
  echo "  \"profile\": $( [ -n "$profile_tool" ] && echo "{\"tool\": $(json_string "$profile_tool"), \"top\": $(json_string "$profile_top")}" || echo null),"
  echo "  \"duration_s\": $((finished - started))"
  echo "}"
} >"$json"
