#!/usr/bin/env bash
# Fails when libOrca.so exports a symbol outside Orca's public API
# (orca::api::*, wasm_*, orca_*): no LLVM, runtime or libstdc++ symbol may
# leak. Usage: check-exports.sh LIBORCA_SO
set -euo pipefail
lib="$1"
bad="$(nm -D --defined-only -C "$lib" | cut -d' ' -f3- |
  grep -vE '^(orca::api::|wasm_|orca_|ORCA_0$)' || true)"
count="$(nm -D --defined-only "$lib" | wc -l)"
if [ -n "$bad" ]; then
  echo "libOrca exports symbols outside the public API:"
  echo "$bad" | head -20
  exit 1
fi
echo "libOrca exports $count symbols, all public API"
