#!/usr/bin/env bash
# A build killed at any moment leaves public/ as the whole old tree or the whole new one (issue 17,
# item 2), and the next build gives the new tree and clears what the killed one left.
#
# On a SYNTHETIC site (ashyq-synth: every name and number invented, 12 grants by default) in two versions,
# A and B (B: one grant's Russian title changed and another grant removed), `ashyq build` is killed
# with SIGKILL at KILLS points (200 by default), taking three cases in turn:
#   incremental  public/ and its manifest hold one version, the site is switched to the other;
#   existing     the same without the manifest, so the build is a full one over an old tree;
#   empty        no public/ at all, a full build.
# The kill points are spread by time: one build of each case is timed first, and the i-th kill
# comes at a random moment of the i-th of KILLS equal slices of its case's build, so each case is
# killed all along its run (load, render, publish). A build that ends before its kill shortens its
# case's time, since other tests beside this one change how long a build takes. After each kill the output must list exactly
# the folders and files of the old or of the new reference tree, built beforehand, with the same
# MD5 of every file (or be absent when it was); then a build without a kill must succeed, give the
# new tree and leave nothing beside public/ but its manifest and the spare tree with its manifest
# (output_writer.h), each manifest naming its own folder (device and inode), and the spare, when
# it has a manifest, must be a whole tree of one version too.
#   usage: check_atomic_publish.sh ASHYQ_BINARY SYNTH_BINARY SOURCE_DIR [KILLS [GRANTS]]
set -euo pipefail
binary=$1 synth=$2 source_dir=$3 kills=${4:-200} grants=${5:-12}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C
site=$work/site out_parent=$work/out
out=$out_parent/public

"$synth" --grants "$grants" --seed 1 --out "$site" >/dev/null
cp -r "$source_dir/templates" "$source_dir/assets" "$site/"

grants=$(find "$site/content/grants" -name grant.json | sort)
edited=$(sed -n 1p <<<"$grants")
removed=$(dirname "$(sed -n 2p <<<"$grants")")
parked=$work/parked
mkdir -p "$parked"
cp "$edited" "$work/grant.A"
sed '/^  "title": {/,/^  }/ s/"ru": "/"ru": "(изменено) /' "$edited" >"$work/grant.B"
if cmp -s "$work/grant.A" "$work/grant.B"; then
  echo "the edit of $edited changed nothing: the test would compare a tree with itself" >&2
  exit 1
fi

# use A|B: switches the site's content to that version.
use() {
  cp "$work/grant.$1" "$edited"
  if [ "$1" = A ] && [ -d "$parked/$(basename "$removed")" ]; then
    mv "$parked/$(basename "$removed")" "$removed"
  elif [ "$1" = B ] && [ -d "$removed" ]; then
    mv "$removed" "$parked/"
  fi
}

# listing DIR: every folder, and every file with the MD5 of its bytes; "absent" for no folder.
listing() {
  if [ ! -e "$1" ]; then
    echo absent
    return
  fi
  (
    cd "$1"
    find . -type d | sort
    find . ! -type d ! -type f | sed 's/^/not a file or folder: /'
    find . -type f -print0 | sort -z | xargs -0 -r md5sum
  )
}

# check_beside: what is beside public/ after a build that ended: public/ and the manifest naming
# it, and at most the spare tree and its manifest naming it, the spare holding one whole version.
# Prints what is wrong and fails otherwise.
tree_line() { stat -c 'tree %d %i' "$1"; }
check_beside() {
  local left
  left=$(ls -A "$out_parent" | tr '\n' ' ')
  case "$left" in
    "public public.manifest " | "public public.manifest public.spare " | \
      "public public.manifest public.spare public.spare.manifest ") ;;
    *) echo "left beside public/: $left"; return 1 ;;
  esac
  if [ "$(sed -n 2p "$out_parent/public.manifest")" != "$(tree_line "$out")" ]; then
    echo "public.manifest does not name public/"
    return 1
  fi
  [ -f "$out_parent/public.spare.manifest" ] || return 0
  if [ "$(sed -n 2p "$out_parent/public.spare.manifest")" != "$(tree_line "$out_parent/public.spare")" ]; then
    echo "public.spare.manifest does not name public.spare/"
    return 1
  fi
  listing "$out_parent/public.spare" >"$work/spare.list"
  if ! cmp -s "$work/spare.list" "$work/A.list" && ! cmp -s "$work/spare.list" "$work/B.list"; then
    echo "the spare tree, with its manifest, is neither version"
    return 1
  fi
}

build() { "$binary" build --site "$site" --out "$1" >"$work/build.log" 2>&1; }
now_ns() { date +%s%N; }

