# CMake toolchain file: cross-build Orca for AArch64 Linux on an x86-64 host
# with clang-19 and lld, against a Debian arm64 sysroot made by
# scripts/aarch64/make-sysroot.sh. Tests (ctest, lit) run the built programs
# through qemu-aarch64.
#
#   cmake -S . -B build-aarch64 -G Ninja \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake \
#     -DORCA_SYSROOT=$HOME/.cache/orca/sysroot-arm64
#
# ORCA_SYSROOT defaults to $ORCA_SYSROOT, else ~/.cache/orca/sysroot-arm64.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

if(NOT ORCA_SYSROOT)
  if(DEFINED ENV{ORCA_SYSROOT})
    set(ORCA_SYSROOT "$ENV{ORCA_SYSROOT}")
  else()
    set(ORCA_SYSROOT "$ENV{HOME}/.cache/orca/sysroot-arm64")
  endif()
endif()
set(ORCA_SYSROOT "${ORCA_SYSROOT}" CACHE PATH "The arm64 sysroot")
if(NOT EXISTS "${ORCA_SYSROOT}/usr/lib/llvm-19/lib/cmake/llvm/LLVMConfig.cmake")
  message(FATAL_ERROR "ORCA_SYSROOT=${ORCA_SYSROOT} is not an arm64 sysroot "
                      "with LLVM 19: run scripts/aarch64/make-sysroot.sh")
endif()
# try_compile projects re-read this file; hand them the sysroot too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES ORCA_SYSROOT)

set(CMAKE_SYSROOT "${ORCA_SYSROOT}")
set(triple aarch64-linux-gnu)
set(CMAKE_C_COMPILER clang-19)
set(CMAKE_CXX_COMPILER clang++-19)
set(CMAKE_C_COMPILER_TARGET ${triple})
set(CMAKE_CXX_COMPILER_TARGET ${triple})
# Without lld, clang looks for aarch64-linux-gnu-ld.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-fuse-ld=lld")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-fuse-ld=lld")

# Libraries, headers and CMake packages from the sysroot only; programs
# (wat2wasm, clang-19 for the wasm examples, FileCheck) from the host.
set(CMAKE_FIND_ROOT_PATH "${ORCA_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# The arm64 LLVM: its llvm-config.h names AArch64 as the native target.
set(LLVM_DIR "${ORCA_SYSROOT}/usr/lib/llvm-19/lib/cmake/llvm"
    CACHE PATH "LLVM's CMake package (arm64, in the sysroot)")

# pkg-config (libffi) reads the sysroot's .pc files.
set(ENV{PKG_CONFIG_DIR} "")
set(ENV{PKG_CONFIG_LIBDIR}
    "${ORCA_SYSROOT}/usr/lib/${triple}/pkgconfig:${ORCA_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${ORCA_SYSROOT}")

# No binfmt_misc here: every arm64 program runs through qemu.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64;-L;${ORCA_SYSROOT})
