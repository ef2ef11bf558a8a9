//===- CodeGen/AccessMarkers.h - Markers on guard-page accesses -*- C++ -*-===//
//
// The one definition of the marker the translator puts after every
// guard-page heap access, and of how it is recognised again: the contract
// between the translator, which emits it, and the passes of
// Transforms/GuardedAccesses.h, which keep the access through the
// optimiser and finally remove it (the why is there).
//
// A marker is `llvm.assume(i1 true)` with the bundles
// ["align"(ptr P, i64 1)] after a store to P, or
// ["align"(ptr P, i64 1), "noundef"(T V)] after a load of V from P (and
// `!orca.guarded` metadata, for readers of the IR). It is recognised by
// its shape: LLVM may drop the metadata when it merges markers, or replace
// a bundle operand by poison (a dropped use); the marker is still one,
// with that operand poison.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_ACCESSMARKERS_H
#define ORCA_CODEGEN_ACCESSMARKERS_H

#include <optional>

namespace llvm {
class AssumeInst;
class Instruction;
class IRBuilderBase;
class LoadInst;
class StoreInst;
class Value;
} // namespace llvm

namespace orca {

/// Follows \p L, a load whose bounds check is the guard region, with its
/// marker (at \p B's insertion point, which must be right after \p L).
void markGuardedLoad(llvm::IRBuilderBase &B, llvm::LoadInst &L);

/// The same for a store.
void markGuardedStore(llvm::IRBuilderBase &B, llvm::StoreInst &S);

struct AccessMarker {
  llvm::AssumeInst *Assume;
  llvm::Value *Ptr;    ///< the access's address
  llvm::Value *Loaded; ///< a load's value; null for a store
};

/// \p I as a marker, if it is one.
std::optional<AccessMarker> asAccessMarker(llvm::Instruction &I);

/// The metadata kind on markers, and (after the markers are resolved) on
/// the loads that perform a guard-page check.
constexpr const char *GuardedMetadataKind = "orca.guarded";

} // namespace orca

#endif // ORCA_CODEGEN_ACCESSMARKERS_H
