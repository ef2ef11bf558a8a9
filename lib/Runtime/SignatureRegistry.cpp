//===- Runtime/SignatureRegistry.cpp - Engine-wide function type ids ------===//
//
// Interning of function types under a lock.
//
//===----------------------------------------------------------------------===//

#include "Runtime/SignatureRegistry.h"

using namespace orca;

uint32_t SignatureRegistry::intern(const FuncType &T) {
  std::lock_guard<std::mutex> G(Lock);
  auto [It, Inserted] = Ids.try_emplace(T, uint32_t(Types.size()));
  if (Inserted)
    Types.push_back(T);
  return It->second;
}

FuncType SignatureRegistry::lookup(uint32_t Id) const {
  std::lock_guard<std::mutex> G(Lock);
  return Id < Types.size() ? Types[Id] : FuncType();
}
