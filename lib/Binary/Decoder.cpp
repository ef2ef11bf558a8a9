//===- Binary/Decoder.cpp - Decode a module's binary format ---------------===//
//
// A single cursor walks the whole module, as the reference interpreter's
// does: a section's contents may run past its declared size, which is then
// reported as "section size mismatch" once the section has been read. This
// keeps the spec tests' error messages (which depend on where a truncated
// vector stops) identical to the reference.
//
// Problems that the spec classifies as validation errors but that only the
// decoder can see (a non-constant instruction in a constant expression, a
// `select` type vector of the wrong length) are remembered and reported as
// Invalid after the whole module has decoded, so that any malformedness
// later in the module still wins.
//
//===----------------------------------------------------------------------===//

#include "Binary/Decoder.h"

#include "Binary/DecoderImpl.h"
#include "Binary/NameSectionReader.h"
#include "Support/Error.h"

using namespace orca;
using llvm::Error;
using orca::detail::Decoder;

namespace {

enum SectionId : uint8_t {
  CustomId = 0,
  TypeId = 1,
  ImportId = 2,
  FunctionId = 3,
  TableId = 4,
  MemoryId = 5,
  GlobalId = 6,
  ExportId = 7,
  StartId = 8,
  ElementId = 9,
  CodeId = 10,
  DataId = 11,
  DataCountId = 12,
};

/// Where each non-custom section must appear (data count sits between the
/// element and code sections).
unsigned sectionRank(uint8_t Id) {
  static const unsigned Rank[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
  return Rank[Id];
}

} // namespace

void Decoder::deferInvalid(const std::string &Msg, uint64_t Offset) {
  if (HasDeferred)
    return;
  HasDeferred = true;
  DeferredMsg = Msg;
  DeferredOffset = Offset;
}

Error Decoder::header() {
  // A file shorter than the header is truncated, not a bad magic number.
  R.setEndMessage("unexpected end");
  uint32_t Magic, Version;
  if (Error E = R.fixed32(Magic))
    return E;
  if (Magic != 0x6d736100)
    return BinaryReader::error("magic header not detected", 0);
  if (Error E = R.fixed32(Version))
    return E;
  if (Version != 1)
    return BinaryReader::error("unknown binary version", 4);
  R.setEndMessage("unexpected end of section or function");
  return Error::success();
}

Error Decoder::decode() {
  if (M.Bytes.size() > UINT32_MAX)
    return makeError(ErrorKind::Resource, "module too large", 0);
  if (Error E = header())
    return E;

  unsigned LastRank = 0;
  while (!R.atEnd()) {
    uint32_t IdOffset = R.offset();
    uint8_t Id;
    if (Error E = R.u8(Id))
      return E;
    if (Id > DataCountId)
      return BinaryReader::error("malformed section id", IdOffset);
    uint32_t Size;
    if (Error E = R.length(Size))
      return E;
    if (Id != CustomId) {
      // A duplicate or misplaced section ends the module as far as the
      // grammar is concerned; whatever follows is junk.
      if (sectionRank(Id) <= LastRank)
        return BinaryReader::error("unexpected content after last section",
                                   IdOffset);
      LastRank = sectionRank(Id);
    }
    uint32_t Start = R.offset();
    if (Error E = section(Id, Start, Size))
      return E;
    if (R.offset() != Start + Size)
      return BinaryReader::error("section size mismatch", Start);
  }

  uint32_t End = R.offset();
  if (NumDeclaredFuncs != M.Bodies.size())
    return BinaryReader::error(
        "function and code section have inconsistent lengths", End);
  if (M.DataCount && *M.DataCount != M.Datas.size())
    return BinaryReader::error(
        "data count and data section have inconsistent lengths", End);
  // Without any data segments a data index is simply unknown, which the
  // validator reports ("unknown data segment"); wabt emits such modules
  // from the text format and the spec tests expect them to be invalid.
  if (!M.DataCount && UsesDataIndex && HasDataSection)
    return BinaryReader::error("data count section required", End);
  if (HasDeferred)
    return invalid(DeferredMsg, DeferredOffset);
  return Error::success();
}

Error Decoder::section(uint8_t Id, uint32_t Start, uint32_t Size) {
  switch (Id) {
  case CustomId:
    return customSection(Start + Size);
  case TypeId:
    return typeSection();
  case ImportId:
    return importSection();
  case FunctionId:
    return functionSection();
  case TableId:
    return tableSection();
  case MemoryId:
    return memorySection();
  case GlobalId:
    return globalSection();
  case ExportId:
    return exportSection();
  case StartId:
    return startSection();
  case ElementId:
    return elementSection();
  case CodeId:
    return codeSection();
  case DataId:
    return dataSection();
  case DataCountId:
    return dataCountSection();
  }
  return Error::success();
}

Error Decoder::customSection(uint32_t End) {
  CustomSection C;
  if (Error E = R.name(C.Name))
    return E;
  if (R.offset() > End)
    return BinaryReader::error("unexpected end of section or function", End);
  C.DataStart = R.offset();
  C.DataSize = End - C.DataStart;
  R.seek(End);
  if (C.Name == "name")
    readNameSection(M.Bytes, C.DataStart, End, M.Names);
  M.Customs.push_back(std::move(C));
  return Error::success();
}

Error Decoder::typeSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Types.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    uint32_t FormOffset = R.offset();
    uint8_t Form;
    if (Error E = R.u8(Form))
      return E;
    // The form is a one-byte s7; a continuation bit makes it too long.
    if (Form & 0x80)
      return BinaryReader::error("integer representation too long",
                                 FormOffset + 1);
    if (Form != 0x60)
      return BinaryReader::error("malformed function type", FormOffset);
    FuncType FT;
    for (std::vector<ValType> *List : {&FT.Params, &FT.Results}) {
      uint32_t Len;
      if (Error E = R.length(Len))
        return E;
      List->resize(Len);
      for (ValType &T : *List)
        if (Error E = R.valType(T))
          return E;
    }
    M.Types.push_back(std::move(FT));
  }
  return Error::success();
}

