#!/usr/bin/env bash
# Scale benchmark of danvan: how the commands hold up on 10k and 100k
# records (and, when asked, a million records and a province of 100
# communes), against a floor measured in the same run (`rg -c . DIR`: walk
# every file and read it whole, in parallel, doing nothing else).
#
#   bash benches/scale.sh                      # 10000 and 100000, 5 runs each
#   RUNS=9 SIZES="10000" bash benches/scale.sh
#   MILLION=1 ROLLUP=1 bash benches/scale.sh   # also 1,000,000 records and 100 × 1,000
#   REPORT_DIR=/dev/shm bash benches/scale.sh  # `report` writes to memory, not the disk
#
# Workspaces come from `examples/generate.rs` and are cached under
# target/bench-data/ (delete a folder to regenerate it; a million records
# is about 900 MB of files and takes some minutes to write once).
# Times are wall-clock medians with a warm page cache (one untimed run
# first); peak memory is the largest maximum RSS of the runs (GNU time %M).
#
# Goals (issue 18): at 100k records every reading command within 2.5x of
# the rg floor and `report` within 3x, the peak memory of every command
# at most 200 MB; at 1M records `check`, `status` and `report` within 11x
# of their 100k time, peak at most 1.5 GB; `danvan rollup` over 100
# members of 1,000 records within 2.5x of the floor of the whole tree;
# `danvan status` on the bundled records under 30 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SEED=${SEED:-42}
SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2026-11-30}
COMMANDS=(check status summary progress petitions conclusions report)
MILLION=${MILLION:-0}
ROLLUP=${ROLLUP:-0}
MILLION_COMMANDS=(check status report)

# ── Tools ────────────────────────────────────────────────────────────────
apt_install() {
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "scale: installing $1 with apt-get" >&2
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "scale: $1 is missing and cannot be installed here; install it and rerun" >&2
    exit 2
  fi
}
[ -x /usr/bin/time ] || apt_install time
command -v rg >/dev/null 2>&1 || apt_install ripgrep
GNU_TIME=/usr/bin/time

# ── Build ────────────────────────────────────────────────────────────────
echo "scale: building release binaries" >&2
cargo build --release --quiet --bin danvan --example generate
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
TARGET_DIR=${TARGET_DIR:-$ROOT/target}
DANVAN=$TARGET_DIR/release/danvan
GENERATE=$TARGET_DIR/release/examples/generate

