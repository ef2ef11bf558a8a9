# Building C to WebAssembly at build time with clang-19:
#   orca_wasm_sysroot()                    -> ORCA_WASI_SYSROOT (symlinks to
#                                             Debian's wasi-libc)
#   orca_add_wasm(OUT SRC [FLAGS...])      -> OUT, compiled from SRC
# clang looks for <sysroot>/include/wasm32-wasi and <sysroot>/lib/wasm32-wasi;
# a sysroot of symlinks keeps the host's own headers out (--sysroot=/usr
# would pull them in).
find_program(CLANG_19 NAMES clang-19 PATHS ${LLVM_TOOLS_BINARY_DIR})
set(ORCA_WASI_LIBC_INCLUDE /usr/include/wasm32-wasi CACHE PATH "wasi-libc headers")
set(ORCA_WASI_LIBC_LIB /usr/lib/wasm32-wasi CACHE PATH "wasi-libc libraries")

function(orca_wasm_sysroot)
  set(sysroot ${PROJECT_BINARY_DIR}/wasi-sysroot)
  file(MAKE_DIRECTORY ${sysroot}/include ${sysroot}/lib)
  file(CREATE_LINK ${ORCA_WASI_LIBC_INCLUDE} ${sysroot}/include/wasm32-wasi SYMBOLIC)
  file(CREATE_LINK ${ORCA_WASI_LIBC_LIB} ${sysroot}/lib/wasm32-wasi SYMBOLIC)
  set(ORCA_WASI_SYSROOT ${sysroot} PARENT_SCOPE)
endfunction()

function(orca_add_wasm out src)
  get_filename_component(dir ${out} DIRECTORY)
  get_filename_component(name ${src} NAME)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${CLANG_19} ${ARGN} -O2 -Wall -o ${out} ${src}
    DEPENDS ${src}
    COMMENT "Compiling ${name} to wasm")
endfunction()
