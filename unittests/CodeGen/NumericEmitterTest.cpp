//===- unittests/CodeGen/NumericEmitterTest.cpp - NumericEmitter tests ----===//
//
// Runs single value instructions through NumericEmitter, JIT-compiles them
// with ORC for the host, and checks exact result bit patterns and traps.
// Every case is compiled twice, as emitted and after the O2 pipeline, and
// both must agree, so that optimisations cannot hide or introduce a
// difference from wasm semantics.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"

#include "gtest/gtest.h"

#include <array>
#include <cmath>
#include <cstring>
#include <limits>

using namespace llvm;
using namespace orca;

namespace {

using Bytes16 = std::array<uint8_t, 16>;

/// One operand or result: its bytes, little-endian, in a 16-byte slot.
struct Val {
  Bytes16 B{};
};

template <typename T> Val raw(T X) {
  static_assert(sizeof(T) <= 16);
  Val V;
  std::memcpy(V.B.data(), &X, sizeof(T));
  return V;
}
Val i32(uint32_t X) { return raw(X); }
Val i64(uint64_t X) { return raw(X); }
Val f32(float X) { return raw(X); }
Val f64(double X) { return raw(X); }
Val f32Bits(uint32_t X) { return raw(X); }
Val f64Bits(uint64_t X) { return raw(X); }
template <typename T, size_t N> Val vec(const std::array<T, N> &Lanes) {
  static_assert(sizeof(T) * N == 16);
  return raw(Lanes);
}
Val i8x16(std::array<int8_t, 16> L) { return vec(L); }
Val i16x8(std::array<int16_t, 8> L) { return vec(L); }
Val i32x4(std::array<int32_t, 4> L) { return vec(L); }
Val f32x4(std::array<float, 4> L) { return vec(L); }
Val f64x2(std::array<double, 2> L) { return vec(L); }

struct Result {
  uint32_t Trap = 0; ///< TrapCode + 1, or 0 if the code returned normally.
  Bytes16 B{};

  bool trapped(TrapCode C) const { return Trap == uint32_t(C) + 1; }
  template <typename T> T as() const {
    T X;
    std::memcpy(&X, B.data(), sizeof(T));
    return X;
  }
  uint32_t u32() const { return as<uint32_t>(); }
  uint64_t u64() const { return as<uint64_t>(); }
  template <typename T, size_t N> std::array<T, N> lanes() const {
    return as<std::array<T, N>>();
  }
};

/// Lowers trapIf to "store the code + 1 and return".
class TestTrapSink : public TrapSink {
public:
  TestTrapSink(IRBuilder<> &B, Value *TrapOut) : B(B), TrapOut(TrapOut) {}
  void trapIf(Value *Cond, TrapCode Code) override {
    llvm::Function *F = B.GetInsertBlock()->getParent();
    LLVMContext &Ctx = F->getContext();
    auto *TrapBB = BasicBlock::Create(Ctx, "trap", F);
    auto *ContBB = BasicBlock::Create(Ctx, "cont", F);
    B.CreateCondBr(Cond, TrapBB, ContBB);
    B.SetInsertPoint(TrapBB);
    B.CreateStore(B.getInt32(uint32_t(Code) + 1), TrapOut);
    B.CreateRetVoid();
    B.SetInsertPoint(ContBB);
  }

private:
  IRBuilder<> &B;
  Value *TrapOut;
};

Type *typeOfSigChar(LLVMContext &Ctx, char C) {
  switch (C) {
  case 'i':
    return Type::getInt32Ty(Ctx);
  case 'I':
    return Type::getInt64Ty(Ctx);
  case 'f':
    return Type::getFloatTy(Ctx);
  case 'F':
    return Type::getDoubleTy(Ctx);
  default:
    return FixedVectorType::get(Type::getInt64Ty(Ctx), 2);
  }
}

class NumericEmitterTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    InitializeNativeTarget();
    InitializeNativeTargetAsmPrinter();
    auto J = orc::LLJITBuilder().create();
    ASSERT_TRUE(!!J) << toString(J.takeError());
    JIT = std::move(*J);
  }
  static void TearDownTestSuite() { JIT.reset(); }

  /// Builds `void f(ptr Out, ptr In, ptr TrapOut)` applying \p I to the
  /// operands in 16-byte slots of In, and returns its address.
  using TestFn = void(void *, const void *, uint32_t *);
  TestFn *compile(const Instr &I, bool Optimize) {
    auto Ctx = std::make_unique<LLVMContext>();
    auto M = std::make_unique<llvm::Module>("numeric", *Ctx);
    M->setDataLayout(JIT->getDataLayout());
    M->setTargetTriple(JIT->getTargetTriple().str());
    std::string Name = "case" + std::to_string(NextId++);
    auto *Ptr = PointerType::getUnqual(*Ctx);
    auto *FTy = FunctionType::get(Type::getVoidTy(*Ctx), {Ptr, Ptr, Ptr},
                                  /*isVarArg=*/false);
    llvm::Function *F = llvm::Function::Create(
        FTy, llvm::Function::ExternalLinkage, Name, M.get());
    IRBuilder<> B(BasicBlock::Create(*Ctx, "entry", F));
    TestTrapSink Traps(B, F->getArg(2));
    B.CreateStore(B.getInt32(0), F->getArg(2));

    const char *Sig = opcodeInfo(I.Op).Sig;
    const char *Colon = std::strchr(Sig, ':');
    std::vector<Value *> Args;
    for (const char *P = Sig; P != Colon; ++P) {
      Value *Addr = B.CreateConstInBoundsGEP1_32(B.getInt8Ty(), F->getArg(1),
                                                 16 * Args.size());
      Args.push_back(
          B.CreateAlignedLoad(typeOfSigChar(*Ctx, *P), Addr, Align(1)));
    }
    Value *R = NumericEmitter(B, Traps).emit(I, Args);
    if (Colon[1]) {
      EXPECT_EQ(R->getType(), typeOfSigChar(*Ctx, Colon[1]));
      B.CreateAlignedStore(R, F->getArg(0), Align(1));
    }
    B.CreateRetVoid();
    std::string Err;
    raw_string_ostream OS(Err);
    EXPECT_FALSE(verifyModule(*M, &OS)) << Err;
    if (Optimize)
      optimize(*M);
    cantFail(
        JIT->addIRModule(orc::ThreadSafeModule(std::move(M), std::move(Ctx))));
    return cantFail(JIT->lookup(Name)).toPtr<TestFn *>();
  }

  static void optimize(llvm::Module &M) {
    LoopAnalysisManager LAM;
    FunctionAnalysisManager FAM;
    CGSCCAnalysisManager CGAM;
    ModuleAnalysisManager MAM;
    PassBuilder PB;
    PB.registerModuleAnalyses(MAM);
    PB.registerCGSCCAnalyses(CGAM);
    PB.registerFunctionAnalyses(FAM);
    PB.registerLoopAnalyses(LAM);
    PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
    PB.buildPerModuleDefaultPipeline(OptimizationLevel::O2).run(M, MAM);
  }

  Result runOnce(const Instr &I, std::initializer_list<Val> Args,
                 bool Optimize) {
    std::vector<Bytes16> In;
    for (const Val &V : Args)
      In.push_back(V.B);
    Result R;
    compile(I, Optimize)(R.B.data(), In.data(), &R.Trap);
    return R;
  }

  Result run(const Instr &I, std::initializer_list<Val> Args) {
    Result Plain = runOnce(I, Args, /*Optimize=*/false);
    Result Opt = runOnce(I, Args, /*Optimize=*/true);
    EXPECT_EQ(Plain.Trap, Opt.Trap) << opcodeName(I.Op) << " differs at O2";
    if (!Plain.Trap) {
      EXPECT_EQ(Plain.B, Opt.B) << opcodeName(I.Op) << " differs at O2";
    }
    return Plain;
  }
  Result run(Opcode Op, std::initializer_list<Val> Args) {
    Instr I;
    I.Op = Op;
    return run(I, Args);
  }
  Result runLane(Opcode Op, uint8_t Lane, std::initializer_list<Val> Args) {
    Instr I;
    I.Op = Op;
    I.Lane = Lane;
    return run(I, Args);
  }

  static std::unique_ptr<orc::LLJIT> JIT;
  static unsigned NextId;
};