# ── Data ─────────────────────────────────────────────────────────────────
DATA=$TARGET_DIR/bench-data
mkdir -p "$DATA"
workspace() { # N → path, generated once per seed and size
  local n=$1 dir=$DATA/seed-$SEED-n-$1
  if [ ! -f "$dir/danvan.toml" ]; then
    rm -rf "$dir" "$dir.tmp"
    echo "scale: generating $n records (seed $SEED) into $dir" >&2
    "$GENERATE" --records "$n" --out "$dir.tmp" --seed "$SEED" --as-of "$AS_OF" >&2
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

province() { # MEMBERS N → folder holding MEMBERS workspaces of N records each
  local members=$1 n=$2 dir=$DATA/seed-$SEED-province-$1x$2 i id
  if [ ! -f "$dir/done" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "scale: generating $members members of $n records into $dir" >&2
    for ((i = 1; i <= members; i++)); do
      id=$(printf 'xa-%03d' "$i")
      "$GENERATE" --records "$n" --out "$dir/$id" --seed "$((SEED * 1000 + i))" --as-of "$AS_OF" \
        --committee "Đảng ủy xã $i" --parent "Đảng bộ tỉnh Đồng Tháp" >/dev/null
    done
    touch "$dir/done"
  fi
  echo "$dir"
}

SCRATCH=$(mktemp -d)
# Where the `report` runs write their bundles. On ext4, creating files is
# several times slower for minutes after many were deleted (the inode
# allocator skips recently freed ones: perf shows recently_deleted and
# find_inode_bit), so a run right after another (which deletes its
# bundles at the end) times the file system; a tmpfs does not.
REPORT_SCRATCH=$(mktemp -d "${REPORT_DIR:-$SCRATCH}/danvan-reports-XXXXXX")
trap 'rm -rf "$SCRATCH" "$REPORT_SCRATCH"' EXIT

# ── Measuring ────────────────────────────────────────────────────────────
# measure NAME CMD... : runs CMD once untimed, then RUNS times; sets
# MEDIAN_MS, PEAK_KB and STATUS (the exit code of the last run). The
# command BEFORE_EACH, when set, runs before every run, untimed.
BEFORE_EACH=
measure() {
  local name=$1
  shift
  local times=() peak=0 start end rc=0 kb
  [ -z "$BEFORE_EACH" ] || eval "$BEFORE_EACH"
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < RUNS; i++)); do
    [ -z "$BEFORE_EACH" ] || eval "$BEFORE_EACH"
    start=$(date +%s%N)
    set +e
    "$GNU_TIME" -f %M -o "$SCRATCH/rss" "$@" >/dev/null 2>"$SCRATCH/stderr"
    rc=$?
    set -e
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
    kb=$(tail -n 1 "$SCRATCH/rss" | tr -dc 0-9)
    if [ -n "$kb" ] && [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  MEDIAN_MS=$(printf '%s\n' "${times[@]}" | sort -n |
    awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
  PEAK_KB=$peak
  STATUS=$rc
  if [ "$rc" != 0 ]; then
    echo "scale: warning: $name exited with $rc: $(head -c 300 "$SCRATCH/stderr")" >&2
  fi
}

has_command() { "$DANVAN" help "$1" >/dev/null 2>&1; }

declare -A MED PEAK RC
AVAILABLE=()
for cmd in "${COMMANDS[@]}"; do
  if has_command "$cmd"; then AVAILABLE+=("$cmd"); else echo "scale: skipping \`$cmd\`: this danvan has no such command" >&2; fi
done

# measure_size N CMD... : the floor and each command on the N-record workspace.
measure_size() {
  local n=$1 dir cmd args
  shift
  dir=$(workspace "$n")
  echo "scale: measuring $n records" >&2
  measure "rg $n" rg -c . "$dir"
  MED[rg,$n]=$MEDIAN_MS
  PEAK[rg,$n]=$PEAK_KB
  for cmd in "$@"; do
    args=("$DANVAN" --records "$dir" --as-of "$AS_OF" "$cmd")
    BEFORE_EACH=
    if [ "$cmd" = report ]; then
      # Every run writes a new folder, as a CI job does. The earlier ones
      # are moved aside, not deleted, until the end: on ext4 without a
      # journal, creating files is several times slower for minutes after
      # thousands were deleted (the allocator skips recently freed inodes),
      # which would time the benchmark's clean-up rather than danvan.
      mkdir -p "$REPORT_SCRATCH/reports"
      args+=(--out "$REPORT_SCRATCH/report")
      BEFORE_EACH='[ ! -e "$REPORT_SCRATCH/report" ] || mv "$REPORT_SCRATCH/report" "$(mktemp -d "$REPORT_SCRATCH/reports/run-XXXXXX")/"'
    fi
    measure "$cmd $n" "${args[@]}"
    BEFORE_EACH=
    MED[$cmd,$n]=$MEDIAN_MS
    PEAK[$cmd,$n]=$PEAK_KB
    RC[$cmd,$n]=$STATUS
  done
}

for n in $SIZES; do
  measure_size "$n" "${AVAILABLE[@]}"
done

if [ "$MILLION" = 1 ]; then
  saved_runs=$RUNS
  RUNS=${MILLION_RUNS:-3}
  measure_size 1000000 "${MILLION_COMMANDS[@]}"
  RUNS=$saved_runs
fi

if [ "$ROLLUP" = 1 ]; then
  tree=$(province 100 1000)
  echo "scale: measuring the roll-up of 100 members" >&2
  measure "rg province" rg -c . "$tree"
  ROLLUP_FLOOR=$MEDIAN_MS
  members=("$tree"/xa-*)
  measure "rollup" "$DANVAN" --as-of "$AS_OF" rollup "${members[@]}"
  ROLLUP_MS=$MEDIAN_MS
  ROLLUP_KB=$PEAK_KB
  ROLLUP_RC=$STATUS
fi

RUNS_BUNDLED=$((RUNS > 11 ? RUNS : 11))
saved_runs=$RUNS
RUNS=$RUNS_BUNDLED
measure "status on records/" "$DANVAN" --records "$ROOT/records" --as-of "$AS_OF" status
RUNS=$saved_runs
BUNDLED_MS=$MEDIAN_MS
BUNDLED_KB=$PEAK_KB

# ── Report ───────────────────────────────────────────────────────────────
read -r SMALL LARGE <<<"$(echo $SIZES | awk '{print $1, $NF}')"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ok() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim) ? "yes" : "**no**" }'; }

