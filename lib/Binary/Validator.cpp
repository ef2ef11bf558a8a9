//===- Binary/Validator.cpp - Validate a decoded module -------------------===//
//
// Owns the module-level rules of spec chapter 3: index spaces, limits,
// constant expressions, exports, the start function, segments and the set
// of functions `ref.func` may name (C.refs). Function bodies are delegated
// to FunctionValidator.
//
//===----------------------------------------------------------------------===//

#include "Binary/Validator.h"

#include "Binary/Decoder.h"
#include "Binary/FunctionValidator.h"
#include "Support/Error.h"

#include "llvm/ADT/StringSet.h"

using llvm::Error;

namespace orca {
namespace {

constexpr uint64_t MaxPages32 = 65536;

class ModuleValidator {
public:
  ModuleValidator(const Module &M, const Features &F) : M(M), Feat(F) {}
  Error run();

private:
  Error checkTypes();
  Error checkFuncs();
  Error checkTables();
  Error checkMemories();
  Error checkGlobals();
  Error checkExports();
  Error checkStart();
  Error checkElems();
  Error checkDatas();
  void collectRefs();

  /// Checks a constant expression of type \p Expected. \p NumGlobals is
  /// how many globals it may read: in 2.0 only the imported ones; with
  /// Features::ConstExprDefinedGlobals, for a global's initialiser those
  /// before it and for segments all of them (immutable ones only, always).
  Error checkConstExpr(const ConstExpr &CE, ValType Expected,
                       size_t NumGlobals);
  /// The type of one instruction of a constant expression (not Extended).
  llvm::Expected<ValType> constInstrType(const ConstExpr &CE,
                                         size_t NumGlobals);
  size_t segmentGlobals() const {
    return Feat.ConstExprDefinedGlobals ? M.Globals.size()
                                        : M.NumImportedGlobals;
  }
  Error checkLimits(const Limits &L, uint64_t Offset);

