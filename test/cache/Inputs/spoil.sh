#!/bin/sh
# spoil.sh MODE DIR: damages every cache entry in DIR (test/cache).
#   truncate  cut it to half its size      flip    flip one byte in the middle
#   garbage   replace it with text         empty   make it zero bytes
#   dir       replace it with a directory
set -e
mode=$1
dir=$2
found=0
for f in "$dir"/*.cwasm; do
  [ -e "$f" ] || continue
  found=1
  size=$(wc -c < "$f")
  case $mode in
    truncate) head -c $((size / 2)) "$f" > "$f.cut"; mv "$f.cut" "$f" ;;
    flip) printf '\377' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null ;;
    garbage) echo "not a cache entry" > "$f" ;;
    empty) : > "$f" ;;
    dir) rm -f "$f"; mkdir "$f"; echo x > "$f/inside" ;;
    *) echo "spoil.sh: unknown mode $mode" >&2; exit 2 ;;
  esac
done
[ $found = 1 ] || { echo "spoil.sh: no entry in $dir" >&2; exit 1; }
