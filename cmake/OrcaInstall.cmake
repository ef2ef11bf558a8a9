# Install rules: the public headers, libOrca, the tools, a CMake package
# (find_package(Orca) -> Orca::Orca) and a pkg-config file (orca.pc).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/orca
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_SOURCE_DIR}/include/wasm.h
              ${PROJECT_SOURCE_DIR}/include/orca.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS Orca EXPORT OrcaTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(ORCA_BUILD_TOOLS)
  install(TARGETS wasm-run wasm-compile wasm-spectest
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Orca)
install(EXPORT OrcaTargets NAMESPACE Orca:: DESTINATION ${cmake_dir})
set(ORCA_STATIC_LIB OFF)
if(NOT ORCA_BUILD_SHARED)
  set(ORCA_STATIC_LIB ON)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/OrcaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/OrcaConfig.cmake INSTALL_DESTINATION ${cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/OrcaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/OrcaConfig.cmake
              ${PROJECT_BINARY_DIR}/OrcaConfigVersion.cmake
        DESTINATION ${cmake_dir})

# pkg-config: a shared libOrca needs nothing else at link time; a static one
# brings LLVM, libffi and the C++ runtime along.
set(ORCA_PC_LIBS_PRIVATE "")
set(ORCA_PC_REQUIRES_PRIVATE "")
if(NOT ORCA_BUILD_SHARED)
  set(ORCA_PC_LIBS_PRIVATE "-L${LLVM_LIBRARY_DIR} -lLLVM-19 -lstdc++ -lm -lpthread")
  set(ORCA_PC_REQUIRES_PRIVATE "libffi")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/orca.pc.in
               ${PROJECT_BINARY_DIR}/orca.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/orca.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
