#!/bin/sh
# Usage: run-both.sh TOOL [-OPTION...] FUNC MODULE ARGS... (see
# ../lit.local.cfg). Options before FUNC (e.g. -O0) go to every run.
tool=$1
shift
while [ $# -gt 0 ]; do
  case $1 in
  -*) tool="$tool $1"; shift ;;
  *) break ;;
  esac
done
fn=$1
shift
dir=$(mktemp -d) || exit 2
$tool --bounds-checks=guard --invoke "$fn" "$@" >"$dir/g.out" 2>"$dir/g.err"
g=$?
$tool --bounds-checks=explicit --invoke "$fn" "$@" >"$dir/e.out" 2>"$dir/e.err"
e=$?
echo "status guard=$g explicit=$e"
grep -v '^  at wasm address' "$dir/g.err" >"$dir/g.cmp"
grep -v '^  at wasm address' "$dir/e.err" >"$dir/e.cmp"
rc=0
if ! cmp -s "$dir/g.cmp" "$dir/e.cmp"; then
  echo "guard and explicit modes differ:"
  diff "$dir/g.cmp" "$dir/e.cmp"
  rc=1
fi
cat "$dir/g.err"
echo "explicit:"
cat "$dir/e.err"
rm -rf "$dir"
exit $rc
