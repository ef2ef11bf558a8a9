#!/usr/bin/env bash
#===- scripts/run-conformance.sh - Run the official spec tests ------------===#
#
# Runs wasm-spectest over a WebAssembly spec test suite, the .wast scripts
# parsed by Orca's own text parser (lib/Text):
#   --suite=2.0 (default): every top-level *.wast of the 2.0 snapshot
#     (../shared/wasm-testsuite, 148 files), with exactly 2.0's features and
#     text rules. It gates CI: any failure fails the test command.
#   --suite=3.0: every *.wast of the WebAssembly 3.0 core suite
#     (../shared/wasm-spec/core, 258 files in folders), with every feature
#     Orca has. Features Orca lacks count as failures ("unsupported:
#     <feature>", tallied by feature before the total), so the numbers show
#     the distance to 3.0; scripts/test.sh reports them on their own line
#     without gating on them.
# Each file runs in its own child process (--isolate), so a crash fails only
# that file (a file still running after the timeout is killed and fails).
# The last line is wasm-spectest's `N passed, N failed`.
#
# Usage: scripts/run-conformance.sh [--suite=2.0|3.0]
#                                   [--bounds-checks=guard|explicit]
#                                   [BUILD_DIR] [SUITE_DIR]
#   --bounds-checks is handed to wasm-spectest (default: the engine's,
#     guard pages on 64-bit hosts).
#   BUILD_DIR defaults to <repo>/build,
#   SUITE_DIR to <repo>/../shared/wasm-testsuite (2.0) or to
#     $ORCA_WASM_SPEC_CORE, else the ORCA_WASM_SPEC_CORE of BUILD_DIR's
#     CMake cache, else <repo>/../shared/wasm-spec/core (3.0).
#   JOBS (environment): files run in parallel (default: nproc).
#   TIMEOUT (environment): seconds a file may run (default 300).
#   SPECTEST_FLAGS (environment) adds wasm-spectest options, e.g. "-v".
#   ORCA_USE_WAST2JSON=1 (environment, 2.0 only) converts with wabt's
#     wast2json instead, skipping the 7 files it cannot convert (the suite's
#     UPSTREAM.md lists them), for comparison.
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
suite=2.0
for arg in "$@"; do
  case "$arg" in
  --suite=2.0 | --suite=3.0) suite="${arg#--suite=}" ;;
  --suite=*)
    echo "run-conformance: $arg: the suite is 2.0 or 3.0" >&2
    exit 2
    ;;
  --bounds-checks=guard | --bounds-checks=explicit) mode_flags=("$arg") ;;
  --bounds-checks=*)
    echo "run-conformance: $arg: the mode is guard or explicit" >&2
    exit 2
    ;;
  *) args+=("$arg") ;;
  esac
done
BUILD_DIR="${args[0]:-$ROOT/build}"
if [ "$suite" = 3.0 ]; then
  default_dir="${ORCA_WASM_SPEC_CORE:-}"
  if [ -z "$default_dir" ] && [ -f "$BUILD_DIR/CMakeCache.txt" ]; then
    default_dir="$(sed -n 's/^ORCA_WASM_SPEC_CORE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")"
  fi
  default_dir="${default_dir:-$(dirname "$ROOT")/shared/wasm-spec/core}"
else
  default_dir="$(dirname "$ROOT")/shared/wasm-testsuite"
fi
SUITE_DIR="${args[1]:-$default_dir}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 1)}"
TIMEOUT="${TIMEOUT:-300}"

if [ ! -d "$SUITE_DIR" ]; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! CONFORMANCE $suite NOT RUN: $SUITE_DIR not found"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  exit 0
fi

SPECTEST="$BUILD_DIR/bin/wasm-spectest"
if [ ! -x "$SPECTEST" ]; then
  echo "run-conformance: $SPECTEST not found (build the wasm-spectest target)"
  echo "0 passed, 1 failed"
  exit 1
fi

skip_args=()
suite_flags=("--spec-version=$suite")
shopt -s nullglob
if [ "$suite" = 3.0 ]; then
  mapfile -t files < <(find "$SUITE_DIR" -name '*.wast' | LC_ALL=C sort)
else
  files=("$SUITE_DIR"/*.wast)
  if [ "${ORCA_USE_WAST2JSON:-0}" = 1 ]; then
    # Files wast2json (wabt 1.0.32) cannot convert; UPSTREAM.md lists them.
    SKIP=(comments.wast if.wast table_fill.wast table_get.wast table_grow.wast
          table_set.wast table_size.wast)
    for f in "${SKIP[@]}"; do skip_args+=(--skip-file "$f"); done
    suite_flags+=(--use-wast2json)
  fi
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "run-conformance: no .wast files in $SUITE_DIR"
  echo "0 passed, 1 failed"
  exit 1
fi

if [ -n "${ORCA_EMULATOR:-}" ]; then
  OUT_DIR="$(mktemp -d)"
  trap 'rm -rf "$OUT_DIR"' EXIT
  export SPECTEST OUT_DIR ORCA_EMULATOR \
    SPECTEST_FLAGS="${suite_flags[*]} ${mode_flags[*]} ${SPECTEST_FLAGS:-}" \
    SKIP_ARGS="${skip_args[*]:-}" # the skipped names have no spaces
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
      name="${files[$i]#"$SUITE_DIR"/}"
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
exec "$SPECTEST" --isolate --timeout "$TIMEOUT" -j "$JOBS" "${suite_flags[@]}" \
  "${mode_flags[@]}" ${SPECTEST_FLAGS:-} "${skip_args[@]}" "${files[@]}"
