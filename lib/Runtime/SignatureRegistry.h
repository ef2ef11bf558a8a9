//===- Runtime/SignatureRegistry.h - Function type ids ----------*- C++ -*-===//
//
// Interns function types: equal types get equal u32 ids across every module
// of an engine, so call_indirect and import checks compare one integer. Ids
// are never freed; an engine sees a bounded number of distinct types.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_SIGNATUREREGISTRY_H
#define ORCA_RUNTIME_SIGNATUREREGISTRY_H

#include "Binary/Module.h"

#include <map>
#include <mutex>
#include <vector>

namespace orca {

class SignatureRegistry {
public:
  /// The id of \p T, registering it on first sight. Thread-safe.
  uint32_t intern(const FuncType &T);
  /// The type of a registered id.
  FuncType lookup(uint32_t Id) const;

private:
  struct Less {
    bool operator()(const FuncType &A, const FuncType &B) const {
      if (A.Params != B.Params)
        return A.Params < B.Params;
      return A.Results < B.Results;
    }
  };
  mutable std::mutex Lock;
  std::map<FuncType, uint32_t, Less> Ids;
  std::vector<FuncType> Types;
};

} // namespace orca

#endif // ORCA_RUNTIME_SIGNATUREREGISTRY_H