std::unique_ptr<orc::LLJIT> NumericEmitterTest::JIT;
unsigned NumericEmitterTest::NextId = 0;

uint32_t bitsOf(float F) {
  uint32_t U;
  std::memcpy(&U, &F, 4);
  return U;
}
uint64_t bitsOf(double D) {
  uint64_t U;
  std::memcpy(&U, &D, 8);
  return U;
}
bool isArithmeticNaN32(uint32_t U) { return (U & 0x7fc00000) == 0x7fc00000; }
bool isCanonicalNaN32(uint32_t U) { return (U & 0x7fffffff) == 0x7fc00000; }
bool isArithmeticNaN64(uint64_t U) {
  return (U & 0x7ff8000000000000) == 0x7ff8000000000000;
}
bool isCanonicalNaN64(uint64_t U) {
  return (U & 0x7fffffffffffffff) == 0x7ff8000000000000;
}

constexpr int32_t I32Min = std::numeric_limits<int32_t>::min();
constexpr int64_t I64Min = std::numeric_limits<int64_t>::min();
constexpr uint32_t SNaN32 = 0x7fa00001, CanonNaN32 = 0x7fc00000;
constexpr uint64_t SNaN64 = 0x7ff4000000000001, CanonNaN64 = 0x7ff8000000000000;

//===----------------------------------------------------------------------===//
// Integer
//===----------------------------------------------------------------------===//

TEST_F(NumericEmitterTest, HandlesExactlyValueInstructions) {
  for (Opcode Op :
       {Opcode::Unreachable, Opcode::Nop, Opcode::Else, Opcode::End,
        Opcode::Return, Opcode::Drop, Opcode::Select, Opcode::RefIsNull,
        Opcode::I32Const, Opcode::F64Const, Opcode::I32Load, Opcode::V128Load,
        Opcode::V128Load8Lane, Opcode::LocalGet, Opcode::MemoryFill})
    EXPECT_FALSE(NumericEmitter::handles(Op)) << opcodeName(Op);
  for (Opcode Op :
       {Opcode::I32Add, Opcode::F64Copysign, Opcode::I64TruncSatF64U,
        Opcode::V128Const, Opcode::I8x16Shuffle, Opcode::F64x2ReplaceLane,
        Opcode::I32x4DotI16x8S})
    EXPECT_TRUE(NumericEmitter::handles(Op)) << opcodeName(Op);
}

// Every opcode handles() claims lowers to IR that verifies, has the
// signature's result type, and compiles to native code, as emitted and at O2.
TEST_F(NumericEmitterTest, EveryHandledOpcodeCompiles) {
  static const Opcode AllOps[] = {
#define ORCA_OPCODE(Enum, Prefix, Code, Name, Imm, Sig) Opcode::Enum,
#include "Binary/Opcodes.def"
  };
  unsigned Handled = 0;
  for (Opcode Op : AllOps) {
    if (!NumericEmitter::handles(Op))
      continue;
    ++Handled;
    Instr I;
    I.Op = Op;
    for (bool Optimize : {false, true})
      EXPECT_NE(compile(I, Optimize), nullptr) << opcodeName(Op);
  }
  // 128 MVP numeric ops, 8 saturating truncations, 214 SIMD value ops.
  EXPECT_EQ(Handled, 128u + 8u + 214u);
}

