//===- API/LibOrca.cpp - The library users link ---------------------------===//
//
// libOrca is OrcaAPI (the C++ and C APIs) with every runtime layer inside,
// linked whole (lib/API/CMakeLists.txt); this file only gives the target a
// source of its own. What the library exports is libOrca.map's business.
//
//===----------------------------------------------------------------------===//

#include "orca.h"
