//===- unittests/Binary/DecoderTest.cpp - Module and instruction decoding -===//
//
// Modules are assembled byte by byte: each test appends sections to a
// header and checks either the decoded Module or the exact malformed
// message (the spec tests' wording) for broken encodings.
//
//===----------------------------------------------------------------------===//

#include "Binary/Decoder.h"
#include "Binary/InstrReader.h"
#include "Support/Error.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

using Bytes = std::vector<uint8_t>;

void appendU32(Bytes &B, uint32_t V) {
  do {
    uint8_t Byte = V & 0x7f;
    V >>= 7;
    B.push_back(V ? Byte | 0x80 : Byte);
  } while (V);
}

Bytes str(const std::string &S) {
  Bytes B;
  appendU32(B, uint32_t(S.size()));
  B.insert(B.end(), S.begin(), S.end());
  return B;
}

Bytes cat(std::initializer_list<Bytes> Parts) {
  Bytes B;
  for (const Bytes &P : Parts)
    B.insert(B.end(), P.begin(), P.end());
  return B;
}

/// A module: the header followed by the given sections in order.
struct ModuleBuilder {
  Bytes B = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  ModuleBuilder &section(uint8_t Id, const Bytes &Content) {
    B.push_back(Id);
    appendU32(B, uint32_t(Content.size()));
    B.insert(B.end(), Content.begin(), Content.end());
    return *this;
  }
  ModuleBuilder &raw(const Bytes &Extra) {
    B.insert(B.end(), Extra.begin(), Extra.end());
    return *this;
  }
};

/// Decodes \p B, failing the test on error.
std::unique_ptr<Module> decodeOk(const Bytes &B, const Features &F = {}) {
  auto M = decodeModule(B, F);
  if (!M) {
    ADD_FAILURE() << takeErrorReport(M.takeError()).Message;
    return nullptr;
  }
  return std::move(*M);
}

/// Decodes \p B expecting failure; returns "<kind>: <message>" without the
/// offset, so tests can tell malformed from invalid.
std::string decodeErr(const Bytes &B, const Features &F = {}) {
  auto M = decodeModule(B, F);
  if (M)
    return "decoded";
  std::string Out;
  llvm::handleAllErrors(M.takeError(), [&](const WasmError &W) {
    Out = std::string(W.kind() == ErrorKind::Malformed ? "malformed: "
                                                       : "invalid: ") +
          W.text();
  });
  return Out;
}

// Common pieces: type 0 = [] -> [], one function of type 0.
const Bytes VoidType = {0x01, 0x60, 0x00, 0x00};
const Bytes OneFunc = {0x01, 0x00};
Bytes code(const Bytes &Body) { // one body, no locals
  Bytes Entry = cat({{0x00}, Body});
  Bytes C = {0x01};
  appendU32(C, uint32_t(Entry.size()));
  return cat({C, Entry});
}

TEST(DecoderTest, EmptyModule) {
  auto M = decodeOk(ModuleBuilder().B);
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->Types.empty());
  EXPECT_TRUE(M->Funcs.empty());
  EXPECT_FALSE(M->Start);
  EXPECT_FALSE(M->DataCount);
}

TEST(DecoderTest, Header) {
  EXPECT_EQ(decodeErr({}), "malformed: unexpected end");
  EXPECT_EQ(decodeErr({0x00, 0x61, 0x73}), "malformed: unexpected end");
  EXPECT_EQ(decodeErr({0x00, 0x41, 0x53, 0x4d, 0x01, 0, 0, 0}),
            "malformed: magic header not detected");
  EXPECT_EQ(decodeErr({0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0}),
            "malformed: unexpected end");
  EXPECT_EQ(decodeErr({0x00, 0x61, 0x73, 0x6d, 0x02, 0, 0, 0}),
            "malformed: unknown binary version");
}

TEST(DecoderTest, TypeSection) {
  auto M = decodeOk(ModuleBuilder()
                        .section(1, {0x02, 0x60, 0x02, 0x7f, 0x7e, 0x01, 0x7d,
                                     0x60, 0x00, 0x02, 0x70, 0x7b})
                        .B);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Types.size(), 2u);
  EXPECT_EQ(M->Types[0].Params,
            (std::vector<ValType>{ValType::I32, ValType::I64}));
  EXPECT_EQ(M->Types[0].Results, std::vector<ValType>{ValType::F32});
  EXPECT_EQ(M->Types[1].Results,
            (std::vector<ValType>{ValType::FuncRef, ValType::V128}));
  EXPECT_EQ(decodeErr(ModuleBuilder().section(1, {0x01, 0x61, 0, 0}).B),
            "malformed: malformed function type");
  EXPECT_EQ(decodeErr(ModuleBuilder().section(1, {0x01, 0x60, 1, 0x40, 0}).B),
            "malformed: malformed reference type");
}

