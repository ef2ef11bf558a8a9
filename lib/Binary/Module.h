//===- Binary/Module.h - The decoded form of a WebAssembly module -*- C++
//-*-===//
//
// Owns the in-memory description of one module as the binary decoder produces
// it: types, imports, definitions, exports, segments and function bodies.
// Function bodies are kept as byte ranges into the module's bytes; the
// validator and the code generator both re-read them with InstrReader, so the
// instruction stream is decoded in exactly one place.
//
// Index spaces follow the spec: imported entities come first, so
// `Funcs[I]` for I < NumImportedFuncs describes an import.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_MODULE_H
#define ORCA_BINARY_MODULE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orca {

/// Value types, with their binary encodings as enumerator values.
enum class ValType : uint8_t {
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
};

inline bool isRefType(ValType T) {
  return T == ValType::FuncRef || T == ValType::ExternRef;
}
inline bool isNumType(ValType T) { return !isRefType(T) && T != ValType::V128; }
const char *valTypeName(ValType T);

struct FuncType {
  std::vector<ValType> Params;
  std::vector<ValType> Results;
  bool operator==(const FuncType &O) const {
    return Params == O.Params && Results == O.Results;
  }
  bool operator!=(const FuncType &O) const { return !(*this == O); }
};

/// Limits of a table or memory, in elements or 64 KiB pages.
struct Limits {
  uint64_t Min = 0;
  std::optional<uint64_t> Max;
  bool Shared = false; // threads proposal; rejected unless enabled
  bool Is64 = false;   // memory64 proposal; rejected unless enabled
};

struct TableType {
  ValType Elem = ValType::FuncRef;
  Limits Lim;
};

struct MemoryType {
  Limits Lim;
};

struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
const char *externKindName(ExternKind K);

/// A constant expression (global initialisers, segment offsets, element
/// items). A single instruction is represented directly by its kind; a
/// longer sequence (extended constant expressions, Features::ExtendedConst)
/// is of kind Extended and lists its instructions in order in Ops, each a
/// single-instruction ConstExpr or one of the arithmetic kinds, which pop
/// two operands and push one, as the instructions do. The decoder rejects
/// any other instruction with "constant expression required"; the validator
/// types the sequence.
struct ConstExpr {
  enum Kind : uint8_t {
    I32Const,
    I64Const,
    F32Const,
    F64Const,
    V128Const,
    RefNull,
    RefFunc,
    GlobalGet,
    // Extended constant expressions.
    I32Add,
    I32Sub,
    I32Mul,
    I64Add,
    I64Sub,
    I64Mul,
    Extended,
  };
  Kind K = I32Const;
  ValType Type = ValType::I32; // result type (RefNull: the reference type)
  uint64_t Bits = 0;           // constants' bits, or the func/global index
  uint64_t BitsHi = 0;         // high half of a v128 constant
  uint32_t Offset = 0;         // byte offset in the module, for errors
  std::vector<ConstExpr> Ops;  // Extended only
};

struct Import {
  std::string ModuleName;
  std::string FieldName;
  ExternKind Kind = ExternKind::Func;
  uint32_t Index = 0; // index within its kind's index space
};

struct Export {
  std::string Name;
  ExternKind Kind = ExternKind::Func;
  uint32_t Index = 0;
};

struct Function {
  uint32_t TypeIndex = 0;
  bool Imported = false;
  /// Set when the function can escape as a funcref: exported, placed in a
  /// table or element segment, or named by `ref.func` anywhere. Only these
  /// get an anyfunc slot in the vmctx.
  bool Escapes = false;
};

struct Global {
  GlobalType Type;
  bool Imported = false;
  ConstExpr Init; // defined globals only
};

struct Table {
  TableType Type;
  bool Imported = false;
};

struct Memory {
  MemoryType Type;
  bool Imported = false;
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElemSegment {
  SegmentMode Mode = SegmentMode::Active;
  uint32_t TableIndex = 0;
  ConstExpr OffsetExpr; // active only
  ValType Type = ValType::FuncRef;
  /// Each item is a constant expression (ref.func, ref.null or global.get);
  /// the function-index encodings are normalised to RefFunc items.
  std::vector<ConstExpr> Items;
  uint32_t Offset = 0; // byte offset of the segment, for errors
};

struct DataSegment {
  SegmentMode Mode = SegmentMode::Active; // never Declarative
  uint32_t MemoryIndex = 0;
  ConstExpr OffsetExpr;
  uint32_t DataStart = 0; // byte range in Module::Bytes
  uint32_t DataSize = 0;
};

/// A function body: its locals (excluding parameters) and its instruction
/// bytes, as offsets into Module::Bytes.
struct FunctionBody {
  struct LocalRun {
    uint32_t Count;
    ValType Type;
  };
  std::vector<LocalRun> Locals;
  uint64_t NumLocals = 0; // sum of the runs' counts
  uint32_t BodyStart = 0; // offset of the entry whose size prefix precedes it
  uint32_t CodeStart = 0; // first instruction byte
  uint32_t CodeEnd = 0;   // one past the final `end`
};

/// Names from the `name` custom section, when present and well-formed.
/// A malformed name section is ignored, as the spec requires of custom
/// sections.
struct NameSection {
  std::string ModuleName;
  std::vector<std::pair<uint32_t, std::string>> FunctionNames; // sorted
  std::vector<
      std::pair<uint32_t, std::vector<std::pair<uint32_t, std::string>>>>
      LocalNames;
  const std::string *functionName(uint32_t FuncIndex) const;
};

struct CustomSection {
  std::string Name;
  uint32_t DataStart = 0;
  uint32_t DataSize = 0;
};

struct Module {
  /// The module's bytes. Function bodies and data segments refer into it.
  std::vector<uint8_t> Bytes;

  std::vector<FuncType> Types;
  std::vector<Import> Imports;
  std::vector<Function> Funcs;
  std::vector<Table> Tables;
  std::vector<Memory> Memories;
  std::vector<Global> Globals;
  std::vector<Export> Exports;
  std::optional<uint32_t> Start;
  std::vector<ElemSegment> Elems;
  std::vector<DataSegment> Datas;
  std::optional<uint32_t> DataCount;
  /// Bodies of defined functions: Bodies[I] belongs to
  /// Funcs[NumImportedFuncs + I].
  std::vector<FunctionBody> Bodies;
  std::vector<CustomSection> Customs;
  NameSection Names;

  uint32_t NumImportedFuncs = 0;
  uint32_t NumImportedTables = 0;
  uint32_t NumImportedMemories = 0;
  uint32_t NumImportedGlobals = 0;

  const FuncType &funcType(uint32_t FuncIndex) const {
    return Types[Funcs[FuncIndex].TypeIndex];
  }
  uint32_t numDefinedFuncs() const {
    return uint32_t(Funcs.size()) - NumImportedFuncs;
  }
  const Export *findExport(std::string_view Name) const;
};

} // namespace orca

#endif // ORCA_BINARY_MODULE_H