for version in A B; do
  use "$version"
  build "$work/ref/$version" || { cat "$work/build.log" >&2; exit 1; }
  listing "$work/ref/$version" >"$work/$version.list"
  rm -rf "$work/ref"
done
if cmp -s "$work/A.list" "$work/B.list"; then
  echo "versions A and B build the same tree: the test could not tell them apart" >&2
  exit 1
fi
echo absent >"$work/absent.list"
echo "reference trees: A $(grep -c '^[0-9a-f]\{32\} ' "$work/A.list") files, B $(grep -c '^[0-9a-f]\{32\} ' "$work/B.list") files"

# The three cases, by what public/ holds when the build starts.
cases=(incremental existing empty)
declare -A cases_index=([incremental]=0 [existing]=1 [empty]=2)

# prepare CASE VERSION: public/ as the case starts from, the site switched to VERSION.
prepare() {
  case $1 in
    incremental) ;;
    existing) rm -f "$out_parent"/public.manifest* ;;
    empty) rm -rf "$out_parent" ;;
  esac
  use "$2"
}

# One build of each case, timed, with nothing killed; each starts from A published by a build (so
# the incremental case has its manifest) and ends with B.
declare -A duration_ns killed
for case in "${cases[@]}"; do
  rm -rf "$out_parent"
  use A
  build "$out" || { cat "$work/build.log" >&2; exit 1; }
  prepare "$case" B
  start=$(now_ns)
  build "$out" || { cat "$work/build.log" >&2; exit 1; }
  duration_ns[$case]=$(($(now_ns) - start))
  killed[$case]=0
done
current=B

failures=0
# Kill i goes to the cases in turn, at a random moment of the i-th of KILLS equal slices of that
# case's build, so each case is killed all along its run.
for ((i = 0; i < kills; i++)); do
  case=${cases[$((i % ${#cases[@]}))]}
  if [ "$current" = A ]; then next=B; else next=A; fi
  old=$current
  [ "$case" = empty ] && old=absent
  prepare "$case" "$next"
  delay=$(awk -v d="${duration_ns[$case]}" -v i="$i" -v n="$kills" -v r="$RANDOM" \
    'BEGIN { printf "%.4f", d / 1e9 * (i + r / 32768) / n }')
  "$binary" build --site "$site" --out "$out" >"$work/killed.log" 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null || true
  rc=0
  wait "$pid" 2>/dev/null || rc=$?
  if [ "$rc" = 137 ]; then
    killed[$case]=$((${killed[$case]} + 1))
  elif [ "$rc" != 0 ]; then
    echo "$case, kill $i: the build failed by itself (exit $rc):" >&2
    cat "$work/killed.log" >&2
    exit 1
  else
    # The build ended before its kill: it now takes less than the delay (the load of the machine
    # changes while ctest runs other tests beside this one), so the case's later kill points are
    # drawn from the shorter time, to stay inside its runs.
    duration_ns[$case]=$(awk -v d="$delay" -v o="${duration_ns[$case]}" \
      'BEGIN { n = d * 0.9e9; printf "%.0f", n < o ? n : o }')
  fi
  what="$case build ($old to $next), killed at ${delay}s"
  listing "$out" >"$work/seen.list"
  if ! cmp -s "$work/seen.list" "$work/$old.list" && ! cmp -s "$work/seen.list" "$work/$next.list"; then
    failures=$((failures + 1))
    echo "FAIL $what: public/ is neither the old tree nor the new one; against the new one:" >&2
    diff "$work/$next.list" "$work/seen.list" | head -6 >&2 || true
  fi
  if ! build "$out"; then
    failures=$((failures + 1))
    echo "FAIL $what: the next build failed:" >&2
    cat "$work/build.log" >&2
  elif ! cmp -s <(listing "$out") "$work/$next.list"; then
    failures=$((failures + 1))
    echo "FAIL $what: the next build did not give the new tree" >&2
  elif ! beside=$(check_beside); then
    failures=$((failures + 1))
    echo "FAIL $what: after the next build, $beside" >&2
  fi
  current=$next
done
for case in "${cases[@]}"; do
  runs=$(((kills + ${#cases[@]} - 1 - ${cases_index[$case]}) / ${#cases[@]}))
  echo "$case: one build $((${duration_ns[$case]} / 1000000)) ms at the end; ${killed[$case]} of $runs builds killed before they ended"
  # Kill points past the builds' end would test nothing.
  if [ "${killed[$case]}" -lt $((runs / 2)) ]; then
    echo "FAIL $case: fewer than half its builds were killed; the kill points miss the runs" >&2
    failures=$((failures + 1))
  fi
done
if [ "$failures" -gt 0 ]; then
  echo "$failures failures" >&2
  exit 1
fi
echo "every killed build left the old or the new tree, and every next build gave the new one"
