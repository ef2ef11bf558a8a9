#===- scripts/tally.sh - Sum test results as `N passed, N failed` ---------===#
# shellcheck shell=bash
# shellcheck disable=SC2034 # status is read by the sourcing script
#
# Sourced by test.sh and test-aarch64.sh: the running totals, add(), and
# readers of the logs each step writes. A step whose log has no summary
# counts as one failure, so a crashed runner never looks like success.
#
#===----------------------------------------------------------------------===#
total_pass=0
total_fail=0
status=0

add() { # name passed failed
  echo "== $1: $2 passed, $3 failed"
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
  if [ "$3" -ne 0 ]; then status=1; fi
}

# ctest_counts LOG: "PASSED FAILED SKIPPED". GTEST_SKIP()ed tests (ctest
# counts them as passed) are neither passed nor failed.
ctest_counts() {
  local total fail skip
  total=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p' "$1" 2>/dev/null | tail -1)
  fail=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\1/p' "$1" 2>/dev/null | tail -1)
  if [ -z "$total" ]; then total=1; fail=1; fi
  skip=$(grep -c '(Skipped)$' "$1" 2>/dev/null || true)
  skip=${skip:-0}
  echo "$((total - fail - skip)) $fail $skip"
}

# lit_counts LOG: "PASSED FAILED UNSUPPORTED" from `lit -sv` output.
lit_counts() {
  local pass fail unsup
  pass=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$1" 2>/dev/null | tail -1)
  fail=$(awk -F: '/^ *(Failed|Unresolved|Timed Out|Unexpectedly Passed) *:/ {s += $2} END {print s + 0}' "$1" 2>/dev/null)
  fail=${fail:-0}
  unsup=$(sed -n 's/^ *Unsupported *: *\([0-9]*\).*/\1/p' "$1" 2>/dev/null | tail -1)
  if [ -z "$pass" ] && [ "$fail" -eq 0 ]; then fail=1; fi # lit did not run
  echo "${pass:-0} $fail ${unsup:-0}"
}

# summary_counts LOG: "PASSED FAILED" from its last `N passed, N failed`.
summary_counts() {
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" 2>/dev/null | tail -1)
  if [ -n "$line" ]; then
    echo "$(echo "$line" | cut -d' ' -f1) $(echo "$line" | cut -d' ' -f3)"
  else
    echo "0 1"
  fi
}