TEST_F(NumericEmitterTest, DivisionTraps) {
  EXPECT_EQ(int32_t(run(Opcode::I32DivS, {i32(-7), i32(2)}).u32()), -3);
  EXPECT_TRUE(run(Opcode::I32DivS, {i32(1), i32(0)})
                  .trapped(TrapCode::IntegerDivideByZero));
  EXPECT_TRUE(run(Opcode::I32DivS, {i32(I32Min), i32(-1)})
                  .trapped(TrapCode::IntegerOverflow));
  EXPECT_EQ(run(Opcode::I32DivS, {i32(I32Min), i32(1)}).u32(),
            uint32_t(I32Min));
  EXPECT_EQ(run(Opcode::I32DivU, {i32(0xffffffff), i32(2)}).u32(), 0x7fffffffu);
  EXPECT_TRUE(run(Opcode::I32DivU, {i32(1), i32(0)})
                  .trapped(TrapCode::IntegerDivideByZero));
  EXPECT_TRUE(run(Opcode::I64DivS, {i64(I64Min), i64(-1)})
                  .trapped(TrapCode::IntegerOverflow));
  EXPECT_TRUE(run(Opcode::I64DivS, {i64(5), i64(0)})
                  .trapped(TrapCode::IntegerDivideByZero));
  EXPECT_TRUE(run(Opcode::I64DivU, {i64(5), i64(0)})
                  .trapped(TrapCode::IntegerDivideByZero));
  EXPECT_EQ(run(Opcode::I64DivU, {i64(~0ull), i64(3)}).u64(),
            0x5555555555555555ull);
}

