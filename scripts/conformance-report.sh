#!/usr/bin/env bash
#===- scripts/conformance-report.sh - Write docs/conformance.md ----------===#
#
# Runs the spec conformance suite (scripts/run-conformance.sh) once per
# bounds-check mode and writes docs/conformance.md: per file, assertions
# passed / total in each mode, with the suite's upstream commit, the date and
# the machine. The page is only ever produced from a real run.
#
# Usage: scripts/conformance-report.sh [BUILD_DIR] [SUITE_DIR]
#
#===----------------------------------------------------------------------===#
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
SUITE_DIR="${2:-$(dirname "$ROOT")/shared/wasm-testsuite}"
OUT="$ROOT/docs/conformance.md"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

[ -d "$SUITE_DIR" ] || { echo "conformance-report: $SUITE_DIR not found"; exit 1; }

# Modes: name and the wasm-spectest flags selecting it.
MODES=("guard pages|--bounds-checks=guard" "explicit checks|--bounds-checks=explicit")
if ! "$BUILD_DIR/bin/wasm-spectest" --help 2>&1 | grep -q -- '--bounds-checks'; then
  MODES=("default|")
fi

names=()
for m in "${MODES[@]}"; do
  name="${m%%|*}"
  flags="${m#*|}"
  names+=("$name")
  SPECTEST_FLAGS="$flags" bash "$ROOT/scripts/run-conformance.sh" \
    "$BUILD_DIR" "$SUITE_DIR" > "$TMP/${#names[@]}.log" 2>&1 || true
done

commit=$(grep -o '`[0-9a-f]\{40\}`' "$SUITE_DIR/UPSTREAM.md" | head -1 | tr -d '`')
{
  echo "# Spec conformance"
  echo
  echo "Produced by \`scripts/conformance-report.sh\` from a real run; do not edit."
  echo
  echo "- Suite: WebAssembly/testsuite \`${commit:-unknown}\` (WebAssembly 2.0 core files that wabt 1.0.32 converts)"
  echo "- Date: $(date -u +%Y-%m-%d)"
  echo "- Machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //' || echo unknown), $(nproc) cores"
  echo
  for i in "${!names[@]}"; do
    echo "- ${names[$i]}: $(grep -E '^[0-9]+ passed, [0-9]+ failed' "$TMP/$((i + 1)).log" | tail -1)"
  done
  echo
  printf "| file |"
  for n in "${names[@]}"; do printf " %s |" "$n"; done
  echo
  printf "|---|"
  for n in "${names[@]}"; do printf -- "---|"; done
  echo
  for f in $(grep -hoE '^[A-Za-z0-9_.-]+\.wast: [0-9]+ passed' "$TMP/1.log" | cut -d: -f1 | sort -u); do
    printf "| %s |" "$f"
    for i in "${!names[@]}"; do
      line=$(grep -E "^$f: [0-9]+ passed" "$TMP/$((i + 1)).log" | head -1 || true)
      p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
      fl=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
      printf " %s / %s |" "$p" "$((p + fl))"
    done
    echo
  done
} > "$OUT"
echo "conformance-report: wrote $OUT"
