#!/usr/bin/env bash
#===- scripts/test-aarch64.sh - Cross-build for AArch64 and test under qemu -===#
#
# On an x86-64 Debian 12 machine: makes (or reuses) the arm64 sysroot,
# cross-builds Orca for aarch64-linux-gnu into build-aarch64 with clang-19
# and lld, then runs under qemu-aarch64 the unit tests (ctest, through
# CMAKE_CROSSCOMPILING_EMULATOR), the lit tests (Orca's tools through qemu,
# wat2wasm and FileCheck natively) and a conformance subset chosen for what
# differs between targets (traps, bounds checks, stack exhaustion, floats,
# SIMD, calls), with guard pages. --full runs the whole conformance suite
# instead, once per bounds-check mode (guard pages, then explicit checks;
# about twenty times longer). --bounds-checks=guard|explicit|both picks the
# modes of either. Tests that need what qemu-user lacks skip themselves
# (lit: `UNSUPPORTED: emulated`; GoogleTest: GTEST_SKIP). The last line sums
# everything as `N passed, N failed`; the exit status is non-zero if
# anything failed.
#
# Usage: scripts/test-aarch64.sh [--full] [--bounds-checks=guard|explicit|both]
#   BUILD_DIR (default <repo>/build-aarch64), ORCA_SYSROOT (default
#   ~/.cache/orca/sysroot-arm64), ORCA_WASM_TESTSUITE and JOBS (default
#   nproc) may be set in the environment. Logs go to BUILD_DIR/test-logs.
#
#===----------------------------------------------------------------------===#
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-aarch64}"
SYSROOT="${ORCA_SYSROOT:-$HOME/.cache/orca/sysroot-arm64}"
SUITE_DIR="${ORCA_WASM_TESTSUITE:-$ROOT/../shared/wasm-testsuite}"
JOBS="${JOBS:-$(nproc)}"
LOG_DIR="$BUILD_DIR/test-logs"
FULL=0
MODES=""
for arg in "$@"; do
  case "$arg" in
  --full) FULL=1 ;;
  --bounds-checks=guard | --bounds-checks=explicit) MODES="${arg#*=}" ;;
  --bounds-checks=both) MODES="guard explicit" ;;
  -h | --help)
    sed -n '2,/^#===-*===#$/p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "test-aarch64: unknown option $arg (try --help)" >&2
    exit 2
    ;;
  esac
done
# The subset (CI) runs in the default mode only; the full run in both.
if [ -z "$MODES" ]; then
  if [ "$FULL" -eq 1 ]; then MODES="guard explicit"; else MODES="guard"; fi
fi

# The conformance subset: the files whose behaviour depends most on the
# target (trap delivery and unwinding, bounds checks, stack limit, NaNs and
# rounding, NEON lowering, indirect calls, memory growth).
SUBSET=(
  address.wast call.wast call_indirect.wast conversions.wast f32.wast
  f64.wast float_exprs.wast i32.wast i64.wast int_exprs.wast
  memory_grow.wast memory_trap.wast skip-stack-guard-page.wast traps.wast
  unwind.wast simd_i32x4_arith.wast simd_f32x4.wast simd_f64x2_arith.wast
  simd_lane.wast simd_load.wast simd_conversions.wast
)

elapsed() { echo "$(($(date +%s) - $1))s"; }
t0=$(date +%s)

# 1. Sysroot (cached) and qemu.
SYSROOT="$(bash "$ROOT/scripts/aarch64/make-sysroot.sh" "$SYSROOT" | tail -1)"
EMULATOR="qemu-aarch64 -L $SYSROOT"

# 2. Cross build.
mkdir -p "$BUILD_DIR"
t=$(date +%s)
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/aarch64-linux-gnu.cmake" \
    -DORCA_SYSROOT="$SYSROOT" -DORCA_WASM_TESTSUITE="$SUITE_DIR"
