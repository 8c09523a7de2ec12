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
# first), each command's runs taking turns with the runs it is compared
# with; peak memory is the largest maximum RSS of the runs (GNU time %M).
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
# A run is named by a key: "CMD,N" is `danvan CMD` on the N-record
# workspace, "rg,N" the floor on it, and a third part tells apart runs of
# the same command made beside others ("check,100000,beside-1000000").
# "rollup,province" and "rg,province" are the roll-up and its floor,
# "status,bundled" is `status` on records/.
#
# This VM's host changes speed by a fifth and more from one minute to the
# next, so a ratio of two figures taken minutes apart measures the host.
# Every ratio below is of runs taken in turns instead (`interleave`): each
# command with a floor run before each of its own runs, each 1,000,000-
# record run after a 100,000-record run of the same command.

# args_of KEY: sets ARGS to the command line of KEY.
args_of() {
  local cmd=${1%%,*} rest=${1#*,} n dir
  n=${rest%%,*}
  case $n in
    province) dir=$PROVINCE ;;
    bundled) dir=$ROOT/records ;;
    *) dir=$(workspace "$n") ;;
  esac
  case $cmd in
    rg) ARGS=(rg -c . "$dir") ;;
    rollup) ARGS=("$DANVAN" --as-of "$AS_OF" rollup "$dir"/xa-*) ;;
    report) ARGS=("$DANVAN" --records "$dir" --as-of "$AS_OF" report --out "$REPORT_SCRATCH/report") ;;
    *) ARGS=("$DANVAN" --records "$dir" --as-of "$AS_OF" "$cmd") ;;
  esac
}

# Every `report` run writes a new folder, as a CI job does. The earlier
# ones are moved aside, not deleted, until the end: on ext4 without a
# journal, creating files is several times slower for minutes after
# thousands were deleted (the allocator skips recently freed inodes),
# which would time the benchmark's clean-up rather than danvan.
clear_report() {
  mkdir -p "$REPORT_SCRATCH/reports"
  [ ! -e "$REPORT_SCRATCH/report" ] || mv "$REPORT_SCRATCH/report" "$(mktemp -d "$REPORT_SCRATCH/reports/run-XXXXXX")/"
}

declare -A TIMES PEAK RC MED
# run_once KEY [timed]: one run of KEY; a timed one adds its wall time (µs)
# to TIMES[KEY], its maximum RSS to PEAK[KEY] when larger, its exit code
# to RC[KEY].
run_once() {
  local key=$1 timed=${2:-} start end rc kb
  args_of "$key"
  [[ $key != report,* ]] || clear_report
  if [ -z "$timed" ]; then
    "${ARGS[@]}" >/dev/null 2>&1 || true
    return
  fi
  start=$(date +%s%N)
  set +e
  "$GNU_TIME" -f %M -o "$SCRATCH/rss" "${ARGS[@]}" >/dev/null 2>"$SCRATCH/stderr"
  rc=$?
  set -e
  end=$(date +%s%N)
  TIMES[$key]="${TIMES[$key]:-} $(((end - start) / 1000))"
  kb=$(tail -n 1 "$SCRATCH/rss" | tr -dc 0-9)
  if [ -n "$kb" ] && [ "$kb" -gt "${PEAK[$key]:-0}" ]; then PEAK[$key]=$kb; fi
  RC[$key]=$rc
  if [ "$rc" != 0 ]; then
    echo "scale: warning: $key exited with $rc: $(head -c 300 "$SCRATCH/stderr")" >&2
  fi
}

