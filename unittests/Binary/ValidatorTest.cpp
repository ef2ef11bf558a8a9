//===- unittests/Binary/ValidatorTest.cpp - Validation rules --------------===//
//
// Tests of validateModule/decodeAndValidate: modules are assembled byte by
// byte with a small builder (sections in the binary format's order), or, for
// module-level rules, built directly as a Module. Every failure asserts the
// spec tests' wording of the error.
//
//===----------------------------------------------------------------------===//

#include "Binary/Validator.h"

#include "Support/Error.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <initializer_list>
#include <optional>

using namespace orca;
using ::testing::StartsWith;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes leb(uint64_t V) {
  Bytes Out;
  do {
    uint8_t B = V & 0x7f;
    V >>= 7;
    Out.push_back(V ? (B | 0x80) : B);
  } while (V);
  return Out;
}

Bytes cat(std::initializer_list<Bytes> Parts) {
  Bytes Out;
  for (const Bytes &P : Parts)
    Out.insert(Out.end(), P.begin(), P.end());
  return Out;
}

Bytes vec(const std::vector<Bytes> &Items) {
  Bytes Out = leb(Items.size());
  for (const Bytes &I : Items)
    Out.insert(Out.end(), I.begin(), I.end());
  return Out;
}

Bytes name(const std::string &S) {
  return cat({leb(S.size()), Bytes(S.begin(), S.end())});
}

constexpr uint8_t I32 = 0x7f, I64 = 0x7e, V128 = 0x7b, FuncRef = 0x70,
                  ExternRef = 0x6f;

Bytes funcType(const Bytes &Params, const Bytes &Results) {
  return cat(
      {{0x60}, leb(Params.size()), Params, leb(Results.size()), Results});
}

/// A module in binary form. Each field holds a section's contents (without
/// the id and size); empty fields are omitted.
struct ModuleBuilder {
  std::vector<Bytes> Types;
  std::vector<Bytes> Imports;
  std::vector<uint32_t> Funcs; // type index of each defined function
  std::vector<Bytes> Tables;
  std::vector<Bytes> Memories;
  std::vector<Bytes> Globals;
  std::vector<Bytes> Exports;
  std::optional<uint32_t> Start;
  std::vector<Bytes> Elems;
  std::optional<uint32_t> DataCount;
  std::vector<Bytes> Codes; // locals vector followed by the code
  std::vector<Bytes> Datas;

  static void section(Bytes &Out, uint8_t Id, const Bytes &Content) {
    Out.push_back(Id);
    Bytes Size = leb(Content.size());
    Out.insert(Out.end(), Size.begin(), Size.end());
    Out.insert(Out.end(), Content.begin(), Content.end());
  }
  static void vecSection(Bytes &Out, uint8_t Id,
                         const std::vector<Bytes> &Items) {
    if (!Items.empty())
      section(Out, Id, vec(Items));
  }

  Bytes build() const {
    Bytes Out = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    vecSection(Out, 1, Types);
    vecSection(Out, 2, Imports);
    std::vector<Bytes> FuncIdx;
    for (uint32_t T : Funcs)
      FuncIdx.push_back(leb(T));
    vecSection(Out, 3, FuncIdx);
    vecSection(Out, 4, Tables);
    vecSection(Out, 5, Memories);
    vecSection(Out, 6, Globals);
    vecSection(Out, 7, Exports);
    if (Start)
      section(Out, 8, leb(*Start));
    vecSection(Out, 9, Elems);
    if (DataCount)
      section(Out, 12, leb(*DataCount));
    std::vector<Bytes> Entries;
    for (const Bytes &C : Codes)
      Entries.push_back(cat({leb(C.size()), C}));
    vecSection(Out, 10, Entries);
    vecSection(Out, 11, Datas);
    return Out;
  }
};