Error Decoder::limits(Limits &Lim, bool IsMemory) {
  // Flags: bit 0 = has max, bit 1 = shared (threads), bit 2 = 64-bit
  // (memory64). In plain 2.0 the flags are a 1-bit LEB128 (so 0x81 0x00 is
  // "too long"); the proposals read a byte and reject unknown bits.
  uint32_t FlagsOffset = R.offset();
  uint64_t Flags;
  if (Feat.Threads || Feat.Memory64) {
    uint8_t Byte;
    if (Error E = R.u8(Byte))
      return E;
    uint8_t Allowed = 1;
    if (IsMemory && Feat.Threads)
      Allowed |= 2;
    if (IsMemory && Feat.Memory64)
      Allowed |= 4;
    if (Byte & ~Allowed)
      return BinaryReader::error("malformed limits flags", FlagsOffset);
    Flags = Byte;
  } else if (Error E = R.uN(1, Flags)) {
    return E;
  }
  Lim.Shared = Flags & 2;
  Lim.Is64 = Flags & 4;
  // memory64 reads every memory's bounds as u64; the range is validated.
  bool Wide = Lim.Is64 || (IsMemory && Feat.Memory64);
  auto ReadBound = [&](uint64_t &V) -> Error {
    if (Wide)
      return R.u64(V);
    uint32_t V32;
    if (Error E = R.u32(V32))
      return E;
    V = V32;
    return Error::success();
  };
  if (Error E = ReadBound(Lim.Min))
    return E;
  Lim.Max.reset();
  if (Flags & 1) {
    uint64_t Max;
    if (Error E = ReadBound(Max))
      return E;
    Lim.Max = Max;
  }
  return Error::success();
}