fi
mkdir -p "$LOG_DIR"
set +e
if ! ninja -C "$BUILD_DIR" -j"$JOBS" >"$LOG_DIR/build.log" 2>&1; then
  grep -A12 '^FAILED' "$LOG_DIR/build.log" | head -n 60
  echo "test-aarch64: cross build failed (log: $LOG_DIR/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "== cross build: done in $(elapsed "$t")"

# shellcheck source=scripts/tally.sh
. "$ROOT/scripts/tally.sh"

# 3. Unit tests: ctest runs each through CMAKE_CROSSCOMPILING_EMULATOR
#    (a hung test is killed after 10 minutes).
t=$(date +%s)
echo "== unit tests (ctest, under qemu)"
(cd "$BUILD_DIR" && ctest -j"$JOBS" --timeout 600 --output-on-failure) \
  >"$LOG_DIR/unit.log" 2>&1
grep -E 'Failed|\*\*\*|tests passed|\(Skipped\)' "$LOG_DIR/unit.log" | tail -n 25
# GTEST_SKIP()ed tests (e.g. WasiPaths' ForceOpenat2: qemu has no openat2)
# are neither passed nor failed.
read -r u_pass u_fail u_skip < <(ctest_counts "$LOG_DIR/unit.log")
add "unit tests ($(elapsed "$t"), $u_skip skipped)" "$u_pass" "$u_fail"

# 4. lit: the site config of a cross build prefixes Orca's tools with qemu.
t=$(date +%s)
echo "== lit tests (Orca's tools under qemu)"
LIT="${LIT:-/usr/lib/llvm-19/build/utils/lit/lit.py}"
# Tests that need what qemu-user lacks (exec of an arm64 binary, openat2)
# say `UNSUPPORTED: emulated`; the site config sets that feature here.
python3 "$LIT" -sv -j"$JOBS" "$BUILD_DIR/test" >"$LOG_DIR/lit.log" 2>&1
grep -E '^(FAIL|XPASS|UNRESOLVED|  (Passed|Failed|Unresolved|Expectedly|Unsupported|Timed))' "$LOG_DIR/lit.log"
read -r l_pass l_fail l_unsup < <(lit_counts "$LOG_DIR/lit.log")
add "lit tests ($(elapsed "$t"), $l_unsup unsupported)" "$l_pass" "$l_fail"

# 5. Conformance, through run-conformance.sh's ORCA_EMULATOR, once per
#    bounds-check mode (logs conformance-guard.log, conformance-explicit.log).
if [ -d "$SUITE_DIR" ]; then
  if [ "$FULL" -eq 1 ]; then
    what="full suite"
    dir="$SUITE_DIR"
  else
    what="${#SUBSET[@]}-file subset"
    dir="$BUILD_DIR/conformance-subset"
    rm -rf "$dir"
    mkdir -p "$dir"
    for f in "${SUBSET[@]}"; do ln -s "$SUITE_DIR/$f" "$dir/$f"; done
  fi
  for mode in $MODES; do
    t=$(date +%s)
    log="$LOG_DIR/conformance-$mode.log"
    echo "== spec conformance ($what, --bounds-checks=$mode, under qemu)"
    ORCA_EMULATOR="$EMULATOR" JOBS="$JOBS" \
      bash "$ROOT/scripts/run-conformance.sh" --bounds-checks="$mode" \
      "$BUILD_DIR" "$dir" >"$log" 2>&1
    grep -v ': [0-9]* passed, 0 failed' "$log" | tail -n 60
    read -r c_pass c_fail < <(summary_counts "$log")
    add "conformance assertions, $mode ($(elapsed "$t"))" "$c_pass" "$c_fail"
  done
else
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! CONFORMANCE NOT RUN: spec test folder $SUITE_DIR not found."
  echo "!! Set ORCA_WASM_TESTSUITE to a WebAssembly/testsuite checkout."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
fi

echo "== aarch64 total time: $(elapsed "$t0")"
echo "$total_pass passed, $total_fail failed"
exit $status