TEST(DecoderTest, ImportsOfEveryKind) {
  Bytes Imports = cat({{0x04},
                       str("m"),
                       str("f"),
                       {0x00, 0x00},
                       str("m"),
                       str("t"),
                       {0x01, 0x70, 0x01, 0x01, 0x02},
                       str("m"),
                       str("mem"),
                       {0x02, 0x00, 0x01},
                       str("m"),
                       str("g"),
                       {0x03, 0x7e, 0x01}});
  auto M = decodeOk(ModuleBuilder().section(1, VoidType).section(2, Imports).B);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Imports.size(), 4u);
  EXPECT_EQ(M->Imports[2].FieldName, "mem");
  EXPECT_EQ(M->Imports[3].Kind, ExternKind::Global);
  EXPECT_EQ(M->NumImportedFuncs, 1u);
  EXPECT_EQ(M->NumImportedTables, 1u);
  EXPECT_EQ(M->NumImportedMemories, 1u);
  EXPECT_EQ(M->NumImportedGlobals, 1u);
  EXPECT_TRUE(M->Funcs[0].Imported);
  EXPECT_EQ(M->Tables[0].Type.Lim.Min, 1u);
  EXPECT_EQ(M->Tables[0].Type.Lim.Max, std::optional<uint64_t>(2));
  EXPECT_EQ(M->Memories[0].Type.Lim.Min, 1u);
  EXPECT_FALSE(M->Memories[0].Type.Lim.Max);
  EXPECT_EQ(M->Globals[0].Type.Type, ValType::I64);
  EXPECT_TRUE(M->Globals[0].Type.Mutable);

  Bytes BadKind = cat({{0x01}, str("m"), str("x"), {0x04, 0x00}});
  EXPECT_EQ(decodeErr(ModuleBuilder().section(2, BadKind).B),
            "malformed: malformed import kind");
}

TEST(DecoderTest, DefinitionsExportsAndStart) {
  Bytes Exports = cat({{0x02}, str("f"), {0x00, 0x00}, str("m"), {0x02, 0x00}});
  auto M = decodeOk(ModuleBuilder()
                        .section(1, VoidType)
                        .section(3, {0x02, 0x00, 0x00})
                        .section(4, {0x01, 0x6f, 0x00, 0x05})
                        .section(5, {0x01, 0x01, 0x01, 0x03})
                        .section(6, {0x01, 0x7e, 0x00, 0x42, 0x7f, 0x0b})
                        .section(7, Exports)
                        .section(8, {0x01})
                        .section(10, {0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b})
                        .B);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->numDefinedFuncs(), 2u);
  EXPECT_EQ(M->Tables[0].Type.Elem, ValType::ExternRef);
  EXPECT_EQ(M->Memories[0].Type.Lim.Max, std::optional<uint64_t>(3));
  EXPECT_EQ(M->Globals[0].Init.K, ConstExpr::I64Const);
  EXPECT_EQ(M->Globals[0].Init.Bits, ~uint64_t(0));
  EXPECT_TRUE(M->Funcs[0].Escapes);
  EXPECT_FALSE(M->Funcs[1].Escapes);
  EXPECT_EQ(M->Start, std::optional<uint32_t>(1));
  ASSERT_TRUE(M->findExport("m"));
  EXPECT_EQ(M->findExport("m")->Kind, ExternKind::Memory);
  EXPECT_FALSE(M->findExport("nope"));
}

