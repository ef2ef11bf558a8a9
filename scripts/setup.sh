#!/usr/bin/env bash
# From a fresh Debian 12 machine to a running wasm program: installs the
# packages, builds Orca and its examples, and runs one example with wasm-run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"

bash "$ROOT/scripts/install-deps.sh"
BUILD_DIR="$BUILD_DIR" bash "$ROOT/scripts/build.sh"
echo "setup: running examples/primes.c (compiled to wasm32 with clang-19):"
echo "  wasm-run --invoke count_primes $BUILD_DIR/examples/primes.wasm 100000"
"$BUILD_DIR/bin/wasm-run" --invoke count_primes "$BUILD_DIR/examples/primes.wasm" 100000
