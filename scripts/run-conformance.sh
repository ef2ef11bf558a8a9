#!/usr/bin/env bash
#===- scripts/run-conformance.sh - Run the official spec tests ------------===#
#
# Runs wasm-spectest over every top-level *.wast of the WebAssembly spec test
# suite (the WebAssembly 2.0 core tests), skipping exactly the files that
# wabt 1.0.32's wast2json cannot convert (see the suite's UPSTREAM.md).
# Each file runs in its own child process (--isolate), so a crash fails only
# that file (a file still running after 5 minutes is killed and fails).
# The last line is wasm-spectest's `N passed, N failed`.
#
# Usage: scripts/run-conformance.sh [--bounds-checks=guard|explicit]
#                                   [BUILD_DIR] [SUITE_DIR]
#   --bounds-checks is handed to wasm-spectest (default: the engine's,
#     guard pages on 64-bit hosts).
#   BUILD_DIR defaults to <repo>/build,
#   SUITE_DIR to <repo>/../shared/wasm-testsuite.
#   JOBS (environment): files run in parallel (default: nproc).
#   SPECTEST_FLAGS (environment) adds wasm-spectest options, e.g. "-v".
#   ORCA_EMULATOR (environment) runs a cross-built wasm-spectest through an
#     emulator, e.g. "qemu-aarch64 -L SYSROOT" (scripts/test-aarch64.sh).
#     Each file then runs in its own emulated process, since --isolate
#     re-executes wasm-spectest, which qemu without binfmt_misc cannot.
#
#===----------------------------------------------------------------------===#
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode_flags=()
args=()
for arg in "$@"; do
  case "$arg" in
  --bounds-checks=guard | --bounds-checks=explicit) mode_flags=("$arg") ;;
  --bounds-checks=*)
    echo "run-conformance: $arg: the mode is guard or explicit" >&2
    exit 2
    ;;
  *) args+=("$arg") ;;
  esac
done
BUILD_DIR="${args[0]:-$ROOT/build}"
SUITE_DIR="${args[1]:-$(dirname "$ROOT")/shared/wasm-testsuite}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 1)}"

if [ ! -d "$SUITE_DIR" ]; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! CONFORMANCE NOT RUN: $SUITE_DIR not found"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  exit 0
fi

SPECTEST="$BUILD_DIR/bin/wasm-spectest"
if [ ! -x "$SPECTEST" ]; then
  echo "run-conformance: $SPECTEST not found (build the wasm-spectest target)"
  echo "0 passed, 1 failed"
  exit 1
fi

# Files wast2json (wabt 1.0.32) cannot convert; UPSTREAM.md lists them.
SKIP=(comments.wast if.wast table_fill.wast table_get.wast table_grow.wast
      table_set.wast table_size.wast)
skip_args=()
for f in "${SKIP[@]}"; do skip_args+=(--skip-file "$f"); done

shopt -s nullglob
files=("$SUITE_DIR"/*.wast)
if [ ${#files[@]} -eq 0 ]; then
  echo "run-conformance: no .wast files in $SUITE_DIR"
  echo "0 passed, 1 failed"
  exit 1
fi

if [ -n "${ORCA_EMULATOR:-}" ]; then
  OUT_DIR="$(mktemp -d)"
  trap 'rm -rf "$OUT_DIR"' EXIT
  export SPECTEST OUT_DIR ORCA_EMULATOR \
    SPECTEST_FLAGS="${mode_flags[*]} ${SPECTEST_FLAGS:-}" \
    SKIP_ARGS="${skip_args[*]}" # the skipped names have no spaces
  # One file per emulated process, JOBS at a time; output i.out per file.
  # shellcheck disable=SC2016
  for i in "${!files[@]}"; do printf '%s\0%s\0' "$i" "${files[$i]}"; done |
    xargs -0 -n 2 -P "$JOBS" bash -c '
      # shellcheck disable=SC2086
      timeout 900 $ORCA_EMULATOR "$SPECTEST" $SPECTEST_FLAGS $SKIP_ARGS "$2" \
        >"$OUT_DIR/$1.out" 2>&1
      echo "rc=$?" >>"$OUT_DIR/$1.out"' _
  pass=0
  fail=0
  for i in "${!files[@]}"; do
    out="$OUT_DIR/$i.out"
    last="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)"
    if [ -n "$last" ]; then
      grep -vE '^([0-9]+ passed, [0-9]+ failed|rc=[0-9]+)$' "$out"
      pass=$((pass + $(echo "$last" | cut -d' ' -f1)))
      fail=$((fail + $(echo "$last" | cut -d' ' -f3)))
    else # crashed or timed out: the file fails
      name="$(basename "${files[$i]}")"
      echo "$name: 0 passed, 1 failed"
      echo "$name:0: file: wasm-spectest died ($(tail -1 "$out")); its output:"
      sed -e '$d' -e 's/^/  /' "$out" | tail -n 20
      fail=$((fail + 1))
    fi
  done
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
fi

# shellcheck disable=SC2086
exec "$SPECTEST" --isolate --timeout 300 -j "$JOBS" "${mode_flags[@]}" \
  ${SPECTEST_FLAGS:-} \
  "${skip_args[@]}" "${files[@]}"