mem_total=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
echo
echo "## danvan scale benchmark"
echo
echo "- machine: $(nproc) CPUs ($cpu), $mem_total memory, $(uname -sr)"
echo "- danvan $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(rustc --version)"
echo "- data: examples/generate.rs, seed $SEED, as of $AS_OF; warm page cache; median of $RUNS runs; peak = max RSS"
echo "- \`report\` writes into $(df --output=fstype "$REPORT_SCRATCH" 2>/dev/null | tail -n 1) ($(dirname "$REPORT_SCRATCH"))"
echo
echo "| command | $SMALL median (ms) | $LARGE median (ms) | ratio to rg floor at $LARGE | $LARGE/$SMALL ratio | peak MB at $LARGE | goal met |"
echo "|---|---:|---:|---:|---:|---:|---|"
echo "| \`rg -c . DIR\` (floor) | ${MED[rg,$SMALL]} | ${MED[rg,$LARGE]} | 1.00 | $(ratio "${MED[rg,$LARGE]}" "${MED[rg,$SMALL]}") | $(mb "${PEAK[rg,$LARGE]}") | |"
for cmd in "${AVAILABLE[@]}"; do
  small=${MED[$cmd,$SMALL]}
  large=${MED[$cmd,$LARGE]}
  floor_ratio=$(ratio "$large" "${MED[rg,$LARGE]}")
  growth=$(ratio "$large" "$small")
  peak=$(mb "${PEAK[$cmd,$LARGE]}")
  limit=2.5
  [ "$cmd" = report ] && limit=3
  verdict="$(ok "$floor_ratio" "$limit") (≤ ${limit}×), $(ok "$peak" 200) (≤ 200 MB)"
  [ "${RC[$cmd,$LARGE]}" = 0 ] || verdict="$verdict; exit ${RC[$cmd,$LARGE]}"
  label="\`$cmd\`"
  [ "$cmd" = report ] && label="\`report --out TMP\`"
  echo "| $label | $small | $large | $floor_ratio | $growth | $peak | $verdict |"
done
if [ "$MILLION" = 1 ]; then
  M=1000000
  echo
  echo "1,000,000 records (median of ${MILLION_RUNS:-3} runs; floor \`rg -c .\` ${MED[rg,$M]} ms, $(ratio "${MED[rg,$M]}" "${MED[rg,$LARGE]}")× its $LARGE time):"
  echo
  echo "| command | $M median (ms) | ratio to rg floor | $M/$LARGE ratio | peak MB | goal met |"
  echo "|---|---:|---:|---:|---:|---|"
  for cmd in "${MILLION_COMMANDS[@]}"; do
    growth=$(ratio "${MED[$cmd,$M]}" "${MED[$cmd,$LARGE]}")
    peak=$(mb "${PEAK[$cmd,$M]}")
    verdict="$(ok "$growth" 11) (≤ 11×), $(ok "$peak" 1536) (≤ 1.5 GB)"
    [ "${RC[$cmd,$M]}" = 0 ] || verdict="$verdict; exit ${RC[$cmd,$M]}"
    echo "| \`$cmd\` | ${MED[$cmd,$M]} | $(ratio "${MED[$cmd,$M]}" "${MED[rg,$M]}") | $growth | $peak | $verdict |"
  done
fi
if [ "$ROLLUP" = 1 ]; then
  r=$(ratio "$ROLLUP_MS" "$ROLLUP_FLOOR")
  echo
  echo "\`danvan rollup\` of 100 members × 1,000 records: median ${ROLLUP_MS} ms, floor \`rg -c .\` over the tree ${ROLLUP_FLOOR} ms, ratio $r, peak $(mb "$ROLLUP_KB") MB — goal ≤ 2.5×: $(ok "$r" 2.5)$([ "$ROLLUP_RC" = 0 ] || echo "; exit $ROLLUP_RC")"
fi
echo
echo "\`danvan status\` on the bundled records/: median ${BUNDLED_MS} ms of $RUNS_BUNDLED runs, peak $(mb "$BUNDLED_KB") MB — goal < 30 ms: $(ok "$BUNDLED_MS" 30)"
