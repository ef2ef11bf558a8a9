#!/usr/bin/env bash
# Installs the Debian 12 packages Orca needs, only those that are missing.
# Everything comes from Debian's archive; nothing else is downloaded.
set -euo pipefail

PACKAGES=(
  cmake ninja-build pkg-config ccache python3 g++
  llvm-19-dev llvm-19-tools clang-19 lld-19
  libffi-dev libboost-dev googletest libgtest-dev libbenchmark-dev
  wabt wasi-libc libclang-rt-19-dev-wasm32
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "install-deps: done"