/// One function of type \p Type (types[0]) with no locals and \p Code.
ModuleBuilder oneFunc(const Bytes &Type, const Bytes &Code,
                      const Bytes &Locals = {0x00}) {
  ModuleBuilder B;
  B.Types.push_back(Type);
  B.Funcs.push_back(0);
  B.Codes.push_back(cat({Locals, Code}));
  return B;
}

struct Outcome {
  bool Ok = true;
  ErrorKind Kind = ErrorKind::Usage;
  std::string Message;
};

Outcome check(const Bytes &Wasm, const Features &F = Features()) {
  Outcome O;
  auto MOrErr = decodeAndValidate(Wasm, F);
  if (MOrErr)
    return O;
  O.Ok = false;
  llvm::handleAllErrors(MOrErr.takeError(), [&](const WasmError &E) {
    O.Kind = E.kind();
    O.Message = E.text();
  });
  return O;
}

Outcome check(const ModuleBuilder &B, const Features &F = Features()) {
  return check(B.build(), F);
}

#define EXPECT_VALID(X)                                                        \
  do {                                                                         \
    Outcome O_ = check(X);                                                     \
    EXPECT_TRUE(O_.Ok) << O_.Message;                                          \
  } while (0)

#define EXPECT_INVALID(X, Msg)                                                 \
  do {                                                                         \
    Outcome O_ = check(X);                                                     \
    ASSERT_FALSE(O_.Ok);                                                       \
    EXPECT_EQ(O_.Kind, ErrorKind::Invalid);                                    \
    EXPECT_THAT(O_.Message, StartsWith(Msg));                                  \
  } while (0)

#define EXPECT_VALID_WITH(X, F)                                                \
  do {                                                                         \
    Outcome O_ = check(X, F);                                                  \
    EXPECT_TRUE(O_.Ok) << O_.Message;                                          \
  } while (0)

#define EXPECT_INVALID_WITH(X, F, Msg)                                         \
  do {                                                                         \
    Outcome O_ = check(X, F);                                                  \
    ASSERT_FALSE(O_.Ok);                                                       \
    EXPECT_EQ(O_.Kind, ErrorKind::Invalid);                                    \
    EXPECT_THAT(O_.Message, StartsWith(Msg));                                  \
  } while (0)

/// WebAssembly 2.0's rule for global.get in constant expressions.
Features importedGlobalsOnly() {
  Features F;
  F.ConstExprDefinedGlobals = false;
  return F;
}

const Bytes VoidType = funcType({}, {});
const Bytes I32Result = funcType({}, {I32});

// Opcodes used below.
constexpr uint8_t Unreachable = 0x00, Block = 0x02, Loop = 0x03, If = 0x04,
                  Else = 0x05, End = 0x0b, Br = 0x0c, BrTable = 0x0e,
                  Call = 0x10, Drop = 0x1a, Select = 0x1b, LocalGet = 0x20,
                  GlobalGet = 0x23, GlobalSet = 0x24, I32Load = 0x28,
                  I32Const = 0x41, I64Const = 0x42, I32Add = 0x6a,
                  RefNull = 0xd0, RefIsNull = 0xd1, RefFunc = 0xd2,
                  Empty = 0x40;

TEST(ValidatorTest, EmptyFunctionIsValid) {
  EXPECT_VALID(oneFunc(VoidType, {End}));
}

TEST(ValidatorTest, ResultTypeMismatch) {
  EXPECT_INVALID(oneFunc(I32Result, {I64Const, 0, End}), "type mismatch");
  EXPECT_INVALID(oneFunc(I32Result, {End}), "type mismatch");
  EXPECT_INVALID(oneFunc(VoidType, {I32Const, 0, End}), "type mismatch");
  EXPECT_VALID(oneFunc(I32Result, {I32Const, 7, End}));
}

TEST(ValidatorTest, OperandTypeMismatch) {
  EXPECT_INVALID(oneFunc(I32Result, {I32Const, 0, I64Const, 0, I32Add, End}),
                 "type mismatch");
  // Underflow is reported as a type mismatch too.
  EXPECT_INVALID(oneFunc(I32Result, {I32Const, 0, I32Add, End}),
                 "type mismatch");
}