TEST(DecoderTest, FunctionBodies) {
  // Locals: 2 x i32, 1 x f64; body: local.get 0, drop, end.
  Bytes Entry = {0x02, 0x02, 0x7f, 0x01, 0x7c, 0x20, 0x00, 0x1a, 0x0b};
  Bytes Code = cat({{0x01, uint8_t(Entry.size())}, Entry});
  auto M = decodeOk(ModuleBuilder()
                        .section(1, VoidType)
                        .section(3, OneFunc)
                        .section(10, Code)
                        .B);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Bodies.size(), 1u);
  const FunctionBody &Body = M->Bodies[0];
  ASSERT_EQ(Body.Locals.size(), 2u);
  EXPECT_EQ(Body.Locals[1].Type, ValType::F64);
  EXPECT_EQ(Body.NumLocals, 3u);
  EXPECT_EQ(Body.CodeEnd - Body.CodeStart, 4u);
  EXPECT_EQ(Body.CodeEnd, M->Bytes.size());

  InstrReader IR(*M, Body, Features());
  Instr I;
  ASSERT_FALSE(IR.read(I));
  EXPECT_EQ(I.Op, Opcode::LocalGet);
  EXPECT_EQ(I.Offset, Body.CodeStart);
  ASSERT_FALSE(IR.read(I));
  EXPECT_EQ(I.Op, Opcode::Drop);
  ASSERT_FALSE(IR.read(I));
  EXPECT_EQ(I.Op, Opcode::End);
  EXPECT_TRUE(IR.atEnd());
}

TEST(DecoderTest, AllEightElementEncodings) {
  Bytes Elems = {0x08,
                 // 0: active table 0, func indices.
                 0x00, 0x41, 0x00, 0x0b, 0x01, 0x00,
                 // 1: passive, elemkind, func indices.
                 0x01, 0x00, 0x01, 0x01,
                 // 2: active explicit table 0, elemkind, func indices.
                 0x02, 0x00, 0x41, 0x02, 0x0b, 0x00, 0x01, 0x02,
                 // 3: declarative, elemkind, func indices.
                 0x03, 0x00, 0x01, 0x03,
                 // 4: active table 0, expressions (ref.func 0, ref.null func).
                 0x04, 0x41, 0x00, 0x0b, 0x02, 0xd2, 0x00, 0x0b, 0xd0, 0x70,
                 0x0b,
                 // 5: passive, externref expressions.
                 0x05, 0x6f, 0x01, 0xd0, 0x6f, 0x0b,
                 // 6: active explicit table 0, funcref expressions.
                 0x06, 0x00, 0x41, 0x00, 0x0b, 0x70, 0x01, 0xd2, 0x04, 0x0b,
                 // 7: declarative, funcref expressions (global.get 0).
                 0x07, 0x70, 0x01, 0x23, 0x00, 0x0b};
  Bytes Code = {0x06, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b,
                0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b};
  auto M = decodeOk(ModuleBuilder()
                        .section(1, VoidType)
                        .section(3, {0x06, 0, 0, 0, 0, 0, 0})
                        .section(4, {0x01, 0x70, 0x00, 0x10})
                        .section(9, Elems)
                        .section(10, Code)
                        .B);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Elems.size(), 8u);
  const SegmentMode Modes[] = {SegmentMode::Active, SegmentMode::Passive,
                               SegmentMode::Active, SegmentMode::Declarative,
                               SegmentMode::Active, SegmentMode::Passive,
                               SegmentMode::Active, SegmentMode::Declarative};
  for (unsigned I = 0; I < 8; ++I)
    EXPECT_EQ(M->Elems[I].Mode, Modes[I]) << "segment " << I;
  EXPECT_EQ(M->Elems[2].OffsetExpr.Bits, 2u);
  EXPECT_EQ(M->Elems[5].Type, ValType::ExternRef);
  // Function indices are normalised to ref.func items.
  ASSERT_EQ(M->Elems[3].Items.size(), 1u);
  EXPECT_EQ(M->Elems[3].Items[0].K, ConstExpr::RefFunc);
  EXPECT_EQ(M->Elems[3].Items[0].Bits, 3u);
  ASSERT_EQ(M->Elems[4].Items.size(), 2u);
  EXPECT_EQ(M->Elems[4].Items[1].K, ConstExpr::RefNull);
  EXPECT_EQ(M->Elems[4].Items[1].Type, ValType::FuncRef);
  EXPECT_EQ(M->Elems[7].Items[0].K, ConstExpr::GlobalGet);
  // Functions 0-4 are referenced by segments; 5 is not.
  for (unsigned F = 0; F < 5; ++F)
    EXPECT_TRUE(M->Funcs[F].Escapes) << "function " << F;
  EXPECT_FALSE(M->Funcs[5].Escapes);

  EXPECT_EQ(decodeErr(ModuleBuilder().section(9, {0x01, 0x08}).B),
            "malformed: malformed elements segment kind");
  EXPECT_EQ(decodeErr(ModuleBuilder().section(9, {0x01, 0x01, 0x01, 0x00}).B),
            "malformed: malformed element kind");
  EXPECT_EQ(decodeErr(ModuleBuilder().section(9, {0x01, 0x05, 0x7f, 0x00}).B),
            "malformed: malformed reference type");
}

