#!/usr/bin/env bash
# From a fresh Debian 12 machine to a running wasm program: installs the
# packages, builds Orca and its examples, and runs one example with wasm-run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"

bash "$ROOT/scripts/install-deps.sh"
BUILD_DIR="$BUILD_DIR" bash "$ROOT/scripts/build.sh"
cd "$ROOT"
echo "setup: running examples/wc.c (C compiled to wasm32-wasi) under wasm-run:"
echo "  wasm-run --dir examples::/ $BUILD_DIR/examples/wc.wasm /wc.c /primes.c"
"$BUILD_DIR/bin/wasm-run" --dir examples::/ "$BUILD_DIR/examples/wc.wasm" /wc.c /primes.c
echo "setup: and examples/primes.c through --invoke:"
echo "  wasm-run --invoke count_primes $BUILD_DIR/examples/primes.wasm 100000"
"$BUILD_DIR/bin/wasm-run" --invoke count_primes "$BUILD_DIR/examples/primes.wasm" 100000