TEST(ValidatorTest, UnreachableStackIsPolymorphic) {
  EXPECT_VALID(oneFunc(I32Result, {Unreachable, End}));
  EXPECT_VALID(oneFunc(I32Result, {Unreachable, I32Add, End}));
  EXPECT_VALID(oneFunc(I32Result, {Unreachable, Select, End}));
  EXPECT_VALID(oneFunc(VoidType, {Unreachable, Drop, Drop, End}));
  EXPECT_VALID(oneFunc(I32Result, {Unreachable, Block, Empty, End, End}));
  // Known operands are still typed after `unreachable`.
  EXPECT_INVALID(oneFunc(I32Result, {Unreachable, I64Const, 0, I32Add, End}),
                 "type mismatch");
  // Leftover values are still rejected at the end of the frame.
  EXPECT_INVALID(oneFunc(VoidType, {Unreachable, I32Const, 0, End}),
                 "type mismatch");
  // A nested block's stack is not polymorphic just because its parent is.
  EXPECT_INVALID(oneFunc(VoidType, {Unreachable, Block, Empty, Drop, End, End}),
                 "type mismatch");
  // The untyped select rejects reference operands.
  EXPECT_INVALID(
      oneFunc(I32Result, {Unreachable, RefNull, FuncRef, RefNull, FuncRef,
                          I32Const, 0, Select, Drop, I32Const, 0, End}),
      "type mismatch");
}

TEST(ValidatorTest, MultiValueBlocks) {
  ModuleBuilder B = oneFunc(
      I32Result, {I32Const, 1, I32Const, 2, Block, 1, I32Add, End, End});
  B.Types.push_back(funcType({I32, I32}, {I32}));
  EXPECT_VALID(B);

  ModuleBuilder Short =
      oneFunc(I32Result, {I32Const, 1, Block, 1, I32Add, End, End});
  Short.Types.push_back(funcType({I32, I32}, {I32}));
  EXPECT_INVALID(Short, "type mismatch");

  EXPECT_VALID(
      oneFunc(funcType({}, {I32, I64}), {I32Const, 0, I64Const, 0, End}));
  EXPECT_INVALID(
      oneFunc(funcType({}, {I32, I64}), {I64Const, 0, I32Const, 0, End}),
      "type mismatch");

  ModuleBuilder UnknownType = oneFunc(VoidType, {Block, 5, End, End});
  EXPECT_INVALID(UnknownType, "unknown type");
}

TEST(ValidatorTest, IfWithoutElseMustPreserveTypes) {
  EXPECT_INVALID(
      oneFunc(I32Result, {I32Const, 1, If, I32, I32Const, 1, End, End}),
      "type mismatch");
  EXPECT_VALID(oneFunc(I32Result, {I32Const, 1, If, I32, I32Const, 1, Else,
                                   I32Const, 2, End, End}));
}

TEST(ValidatorTest, BranchesCheckLabelTypes) {
  EXPECT_VALID(oneFunc(I32Result, {Block, I32, I32Const, 1, Br, 0, End, End}));
  EXPECT_INVALID(oneFunc(I32Result, {Block, I32, Br, 0, End, End}),
                 "type mismatch");
  EXPECT_INVALID(oneFunc(VoidType, {Br, 1, End}), "unknown label");
  // A loop's label takes the loop's parameters, not its results.
  EXPECT_VALID(oneFunc(VoidType, {Loop, Empty, Br, 0, End, End}));
}