TEST(DecoderTest, DataSegmentsAndCount) {
  Bytes Datas = {0x03,
                 // 0: active memory 0.
                 0x00, 0x41, 0x08, 0x0b, 0x02, 'h', 'i',
                 // 1: passive.
                 0x01, 0x01, 'x',
                 // 2: active explicit memory 0.
                 0x02, 0x00, 0x41, 0x10, 0x0b, 0x00};
  auto M = decodeOk(ModuleBuilder()
                        .section(5, {0x01, 0x00, 0x01})
                        .section(12, {0x03})
                        .section(11, Datas)
                        .B);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->DataCount, std::optional<uint32_t>(3));
  ASSERT_EQ(M->Datas.size(), 3u);
  EXPECT_EQ(M->Datas[0].Mode, SegmentMode::Active);
  EXPECT_EQ(M->Datas[0].OffsetExpr.Bits, 8u);
  ASSERT_EQ(M->Datas[0].DataSize, 2u);
  EXPECT_EQ(M->Bytes[M->Datas[0].DataStart], 'h');
  EXPECT_EQ(M->Datas[1].Mode, SegmentMode::Passive);
  EXPECT_EQ(M->Bytes[M->Datas[1].DataStart], 'x');
  EXPECT_EQ(M->Datas[2].OffsetExpr.Bits, 16u);
  EXPECT_EQ(M->Datas[2].DataSize, 0u);

  EXPECT_EQ(decodeErr(ModuleBuilder()
                          .section(5, {0x01, 0x00, 0x01})
                          .section(12, {0x02})
                          .section(11, {0x01, 0x01, 0x00})
                          .B),
            "malformed: data count and data section have inconsistent "
            "lengths");
  EXPECT_EQ(decodeErr(ModuleBuilder().section(11, {0x01, 0x03}).B),
            "malformed: malformed data segment kind");
}

TEST(DecoderTest, DataCountRequiredByMemoryInit) {
  Bytes Body = {0x41, 0x00, 0x41, 0x00, 0x41, 0x00,
                0xfc, 0x08, 0x00, 0x00, 0x0b};
  ModuleBuilder Without;
  Without.section(1, VoidType)
      .section(3, OneFunc)
      .section(5, {0x01, 0x00, 0x01})
      .section(10, code(Body))
      .section(11, {0x01, 0x01, 0x00});
  EXPECT_EQ(decodeErr(Without.B), "malformed: data count section required");
  ModuleBuilder With;
  With.section(1, VoidType)
      .section(3, OneFunc)
      .section(5, {0x01, 0x00, 0x01})
      .section(12, {0x01})
      .section(10, code(Body))
      .section(11, {0x01, 0x01, 0x00});
  EXPECT_TRUE(decodeOk(With.B));
}

TEST(DecoderTest, NameSection) {
  Bytes Names = cat({str("name"),
                     // Module name.
                     {0x00, 0x04},
                     str("mod"),
                     // Function names, deliberately out of order.
                     {0x01, 0x07, 0x02, 0x01},
                     str("b"),
                     {0x00},
                     str("a"),
                     // Local names: func 0, local 1 = "x".
                     {0x02, 0x06, 0x01, 0x00, 0x01, 0x01},
                     str("x")});
  auto M = decodeOk(ModuleBuilder()
                        .section(1, VoidType)
                        .section(3, {0x02, 0x00, 0x00})
                        .section(10, {0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b})
                        .section(0, Names)
                        .B);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Names.ModuleName, "mod");
  ASSERT_TRUE(M->Names.functionName(0));
  EXPECT_EQ(*M->Names.functionName(0), "a");
  EXPECT_EQ(*M->Names.functionName(1), "b");
  EXPECT_FALSE(M->Names.functionName(2));
  ASSERT_EQ(M->Names.LocalNames.size(), 1u);
  EXPECT_EQ(M->Names.LocalNames[0].second[0].second, "x");
  ASSERT_EQ(M->Customs.size(), 1u);
  EXPECT_EQ(M->Customs[0].Name, "name");

  // A truncated name section is ignored, not an error.
  Bytes Bad = cat({str("name"), {0x01, 0x09, 0x05, 0x00}});
  auto M2 = decodeOk(ModuleBuilder().section(0, Bad).B);
  ASSERT_TRUE(M2);
  EXPECT_TRUE(M2->Names.FunctionNames.empty());
  // ...but a custom section's own name must be valid UTF-8.
  EXPECT_EQ(decodeErr(ModuleBuilder().section(0, {0x01, 0xff}).B),
            "malformed: malformed UTF-8 encoding");
}

