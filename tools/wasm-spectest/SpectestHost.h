//===- wasm-spectest/SpectestHost.h - The `spectest` module -----*- C++ -*-===//
//
// Owns the host module every spec script may import from, as the reference
// interpreter defines it: print functions, four immutable globals, a funcref
// table (10..20), a memory (1..2 pages) and a shared memory (1..2 pages,
// threads). The entities are created once per script file in that file's
// Store and live as long as the Store.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_SPECTESTHOST_H
#define ORCA_TOOLS_WASM_SPECTEST_SPECTESTHOST_H

#include "Runtime/Runtime.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string_view>

namespace orca {
namespace spectest {

class SpectestHost {
public:
  /// Creates the entities in \p S. With \p Verbose, the print functions
  /// print their arguments to stderr; otherwise they print nothing.
  static llvm::Expected<SpectestHost> create(Store &S, bool Verbose);

  /// The export \p Field of `spectest`, if there is one.
  std::optional<Extern> lookup(std::string_view Field) const;

private:
  llvm::StringMap<Extern> Exports;
};

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_SPECTESTHOST_H