TEST(ValidatorTest, BrTableArity) {
  EXPECT_VALID(oneFunc(VoidType, {Block, Empty, Block, Empty, I32Const, 0,
                                  BrTable, 1, 0, 1, End, End, End}));
  // Targets of arity 0 and 1.
  EXPECT_INVALID(
      oneFunc(VoidType, {Block, I32, Block, Empty, I32Const, 1, I32Const, 0,
                         BrTable, 1, 0, 1, End, I32Const, 0, End, Drop, End}),
      "type mismatch");
  // Same arity, different types.
  EXPECT_INVALID(oneFunc(VoidType, {Block, I32, Block, I64, I32Const, 1,
                                    I32Const, 0, BrTable, 1, 0, 1, End, Drop,
                                    I32Const, 0, End, Drop, End}),
                 "type mismatch");
  // Under a polymorphic stack the operands are unknown, so targets of the
  // same arity but different types are accepted (the spec's algorithm)...
  EXPECT_VALID(
      oneFunc(VoidType, {Block, I32, Block, I64, Unreachable, BrTable, 1, 0, 1,
                         End, Drop, I32Const, 0, End, Drop, End}));
  // ...but a known operand must suit every target.
  EXPECT_INVALID(oneFunc(VoidType, {Block,    I32, Block,    I64,  Unreachable,
                                    I64Const, 0,   I32Const, 0,    BrTable,
                                    1,        0,   1,        End,  Drop,
                                    I32Const, 0,   End,      Drop, End}),
                 "type mismatch");
}

TEST(ValidatorTest, Locals) {
  Bytes TwoI32 = vec({cat({leb(2), {I32}})});
  EXPECT_VALID(oneFunc(I32Result, {LocalGet, 1, End}, TwoI32));
  EXPECT_INVALID(oneFunc(I32Result, {LocalGet, 2, End}, TwoI32),
                 "unknown local");
  EXPECT_INVALID(oneFunc(I32Result, {LocalGet, 0, End}), "unknown local");
  // Parameters come first.
  EXPECT_VALID(oneFunc(funcType({I64}, {I32}), {LocalGet, 1, End}, TwoI32));
  EXPECT_INVALID(oneFunc(funcType({I64}, {I32}), {LocalGet, 0, End}, TwoI32),
                 "type mismatch");
}

TEST(ValidatorTest, Globals) {
  ModuleBuilder B = oneFunc(VoidType, {I32Const, 1, GlobalSet, 0, End});
  B.Globals.push_back({I32, 0x00, I32Const, 0, End});
  EXPECT_INVALID(B, "global is immutable");
  B.Globals[0][1] = 0x01;
  EXPECT_VALID(B);

  EXPECT_INVALID(oneFunc(I32Result, {GlobalGet, 0, End}), "unknown global");
}

TEST(ValidatorTest, GlobalInitialisers) {
  ModuleBuilder B;
  B.Globals.push_back({I32, 0x00, I64Const, 0, End});
  EXPECT_INVALID(B, "type mismatch");

  // In 2.0 an initialiser may read imported globals only; in 3.0 also the
  // defined immutable globals before it.
  ModuleBuilder Defined;
  Defined.Globals.push_back({I32, 0x00, I32Const, 0, End});
  Defined.Globals.push_back({I32, 0x00, GlobalGet, 0, End});
  EXPECT_INVALID_WITH(Defined, importedGlobalsOnly(), "unknown global");
  EXPECT_VALID(Defined);
  Defined.Globals[1] = {I32, 0x00, GlobalGet, 1, End}; // itself
  EXPECT_INVALID(Defined, "unknown global 1");
  Defined.Globals[0][1] = 0x01; // mutable
  Defined.Globals[1] = {I32, 0x00, GlobalGet, 0, End};
  EXPECT_INVALID(Defined, "constant expression required");

  ModuleBuilder Imported;
  Imported.Imports.push_back(cat({name("m"), name("g"), {0x03, I32, 0x01}}));
  Imported.Globals.push_back({I32, 0x00, GlobalGet, 0, End});
  EXPECT_INVALID(Imported, "constant expression required");
  Imported.Imports[0].back() = 0x00;
  EXPECT_VALID(Imported);
}

TEST(ValidatorTest, Calls) {
  EXPECT_INVALID(oneFunc(VoidType, {Call, 5, End}), "unknown function");
  EXPECT_VALID(oneFunc(VoidType, {Call, 0, End}));
  EXPECT_VALID(oneFunc(I32Result, {Call, 0, End}));
  EXPECT_INVALID(oneFunc(VoidType, {Call, 0, Drop, End}), "type mismatch");
}

