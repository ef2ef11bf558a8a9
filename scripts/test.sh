#!/usr/bin/env bash
# Runs every test: unit tests (ctest), lit/FileCheck tests, the official
# spec conformance suites (2.0 and 3.0), and the AArch64 build's tests under
# qemu. Builds first if needed. The last line sums them all as `N passed, N
# failed`; the exit status is non-zero if anything failed. Exception: the
# WebAssembly 3.0 suite's line ("conformance 3.0 assertions") shows the
# distance to 3.0 (features Orca lacks count as failures) and is neither in
# the sum nor in the exit status; the 2.0 suite gates.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
SUITE_DIR="${ORCA_WASM_TESTSUITE:-$ROOT/../shared/wasm-testsuite}"
# The 3.0 core suite: ORCA_WASM_SPEC_CORE, else the CMake cache's, else
# ../shared/wasm-spec/core.
SPEC30_DIR="${ORCA_WASM_SPEC_CORE:-}"
if [ -z "$SPEC30_DIR" ] && [ -f "$BUILD_DIR/CMakeCache.txt" ]; then
  SPEC30_DIR="$(sed -n 's/^ORCA_WASM_SPEC_CORE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")"
fi
SPEC30_DIR="${SPEC30_DIR:-$ROOT/../shared/wasm-spec/core}"
JOBS="${JOBS:-$(nproc)}"
LOG_DIR="$BUILD_DIR/test-logs"

BUILD_DIR="$BUILD_DIR" bash "$ROOT/scripts/build.sh" || {
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
}
mkdir -p "$LOG_DIR"
# shellcheck source=scripts/tally.sh
. "$ROOT/scripts/tally.sh"

# 0. The include rules of the layers (scripts/check-layering.py).
echo "== layering"
if python3 "$ROOT/scripts/check-layering.py" 2>&1 | tee "$LOG_DIR/layering.log" | tail -n 20 &&
   grep -q ' 0 violation(s)' "$LOG_DIR/layering.log"; then
  add "layering check" 1 0
else
  add "layering check" 0 1
fi

# 1. Unit tests.
echo "== unit tests (ctest)"
(cd "$BUILD_DIR" && ctest -j"$JOBS" --timeout 300 --output-on-failure) 2>&1 | tee "$LOG_DIR/unit.log" | tail -n 25
read -r u_pass u_fail u_skip < <(ctest_counts "$LOG_DIR/unit.log")
add "unit tests ($u_skip skipped)" "$u_pass" "$u_fail"

# 2. lit + FileCheck.
echo "== lit tests"
LIT="${LIT:-/usr/lib/llvm-19/build/utils/lit/lit.py}"
python3 "$LIT" -sv -j"$JOBS" "$BUILD_DIR/test" 2>&1 | tee "$LOG_DIR/lit.log" | grep -E '^(FAIL|XPASS|UNRESOLVED|  (Passed|Failed|Unresolved|Expectedly|Unsupported|Timed))' 
read -r l_pass l_fail l_unsup < <(lit_counts "$LOG_DIR/lit.log")
add "lit tests ($l_unsup unsupported)" "$l_pass" "$l_fail"

# 3. Spec conformance (assertions).
echo "== spec conformance"
if [ -d "$SUITE_DIR" ]; then
  bash "$ROOT/scripts/run-conformance.sh" "$BUILD_DIR" "$SUITE_DIR" 2>&1 | tee "$LOG_DIR/conformance.log" | grep -v ': [0-9]* passed, 0 failed' | tail -n 60
  read -r c_pass c_fail < <(summary_counts "$LOG_DIR/conformance.log")
  add "conformance assertions" "$c_pass" "$c_fail"
else
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! CONFORMANCE NOT RUN: spec test folder $SUITE_DIR not found."
  echo "!! Set ORCA_WASM_TESTSUITE to a WebAssembly/testsuite checkout."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
fi

# 3b. The WebAssembly 3.0 core suite: reported, not gating (see above).
echo "== spec conformance 3.0 (does not gate: the distance to 3.0)"
if [ -d "$SPEC30_DIR" ]; then
  bash "$ROOT/scripts/run-conformance.sh" --suite=3.0 "$BUILD_DIR" "$SPEC30_DIR" 2>&1 | tee "$LOG_DIR/conformance-3.0.log" | grep -E '^[^ :]+\.wast: [0-9]+ passed|^unsupported:' | grep -v ': [0-9]* passed, 0 failed' | tail -n 80
  read -r c3_pass c3_fail < <(summary_counts "$LOG_DIR/conformance-3.0.log")
  c3_line="== conformance 3.0 assertions: $c3_pass passed, $c3_fail failed (not counted below: the distance to 3.0, not a gate)"
  echo "$c3_line"
else
  c3_line="== conformance 3.0 assertions: NOT RUN ($SPEC30_DIR not found)"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! CONFORMANCE 3.0 NOT RUN: spec test folder $SPEC30_DIR not found."
  echo "!! Set ORCA_WASM_SPEC_CORE to the core/ folder of a WebAssembly/spec"
  echo "!! checkout's test/ (or -DORCA_WASM_SPEC_CORE=... at configure time)."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
fi

# 4. AArch64: cross-build, then unit, lit and a conformance subset under
# qemu (docs/aarch64.md). ORCA_SKIP_AARCH64=1 leaves it out.
echo "== AArch64 under qemu"
if [ "${ORCA_SKIP_AARCH64:-0}" = 1 ]; then
  echo "AArch64 NOT RUN: ORCA_SKIP_AARCH64=1"
else
  BUILD_DIR="${AARCH64_BUILD_DIR:-$ROOT/build-aarch64}" \
    bash "$ROOT/scripts/test-aarch64.sh" 2>&1 | tee "$LOG_DIR/aarch64.log" | grep -E '^(== |test-aarch64:)'
  read -r a_pass a_fail < <(summary_counts "$LOG_DIR/aarch64.log")
  add "AArch64 (unit, lit, conformance subset)" "$a_pass" "$a_fail"
fi

echo "$c3_line"
echo "$total_pass passed, $total_fail failed"
exit $status