TEST(DecoderTest, HostileCountsFailFast) {
  // A type section claiming 2^32-1 entries.
  EXPECT_EQ(
      decodeErr(ModuleBuilder().section(1, {0xff, 0xff, 0xff, 0xff, 0x0f}).B),
      "malformed: length out of bounds");
  // A section size beyond the module.
  EXPECT_EQ(decodeErr(ModuleBuilder().raw({0x01, 0xff, 0xff, 0x03}).B),
            "malformed: length out of bounds");
  // Locals summing past the limit.
  Bytes Entry = {0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f, 0x02, 0x7e, 0x0b};
  Bytes Code = cat({{0x01, uint8_t(Entry.size())}, Entry});
  EXPECT_EQ(decodeErr(ModuleBuilder()
                          .section(1, VoidType)
                          .section(3, OneFunc)
                          .section(10, Code)
                          .B),
            "malformed: too many locals");
  // br_table with a huge target count.
  Bytes Body = {0x0e, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x0b};
  EXPECT_EQ(decodeErr(ModuleBuilder()
                          .section(1, VoidType)
                          .section(3, OneFunc)
                          .section(10, code(Body))
                          .B),
            "malformed: length out of bounds");
}

TEST(DecoderTest, SectionStructureErrors) {
  EXPECT_EQ(decodeErr(ModuleBuilder().section(13, {}).B),
            "malformed: malformed section id");
  EXPECT_EQ(
      decodeErr(ModuleBuilder().section(1, VoidType).section(1, VoidType).B),
      "malformed: unexpected content after last section");
  EXPECT_EQ(
      decodeErr(ModuleBuilder().section(3, OneFunc).section(1, VoidType).B),
      "malformed: unexpected content after last section");
  // Data count must precede code.
  EXPECT_EQ(
      decodeErr(ModuleBuilder().section(10, {0x00}).section(12, {0x00}).B),
      "malformed: unexpected content after last section");
  // Custom sections may go anywhere.
  EXPECT_TRUE(decodeOk(ModuleBuilder()
                           .section(0, str("a"))
                           .section(1, VoidType)
                           .section(0, str("b"))
                           .B));
  EXPECT_EQ(decodeErr(ModuleBuilder().section(1, {0x01, 0x60, 0, 0, 0}).B),
            "malformed: section size mismatch");
  EXPECT_EQ(
      decodeErr(ModuleBuilder().section(1, VoidType).section(3, OneFunc).B),
      "malformed: function and code section have inconsistent lengths");
  EXPECT_EQ(
      decodeErr(
          ModuleBuilder().section(6, {0x01, 0x7f, 0x02, 0x41, 0x00, 0x0b}).B),
      "malformed: malformed mutability");
}