TEST(ValidatorTest, MemoryAlignment) {
  ModuleBuilder B = oneFunc(I32Result, {I32Const, 0, I32Load, 3, 0, End});
  B.Memories.push_back({0x00, 1});
  EXPECT_INVALID(B, "alignment must not be larger than natural");
  B.Codes[0] = {0x00, I32Const, 0, I32Load, 2, 0, End};
  EXPECT_VALID(B);
  B.Memories.clear();
  EXPECT_INVALID(B, "unknown memory");
}

TEST(ValidatorTest, UndeclaredFunctionReference) {
  Bytes Code = {RefFunc, 0, RefIsNull, Drop, End};
  EXPECT_INVALID(oneFunc(VoidType, Code), "undeclared function reference");

  ModuleBuilder Exported = oneFunc(VoidType, Code);
  Exported.Exports.push_back(cat({name("f"), {0x00, 0}}));
  EXPECT_VALID(Exported);

  ModuleBuilder Declared = oneFunc(VoidType, Code);
  Declared.Elems.push_back({0x03, 0x00, 1, 0}); // elem declare func 0
  EXPECT_VALID(Declared);

  EXPECT_INVALID(oneFunc(VoidType, {RefFunc, 3, Drop, End}),
                 "unknown function");
}

TEST(ValidatorTest, DataCountRules) {
  const Bytes DataDrop1 = {0xfc, 0x09, 1, End};
  ModuleBuilder B = oneFunc(VoidType, DataDrop1);
  B.Memories.push_back({0x00, 1});
  B.DataCount = 1;
  B.Datas.push_back({0x01, 0}); // one passive, empty segment
  EXPECT_INVALID(B, "unknown data segment");
  B.Codes[0] = {0x00, 0xfc, 0x09, 0, End};
  EXPECT_VALID(B);

  // Without data count or data sections, no data index is known.
  ModuleBuilder NoData = oneFunc(VoidType, {0xfc, 0x09, 0, End});
  EXPECT_INVALID(NoData, "unknown data segment");

  // With a data section, memory.init/data.drop need the data count section.
  B.DataCount.reset();
  Outcome O = check(B);
  ASSERT_FALSE(O.Ok);
  EXPECT_EQ(O.Message, "data count section required");
}

TEST(ValidatorTest, Exports) {
  ModuleBuilder B = oneFunc(VoidType, {End});
  B.Exports.push_back(cat({name("a"), {0x00, 0}}));
  B.Exports.push_back(cat({name("a"), {0x00, 0}}));
  EXPECT_INVALID(B, "duplicate export name");
  B.Exports[1] = cat({name("b"), {0x00, 1}});
  EXPECT_INVALID(B, "unknown function");
  B.Exports[1] = cat({name("b"), {0x02, 0}});
  EXPECT_INVALID(B, "unknown memory");
  B.Exports[1] = cat({name("b"), {0x03, 0}});
  EXPECT_INVALID(B, "unknown global");
}

TEST(ValidatorTest, StartFunction) {
  ModuleBuilder B = oneFunc(I32Result, {I32Const, 0, End});
  B.Start = 0;
  EXPECT_INVALID(B, "start function");
  B.Start = 1;
  EXPECT_INVALID(B, "unknown function");
}

TEST(ValidatorTest, TablesAndElements) {
  // call_indirect through an externref table.
  ModuleBuilder B = oneFunc(VoidType, {I32Const, 0, 0x11, 0, 0, End});
  B.Tables.push_back({ExternRef, 0x00, 0});
  EXPECT_INVALID(B, "type mismatch");
  B.Tables[0][0] = FuncRef;
  EXPECT_VALID(B);

  // An active funcref segment into an externref table.
  ModuleBuilder E;
  E.Tables.push_back({ExternRef, 0x00, 1});
  E.Elems.push_back({0x00, I32Const, 0, End, 0});
  EXPECT_INVALID(E, "type mismatch");
}

