//===- Text/ModuleParser.h - One text module to binary ----------*- C++ -*-===//
//
// Internal to lib/Text. Owns the state of encoding one module: the index
// spaces and their `$id`s, the type definitions (explicit, then the
// implicit ones that type uses add), and the contents of every section.
// It works in passes over the module's tokens: the first assigns every
// index and id (so uses may precede definitions), the second parses the
// type definitions, the third every other field in text order. Module
// fields are in ModuleParser.cpp, types in TypeParser.cpp, instructions in
// InstrParser.cpp, the final assembly in ModuleWriter.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_MODULEPARSER_H
#define ORCA_TEXT_MODULEPARSER_H

#include "Text/ByteWriter.h"
#include "Text/TokenCursor.h"
#include "Text/Wat.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <optional>
#include <string>
#include <vector>

namespace orca {

enum class Space : uint8_t {
  Type,
  Func,
  Table,
  Memory,
  Global,
  Elem,
  Data,
  Tag,
};
constexpr unsigned NumSpaces = 8;
const char *spaceName(Space S);

struct IndexSpace {
  llvm::StringMap<uint32_t> Ids;
  /// (index, name) of every entity with an id, in index order.
  std::vector<std::pair<uint32_t, std::string>> Names;
  uint32_t Count = 0;
};

/// One type definition; value types are kept encoded (their binary bytes),
/// which makes comparing signatures for implicit type uses exact.
struct TypeDef {
  enum Kind : uint8_t { Func, Struct, Array } K = Func;
  std::vector<std::string> Params, Results;
  llvm::StringMap<uint32_t> FieldIds;
  /// A final function type without supertypes, alone in its rec group: the
  /// only kind an implicit type use may match.
  bool Plain = true;
};

/// `(type x)? (param ...)* (result ...)*` as written.
struct TypeUse {
  std::optional<uint32_t> Index;
  const Token *IndexTok = nullptr;
  bool HasInline = false;
  std::vector<std::string> Params, Results;
  std::vector<std::string> ParamIds; ///< "" for unnamed; funcs only
};

/// A section's contents and its entry count.
struct SectionBuf {
  ByteWriter W;
  uint32_t Count = 0;
};

struct ModuleSections {
  SectionBuf Types, Imports, Funcs, Tables, Memories, Tags, Globals, Exports,
      Elems, Code, Datas;
  std::optional<uint32_t> Start;
  bool NeedsDataCount = false;
  uint32_t NumDatas = 0;
  // The name section's contents.
  std::string ModuleName;
  bool HasModuleName = false;
  const IndexSpace *Spaces = nullptr;
  std::vector<
      std::pair<uint32_t, std::vector<std::pair<uint32_t, std::string>>>>
      LocalNames;
};

/// The binary module for \p S (ModuleWriter.cpp).
std::vector<uint8_t> writeModule(const ModuleSections &S, bool NameSection);

class ModuleParser : public TokenCursor {
public:
  ModuleParser(const SourceFile &Src, llvm::ArrayRef<Token> Toks, size_t Pos,
               const WatOptions &Opts)
      : TokenCursor(Src, Toks, Pos), Opts(Opts) {}

  /// At `(module`: parses through its `)`. Handles `binary` and `quote`.
  llvm::Expected<std::vector<uint8_t>> parseModule();
  /// Parses module fields until `)` or the end of input (not consumed).
  llvm::Expected<std::vector<uint8_t>> parseFields();
  /// The module's `$id`, for the name section.
  void setModuleName(std::string Name) {
    Out.ModuleName = std::move(Name);
    Out.HasModuleName = true;
  }

  /// The largest nesting of folded instructions accepted; deeper input is
  /// rejected rather than risk the native stack.
  static constexpr unsigned MaxFoldedDepth = 2000;

private:
  struct Label {
    std::string Id; ///< "" if unnamed
    uint8_t Op;     ///< 0x02 block, 0x03 loop, 0x04 if
    bool SeenElse = false;
  };
  struct FuncState {
    llvm::StringMap<uint32_t> Locals;
    uint32_t NumLocals = 0;
  };

