//===- Runtime/CompiledModule.cpp - A module ready to instantiate ---------===//
//
// The module's import and export lists as linkers see them, and the
// module as bytes again (serialize).
//
//===----------------------------------------------------------------------===//

#include "Runtime/CompiledModuleImpl.h"

using namespace orca;

CompiledModule::CompiledModule(std::unique_ptr<Impl> I) : I(std::move(I)) {}
CompiledModule::~CompiledModule() = default;

const Module &CompiledModule::module() const { return *I->M; }

llvm::ArrayRef<Import> CompiledModule::imports() const { return I->M->Imports; }

llvm::ArrayRef<Export> CompiledModule::exports() const { return I->M->Exports; }

CompiledModule::ImportType
CompiledModule::importType(size_t ImportIndex) const {
  const Module &M = *I->M;
  const Import &Imp = M.Imports[ImportIndex];
  ImportType T;
  T.Kind = Imp.Kind;
  switch (Imp.Kind) {
  case ExternKind::Func:
    T.Func = M.funcType(Imp.Index);
    break;
  case ExternKind::Table:
    T.Table = M.Tables[Imp.Index].Type;
    break;
  case ExternKind::Memory:
    T.Mem = M.Memories[Imp.Index].Type;
    break;
  case ExternKind::Global:
    T.Global = M.Globals[Imp.Index].Type;
    break;
  }
  return T;
}

std::vector<uint8_t> CompiledModule::serialize() const {
  llvm::SmallVector<char, 0> Bytes =
      serializeArtifact(*I->Code->Artifact, I->M->Bytes);
  return std::vector<uint8_t>(Bytes.begin(), Bytes.end());
}