TEST_F(NumericEmitterTest, Remainder) {
  EXPECT_EQ(run(Opcode::I32RemS, {i32(I32Min), i32(-1)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I64RemS, {i64(I64Min), i64(-1)}).u64(), 0u);
  EXPECT_EQ(int32_t(run(Opcode::I32RemS, {i32(-7), i32(2)}).u32()), -1);
  EXPECT_EQ(int64_t(run(Opcode::I64RemS, {i64(7), i64(-3)}).u64()), 1);
  EXPECT_TRUE(run(Opcode::I32RemS, {i32(1), i32(0)})
                  .trapped(TrapCode::IntegerDivideByZero));
  EXPECT_TRUE(run(Opcode::I64RemU, {i64(1), i64(0)})
                  .trapped(TrapCode::IntegerDivideByZero));
  EXPECT_EQ(run(Opcode::I32RemU, {i32(0xffffffff), i32(10)}).u32(), 5u);
}

TEST_F(NumericEmitterTest, ShiftsMaskTheCount) {
  EXPECT_EQ(run(Opcode::I32Shl, {i32(1), i32(32)}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I32Shl, {i32(1), i32(33)}).u32(), 2u);
  EXPECT_EQ(run(Opcode::I32ShrS, {i32(0x80000000), i32(31)}).u32(),
            0xffffffffu);
  EXPECT_EQ(run(Opcode::I32ShrS, {i32(0x80000000), i32(-1)}).u32(),
            0xffffffffu);
  EXPECT_EQ(run(Opcode::I32ShrU, {i32(0x80000000), i32(63)}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I64Shl, {i64(1), i64(64)}).u64(), 1u);
  EXPECT_EQ(run(Opcode::I64ShrU, {i64(1ull << 63), i64(127)}).u64(), 1u);
  EXPECT_EQ(run(Opcode::I64ShrS, {i64(1ull << 63), i64(65)}).u64(),
            0xc000000000000000ull);
}

TEST_F(NumericEmitterTest, Rotates) {
  EXPECT_EQ(run(Opcode::I32Rotl, {i32(0x80000001), i32(1)}).u32(), 3u);
  EXPECT_EQ(run(Opcode::I32Rotl, {i32(0x80000001), i32(33)}).u32(), 3u);
  EXPECT_EQ(run(Opcode::I32Rotr, {i32(1), i32(1)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::I32Rotr, {i32(0x12345678), i32(0)}).u32(), 0x12345678u);
  EXPECT_EQ(run(Opcode::I64Rotl, {i64(0x8000000000000001), i64(65)}).u64(), 3u);
  EXPECT_EQ(run(Opcode::I64Rotr, {i64(1), i64(-1)}).u64(), 2u);
}

TEST_F(NumericEmitterTest, BitCountsAndComparisons) {
  EXPECT_EQ(run(Opcode::I32Clz, {i32(0)}).u32(), 32u);
  EXPECT_EQ(run(Opcode::I32Ctz, {i32(0)}).u32(), 32u);
  EXPECT_EQ(run(Opcode::I64Clz, {i64(0)}).u64(), 64u);
  EXPECT_EQ(run(Opcode::I64Ctz, {i64(0)}).u64(), 64u);
  EXPECT_EQ(run(Opcode::I32Clz, {i32(1)}).u32(), 31u);
  EXPECT_EQ(run(Opcode::I32Popcnt, {i32(-1)}).u32(), 32u);
  EXPECT_EQ(run(Opcode::I64Popcnt, {i64(0x8000000000000001)}).u64(), 2u);
  EXPECT_EQ(run(Opcode::I32Eqz, {i32(0)}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I64Eqz, {i64(1ull << 40)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I32LtS, {i32(-1), i32(0)}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I32LtU, {i32(-1), i32(0)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I64GeU, {i64(~0ull), i64(0)}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I32Extend8S, {i32(0x180)}).u32(), 0xffffff80u);
  EXPECT_EQ(run(Opcode::I32Extend16S, {i32(0x7fff)}).u32(), 0x7fffu);
  EXPECT_EQ(run(Opcode::I64Extend32S, {i64(0x80000000)}).u64(),
            0xffffffff80000000ull);
}

//===----------------------------------------------------------------------===//
// Float
//===----------------------------------------------------------------------===//

TEST_F(NumericEmitterTest, MinMaxNaNAndZeros) {
  for (Opcode Op : {Opcode::F32Min, Opcode::F32Max}) {
    for (uint32_t NaN : {SNaN32, CanonNaN32, 0xffc00000u}) {
      uint32_t R1 = run(Op, {f32Bits(NaN), f32(1.0f)}).u32();
      uint32_t R2 = run(Op, {f32(-1.0f), f32Bits(NaN)}).u32();
      EXPECT_TRUE(isArithmeticNaN32(R1)) << std::hex << R1;
      EXPECT_TRUE(isArithmeticNaN32(R2)) << std::hex << R2;
      if (NaN != SNaN32) {
        EXPECT_TRUE(isCanonicalNaN32(R1)) << std::hex << R1;
        EXPECT_TRUE(isCanonicalNaN32(R2)) << std::hex << R2;
      }
    }
  }
  EXPECT_EQ(run(Opcode::F32Min, {f32(0.0f), f32(-0.0f)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::F32Min, {f32(-0.0f), f32(0.0f)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::F32Max, {f32(0.0f), f32(-0.0f)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::F32Max, {f32(-0.0f), f32(0.0f)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::F32Min, {f32(2.0f), f32(-3.0f)}).as<float>(), -3.0f);
  EXPECT_EQ(run(Opcode::F32Max, {f32(-INFINITY), f32(-3.0f)}).as<float>(),
            -3.0f);

  for (Opcode Op : {Opcode::F64Min, Opcode::F64Max}) {
    uint64_t R1 = run(Op, {f64Bits(SNaN64), f64(1.0)}).u64();
    uint64_t R2 = run(Op, {f64(1.0), f64Bits(CanonNaN64)}).u64();
    EXPECT_TRUE(isArithmeticNaN64(R1)) << std::hex << R1;
    EXPECT_TRUE(isCanonicalNaN64(R2)) << std::hex << R2;
  }
  EXPECT_EQ(run(Opcode::F64Min, {f64(0.0), f64(-0.0)}).u64(), 1ull << 63);
  EXPECT_EQ(run(Opcode::F64Max, {f64(-0.0), f64(0.0)}).u64(), 0u);
}

TEST_F(NumericEmitterTest, NearestTiesToEven) {
  struct {
    float In, Out;
  } Cases[] = {{0.5f, 0.0f},   {1.5f, 2.0f},   {2.5f, 2.0f},
               {-0.5f, -0.0f}, {-1.5f, -2.0f}, {8388609.0f, 8388609.0f}};
  for (auto C : Cases) {
    EXPECT_EQ(run(Opcode::F32Nearest, {f32(C.In)}).u32(), bitsOf(C.Out))
        << C.In;
    EXPECT_EQ(run(Opcode::F64Nearest, {f64(C.In)}).u64(), bitsOf(double(C.Out)))
        << C.In;
  }
  EXPECT_TRUE(
      isArithmeticNaN32(run(Opcode::F32Nearest, {f32Bits(SNaN32)}).u32()));
  EXPECT_EQ(run(Opcode::F32Ceil, {f32(-0.5f)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::F64Floor, {f64(-0.5)}).as<double>(), -1.0);
  EXPECT_EQ(run(Opcode::F64Trunc, {f64(-1.5)}).as<double>(), -1.0);
}

TEST_F(NumericEmitterTest, SignOpsKeepNaNPayloads) {
  EXPECT_EQ(run(Opcode::F32Neg, {f32Bits(SNaN32)}).u32(), 0xffa00001u);
  EXPECT_EQ(run(Opcode::F32Abs, {f32Bits(0xffa00001)}).u32(), SNaN32);
  EXPECT_EQ(run(Opcode::F32Copysign, {f32Bits(SNaN32), f32(-1.0f)}).u32(),
            0xffa00001u);
  EXPECT_EQ(
      run(Opcode::F32Copysign, {f32(2.0f), f32Bits(0xffc00000)}).as<float>(),
      -2.0f);
  EXPECT_EQ(run(Opcode::F64Neg, {f64Bits(SNaN64)}).u64(),
            SNaN64 | (1ull << 63));
  EXPECT_EQ(run(Opcode::F64Abs, {f64Bits(SNaN64 | (1ull << 63))}).u64(),
            SNaN64);
  EXPECT_EQ(run(Opcode::F64Copysign, {f64Bits(SNaN64 | (1ull << 63)), f64(0.0)})
                .u64(),
            SNaN64);
}

TEST_F(NumericEmitterTest, FloatComparisonsWithNaN) {
  Val NaN = f32Bits(CanonNaN32);
  EXPECT_EQ(run(Opcode::F32Eq, {NaN, NaN}).u32(), 0u);
  EXPECT_EQ(run(Opcode::F32Ne, {NaN, NaN}).u32(), 1u);
  EXPECT_EQ(run(Opcode::F32Lt, {NaN, f32(1.0f)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::F64Ge, {f64(1.0), f64Bits(CanonNaN64)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::F64Eq, {f64(0.0), f64(-0.0)}).u32(), 1u);
  EXPECT_EQ(run(Opcode::F32Div, {f32(1.0f), f32(-0.0f)}).as<float>(),
            -INFINITY);
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

/// For each trapping truncation: the exclusive bounds of the valid range.
template <typename F> struct TruncCase {
  Opcode Op;
  F Lo, Hi;
  bool Signed, Is64;
};

template <typename F>
void checkTrunc(NumericEmitterTest *T, const TruncCase<F> &C,
                function_ref<Result(Opcode, std::initializer_list<Val>)> Run) {
  auto Arg = [](F X) { return raw(X); };
  auto Expect = [&](F X) {
    Result R = Run(C.Op, {Arg(X)});
    ASSERT_EQ(R.Trap, 0u) << opcodeName(C.Op) << " traps on " << X;
    uint64_t Got = C.Is64 ? R.u64() : R.u32();
    uint64_t Want = C.Signed ? uint64_t(int64_t(X)) : uint64_t(X);
    if (!C.Is64)
      Want &= 0xffffffff;
    EXPECT_EQ(Got, Want) << opcodeName(C.Op) << " of " << X;
  };
  auto ExpectTrap = [&](F X, TrapCode Code) {
    EXPECT_TRUE(Run(C.Op, {Arg(X)}).trapped(Code))
        << opcodeName(C.Op) << " does not trap on " << X;
  };
  constexpr F Inf = std::numeric_limits<F>::infinity();
  Expect(std::nextafter(C.Lo, Inf));
  Expect(std::nextafter(C.Hi, -Inf));
  Expect(F(0.75));
  ExpectTrap(C.Lo, TrapCode::IntegerOverflow);
  ExpectTrap(C.Hi, TrapCode::IntegerOverflow);
  ExpectTrap(Inf, TrapCode::IntegerOverflow);
  ExpectTrap(-Inf, TrapCode::IntegerOverflow);
  ExpectTrap(std::numeric_limits<F>::quiet_NaN(),
             TrapCode::InvalidConversionToInteger);
  ExpectTrap(-std::numeric_limits<F>::quiet_NaN(),
             TrapCode::InvalidConversionToInteger);
}

TEST_F(NumericEmitterTest, TrappingTruncationBoundaries) {
  auto Run = [&](Opcode Op, std::initializer_list<Val> Args) {
    return run(Op, Args);
  };
  TruncCase<float> F32Cases[] = {
      {Opcode::I32TruncF32S, -2147483904.0f, 2147483648.0f, true, false},
      {Opcode::I32TruncF32U, -1.0f, 4294967296.0f, false, false},
      {Opcode::I64TruncF32S, -9223373136366403584.0f, 9223372036854775808.0f,
       true, true},
      {Opcode::I64TruncF32U, -1.0f, 18446744073709551616.0f, false, true},
  };
  TruncCase<double> F64Cases[] = {
      {Opcode::I32TruncF64S, -2147483649.0, 2147483648.0, true, false},
      {Opcode::I32TruncF64U, -1.0, 4294967296.0, false, false},
      {Opcode::I64TruncF64S, -9223372036854777856.0, 9223372036854775808.0,
       true, true},
      {Opcode::I64TruncF64U, -1.0, 18446744073709551616.0, false, true},
  };
  for (const auto &C : F32Cases)
    checkTrunc<float>(this, C, Run);
  for (const auto &C : F64Cases)
    checkTrunc<double>(this, C, Run);
  // Just inside, spelled out for the trickiest bound.
  EXPECT_EQ(run(Opcode::I32TruncF32S, {f32(-2147483648.0f)}).u32(),
            0x80000000u);
  EXPECT_EQ(run(Opcode::I32TruncF64S, {f64(-2147483648.9)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::I32TruncF64U, {f64(-0.9)}).u32(), 0u);
}

TEST_F(NumericEmitterTest, SaturatingTruncation) {
  Val NaN32 = f32Bits(CanonNaN32), NaN64 = f64Bits(CanonNaN64);
  EXPECT_EQ(run(Opcode::I32TruncSatF32S, {NaN32}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I32TruncSatF32S, {f32(INFINITY)}).u32(), 0x7fffffffu);
  EXPECT_EQ(run(Opcode::I32TruncSatF32S, {f32(-INFINITY)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::I32TruncSatF32U, {f32(-1.5f)}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I32TruncSatF32U, {f32(5e9f)}).u32(), 0xffffffffu);
  EXPECT_EQ(run(Opcode::I32TruncSatF64S, {f64(-3e9)}).u32(), 0x80000000u);
  EXPECT_EQ(run(Opcode::I32TruncSatF64U, {NaN64}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I32TruncSatF64U, {f64(4294967295.9)}).u32(),
            0xffffffffu);
  EXPECT_EQ(run(Opcode::I64TruncSatF32S, {f32(1e20f)}).u64(),
            0x7fffffffffffffffull);
  EXPECT_EQ(run(Opcode::I64TruncSatF32U, {f32(-INFINITY)}).u64(), 0u);
  EXPECT_EQ(run(Opcode::I64TruncSatF64S, {NaN64}).u64(), 0u);
  EXPECT_EQ(run(Opcode::I64TruncSatF64S, {f64(-1e300)}).u64(),
            uint64_t(I64Min));
  EXPECT_EQ(run(Opcode::I64TruncSatF64U, {f64(1e300)}).u64(), ~0ull);
  EXPECT_EQ(run(Opcode::I64TruncSatF64U, {f64(-0.5)}).u64(), 0u);
}

TEST_F(NumericEmitterTest, OtherConversions) {
  EXPECT_EQ(run(Opcode::F32ConvertI64U, {i64(~0ull)}).as<float>(),
            18446744073709551616.0f);
  EXPECT_EQ(run(Opcode::F32ConvertI64S, {i64(9007199791611905)}).as<float>(),
            9007200328482816.0f);
  EXPECT_EQ(run(Opcode::F64ConvertI64U, {i64(~0ull)}).as<double>(),
            18446744073709551616.0);
  EXPECT_EQ(run(Opcode::F32ConvertI32U, {i32(0x80000001)}).as<float>(),
            2147483648.0f);
  EXPECT_EQ(run(Opcode::F64ConvertI32S, {i32(-1)}).as<double>(), -1.0);
  EXPECT_TRUE(
      isCanonicalNaN32(run(Opcode::F32DemoteF64, {f64Bits(CanonNaN64)}).u32()));
  EXPECT_EQ(run(Opcode::F32DemoteF64, {f64(0x1.fffffefffffffp+127)}).u32(),
            0x7f7fffffu);
  EXPECT_TRUE(isCanonicalNaN64(
      run(Opcode::F64PromoteF32, {f32Bits(CanonNaN32)}).u64()));
  EXPECT_EQ(run(Opcode::I32ReinterpretF32, {f32Bits(SNaN32)}).u32(), SNaN32);
  EXPECT_EQ(run(Opcode::F64ReinterpretI64, {i64(SNaN64)}).u64(), SNaN64);
  EXPECT_EQ(run(Opcode::I32WrapI64, {i64(0x123456789)}).u32(), 0x23456789u);
  EXPECT_EQ(run(Opcode::I64ExtendI32S, {i32(-2)}).u64(), ~1ull);
  EXPECT_EQ(run(Opcode::I64ExtendI32U, {i32(-2)}).u64(), 0xfffffffeull);
}

//===----------------------------------------------------------------------===//
// SIMD
//===----------------------------------------------------------------------===//

TEST_F(NumericEmitterTest, ConstSplatAndLanes) {
  Instr C;
  C.Op = Opcode::V128Const;
  for (unsigned K = 0; K < 16; ++K)
    C.Bytes[K] = uint8_t(K * 17);
  Result R = run(C, {});
  for (unsigned K = 0; K < 16; ++K)
    EXPECT_EQ(R.B[K], uint8_t(K * 17));

  EXPECT_EQ((run(Opcode::I8x16Splat, {i32(0x1ff)}).lanes<uint8_t, 16>()[15]),
            0xff);
  EXPECT_EQ((run(Opcode::F64x2Splat, {f64(2.5)}).lanes<double, 2>()[1]), 2.5);
  Val V = i8x16({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -3});
  EXPECT_EQ(runLane(Opcode::I8x16ExtractLaneS, 15, {V}).u32(), 0xfffffffdu);
  EXPECT_EQ(runLane(Opcode::I8x16ExtractLaneU, 15, {V}).u32(), 0xfdu);
  EXPECT_EQ(runLane(Opcode::I16x8ExtractLaneS, 7, {V}).u32(), 0xfffffd0eu);
  EXPECT_EQ(runLane(Opcode::I32x4ExtractLane, 1, {V}).u32(), 0x07060504u);
  auto Replaced = runLane(Opcode::I16x8ReplaceLane, 3, {V, i32(0x12345)})
                      .lanes<uint16_t, 8>();
  EXPECT_EQ(Replaced[3], 0x2345);
  EXPECT_EQ(Replaced[2], 0x0504);
  EXPECT_EQ((runLane(Opcode::F32x4ReplaceLane, 2, {V, f32(1.0f)})
                 .lanes<float, 4>()[2]),
            1.0f);
}

TEST_F(NumericEmitterTest, AddSatAndQ15AndDot) {
  auto Sat =
      run(Opcode::I8x16AddSatS,
          {i8x16({127, -128, 5, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
           i8x16({1, -1, 3, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})})
          .lanes<int8_t, 16>();
  EXPECT_EQ(Sat[0], 127);
  EXPECT_EQ(Sat[1], -128);
  EXPECT_EQ(Sat[2], 8);
  EXPECT_EQ(Sat[3], 127);
  auto SubU = run(Opcode::I16x8SubSatU, {i16x8({1, 5, 0, 0, 0, 0, 0, 0}),
                                         i16x8({2, 3, 0, 0, 0, 0, 0, 0})})
                  .lanes<uint16_t, 8>();
  EXPECT_EQ(SubU[0], 0);
  EXPECT_EQ(SubU[1], 2);

  auto Q = run(Opcode::I16x8Q15mulrSatS,
               {i16x8({-32768, 16384, 1, -16384, 32767, -32768, 0, 3}),
                i16x8({-32768, 16384, 1, 16384, 32767, 32767, 0, 3})})
               .lanes<int16_t, 8>();
  std::array<int16_t, 8> WantQ = {32767, 8192, 0, -8192, 32766, -32767, 0, 0};
  EXPECT_EQ(Q, WantQ);

  auto Dot = run(Opcode::I32x4DotI16x8S,
                 {i16x8({1, 2, -32768, -32768, 3, -4, 32767, 32767}),
                  i16x8({5, 6, -32768, -32768, 7, 8, 32767, 32767})})
                 .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantDot = {17, 0x80000000u, uint32_t(21 - 32),
                                     2u * 32767u * 32767u};
  EXPECT_EQ(Dot, WantDot);
}

TEST_F(NumericEmitterTest, SwizzleAndShuffle) {
  Val Src =
      i8x16({10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25});
  auto S =
      run(Opcode::I8x16Swizzle, {Src, i8x16({0, 15, 16, -1, 1, 127, -128, 3, 2,
                                             2, 2, 2, 31, 14, 5, 0})})
          .lanes<int8_t, 16>();
  std::array<int8_t, 16> WantS = {10, 25, 0,  0,  11, 0,  0,  13,
                                  12, 12, 12, 12, 0,  24, 15, 10};
  EXPECT_EQ(S, WantS);

  Instr Sh;
  Sh.Op = Opcode::I8x16Shuffle;
  for (unsigned K = 0; K < 16; ++K)
    Sh.Bytes[K] = uint8_t(31 - 2 * K);
  Val Other = i8x16(
      {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16});
  auto Shuf = run(Sh, {Src, Other}).lanes<int8_t, 16>();
  std::array<int8_t, 16> WantShuf = {-16, -14, -12, -10, -8, -6, -4, -2,
                                     25,  23,  21,  19,  17, 15, 13, 11};
  EXPECT_EQ(Shuf, WantShuf);
}

TEST_F(NumericEmitterTest, ReductionsAndBitmask) {
  Val V = i8x16({-1, 0, 0, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
  EXPECT_EQ(run(Opcode::I8x16Bitmask, {V}).u32(), 0x9u);
  EXPECT_EQ(run(Opcode::I32x4Bitmask, {i32x4({-1, 1, I32Min, 0})}).u32(), 0x5u);
  EXPECT_EQ(run(Opcode::I64x2Bitmask, {i32x4({0, -1, 0, 1})}).u32(), 0x1u);
  EXPECT_EQ(run(Opcode::V128AnyTrue, {V}).u32(), 1u);
  EXPECT_EQ(run(Opcode::V128AnyTrue, {i32x4({0, 0, 0, 0})}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I8x16AllTrue, {V}).u32(), 0u);
  EXPECT_EQ(run(Opcode::I32x4AllTrue, {i32x4({1, 2, 3, I32Min})}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I64x2AllTrue, {i32x4({0, 1, 0, 1})}).u32(), 1u);
  EXPECT_EQ(run(Opcode::I16x8AllTrue, {i32x4({0x10000, 1, 1, 1})}).u32(), 0u);
}

TEST_F(NumericEmitterTest, NarrowExtendAndWiden) {
  auto NS = run(Opcode::I8x16NarrowI16x8S,
                {i16x8({300, -300, 5, -5, 127, -128, 128, -129}),
                 i16x8({0, 1, 2, 3, 4, 5, 32767, -32768})})
                .lanes<int8_t, 16>();
  std::array<int8_t, 16> WantNS = {127, -128, 5, -5, 127, -128, 127, -128,
                                   0,   1,    2, 3,  4,   5,    127, -128};
  EXPECT_EQ(NS, WantNS);
  auto NU = run(Opcode::I8x16NarrowI16x8U,
                {i16x8({300, -300, 5, -5, 255, 256, 200, 0}),
                 i16x8({0, 0, 0, 0, 0, 0, 0, 1})})
                .lanes<uint8_t, 16>();
  std::array<uint8_t, 16> WantNU = {255, 0, 5, 0, 255, 255, 200, 0,
                                    0,   0, 0, 0, 0,   0,   0,   1};
  EXPECT_EQ(NU, WantNU);
  auto NU16 = run(Opcode::I16x8NarrowI32x4U,
                  {i32x4({70000, -1, 65535, 3}), i32x4({0, 0, 0, 0})})
                  .lanes<uint16_t, 8>();
  EXPECT_EQ(NU16[0], 65535);
  EXPECT_EQ(NU16[1], 0);
  EXPECT_EQ(NU16[2], 65535);

  Val B = i8x16({-1, 2, -3, 4, 5, 6, 7, 8, -128, 127, 0, 0, 0, 0, 0, 0});
  auto ExtHS = run(Opcode::I16x8ExtendHighI8x16S, {B}).lanes<int16_t, 8>();
  EXPECT_EQ(ExtHS[0], -128);
  EXPECT_EQ(ExtHS[1], 127);
  auto ExtLU = run(Opcode::I16x8ExtendLowI8x16U, {B}).lanes<int16_t, 8>();
  EXPECT_EQ(ExtLU[0], 255);
  auto Pair = run(Opcode::I16x8ExtaddPairwiseI8x16S, {B}).lanes<int16_t, 8>();
  EXPECT_EQ(Pair[0], 1);
  EXPECT_EQ(Pair[1], 1);
  EXPECT_EQ(Pair[4], -1);
  auto PairU = run(Opcode::I16x8ExtaddPairwiseI8x16U, {B}).lanes<int16_t, 8>();
  EXPECT_EQ(PairU[0], 257);
  auto Mul = run(Opcode::I64x2ExtmulHighI32x4U,
                 {i32x4({0, 0, -1, 2}), i32x4({0, 0, -1, 3})})
                 .lanes<uint64_t, 2>();
  EXPECT_EQ(Mul[0], 0xfffffffe00000001ull);
  EXPECT_EQ(Mul[1], 6u);
  auto MulS =
      run(Opcode::I32x4ExtmulLowI16x8S, {i16x8({-32768, 2, 0, 0, 9, 9, 9, 9}),
                                         i16x8({-32768, -3, 0, 0, 9, 9, 9, 9})})
          .lanes<int32_t, 4>();
  EXPECT_EQ(MulS[0], 1 << 30);
  EXPECT_EQ(MulS[1], -6);
  auto Avg = run(Opcode::I8x16AvgrU,
                 {i8x16({-1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                  i8x16({-1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})})
                 .lanes<uint8_t, 16>();
  EXPECT_EQ(Avg[0], 255);
  EXPECT_EQ(Avg[1], 1);
  EXPECT_EQ(Avg[2], 2);
}

TEST_F(NumericEmitterTest, IntegerLaneOps) {
  auto Shl =
      run(Opcode::I8x16Shl,
          {i8x16({1, -1, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), i32(9)})
          .lanes<int8_t, 16>();
  EXPECT_EQ(Shl[0], 2);
  EXPECT_EQ(Shl[1], -2);
  EXPECT_EQ(Shl[2], -128);
  auto Shr = run(Opcode::I64x2ShrS, {i32x4({0, I32Min, 4, 0}), i32(65)})
                 .lanes<uint64_t, 2>();
  EXPECT_EQ(Shr[0], 0xc000000000000000ull);
  EXPECT_EQ(Shr[1], 2u);
  auto ShrU =
      run(Opcode::I16x8ShrU, {i16x8({-1, 0, 0, 0, 0, 0, 0, 0}), i32(-1)})
          .lanes<uint16_t, 8>();
  EXPECT_EQ(ShrU[0], 1);
  auto Abs = run(Opcode::I8x16Abs,
                 {i8x16({-128, -5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})})
                 .lanes<int8_t, 16>();
  EXPECT_EQ(Abs[0], -128);
  EXPECT_EQ(Abs[1], 5);
  auto Pop = run(Opcode::I8x16Popcnt,
                 {i8x16({-1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})})
                 .lanes<uint8_t, 16>();
  EXPECT_EQ(Pop[0], 8);
  EXPECT_EQ(Pop[1], 2);
  auto MinU =
      run(Opcode::I32x4MinU, {i32x4({-1, 1, 0, 0}), i32x4({1, -1, 0, 0})})
          .lanes<uint32_t, 4>();
  EXPECT_EQ(MinU[0], 1u);
  EXPECT_EQ(MinU[1], 1u);
  auto Lt = run(Opcode::I64x2LtS, {i32x4({0, -1, 0, 0}), i32x4({0, 0, 0, 0})})
                .lanes<uint64_t, 2>();
  EXPECT_EQ(Lt[0], ~0ull);
  EXPECT_EQ(Lt[1], 0u);
  auto GeU = run(Opcode::I8x16GeU,
                 {i8x16({-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                  i8x16({1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})})
                 .lanes<uint8_t, 16>();
  EXPECT_EQ(GeU[0], 0xff);
  EXPECT_EQ(GeU[1], 0);
  EXPECT_EQ(GeU[2], 0xff);
  auto Sel =
      run(Opcode::V128Bitselect, {i32x4({-1, -1, 0, 0}), i32x4({0, 0, -1, -1}),
                                  i32x4({0x0f0f0f0f, 0, -1, 0})})
          .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantSel = {0x0f0f0f0f, 0, 0, 0xffffffff};
  EXPECT_EQ(Sel, WantSel);
  auto AndNot =
      run(Opcode::V128Andnot, {i32x4({-1, 0, 0, 0}), i32x4({0xff, 0, 0, 0})})
          .lanes<uint32_t, 4>();
  EXPECT_EQ(AndNot[0], 0xffffff00u);
}

TEST_F(NumericEmitterTest, FloatLaneOps) {
  float NaN = std::numeric_limits<float>::quiet_NaN();
  auto Min = run(Opcode::F32x4Min, {f32x4({NaN, 1.0f, 0.0f, -0.0f}),
                                    f32x4({1.0f, NaN, -0.0f, 0.0f})})
                 .lanes<uint32_t, 4>();
  EXPECT_TRUE(isCanonicalNaN32(Min[0])) << std::hex << Min[0];
  EXPECT_TRUE(isCanonicalNaN32(Min[1])) << std::hex << Min[1];
  EXPECT_EQ(Min[2], 0x80000000u);
  EXPECT_EQ(Min[3], 0x80000000u);
  auto MinS =
      run(Opcode::F32x4Min, {raw(std::array<uint32_t, 4>{SNaN32, 0, 0, 0}),
                             f32x4({1.0f, 0, 0, 0})})
          .lanes<uint32_t, 4>();
  EXPECT_TRUE(isArithmeticNaN32(MinS[0])) << std::hex << MinS[0];
  auto Max = run(Opcode::F64x2Max, {f64x2({-0.0, 1.0}), f64x2({0.0, NAN})})
                 .lanes<uint64_t, 2>();
  EXPECT_EQ(Max[0], 0u);
  EXPECT_TRUE(isArithmeticNaN64(Max[1]));

  // pmin/pmax return the first operand unless the comparison holds.
  auto PMin = run(Opcode::F32x4Pmin, {f32x4({NaN, 1.0f, 0.0f, 2.0f}),
                                      f32x4({1.0f, NaN, -0.0f, 1.0f})})
                  .lanes<float, 4>();
  EXPECT_TRUE(std::isnan(PMin[0]));
  EXPECT_EQ(PMin[1], 1.0f);
  EXPECT_FALSE(std::signbit(PMin[2]));
  EXPECT_EQ(PMin[3], 1.0f);
  auto PMax = run(Opcode::F64x2Pmax, {f64x2({1.0, -0.0}), f64x2({2.0, 0.0})})
                  .lanes<double, 2>();
  EXPECT_EQ(PMax[0], 2.0);
  EXPECT_TRUE(std::signbit(PMax[1]));

  auto Near = run(Opcode::F32x4Nearest, {f32x4({0.5f, 1.5f, -0.5f, 2.5f})})
                  .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantNear = {0, bitsOf(2.0f), 0x80000000u,
                                      bitsOf(2.0f)};
  EXPECT_EQ(Near, WantNear);
  auto Neg =
      run(Opcode::F32x4Neg, {raw(std::array<uint32_t, 4>{SNaN32, 0, 0, 0})})
          .lanes<uint32_t, 4>();
  EXPECT_EQ(Neg[0], SNaN32 | 0x80000000u);
  EXPECT_EQ(Neg[1], 0x80000000u);
  auto Ne = run(Opcode::F32x4Ne, {f32x4({NaN, 1, 2, 3}), f32x4({NaN, 1, 0, 3})})
                .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantNe = {~0u, 0, ~0u, 0};
  EXPECT_EQ(Ne, WantNe);
}

TEST_F(NumericEmitterTest, LaneConversions) {
  float NaN = std::numeric_limits<float>::quiet_NaN();
  auto TU = run(Opcode::I32x4TruncSatF32x4U,
                {f32x4({NaN, -1.0f, 4294967296.0f, 1.5f})})
                .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantTU = {0, 0, 0xffffffff, 1};
  EXPECT_EQ(TU, WantTU);
  auto TS = run(Opcode::I32x4TruncSatF32x4S, {f32x4({NaN, -3e9f, 3e9f, -1.5f})})
                .lanes<int32_t, 4>();
  std::array<int32_t, 4> WantTS = {0, I32Min, 0x7fffffff, -1};
  EXPECT_EQ(TS, WantTS);
  auto TSB = run(Opcode::I32x4TruncSatF32x4S,
                 {f32x4({2147483520.0f, 2147483648.0f, -2147483648.0f,
                         -2147483904.0f})})
                 .lanes<int32_t, 4>();
  std::array<int32_t, 4> WantTSB = {2147483520, 0x7fffffff, I32Min, I32Min};
  EXPECT_EQ(TSB, WantTSB);
  auto TUB = run(Opcode::I32x4TruncSatF32x4U,
                 {f32x4({4294967040.0f, -0.99f, INFINITY, -INFINITY})})
                 .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantTUB = {4294967040u, 0, 0xffffffff, 0};
  EXPECT_EQ(TUB, WantTUB);
  auto TUZB = run(Opcode::I32x4TruncSatF64x2UZero,
                  {f64x2({4294967295.9, std::nan("")})})
                  .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantTUZB = {0xffffffff, 0, 0, 0};
  EXPECT_EQ(TUZB, WantTUZB);
  auto TZ = run(Opcode::I32x4TruncSatF64x2SZero, {f64x2({-3e9, 7.9})})
                .lanes<int32_t, 4>();
  std::array<int32_t, 4> WantTZ = {I32Min, 7, 0, 0};
  EXPECT_EQ(TZ, WantTZ);
  auto TUZ = run(Opcode::I32x4TruncSatF64x2UZero, {f64x2({-3e9, 5e9})})
                 .lanes<uint32_t, 4>();
  std::array<uint32_t, 4> WantTUZ = {0, 0xffffffff, 0, 0};
  EXPECT_EQ(TUZ, WantTUZ);
  auto CU = run(Opcode::F32x4ConvertI32x4U, {i32x4({-1, 1, 0, 16777217})})
                .lanes<float, 4>();
  EXPECT_EQ(CU[0], 4294967296.0f);
  EXPECT_EQ(CU[3], 16777216.0f);
  auto CL = run(Opcode::F64x2ConvertLowI32x4U, {i32x4({-1, 2, 9, 9})})
                .lanes<double, 2>();
  EXPECT_EQ(CL[0], 4294967295.0);
  EXPECT_EQ(CL[1], 2.0);
  auto CLS = run(Opcode::F64x2ConvertLowI32x4S, {i32x4({-1, 2, 9, 9})})
                 .lanes<double, 2>();
  EXPECT_EQ(CLS[0], -1.0);
  auto D = run(Opcode::F32x4DemoteF64x2Zero, {f64x2({1e300, 0.1})})
               .lanes<float, 4>();
  std::array<float, 4> WantD = {INFINITY, 0.1f, 0.0f, 0.0f};
  EXPECT_EQ(D, WantD);
  auto P = run(Opcode::F64x2PromoteLowF32x4, {f32x4({0.1f, -2.0f, 9, 9})})
               .lanes<double, 2>();
  EXPECT_EQ(P[0], double(0.1f));
  EXPECT_EQ(P[1], -2.0);
}

} // namespace