  const Module &M;
  const Features &Feat;
  std::vector<bool> DeclaredRefs;
};

Error ModuleValidator::checkTypes() {
  for (const FuncType &FT : M.Types) {
    if (!Feat.MultiValue && FT.Results.size() > 1)
      return invalid("invalid result arity", WasmError::NoOffset);
    for (ValType T : FT.Params)
      if (!valTypeEnabled(T, Feat))
        return invalid("value type not enabled", WasmError::NoOffset);
    for (ValType T : FT.Results)
      if (!valTypeEnabled(T, Feat))
        return invalid("value type not enabled", WasmError::NoOffset);
  }
  return Error::success();
}

Error ModuleValidator::checkFuncs() {
  for (const Function &F : M.Funcs)
    if (F.TypeIndex >= M.Types.size())
      return invalid("unknown type", WasmError::NoOffset);
  if (M.Bodies.size() != M.numDefinedFuncs())
    return malformed("function and code section have inconsistent lengths",
                     WasmError::NoOffset);
  return Error::success();
}

Error ModuleValidator::checkLimits(const Limits &L, uint64_t Offset) {
  if (L.Max && L.Min > *L.Max)
    return invalid("size minimum must not be greater than maximum", Offset);
  return Error::success();
}

Error ModuleValidator::checkTables() {
  if (M.Tables.size() > 1 && !Feat.ReferenceTypes)
    return invalid("multiple tables", WasmError::NoOffset);
  for (const Table &T : M.Tables) {
    if (!isRefType(T.Type.Elem))
      return invalid("malformed reference type", WasmError::NoOffset);
    if (Error E = checkLimits(T.Type.Lim, WasmError::NoOffset))
      return E;
  }
  return Error::success();
}

Error ModuleValidator::checkMemories() {
  if (M.Memories.size() > 1 && !Feat.MultiMemory)
    return invalid("multiple memories", WasmError::NoOffset);
  for (const Memory &Mem : M.Memories) {
    const Limits &L = Mem.Type.Lim;
    if (L.Is64 && !Feat.Memory64)
      return invalid("memory64 is not enabled", WasmError::NoOffset);
    if (L.Shared && !Feat.Threads)
      return invalid("shared memory is not enabled", WasmError::NoOffset);
    if (L.Shared && !L.Max)
      return invalid("shared memory must have maximum", WasmError::NoOffset);
    uint64_t MaxPages = L.Is64 ? (uint64_t(1) << 48) : MaxPages32;
    if (L.Min > MaxPages || (L.Max && *L.Max > MaxPages))
      return invalid(L.Is64 ? "memory size must be at most 2^48 pages"
                            : "memory size must be at most 65536 pages (4GiB)",
                     WasmError::NoOffset);
    if (Error E = checkLimits(L, WasmError::NoOffset))
      return E;
  }
  return Error::success();
}

llvm::Expected<ValType> ModuleValidator::constInstrType(const ConstExpr &CE,
                                                        size_t NumGlobals) {
  switch (CE.K) {
  case ConstExpr::I32Const:
    return ValType::I32;
  case ConstExpr::I64Const:
    return ValType::I64;
  case ConstExpr::F32Const:
    return ValType::F32;
  case ConstExpr::F64Const:
    return ValType::F64;
  case ConstExpr::V128Const:
    if (!Feat.SIMD)
      return malformed("illegal opcode", CE.Offset);
    return ValType::V128;
  case ConstExpr::RefNull:
    return CE.Type;
  case ConstExpr::RefFunc:
    if (CE.Bits >= M.Funcs.size())
      return invalid("unknown function " + std::to_string(CE.Bits), CE.Offset);
    return ValType::FuncRef;
  case ConstExpr::GlobalGet: {
    if (CE.Bits >= NumGlobals)
      return invalid("unknown global " + std::to_string(CE.Bits), CE.Offset);
    const GlobalType &GT = M.Globals[CE.Bits].Type;
    if (GT.Mutable)
      return invalid("constant expression required", CE.Offset);
    return GT.Type;
  }
  case ConstExpr::I32Add:
  case ConstExpr::I32Sub:
  case ConstExpr::I32Mul:
  case ConstExpr::I64Add:
  case ConstExpr::I64Sub:
  case ConstExpr::I64Mul:
  case ConstExpr::Extended:
    break;
  }
  llvm_unreachable("not a single constant instruction");
}

Error ModuleValidator::checkConstExpr(const ConstExpr &CE, ValType Expected,
                                      size_t NumGlobals) {
  if (CE.K != ConstExpr::Extended) {
    auto T = constInstrType(CE, NumGlobals);
    if (!T)
      return T.takeError();
    if (*T != Expected)
      return invalid("type mismatch", CE.Offset);
    return Error::success();
  }
  // An extended expression is typed as a body is: each arithmetic
  // instruction pops two operands of its type; one value must remain.
  std::vector<ValType> Stack;
  for (const ConstExpr &Op : CE.Ops) {
    if (Op.K >= ConstExpr::I32Add && Op.K <= ConstExpr::I64Mul) {
      if (Stack.size() < 2 || Stack.back() != Op.Type ||
          Stack[Stack.size() - 2] != Op.Type)
        return invalid("type mismatch", Op.Offset);
      Stack.pop_back();
      continue;
    }
    auto T = constInstrType(Op, NumGlobals);
    if (!T)
      return T.takeError();
    Stack.push_back(*T);
  }
  if (Stack.size() != 1 || Stack[0] != Expected)
    return invalid("type mismatch", CE.Offset);
  return Error::success();
}

Error ModuleValidator::checkGlobals() {
  for (size_t N = 0; N < M.Globals.size(); ++N) {
    const Global &G = M.Globals[N];
    if (!valTypeEnabled(G.Type.Type, Feat))
      return invalid("value type not enabled", G.Init.Offset);
    if (G.Imported)
      continue;
    size_t Visible = Feat.ConstExprDefinedGlobals ? N : M.NumImportedGlobals;
    if (Error E = checkConstExpr(G.Init, G.Type.Type, Visible))
      return E;
  }
  return Error::success();
}

Error ModuleValidator::checkExports() {
  llvm::StringSet<> Names;
  for (const Export &Ex : M.Exports) {
    if (!Names.insert(Ex.Name).second)
      return invalid("duplicate export name", WasmError::NoOffset);
    size_t Count = 0;
    const char *What = "";
    switch (Ex.Kind) {
    case ExternKind::Func:
      Count = M.Funcs.size();
      What = "unknown function ";
      break;
    case ExternKind::Table:
      Count = M.Tables.size();
      What = "unknown table ";
      break;
    case ExternKind::Memory:
      Count = M.Memories.size();
      What = "unknown memory ";
      break;
    case ExternKind::Global:
      Count = M.Globals.size();
      What = "unknown global ";
      break;
    }
    if (Ex.Index >= Count)
      return invalid(What + std::to_string(Ex.Index), WasmError::NoOffset);
  }
  return Error::success();
}

Error ModuleValidator::checkStart() {
  if (!M.Start)
    return Error::success();
  if (*M.Start >= M.Funcs.size())
    return invalid("unknown function " + std::to_string(*M.Start),
                   WasmError::NoOffset);
  const FuncType &FT = M.funcType(*M.Start);
  if (!FT.Params.empty() || !FT.Results.empty())
    return invalid("start function", WasmError::NoOffset);
  return Error::success();
}

Error ModuleValidator::checkElems() {
  for (const ElemSegment &Seg : M.Elems) {
    if (!isRefType(Seg.Type))
      return invalid("malformed reference type", Seg.Offset);
    if (Seg.Mode == SegmentMode::Active) {
      if (Seg.TableIndex >= M.Tables.size())
        return invalid("unknown table " + std::to_string(Seg.TableIndex),
                       Seg.Offset);
      if (Error E =
              checkConstExpr(Seg.OffsetExpr, ValType::I32, segmentGlobals()))
        return E;
      if (M.Tables[Seg.TableIndex].Type.Elem != Seg.Type)
        return invalid("type mismatch", Seg.Offset);
    }
    for (const ConstExpr &Item : Seg.Items)
      if (Error E = checkConstExpr(Item, Seg.Type, segmentGlobals()))
        return E;
  }
  return Error::success();
}

Error ModuleValidator::checkDatas() {
  if (M.DataCount && *M.DataCount != M.Datas.size())
    return malformed("data count and data section have inconsistent lengths",
                     WasmError::NoOffset);
  for (const DataSegment &Seg : M.Datas) {
    if (Seg.Mode != SegmentMode::Active)
      continue;
    if (Seg.MemoryIndex >= M.Memories.size())
      return invalid("unknown memory " + std::to_string(Seg.MemoryIndex),
                     Seg.OffsetExpr.Offset);
    if (Error E =
            checkConstExpr(Seg.OffsetExpr, ValType::I32, segmentGlobals()))
      return E;
  }
  return Error::success();
}

/// C.refs: every function index that occurs outside function bodies and the
/// start section. Computed here rather than trusted from Function::Escapes,
/// which also covers `ref.func` in code.
void ModuleValidator::collectRefs() {
  DeclaredRefs.assign(M.Funcs.size(), false);
  auto NoteOne = [&](const ConstExpr &CE) {
    if (CE.K == ConstExpr::RefFunc && CE.Bits < DeclaredRefs.size())
      DeclaredRefs[CE.Bits] = true;
  };
  auto Note = [&](const ConstExpr &CE) {
    NoteOne(CE);
    for (const ConstExpr &Op : CE.Ops)
      NoteOne(Op);
  };
  for (const Export &Ex : M.Exports)
    if (Ex.Kind == ExternKind::Func && Ex.Index < DeclaredRefs.size())
      DeclaredRefs[Ex.Index] = true;
  for (const Global &G : M.Globals)
    if (!G.Imported)
      Note(G.Init);
  for (const ElemSegment &Seg : M.Elems)
    for (const ConstExpr &Item : Seg.Items)
      Note(Item);
}

Error ModuleValidator::run() {
  if (Error E = checkTypes())
    return E;
  if (Error E = checkFuncs())
    return E;
  if (Error E = checkTables())
    return E;
  if (Error E = checkMemories())
    return E;
  if (Error E = checkGlobals())
    return E;
  if (Error E = checkExports())
    return E;
  if (Error E = checkStart())
    return E;
  if (Error E = checkElems())
    return E;
  if (Error E = checkDatas())
    return E;
  collectRefs();
  for (uint32_t I = M.NumImportedFuncs, N = uint32_t(M.Funcs.size()); I < N;
       ++I)
    if (Error E = validateFunctionBody(M, I, DeclaredRefs, Feat))
      return E;
  return Error::success();
}

} // namespace

Error validateModule(const Module &M, const Features &F) {
  return ModuleValidator(M, F).run();
}

llvm::Expected<std::unique_ptr<Module>>
decodeAndValidate(std::vector<uint8_t> Bytes, const Features &F) {
  auto MOrErr = decodeModule(std::move(Bytes), F);
  if (!MOrErr)
    return MOrErr.takeError();
  if (Error E = validateModule(**MOrErr, F))
    return E;
  return MOrErr;
}

} // namespace orca