TEST(DecoderTest, ConstantExpressions) {
  // A non-constant instruction (i32.div_s) decodes but is a validation
  // error; so is i32.add without extended constant expressions.
  Bytes Add = {0x01, 0x7f, 0x00, 0x41, 0x00, 0x41, 0x00, 0x6a, 0x0b};
  Bytes Div = Add;
  Div[7] = 0x6d;
  EXPECT_EQ(decodeErr(ModuleBuilder().section(6, Div).B),
            "invalid: constant expression required");
  Features NoExtended;
  NoExtended.ExtendedConst = false;
  EXPECT_EQ(decodeErr(ModuleBuilder().section(6, Add).B, NoExtended),
            "invalid: constant expression required");
  // With them, a sequence is kept in order for the validator to type.
  auto E = decodeOk(ModuleBuilder().section(6, Add).B);
  ASSERT_TRUE(E);
  ASSERT_EQ(E->Globals[0].Init.K, ConstExpr::Extended);
  ASSERT_EQ(E->Globals[0].Init.Ops.size(), 3u);
  EXPECT_EQ(E->Globals[0].Init.Ops[2].K, ConstExpr::I32Add);
  // Two constants: one value too many (found by the decoder without
  // extended constant expressions, by the validator with them).
  EXPECT_EQ(decodeErr(ModuleBuilder()
                          .section(6, {0x01, 0x7f, 0x00, 0x41, 0x00, 0x41, 0x00,
                                       0x0b})
                          .B,
                      NoExtended),
            "invalid: type mismatch");
  // An unknown opcode stays malformed (binary.wast).
  EXPECT_EQ(
      decodeErr(ModuleBuilder().section(6, {0x01, 0x7f, 0x00, 0x06, 0x0b}).B),
      "malformed: illegal opcode");
  // v128.const and ref.func; ref.func makes the function escape.
  Bytes V128 = {0x7b, 0x00, 0xfd, 0x0c};
  for (unsigned I = 0; I < 16; ++I)
    V128.push_back(uint8_t(I));
  V128.push_back(0x0b);
  auto M = decodeOk(
      ModuleBuilder()
          .section(1, VoidType)
          .section(3, OneFunc)
          .section(6, cat({{0x02}, V128, {0x70, 0x00, 0xd2, 0x00, 0x0b}}))
          .section(10, code({0x0b}))
          .B);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Globals[0].Init.K, ConstExpr::V128Const);
  EXPECT_EQ(M->Globals[0].Init.Bits, 0x0706050403020100u);
  EXPECT_EQ(M->Globals[0].Init.BitsHi, 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(M->Globals[1].Init.K, ConstExpr::RefFunc);
  EXPECT_TRUE(M->Funcs[0].Escapes);
}

TEST(DecoderTest, CodeErrorsFromBinaryWast) {
  auto WithBody = [](const Bytes &Body) {
    return ModuleBuilder()
        .section(1, VoidType)
        .section(3, OneFunc)
        .section(5, {0x01, 0x00, 0x01})
        .section(10, code(Body))
        .B;
  };
  // memory.size with a non-zero reserved byte.
  EXPECT_EQ(decodeErr(WithBody({0x3f, 0x01, 0x1a, 0x0b})),
            "malformed: zero byte expected");
  // ... which is one byte, not a LEB128 zero.
  EXPECT_EQ(decodeErr(WithBody({0x3f, 0x80, 0x00, 0x1a, 0x0b})),
            "malformed: zero byte expected");
  EXPECT_EQ(decodeErr(WithBody({0x06, 0x0b})), "malformed: illegal opcode");
  EXPECT_EQ(decodeErr(WithBody({0xfc, 0x20, 0x0b})),
            "malformed: illegal opcode");
  // Missing the final end at the end of the module.
  EXPECT_EQ(decodeErr(WithBody({0x41, 0x01, 0x1a})),
            "malformed: unexpected end of section or function");
  // An end before the body's declared end.
  EXPECT_EQ(decodeErr(WithBody({0x0b, 0x01, 0x0b})),
            "malformed: section size mismatch");
  // Alignment exponents of 32 and up are not an encoding.
  EXPECT_EQ(decodeErr(WithBody({0x41, 0x00, 0x28, 0x20, 0x00, 0x1a, 0x0b})),
            "malformed: malformed memop flags");
  EXPECT_EQ(decodeErr(WithBody({0x41, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80,
                                0x00, 0x1a, 0x0b})),
            "malformed: integer representation too long");
}

/// Reads one instruction from \p B (which must hold exactly one).
Instr readOne(const Bytes &B, const Features &F = {}) {
  InstrReader IR(B, 0, uint32_t(B.size()), F);
  Instr I;
  if (llvm::Error E = IR.read(I))
    ADD_FAILURE() << takeErrorReport(std::move(E)).Message;
  EXPECT_TRUE(IR.atEnd());
  return I;
}

