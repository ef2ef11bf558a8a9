//===- WASI/WasiLink.h - Linking WASI into a module's imports ---*- C++ -*-===//
//
// Owns ImportResolver, a (module, name) -> Extern map that turns a compiled
// module's import list into the Extern array Store::instantiate takes, and
// defineWasi(), which fills one with every wasi_snapshot_preview1 function
// bound to a WasiContext.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_WASILINK_H
#define ORCA_WASI_WASILINK_H

#include "Runtime/Runtime.h"

#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace orca::wasi {

class WasiContext;

constexpr const char *WasiModuleName = "wasi_snapshot_preview1";

class ImportResolver {
public:
  void define(std::string Module, std::string Name, Extern E);
  bool contains(const std::string &Module, const std::string &Name) const;

  /// The Externs for \p M's imports, in order. A missing import, or one of
  /// the wrong kind or function type, is an Unlinkable error naming it
  /// ("unknown import: env::foo").
  llvm::Expected<std::vector<Extern>> resolve(Store &S,
                                              const CompiledModule &M) const;

private:
  std::map<std::pair<std::string, std::string>, Extern> Defs;
};

/// Creates every WASI preview1 function in \p S, bound to \p Ctx (which must
/// outlive every call), and defines it in \p R.
void defineWasi(ImportResolver &R, Store &S, WasiContext &Ctx);

/// "(i32 i64) -> (i32)"
std::string funcTypeString(const FuncType &T);

} // namespace orca::wasi

#endif // ORCA_WASI_WASILINK_H
