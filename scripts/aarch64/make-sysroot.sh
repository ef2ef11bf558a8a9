#!/usr/bin/env bash
#===- scripts/aarch64/make-sysroot.sh - Make an arm64 Debian sysroot -------===#
#
# Prepares an AArch64 (arm64) sysroot for cross-building Orca on an x86-64
# Debian 12 machine, and installs qemu-user to run what is built there.
#
# Nothing is installed for arm64: the arm64 packages are downloaded with
# `apt-get download` and unpacked with `dpkg -x` (llvm-19-dev:arm64 cannot be
# installed beside the host's clang; see shared/notes/aarch64.md). Debian's
# LLVMExports-*.cmake import checks are switched off, since LLVM's tool
# binaries are not unpacked, and LLVM's static archives are deleted (Orca
# links the shared libLLVM-19.so). Boost is header-only and arch-independent:
# the sysroot's usr/include/boost is a symlink to the host's.
#
# The result is cached: DIR/.orca-sysroot-stamp holds a hash of the package
# list and of this script's fix-ups, and the sysroot is rebuilt only when
# that hash changes. Prints the sysroot path on its last line.
#
# Usage: scripts/aarch64/make-sysroot.sh [DIR]
#   DIR defaults to $ORCA_SYSROOT, else $HOME/.cache/orca/sysroot-arm64.
#
#===----------------------------------------------------------------------===#
set -euo pipefail

DIR="${1:-${ORCA_SYSROOT:-$HOME/.cache/orca/sysroot-arm64}}"
FIXUP_VERSION=1 # bump when the fix-ups below change

# The arm64 packages: libc and the C++ runtime, LLVM 19 with the runtime
# closure of libLLVM-19.so, and what Orca links besides (libffi, GoogleTest).
PACKAGES=(
  libc6 libc6-dev linux-libc-dev libgcc-s1 libgcc-12-dev libstdc++6
  libstdc++-12-dev
  libllvm19 llvm-19-dev
  libffi8 libedit2 libz3-4 zlib1g libzstd1 libxml2 libtinfo6 libbsd0 libmd0
  libicu72 liblzma5
  libffi-dev libgtest-dev libgmock-dev zlib1g-dev
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
apt_updated=0
apt_update() {
  if [ "$apt_updated" -eq 0 ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
}

# Host tools: qemu-user runs arm64 binaries; Boost headers come from the host.
host_missing=()
for p in qemu-user libboost-dev; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    host_missing+=("$p")
  fi
done
if [ ${#host_missing[@]} -ne 0 ]; then
  echo "make-sysroot: installing ${host_missing[*]} on the host" >&2
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends "${host_missing[@]}" >/dev/null
fi

stamp_of() {
  { printf '%s\n' "${PACKAGES[@]}"; echo "fixup $FIXUP_VERSION"; } |
    sha256sum | cut -d' ' -f1
}
STAMP="$(stamp_of)"
if [ -f "$DIR/.orca-sysroot-stamp" ] &&
  [ "$(cat "$DIR/.orca-sysroot-stamp")" = "$STAMP" ]; then
  echo "make-sysroot: $DIR is up to date" >&2
  echo "$DIR"
  exit 0
fi

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "make-sysroot: dpkg --add-architecture arm64" >&2
  $SUDO dpkg --add-architecture arm64
  apt_updated=0
fi
apt_update

echo "make-sysroot: downloading ${#PACKAGES[@]} arm64 packages" >&2
DEBS="$(mktemp -d)"
trap 'rm -rf "$DEBS"' EXIT
chmod 777 "$DEBS" # apt-get download runs as the _apt user
args=()
for p in "${PACKAGES[@]}"; do args+=("$p:arm64"); done
(cd "$DEBS" && apt-get download -qq "${args[@]}" >/dev/null)

echo "make-sysroot: unpacking into $DIR" >&2
rm -rf "$DIR"
mkdir -p "$DIR"
for deb in "$DEBS"/*.deb; do
  dpkg -x "$deb" "$DIR"
done

# Fix-ups.
# 1. Debian's LLVMExports-*.cmake check that LLVM's tools and static
#    libraries exist; we unpack neither, so drop the checks.
for f in "$DIR"/usr/lib/llvm-19/lib/cmake/llvm/LLVMExports-*.cmake; do
  sed -i 's/^\( *\)list(APPEND _cmake_import_check_targets /\1# list(APPEND _cmake_import_check_targets /' "$f"
done
# 2. Orca links the shared libLLVM-19.so; the static archives are ~1 GB.
find "$DIR/usr/lib/llvm-19/lib" -maxdepth 1 -name 'libLLVM*.a' -delete
find "$DIR/usr/lib/llvm-19/lib" -maxdepth 1 -name 'lib*.a' ! -name 'libLLVM*' \
  -size +1M -delete
# 3. Absolute symlinks point at the host; make them relative to the sysroot.
find "$DIR" -type l -lname '/*' | while read -r link; do
  target="$(readlink "$link")"
  ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$DIR$target")" "$link"
done
# 4. Boost: header-only and arch-independent; use the host's headers.
ln -sfn /usr/include/boost "$DIR/usr/include/boost"

echo "$STAMP" >"$DIR/.orca-sysroot-stamp"
echo "make-sysroot: done ($(du -sh "$DIR" | cut -f1))" >&2
echo "$DIR"