Error Decoder::tableType(TableType &T) {
  if (Error E = R.refType(T.Elem))
    return E;
  return limits(T.Lim, /*IsMemory=*/false);
}

Error Decoder::globalType(GlobalType &T) {
  if (Error E = R.valType(T.Type))
    return E;
  uint32_t MutOffset = R.offset();
  uint8_t Mut;
  if (Error E = R.u8(Mut))
    return E;
  if (Mut > 1)
    return BinaryReader::error("malformed mutability", MutOffset);
  T.Mutable = Mut;
  return Error::success();
}

Error Decoder::importSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Imports.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    Import Imp;
    if (Error E = R.name(Imp.ModuleName))
      return E;
    if (Error E = R.name(Imp.FieldName))
      return E;
    uint32_t KindOffset = R.offset();
    uint8_t Kind;
    if (Error E = R.u8(Kind))
      return E;
    switch (Kind) {
    case 0: {
      Function F;
      F.Imported = true;
      if (Error E = R.u32(F.TypeIndex))
        return E;
      Imp.Index = uint32_t(M.Funcs.size());
      M.Funcs.push_back(F);
      ++M.NumImportedFuncs;
      break;
    }
    case 1: {
      Table T;
      T.Imported = true;
      if (Error E = tableType(T.Type))
        return E;
      Imp.Index = uint32_t(M.Tables.size());
      M.Tables.push_back(T);
      ++M.NumImportedTables;
      break;
    }
    case 2: {
      Memory Mem;
      Mem.Imported = true;
      if (Error E = limits(Mem.Type.Lim, /*IsMemory=*/true))
        return E;
      Imp.Index = uint32_t(M.Memories.size());
      M.Memories.push_back(Mem);
      ++M.NumImportedMemories;
      break;
    }
    case 3: {
      Global G;
      G.Imported = true;
      if (Error E = globalType(G.Type))
        return E;
      Imp.Index = uint32_t(M.Globals.size());
      M.Globals.push_back(G);
      ++M.NumImportedGlobals;
      break;
    }
    default:
      return BinaryReader::error("malformed import kind", KindOffset);
    }
    Imp.Kind = ExternKind(Kind);
    M.Imports.push_back(std::move(Imp));
  }
  return Error::success();
}

Error Decoder::functionSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  NumDeclaredFuncs = Count;
  M.Funcs.reserve(M.Funcs.size() + Count);
  for (uint32_t N = 0; N < Count; ++N) {
    Function F;
    if (Error E = R.u32(F.TypeIndex))
      return E;
    M.Funcs.push_back(F);
  }
  return Error::success();
}

Error Decoder::tableSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  for (uint32_t N = 0; N < Count; ++N) {
    Table T;
    if (Error E = tableType(T.Type))
      return E;
    M.Tables.push_back(T);
  }
  return Error::success();
}

Error Decoder::memorySection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  for (uint32_t N = 0; N < Count; ++N) {
    Memory Mem;
    if (Error E = limits(Mem.Type.Lim, /*IsMemory=*/true))
      return E;
    M.Memories.push_back(Mem);
  }
  return Error::success();
}

Error Decoder::globalSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Globals.reserve(M.Globals.size() + Count);
  for (uint32_t N = 0; N < Count; ++N) {
    Global G;
    if (Error E = globalType(G.Type))
      return E;
    if (Error E = constExpr(G.Init))
      return E;
    M.Globals.push_back(G);
  }
  return Error::success();
}

Error Decoder::exportSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Exports.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    Export Ex;
    if (Error E = R.name(Ex.Name))
      return E;
    uint32_t KindOffset = R.offset();
    uint8_t Kind;
    if (Error E = R.u8(Kind))
      return E;
    if (Kind > 3)
      return BinaryReader::error("malformed export kind", KindOffset);
    Ex.Kind = ExternKind(Kind);
    if (Error E = R.u32(Ex.Index))
      return E;
    if (Ex.Kind == ExternKind::Func)
      markEscapes(Ex.Index);
    M.Exports.push_back(std::move(Ex));
  }
  return Error::success();
}