# interleave RUNS KEY...: each KEY once untimed (a warm page cache), then
# RUNS rounds in which every KEY runs once, in the order given; sets
# MED[KEY], the median wall time in ms.
interleave() {
  local runs=$1 key i
  shift
  for key in "$@"; do run_once "$key"; done
  for ((i = 0; i < runs; i++)); do
    for key in "$@"; do run_once "$key" timed; done
  done
  for key in "$@"; do
    # shellcheck disable=SC2086 # the list of times is split on purpose
    MED[$key]=$(printf '%s\n' ${TIMES[$key]} | sort -n |
      awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
  done
}

has_command() { "$DANVAN" help "$1" >/dev/null 2>&1; }

AVAILABLE=()
for cmd in "${COMMANDS[@]}"; do
  if has_command "$cmd"; then AVAILABLE+=("$cmd"); else echo "scale: skipping \`$cmd\`: this danvan has no such command" >&2; fi
done

for n in $SIZES; do
  workspace "$n" >/dev/null
  echo "scale: measuring $n records" >&2
  for cmd in "${AVAILABLE[@]}"; do
    interleave "$RUNS" "rg,$n,beside-$cmd" "$cmd,$n"
  done
done
read -r SMALL LARGE <<<"$(echo $SIZES | awk '{print $1, $NF}')"

if [ "$MILLION" = 1 ]; then
  M=1000000
  workspace "$M" >/dev/null
  echo "scale: measuring $M records beside $LARGE" >&2
  for cmd in rg "${MILLION_COMMANDS[@]}"; do
    interleave "${MILLION_RUNS:-3}" "$cmd,$LARGE,beside-$M" "$cmd,$M"
  done
fi

if [ "$ROLLUP" = 1 ]; then
  PROVINCE=$(province 100 1000)
  echo "scale: measuring the roll-up of 100 members" >&2
  interleave "$RUNS" "rg,province" "rollup,province"
fi

RUNS_BUNDLED=$((RUNS > 11 ? RUNS : 11))
interleave "$RUNS_BUNDLED" "status,bundled"

# ── Report ───────────────────────────────────────────────────────────────
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
echo "Each command's runs take turns with runs of the floor, \`rg -c . DIR\`, which reads every file of the workspace once and does nothing else; the ratio is of the two medians."
echo
echo "| command | $SMALL median (ms) | $LARGE median (ms) | floor beside it (ms) | ratio to the floor | $LARGE/$SMALL ratio | peak MB at $LARGE | goal met |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for cmd in "${AVAILABLE[@]}"; do
  small=${MED[$cmd,$SMALL]}
  large=${MED[$cmd,$LARGE]}
  floor=${MED[rg,$LARGE,beside-$cmd]}
  floor_ratio=$(ratio "$large" "$floor")
  peak=$(mb "${PEAK[$cmd,$LARGE]}")
  limit=2.5
  [ "$cmd" = report ] && limit=3
  verdict="$(ok "$floor_ratio" "$limit") (≤ ${limit}×), $(ok "$peak" 200) (≤ 200 MB)"
  [ "${RC[$cmd,$LARGE]}" = 0 ] || verdict="$verdict; exit ${RC[$cmd,$LARGE]}"
  label="\`$cmd\`"
  [ "$cmd" = report ] && label="\`report --out TMP\`"
  echo "| $label | $small | $large | $floor | $floor_ratio | $(ratio "$large" "$small") | $peak | $verdict |"
done
if [ "$MILLION" = 1 ]; then
  echo
  echo "1,000,000 records (median of ${MILLION_RUNS:-3} runs, each after a run of the same command on $LARGE records):"
  echo
  echo "| command | $LARGE median beside (ms) | $M median (ms) | $M/$LARGE ratio | ratio to the floor at $M | peak MB | goal met |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for cmd in rg "${MILLION_COMMANDS[@]}"; do
    small=${MED[$cmd,$LARGE,beside-$M]}
    large=${MED[$cmd,$M]}
    growth=$(ratio "$large" "$small")
    peak=$(mb "${PEAK[$cmd,$M]}")
    if [ "$cmd" = rg ]; then
      echo "| \`rg -c . DIR\` (floor) | $small | $large | $growth | 1.00 | $peak | |"
      continue
    fi
    verdict="$(ok "$growth" 11) (≤ 11×), $(ok "$peak" 1536) (≤ 1.5 GB)"
    [ "${RC[$cmd,$M]}" = 0 ] || verdict="$verdict; exit ${RC[$cmd,$M]}"
    echo "| \`$cmd\` | $small | $large | $growth | $(ratio "$large" "${MED[rg,$M]}") | $peak | $verdict |"
  done
fi
if [ "$ROLLUP" = 1 ]; then
  r=$(ratio "${MED[rollup,province]}" "${MED[rg,province]}")
  echo
  echo "\`danvan rollup\` of 100 members × 1,000 records: median ${MED[rollup,province]} ms, floor \`rg -c .\` over the tree beside it ${MED[rg,province]} ms, ratio $r, peak $(mb "${PEAK[rollup,province]}") MB — goal ≤ 2.5×: $(ok "$r" 2.5)$([ "${RC[rollup,province]}" = 0 ] || echo "; exit ${RC[rollup,province]}")"
fi
echo
echo "\`danvan status\` on the bundled records/: median ${MED[status,bundled]} ms of $RUNS_BUNDLED runs, peak $(mb "${PEAK[status,bundled]}") MB — goal < 30 ms: $(ok "${MED[status,bundled]}" 30)"
