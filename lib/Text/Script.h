//===- Text/Script.h - WebAssembly script (.wast) commands ------*- C++ -*-===//
//
// The spec interpreter's script language as data: a Script is the list of
// its commands, each with its module (already encoded to binary bytes, or
// the reason its text could not be encoded), its action and arguments, and
// its expected results as patterns (exact values, NaN classes, lane-wise
// vectors, reference classes, `either` alternatives). Running a script is
// the job of a runner above this layer; nothing here instantiates.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_SCRIPT_H
#define ORCA_TEXT_SCRIPT_H

#include "Text/Wat.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orca {

/// A module as a script writes it.
struct ScriptModule {
  enum Kind : uint8_t {
    Text,   ///< `(module ...fields)`
    Binary, ///< `(module binary "...")`
    Quote,  ///< `(module quote "...")`
  };
  Kind K = Text;
  std::string Id;            ///< its `$id` without `$`, or ""
  bool IsDefinition = false; ///< `(module definition ...)`
  /// The binary module: the bytes of a Binary module, or the encoding of a
  /// Text or Quote module that parsed.
  std::vector<uint8_t> Bytes;
  /// Text and Quote modules that did not parse: the error
  /// (`file:line:col: message`). assert_malformed expects one for Quote.
  std::optional<std::string> Error;
  /// Quote: the text its strings spell.
  std::string Source;
  uint32_t Line = 0;
};

/// An argument, or the value an exact result expects.
struct ScriptValue {
  enum Kind : uint8_t {
    I32,
    I64,
    F32,
    F64,
    V128,
    RefNull,   ///< HeapType: "func", "extern", "any", "$t", ... or "" (any)
    RefExtern, ///< Bits: N of `(ref.extern N)`
    RefHost,   ///< Bits: N of `(ref.host N)`
    RefFunc,   ///< Text: the function index or id of `(ref.func x)`
  };
  Kind K = I32;
  uint64_t Bits = 0;   ///< the number's bits; v128: the low 64
  uint64_t BitsHi = 0; ///< v128: the high 64
  std::string HeapType;
};

struct ResultPattern {
  enum Kind : uint8_t {
    Exact,         ///< V, bit for bit (float NaNs included)
    CanonicalNan,  ///< `nan:canonical` of type Type (F32 or F64)
    ArithmeticNan, ///< `nan:arithmetic`
    Lanes,         ///< a v128 compared lane by lane: Lanes, of Shape
    AnyRefFunc,    ///< `(ref.func)`
    AnyRefExtern,  ///< `(ref.extern)`
    AnyRef,        ///< `(ref.any)`: any non-null reference
    AnyRefEq,      ///< `(ref.eq)`
    AnyRefI31,     ///< `(ref.i31)`
    AnyRefStruct,  ///< `(ref.struct)`
    AnyRefArray,   ///< `(ref.array)`
    Either,        ///< one of Alternatives
  };
  Kind K = Exact;
  ScriptValue V;
  ScriptValue::Kind Type = ScriptValue::I32;
  std::string Shape;              ///< Lanes: "i8x16" ... "f64x2"
  std::vector<ResultPattern> Sub; ///< Lanes' lanes, Either's alternatives
};

struct ScriptAction {
  enum Kind : uint8_t { Invoke, Get };
  Kind K = Invoke;
  std::string ModuleId; ///< "" = the most recent module
  std::string Name;     ///< export name
  std::vector<ScriptValue> Args;
};

enum class CommandKind : uint8_t {
  Module,   ///< Module (a definition only, if Module.IsDefinition)
  Instance, ///< `(module instance $i? $m?)`: Id, ModuleId
  Register, ///< Text = the name, ModuleId
  Action,   ///< a bare invoke or get
  AssertReturn,
  AssertTrap,       ///< on Action, or on Module if OnModule
  AssertExhaustion, ///< Action, Text
  AssertException,  ///< Action
  AssertInvalid,    ///< Module, Text
  AssertMalformed,  ///< Module, Text
  AssertUnlinkable,
  AssertUninstantiable,
  Input,  ///< `(input $id? "file")`: Text = the file
  Output, ///< `(output $id? "file"?)`
};
const char *commandKindName(CommandKind K);

struct Command {
  CommandKind K = CommandKind::Module;
  uint32_t Line = 0;
  ScriptModule Module;
  bool OnModule = false;
  ScriptAction Action;
  std::vector<ResultPattern> Results;
  std::string Text;     ///< expected failure message, register name, file
  std::string Id;       ///< Instance: the instance's id
  std::string ModuleId; ///< Instance: the definition; Register: the module
};

struct Script {
  std::string FileName;
  std::vector<Command> Commands;
};

/// Parses a .wast script. A syntax error in the script itself (outside the
/// text of a module) fails the whole parse; a module whose text does not
/// parse is kept with its Error so that each command can be judged alone.
/// `(script $id ...)` blocks are flattened into their commands.
llvm::Expected<Script> parseWast(llvm::StringRef Text, llvm::StringRef FileName,
                                 const WatOptions &Opts = {});

} // namespace orca

#endif // ORCA_TEXT_SCRIPT_H
