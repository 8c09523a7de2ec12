#!/usr/bin/env bash
# Runs every fuzz target in turn, SECONDS_EACH seconds each (default 600),
# on one core; prints what each run found. Needs a nightly toolchain and
# cargo-fuzz (`cargo install cargo-fuzz`). Crashes land in
# fuzz/artifacts/<target>/; turn each into a test in tests/hostile.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${SECONDS_EACH:-600}
TOOLCHAIN=${TOOLCHAIN:-+nightly}
for target in model meeting petition targets_and_config; do
  echo "== $target: ${SECONDS_EACH}s"
  cargo $TOOLCHAIN fuzz run "$target" -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 || echo "== $target: found a problem (exit $?)"
done
ls -la fuzz/artifacts/*/ 2>/dev/null || echo "no artifacts"
