#!/usr/bin/env bash
# Links programs outside the tree against Orca the three documented ways
# (docs/embedding.md): the installed CMake package, pkg-config, and
# add_subdirectory. Usage: run.sh BUILD_DIR MODE, MODE one of
# find_package, pkg-config, subdirectory. Work goes to BUILD_DIR/link-tests
# (the install prefix is BUILD_DIR/link-tests/prefix).
set -euo pipefail
BUILD_DIR="$(cd "$1" && pwd)"
MODE="$2"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/consumer" && pwd)"
SRC="$(cd "$HERE/../../.." && pwd)"
WORK="$BUILD_DIR/link-tests"
PREFIX="$WORK/prefix"
mkdir -p "$WORK"

install_orca() {
  # One install per run of a mode; concurrent modes each use their own.
  local prefix="$1"
  cmake --install "$BUILD_DIR" --prefix "$prefix" >/dev/null
}

case "$MODE" in
find_package)
  install_orca "$PREFIX/cmake"
  rm -rf "$WORK/find_package"
  cmake -S "$HERE" -B "$WORK/find_package" -G Ninja \
    -DCMAKE_PREFIX_PATH="$PREFIX/cmake" -DCMAKE_BUILD_TYPE=Release >/dev/null
  ninja -C "$WORK/find_package" >/dev/null
  "$WORK/find_package/consumer-c"
  "$WORK/find_package/consumer-cpp"
  ;;
pkg-config)
  install_orca "$PREFIX/pc"
  out="$WORK/pkg-config"
  mkdir -p "$out"
  export PKG_CONFIG_PATH="$PREFIX/pc/lib/pkgconfig"
  flags="$(pkg-config --cflags --libs orca)"
  rpath="-Wl,-rpath,$PREFIX/pc/lib"
  # shellcheck disable=SC2086
  cc "$HERE/consumer.c" -o "$out/consumer-c" $flags $rpath
  # shellcheck disable=SC2086
  c++ -std=c++20 "$HERE/consumer.cpp" -o "$out/consumer-cpp" $flags $rpath
  "$out/consumer-c"
  "$out/consumer-cpp"
  ;;
subdirectory)
  # Configuring is the step a subproject used to fail at; building means
  # compiling Orca once more (about 10 minutes on two cores the first time,
  # incremental later: the folder is kept), so it is on request only
  # (ORCA_LINK_TEST_BUILD=1). Without it, ninja -n checks that the whole
  # build graph down to the consumers is complete.
  cmake -S "$HERE" -B "$WORK/subdirectory" -G Ninja \
    -DORCA_SOURCE_DIR="$SRC" -DCMAKE_BUILD_TYPE=Release >/dev/null
  if [ "${ORCA_LINK_TEST_BUILD:-0}" = 1 ]; then
    ninja -C "$WORK/subdirectory" consumer-c consumer-cpp >/dev/null
    "$WORK/subdirectory/consumer-c"
    "$WORK/subdirectory/consumer-cpp"
  else
    ninja -C "$WORK/subdirectory" -n consumer-c consumer-cpp >/dev/null
    echo "(configured and planned; ORCA_LINK_TEST_BUILD=1 builds and runs)"
  fi
  ;;
*)
  echo "unknown mode $MODE" >&2
  exit 2
  ;;
esac
echo "link test $MODE: ok"
