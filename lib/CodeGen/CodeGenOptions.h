//===- CodeGen/CodeGenOptions.h - Choices that shape emitted IR -*- C++ -*-===//

#ifndef ORCA_CODEGEN_CODEGENOPTIONS_H
#define ORCA_CODEGEN_CODEGENOPTIONS_H

#include "Binary/Features.h"

namespace orca {

struct CodeGenOptions {
  Features Feat;
  /// Emit an explicit bounds check before each memory access. When false,
  /// the runtime's guard regions catch out-of-bounds accesses instead.
  bool ExplicitBoundsChecks = true;
};

} // namespace orca

#endif // ORCA_CODEGEN_CODEGENOPTIONS_H