  // Pass 1 (ModuleParser.cpp).
  llvm::Error scanFields(size_t First);
  llvm::Error define(Space S, const Token *IdTok);
  // Pass 2 (TypeParser.cpp).
  llvm::Error parseTypeFields(size_t First);
  llvm::Error parseTypeDef(ByteWriter &Out, bool InRec, unsigned RecSize);
  llvm::Error parseFuncSig(TypeDef &T, ByteWriter &Out);
  llvm::Error parseFieldType(ByteWriter &Out);
  llvm::Error parseValType(std::string &Out);
  llvm::Error parseHeapType(std::string &Out);
  llvm::Error parseRefType(std::string &Out);
  bool atValType() const;
  bool atRefType() const;
  llvm::Error parseTypeUse(TypeUse &TU, bool AllowParamIds);
  llvm::Expected<uint32_t> resolveTypeUse(TypeUse &TU);
  uint32_t findOrAddFuncType(const std::vector<std::string> &Params,
                             const std::vector<std::string> &Results);
  // Pass 3 (ModuleParser.cpp).
  llvm::Error parseField();
  llvm::Error parseFunc();
  llvm::Error parseTable();
  llvm::Error parseMemory();
  llvm::Error parseGlobal();
  llvm::Error parseTag();
  llvm::Error parseImport();
  llvm::Error parseExport();
  llvm::Error parseStart();
  llvm::Error parseElem();
  llvm::Error parseData();
  llvm::Error parseInlineExports(uint8_t Kind, uint32_t Index);
  llvm::Error parseInlineImport(std::string &Module, std::string &Field,
                                bool &Found);
  llvm::Error parseLimits(ByteWriter &Out, bool Is64, bool AllowShared);
  llvm::Error parseTableType(ByteWriter &Out);
  llvm::Error parseMemType(ByteWriter &Out, bool &Is64);
  llvm::Error parseGlobalType(ByteWriter &Out);
  llvm::Error parseElemList(ByteWriter &Out, bool AllowBareIndices,
                            uint32_t *NumItems, uint8_t &FlagBits);
  uint32_t next(Space S) { return NextIndex[unsigned(S)]++; }

public:
  // Instructions (InstrParser.cpp).
  llvm::Error parseInstrSeq(ByteWriter &B, unsigned Depth);
  llvm::Error parseFoldedInstr(ByteWriter &B, unsigned Depth);
  llvm::Error parsePlainInstr(ByteWriter &B);
  llvm::Error parseBlockHeader(std::string &LabelId, ByteWriter &BT);
  /// A constant or offset expression: instructions, then `end`.
  llvm::Error parseExpr(ByteWriter &B);
  llvm::Error parseIndex(Space S, uint32_t &Out);
  bool atIndex() const { return at(TokKind::Id) || at(TokKind::Number); }

private:
  llvm::Error parseLabelIndex(uint32_t &Out);
  llvm::Error parseLocalIndex(uint32_t &Out);
  llvm::Error parseMemArg(ByteWriter &B, unsigned NaturalLog2, bool Lane);
  llvm::Error parseV128Const(ByteWriter &B);
  llvm::Error checkEndLabel(const Label &L);

  const WatOptions &Opts;
  IndexSpace Spaces[NumSpaces];
  uint32_t NextIndex[NumSpaces] = {};
  std::vector<bool> MemIs64;
  std::vector<bool> TableIs64;
  std::vector<TypeDef> Types;
  /// Signature -> first plain function type with it.
  llvm::StringMap<uint32_t> FuncTypeIndex;
  ModuleSections Out;
  std::vector<Label> Labels;
  FuncState *Func = nullptr;
  size_t FieldsBegin = 0;
};

} // namespace orca

#endif // ORCA_TEXT_MODULEPARSER_H