TEST(InstrReaderTest, Immediates) {
  Instr I = readOne({0x41, 0x7f});
  EXPECT_EQ(I.Op, Opcode::I32Const);
  EXPECT_EQ(I.Imm, 0xffffffffu);

  I = readOne({0x42, 0x80, 0x7f});
  EXPECT_EQ(I.Imm, uint64_t(-128));

  I = readOne({0x43, 0x00, 0x00, 0x80, 0x3f});
  EXPECT_EQ(I.Imm, 0x3f800000u);

  Bytes BrTable = {0x0e, 0x02, 0x03, 0x04, 0x05};
  InstrReader IR(BrTable, 0, uint32_t(BrTable.size()), Features());
  ASSERT_FALSE(IR.read(I));
  EXPECT_EQ(I.Op, Opcode::BrTable);
  EXPECT_EQ(I.Targets.vec(), (std::vector<uint32_t>{3, 4, 5}));

  I = readOne({0x11, 0x02, 0x01});
  EXPECT_EQ(I.Op, Opcode::CallIndirect);
  EXPECT_EQ(I.A, 2u);
  EXPECT_EQ(I.B, 1u);

  I = readOne({0x29, 0x03, 0x90, 0x01});
  EXPECT_EQ(I.Op, Opcode::I64Load);
  EXPECT_EQ(I.A, 3u);
  EXPECT_EQ(I.Imm, 0x90u);

  I = readOne({0x1c, 0x01, 0x7c});
  EXPECT_EQ(I.Op, Opcode::SelectT);
  EXPECT_EQ(I.Type, ValType::F64);

  I = readOne({0x02, 0x7e});
  EXPECT_EQ(I.Block.K, BlockType::Value);
  EXPECT_EQ(I.Block.Type, ValType::I64);
  I = readOne({0x03, 0x40});
  EXPECT_EQ(I.Block.K, BlockType::Empty);
  I = readOne({0x04, 0x85, 0x01});
  EXPECT_EQ(I.Block.K, BlockType::TypeIndex);
  EXPECT_EQ(I.Block.Index, 133u);

  I = readOne({0xfc, 0x08, 0x07, 0x00});
  EXPECT_EQ(I.Op, Opcode::MemoryInit);
  EXPECT_EQ(I.A, 7u);
  I = readOne({0xfc, 0x0e, 0x01, 0x02});
  EXPECT_EQ(I.Op, Opcode::TableCopy);
  EXPECT_EQ(I.A, 1u);
  EXPECT_EQ(I.B, 2u);
  // A prefixed opcode's code may be padded.
  I = readOne({0xfc, 0x80, 0x00});
  EXPECT_EQ(I.Op, Opcode::I32TruncSatF32S);

  I = readOne({0xfd, 0x16, 0x0f});
  EXPECT_EQ(I.Op, Opcode::I8x16ExtractLaneU);
  EXPECT_EQ(I.Lane, 15u);
  I = readOne({0xfd, 0x54, 0x00, 0x08, 0x03});
  EXPECT_EQ(I.Op, Opcode::V128Load8Lane);
  EXPECT_EQ(I.Imm, 8u);
  EXPECT_EQ(I.Lane, 3u);
  Bytes Shuffle = {0xfd, 0x0d};
  for (unsigned K = 0; K < 16; ++K)
    Shuffle.push_back(uint8_t(31 - K));
  I = readOne(Shuffle);
  EXPECT_EQ(I.Op, Opcode::I8x16Shuffle);
  EXPECT_EQ(I.Bytes[0], 31u);
  EXPECT_EQ(I.Bytes[15], 16u);
}

TEST(InstrReaderTest, Errors) {
  auto ErrOf = [](const Bytes &B, const Features &F = {}) {
    InstrReader IR(B, 0, uint32_t(B.size()), F);
    Instr I;
    ErrorReport R = takeErrorReport(IR.read(I));
    return std::string(errorKindName(R.Kind)) + ": " +
           R.Message.substr(0, R.Message.find(" (at"));
  };
  EXPECT_EQ(ErrOf({0xff}), "malformed module: illegal opcode");
  EXPECT_EQ(ErrOf({0xfd, 0x80, 0x04}), "malformed module: illegal opcode");
  EXPECT_EQ(ErrOf({0x41}),
            "malformed module: unexpected end of section or function");
  EXPECT_EQ(ErrOf({0x1c, 0x02, 0x7f, 0x7f}),
            "invalid module: invalid result arity");
  EXPECT_EQ(ErrOf({0x40, 0x01}), "malformed module: zero byte expected");
  EXPECT_EQ(ErrOf({0xd0, 0x7f}), "malformed module: malformed reference type");
  // With multi-memory, memory.grow takes a memory index and the alignment's
  // bit 6 announces one.
  Features MM;
  MM.MultiMemory = true;
  Instr I = readOne({0x40, 0x02}, MM);
  EXPECT_EQ(I.A, 2u);
  I = readOne({0x28, 0x42, 0x03, 0x04}, MM);
  EXPECT_EQ(I.A, 2u);
  EXPECT_EQ(I.B, 3u);
  EXPECT_EQ(I.Imm, 4u);
}

} // namespace
