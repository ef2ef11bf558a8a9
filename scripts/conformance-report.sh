#!/usr/bin/env bash
#===- scripts/conformance-report.sh - Write docs/conformance.md ----------===#
#
# Runs both spec suites (scripts/run-conformance.sh: the 2.0 snapshot and
# the 3.0 core suite, parsed by Orca's own text parser) once per
# bounds-check mode and writes docs/conformance.md: per suite the totals,
# the 3.0 failures by missing feature, and per file the assertions passed /
# total in each mode, with the suites' upstream commits, the date and the
# machine. The page is only ever produced from a real run.
#
# Usage: scripts/conformance-report.sh [BUILD_DIR] [SUITE_DIR] [SPEC30_DIR]
#   SPEC30_DIR defaults as in run-conformance.sh --suite=3.0.
#   REPORT30_MODES (environment): "both" (default) or "guard": the modes
#     the 3.0 suite runs in.
#
#===----------------------------------------------------------------------===#
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
SUITE_DIR="${2:-$(dirname "$ROOT")/shared/wasm-testsuite}"
SPEC30_DIR="${3:-${ORCA_WASM_SPEC_CORE:-$(dirname "$ROOT")/shared/wasm-spec/core}}"
OUT="$ROOT/docs/conformance.md"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

[ -d "$SUITE_DIR" ] || { echo "conformance-report: $SUITE_DIR not found"; exit 1; }
[ -d "$SPEC30_DIR" ] || { echo "conformance-report: $SPEC30_DIR not found"; exit 1; }

# Modes: name and the run-conformance.sh flag selecting it.
MODES=("guard pages|--bounds-checks=guard" "explicit checks|--bounds-checks=explicit")
MODES30=("${MODES[@]}")
if [ "${REPORT30_MODES:-both}" = guard ]; then MODES30=("${MODES[0]}"); fi

# run SUITE LOGPREFIX DIR MODE...: one log per mode, LOGPREFIX.N.log.
run() {
  local suite="$1" prefix="$2" dir="$3" i=0 start
  shift 3
  for m in "$@"; do
    i=$((i + 1))
    start=$(date +%s)
    bash "$ROOT/scripts/run-conformance.sh" --suite="$suite" "${m#*|}" \
      "$BUILD_DIR" "$dir" > "$prefix.$i.log" 2>&1 || true
    echo $(($(date +%s) - start)) > "$prefix.$i.secs"
  done
}
run 2.0 "$TMP/s20" "$SUITE_DIR" "${MODES[@]}"
run 3.0 "$TMP/s30" "$SPEC30_DIR" "${MODES30[@]}"

# table PREFIX MODE...: per file, passed / total in each mode.
table() {
  local prefix="$1" i
  shift
  printf "| file |"
  for m in "$@"; do printf " %s |" "${m%%|*}"; done
  echo
  printf "|---|"
  for _ in "$@"; do printf -- "---|"; done
  echo
  for f in $(grep -hoE '^[A-Za-z0-9_./-]+\.wast: [0-9]+ passed' "$prefix.1.log" | cut -d: -f1 | sort -u); do
    printf "| %s |" "$f"
    i=0
    for _ in "$@"; do
      i=$((i + 1))
      line=$(grep -E "^$f: [0-9]+ passed" "$prefix.$i.log" | head -1 || true)
      p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
      fl=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
      u=$(echo "$line" | sed -nE 's/.*\(([0-9]+) unsupported\).*/\1/p')
      printf " %s / %s%s |" "$p" "$((p + fl))" "${u:+ ($u unsupported)}"
    done
    echo
  done
}

totals() { # PREFIX MODE...
  local prefix="$1" i=0
  shift
  for m in "$@"; do
    i=$((i + 1))
    echo "- ${m%%|*}: $(grep -E '^[0-9]+ passed, [0-9]+ failed' "$prefix.$i.log" | tail -1) ($(cat "$prefix.$i.secs") s)"
  done
}

commit20=$(grep -o '`[0-9a-f]\{40\}`' "$SUITE_DIR/UPSTREAM.md" | head -1 | tr -d '`')
commit30=$(grep -o '`[0-9a-f]\{40\}`' "$SPEC30_DIR/../UPSTREAM.md" 2>/dev/null | head -1 | tr -d '`' || true)
{
  echo "# Spec conformance"
  echo
  echo "Produced by \`scripts/conformance-report.sh\` from a real run; do not edit."
  echo "Both suites are parsed by Orca's own text parser (\`lib/Text\`), not wast2json."
  echo
  echo "- Date: $(date -u +%Y-%m-%d)"
  echo "- Machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //' || echo unknown), $(nproc) cores"
  echo
  echo "## WebAssembly 3.0 (the distance to 3.0; does not gate CI)"
  echo
  echo "- Suite: WebAssembly/spec \`test/core\` at \`${commit30:-unknown}\`, $(find "$SPEC30_DIR" -name '*.wast' | wc -l) files"
  echo "- Every assertion about a feature Orca does not implement yet counts as a"
  echo "  failure with the reason \"unsupported: <feature>\"; \`scripts/test.sh\` prints"
  echo "  this suite's numbers on their own line (\`conformance 3.0 assertions\`),"
  echo "  outside the final sum and the exit status."
  echo
  totals "$TMP/s30" "${MODES30[@]}"
  echo
  echo "Failures by missing feature (guard pages):"
  echo
  echo "\`$(grep -E '^unsupported:' "$TMP/s30.1.log" | tail -1 || echo 'unsupported: none')\`"
  echo
  table "$TMP/s30" "${MODES30[@]}"
  echo
  echo "## WebAssembly 2.0 (gates CI)"
  echo
  echo "- Suite: WebAssembly/testsuite \`${commit20:-unknown}\` (the 2.0 core files, all $(find "$SUITE_DIR" -maxdepth 1 -name '*.wast' | wc -l))"
  echo
  totals "$TMP/s20" "${MODES[@]}"
  echo
  table "$TMP/s20" "${MODES[@]}"
} > "$OUT"
echo "conformance-report: wrote $OUT"