TEST(ValidatorTest, BulkTableOpsMatchElementTypes) {
  const Bytes Args = {I32Const, 0, I32Const, 0, I32Const, 0};
  ModuleBuilder B = oneFunc(VoidType, cat({Args, {0xfc, 0x0e, 0, 1, End}}));
  B.Tables.push_back({FuncRef, 0x00, 1});
  B.Tables.push_back({ExternRef, 0x00, 1});
  B.Elems.push_back({0x01, 0x00, 0}); // passive funcref segment, no items
  EXPECT_INVALID(B, "type mismatch"); // table.copy 0 1
  B.Codes[0] = cat({{0x00}, Args, {0xfc, 0x0e, 1, 1, End}});
  EXPECT_VALID(B);
  B.Codes[0] = cat({{0x00}, Args, {0xfc, 0x0c, 0, 1, End}});
  EXPECT_INVALID(B, "type mismatch"); // table.init 1 0
  B.Codes[0] = cat({{0x00}, Args, {0xfc, 0x0c, 0, 0, End}});
  EXPECT_VALID(B);
  B.Codes[0] = cat({{0x00}, Args, {0xfc, 0x0c, 1, 0, End}});
  EXPECT_INVALID(B, "unknown elem segment");
  B.Codes[0] = cat({{0x00}, Args, {0xfc, 0x0e, 0, 2, End}});
  EXPECT_INVALID(B, "unknown table");
}

TEST(ValidatorTest, SegmentOffsetsReadImmutableGlobals) {
  ModuleBuilder B;
  B.Memories.push_back({0x00, 1});
  B.Globals.push_back({I32, 0x00, I32Const, 0, End});
  B.Datas.push_back({0x00, GlobalGet, 0, End, 0});
  EXPECT_INVALID_WITH(B, importedGlobalsOnly(), "unknown global");
  EXPECT_VALID(B);
  B.Globals[0][1] = 0x01; // mutable
  EXPECT_INVALID(B, "constant expression required");
  B.Globals[0][1] = 0x00;
  B.Datas[0] = {0x00, I64Const, 0, End, 0};
  EXPECT_INVALID(B, "type mismatch");
  B.Datas[0] = {0x02, 1, I32Const, 0, End, 0}; // memory 1
  EXPECT_INVALID(B, "unknown memory");
  B.Datas[0] = {0x00, I32Const, 0, End, 0};
  EXPECT_VALID(B);
}

TEST(ValidatorTest, Limits) {
  ModuleBuilder B;
  B.Memories.push_back({0x01, 2, 1});
  EXPECT_INVALID(B, "size minimum must not be greater than maximum");
  B.Memories[0] = cat({{0x00}, leb(65537)});
  EXPECT_INVALID(B, "memory size must be at most 65536 pages (4GiB)");
  B.Memories[0] = cat({{0x00}, leb(65536)});
  EXPECT_VALID(B);
  B.Memories.push_back({0x00, 0});
  EXPECT_INVALID(B, "multiple memories");

  ModuleBuilder T;
  T.Tables.push_back({FuncRef, 0x01, 3, 2});
  EXPECT_INVALID(T, "size minimum must not be greater than maximum");
}

TEST(ValidatorTest, SimdLanesAndFeatures) {
  Bytes V = {0xfd, 0x0c};
  V.resize(18, 0);
  Bytes Code = cat({V, {0xfd, 0x15, 15, End}});
  EXPECT_VALID(oneFunc(I32Result, Code));
  Code = cat({V, {0xfd, 0x15, 16, End}});
  EXPECT_INVALID(oneFunc(I32Result, Code), "invalid lane index");

  Features NoSimd;
  NoSimd.SIMD = false;
  Code = cat({V, {0xfd, 0x15, 15, End}});
  EXPECT_FALSE(check(oneFunc(I32Result, Code), NoSimd).Ok);
  EXPECT_FALSE(
      check(oneFunc(VoidType, {Block, V128, Unreachable, End, Drop, End}),
            NoSimd)
          .Ok);
}