Error Decoder::startSection() {
  uint32_t Index;
  if (Error E = R.u32(Index))
    return E;
  M.Start = Index;
  return Error::success();
}

Error Decoder::elemSegment(ElemSegment &S) {
  S.Offset = R.offset();
  uint32_t Flags;
  if (Error E = R.u32(Flags))
    return E;
  if (Flags > 7)
    return BinaryReader::error("malformed elements segment kind", S.Offset);
  // Bit 0: passive or declarative; bit 1: explicit table index (active) or
  // declarative; bit 2: items are expressions rather than function indices.
  bool Passive = Flags & 1, Bit1 = Flags & 2, Exprs = Flags & 4;
  S.Mode = !Passive ? SegmentMode::Active
           : Bit1   ? SegmentMode::Declarative
                    : SegmentMode::Passive;
  if (S.Mode == SegmentMode::Active) {
    if (Bit1)
      if (Error E = R.u32(S.TableIndex))
        return E;
    if (Error E = constExpr(S.OffsetExpr))
      return E;
  }
  S.Type = ValType::FuncRef;
  // Flags 0 and 4 imply funcref; the others spell out the element type.
  if (Flags != 0 && Flags != 4) {
    if (Exprs) {
      if (Error E = R.refType(S.Type))
        return E;
    } else {
      uint32_t KindOffset = R.offset();
      uint8_t Kind;
      if (Error E = R.u8(Kind))
        return E;
      if (Kind != 0)
        return BinaryReader::error("malformed element kind", KindOffset);
    }
  }
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  S.Items.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    ConstExpr Item;
    if (Exprs) {
      if (Error E = constExpr(Item))
        return E;
    } else {
      Item.K = ConstExpr::RefFunc;
      Item.Type = ValType::FuncRef;
      Item.Offset = R.offset();
      uint32_t Index;
      if (Error E = R.u32(Index))
        return E;
      Item.Bits = Index;
      markEscapes(Index);
    }
    S.Items.push_back(Item);
  }
  return Error::success();
}

Error Decoder::elementSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Elems.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    ElemSegment S;
    if (Error E = elemSegment(S))
      return E;
    M.Elems.push_back(std::move(S));
  }
  return Error::success();
}

Error Decoder::dataCountSection() {
  uint32_t Count;
  if (Error E = R.u32(Count))
    return E;
  M.DataCount = Count;
  return Error::success();
}

Error Decoder::dataSegment(DataSegment &D) {
  uint32_t FlagsOffset = R.offset();
  uint32_t Flags;
  if (Error E = R.u32(Flags))
    return E;
  switch (Flags) {
  case 0:
    D.Mode = SegmentMode::Active;
    if (Error E = constExpr(D.OffsetExpr))
      return E;
    break;
  case 1:
    D.Mode = SegmentMode::Passive;
    break;
  case 2:
    D.Mode = SegmentMode::Active;
    if (Error E = R.u32(D.MemoryIndex))
      return E;
    if (Error E = constExpr(D.OffsetExpr))
      return E;
    break;
  default:
    return BinaryReader::error("malformed data segment kind", FlagsOffset);
  }
  if (Error E = R.length(D.DataSize))
    return E;
  D.DataStart = R.offset();
  return R.skip(D.DataSize);
}

Error Decoder::dataSection() {
  HasDataSection = true;
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Datas.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    DataSegment D;
    if (Error E = dataSegment(D))
      return E;
    M.Datas.push_back(D);
  }
  return Error::success();
}

llvm::Expected<std::unique_ptr<Module>>
orca::decodeModule(std::vector<uint8_t> Bytes, const Features &F) {
  auto M = std::make_unique<Module>();
  M->Bytes = std::move(Bytes);
  if (Error E = Decoder(*M, F).decode())
    return E;
  return M;
}