TEST(ValidatorTest, ExtendedConstantExpressions) {
  constexpr uint8_t I32Sub = 0x6b, I32Mul = 0x6c, I64Add = 0x7c, I32Ctz = 0x68;
  ModuleBuilder B;
  B.Imports.push_back(cat({name("m"), name("g"), {0x03, I32, 0x00}}));
  B.Globals.push_back({I32, 0x00, GlobalGet, 0, I32Const, 3, I32Mul, I32Const,
                       1, I32Sub, I32Const, 2, I32Add, End});
  EXPECT_VALID(B);
  Features Off;
  Off.ExtendedConst = false;
  EXPECT_INVALID_WITH(B, Off, "constant expression required");

  // Operands are typed as in a body; exactly one value must remain.
  B.Globals[0] = {I32, 0x00, I32Const, 1, I64Const, 2, I32Add, End};
  EXPECT_INVALID(B, "type mismatch");
  B.Globals[0] = {I32, 0x00, I32Const, 1, I32Add, End};
  EXPECT_INVALID(B, "type mismatch");
  B.Globals[0] = {I32, 0x00, I32Const, 1, I32Const, 2, End};
  EXPECT_INVALID(B, "type mismatch");
  B.Globals[0] = {I32, 0x00, I64Const, 1, I64Const, 2, I64Add, End};
  EXPECT_INVALID(B, "type mismatch");
  B.Globals[0] = {I64, 0x00, I64Const, 1, I64Const, 2, I64Add, End};
  EXPECT_VALID(B);
  // Other numeric instructions stay non-constant.
  B.Globals[0] = {I32, 0x00, I32Const, 1, I32Ctz, End};
  EXPECT_INVALID(B, "constant expression required");

  // Offsets, too, and with a mutable global still not constant.
  ModuleBuilder D;
  D.Imports.push_back(cat({name("m"), name("g"), {0x03, I32, 0x01}}));
  D.Memories.push_back({0x00, 1});
  D.Datas.push_back({0x00, I32Const, 1, I32Const, 2, I32Add, End, 0});
  EXPECT_VALID(D);
  D.Datas[0] = {0x00, I32Const, 1, GlobalGet, 0, I32Add, End, 0};
  EXPECT_INVALID(D, "constant expression required");
}

TEST(ValidatorTest, DeepNestingUsesNoRecursion) {
  constexpr size_t Depth = 200000;
  Bytes Code;
  for (size_t I = 0; I < Depth; ++I)
    Code.insert(Code.end(), {Block, Empty});
  Code.insert(Code.end(), Depth + 1, End);
  EXPECT_VALID(oneFunc(VoidType, Code));
  Code.pop_back();
  Code.push_back(Drop);
  Code.push_back(End);
  EXPECT_INVALID(oneFunc(VoidType, Code), "type mismatch");
}

// Module-level rules on a Module built directly, independent of the decoder.
TEST(ValidatorTest, ModuleLevelRulesWithoutDecoder) {
  Module M;
  M.Types.push_back(FuncType{{ValType::I32}, {}});
  M.Funcs.push_back(Function{0, true, false});
  M.NumImportedFuncs = 1;
  EXPECT_FALSE(llvm::errorToBool(validateModule(M)));

  M.Start = 0;
  llvm::Error E = validateModule(M);
  ASSERT_TRUE(bool(E));
  ErrorReport R = takeErrorReport(std::move(E));
  EXPECT_EQ(R.Kind, ErrorKind::Invalid);
  EXPECT_THAT(R.Message, StartsWith("start function"));

  M.Start.reset();
  M.Funcs[0].TypeIndex = 4;
  R = takeErrorReport(validateModule(M));
  EXPECT_THAT(R.Message, StartsWith("unknown type"));
}

} // namespace
