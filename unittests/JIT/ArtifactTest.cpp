//===- unittests/JIT/ArtifactTest.cpp - Artifact bytes and cache keys -----===//
//
// The key builder (every option that changes code changes the key; the
// ones that do not, do not) and the artifact reader (every truncation,
// every flipped byte, trailing bytes, another format version and a foreign
// producer are rejected cleanly).
//
//===----------------------------------------------------------------------===//

#include "JIT/Artifact.h"
#include "Binary/Validator.h"
#include "JIT/JITCompiler.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <cstring>

using namespace orca;

namespace {

/// (module (func (export "f") (result i32) i32.const 42)
///         (func (result i32) i32.const 43))
const std::vector<uint8_t> TwoFuncs = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // header
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,       // type () -> i32
    0x03, 0x03, 0x02, 0x00, 0x00,                   // two functions
    0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,       // export "f"
    0x0a, 0x0b, 0x02, 0x04, 0x00, 0x41, 0x2a, 0x0b, // code
    0x04, 0x00, 0x41, 0x2b, 0x0b};

std::unique_ptr<Module> decode(std::vector<uint8_t> Bytes) {
  auto M = decodeAndValidate(std::move(Bytes));
  if (!M) {
    ADD_FAILURE() << llvm::toString(M.takeError());
    return nullptr;
  }
  return std::move(*M);
}

const ArtifactTarget Host = {"x86_64-pc-linux-gnu", "znver3", "+sse2,+avx2"};

TEST(ArtifactKeyTest, EveryCodeOptionChangesTheKey) {
  auto M = decode(TwoFuncs);
  ASSERT_TRUE(M);
  JITOptions Base;
  Base.CompileThreads = 1;
  ArtifactKey K0 = computeArtifactKey(Base, Host, *M);
  EXPECT_EQ(K0, computeArtifactKey(Base, Host, *M)) << "not deterministic";

  std::vector<std::pair<std::string, ArtifactKey>> Keys;
  auto With = [&](const std::string &What, auto Change) {
    JITOptions O = Base;
    ArtifactTarget T = Host;
    Change(O, T);
    Keys.push_back({What, computeArtifactKey(O, T, *M)});
  };
  With("opt level", [](JITOptions &O, ArtifactTarget &) { O.OptLevel = 3; });
  With("triple",
       [](JITOptions &, ArtifactTarget &T) { T.Triple = "aarch64-linux"; });
  With("cpu", [](JITOptions &, ArtifactTarget &T) { T.CPU = "x86-64-v2"; });
  With("cpu features",
       [](JITOptions &, ArtifactTarget &T) { T.Features = "+sse2,-avx2"; });
  // Two functions: more threads (with small parts) split the module.
  With("compile threads", [](JITOptions &O, ArtifactTarget &) {
    O.CompileThreads = 4;
    O.MinPartBytes = 1;
  });
  With("bounds checks", [](JITOptions &O, ArtifactTarget &) {
    O.CodeGen.ExplicitBoundsChecks = !O.CodeGen.ExplicitBoundsChecks;
  });
  With("heap reservation", [](JITOptions &O, ArtifactTarget &) {
    O.CodeGen.HeapReservedBytes += 65536;
  });
  With("wasm offsets", [](JITOptions &O, ArtifactTarget &) {
    O.CodeGen.WasmOffsets = !O.CodeGen.WasmOffsets;
  });
  With("consume fuel", [](JITOptions &O, ArtifactTarget &) {
    O.CodeGen.ConsumeFuel = !O.CodeGen.ConsumeFuel;
  });
  With("epoch interruption", [](JITOptions &O, ArtifactTarget &) {
    O.CodeGen.EpochInterruption = !O.CodeGen.EpochInterruption;
  });
  bool Features::*Flags[] = {
      &Features::SignExtension,  &Features::SaturatingFloatToInt,
      &Features::MultiValue,     &Features::BulkMemory,
      &Features::ReferenceTypes, &Features::SIMD,
      &Features::Threads,        &Features::Memory64,
      &Features::MultiMemory,    &Features::TailCall,
      &Features::ExtendedConst,  &Features::ConstExprDefinedGlobals};
  for (size_t I = 0; I < std::size(Flags); ++I)
    With("feature " + std::to_string(I), [&](JITOptions &O, ArtifactTarget &) {
      O.CodeGen.Feat.*Flags[I] = !(O.CodeGen.Feat.*Flags[I]);
    });

  std::vector<uint8_t> Other = TwoFuncs;
  Other[33] = 0x2c; // i32.const 44 in the first body
  auto M2 = decode(Other);
  ASSERT_TRUE(M2);
  Keys.push_back({"module bytes", computeArtifactKey(Base, Host, *M2)});

  for (size_t I = 0; I < Keys.size(); ++I) {
    EXPECT_NE(Keys[I].second, K0) << Keys[I].first << " does not change it";
    for (size_t J = 0; J < I; ++J)
      EXPECT_NE(Keys[I].second, Keys[J].second)
          << Keys[I].first << " and " << Keys[J].first << " collide";
  }
}

TEST(ArtifactKeyTest, WhatDoesNotChangeCodeDoesNotChangeTheKey) {
  auto M = decode(TwoFuncs);
  ASSERT_TRUE(M);
  JITOptions Base;
  Base.CompileThreads = 1;
  ArtifactKey K0 = computeArtifactKey(Base, Host, *M);
  JITOptions O = Base;
  O.PerfMap = true; // a link plugin
  EXPECT_EQ(computeArtifactKey(O, Host, *M), K0);
  // One thread is one part whatever the part size.
  O = Base;
  O.MinPartBytes = 1;
  EXPECT_EQ(computeArtifactKey(O, Host, *M), K0);
  // A small module is one part whatever the thread count.
  O = Base;
  O.CompileThreads = 8;
  EXPECT_EQ(computeArtifactKey(O, Host, *M), K0);
  // Requests are keyed by what they resolve to (the target).
  O = Base;
  O.CPU = "znver3";
  EXPECT_EQ(computeArtifactKey(O, Host, *M), K0);
}

/// A real artifact of TwoFuncs compiled for the host.
struct Compiled {
  std::unique_ptr<Module> M;
  std::unique_ptr<JITCompiler> C;
  llvm::SmallVector<char, 0> Bytes;
};

Compiled compileTwoFuncs() {
  Compiled R;
  R.M = decode(TwoFuncs);
  JITOptions Opts;
  Opts.CompileThreads = 1;
  auto C = JITCompiler::create(Opts);
  if (!C) {
    ADD_FAILURE() << llvm::toString(C.takeError());
    return R;
  }
  R.C = std::move(*C);
  auto A = R.C->compile(*R.M, VMOffsets::forModule(*R.M, sizeof(void *)));
  if (!A) {
    ADD_FAILURE() << llvm::toString(A.takeError());
    return R;
  }
  EXPECT_EQ(A->Key, R.C->key(*R.M));
  R.Bytes = serializeArtifact(*A, R.M->Bytes);
  return R;
}

llvm::Expected<CompiledArtifact> parse(llvm::ArrayRef<char> Bytes) {
  return parseArtifact(llvm::MemoryBuffer::getMemBufferCopy(
      llvm::StringRef(Bytes.data(), Bytes.size())));
}

std::string errorOf(llvm::Expected<CompiledArtifact> A) {
  if (A)
    return "";
  return llvm::toString(A.takeError());
}

TEST(ArtifactTest, RoundTrip) {
  Compiled R = compileTwoFuncs();
  ASSERT_TRUE(R.C);
  auto A = parse(R.Bytes);
  ASSERT_TRUE(bool(A)) << llvm::toString(A.takeError());
  EXPECT_EQ(A->Key, R.C->key(*R.M));
  EXPECT_EQ(A->Target, R.C->target());
  EXPECT_EQ(A->Settings, R.C->settings());
  EXPECT_EQ(A->OrcaVersion, orcaVersion());
  EXPECT_EQ(A->ModuleBytes, llvm::ArrayRef(TwoFuncs));
  EXPECT_EQ(A->FunctionSymbols.size(), 2u);
  EXPECT_EQ(A->HostToWasmSymbols.size(), 1u);
  ASSERT_EQ(A->Objects.size(), 1u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(A->Objects[0]->getBufferStart()) % 16,
            0u);
  EXPECT_FALSE(bool(checkCompatible(*A, R.C->target(), R.C->settings())));
  // Serializing the parsed artifact gives the same bytes.
  auto Again = serializeArtifact(*A, A->ModuleBytes);
  EXPECT_EQ(llvm::ArrayRef(Again), llvm::ArrayRef(R.Bytes));
}

TEST(ArtifactTest, EveryTruncationIsRejected) {
  Compiled R = compileTwoFuncs();
  ASSERT_TRUE(R.C);
  for (size_t N = 0; N < R.Bytes.size(); ++N)
    EXPECT_NE(errorOf(parse(llvm::ArrayRef(R.Bytes).take_front(N))), "")
        << "truncated to " << N << " bytes";
  auto Longer = R.Bytes;
  Longer.push_back(0);
  EXPECT_NE(errorOf(parse(Longer)).find("trailing"), std::string::npos);
}

TEST(ArtifactTest, EveryFlippedByteIsRejected) {
  Compiled R = compileTwoFuncs();
  ASSERT_TRUE(R.C);
  auto Bytes = R.Bytes;
  for (size_t I = 0; I < Bytes.size(); ++I) {
    // The checksum covers every byte but its own, which it is checked
    // against: no flip goes unnoticed.
    Bytes[I] ^= 0x20;
    EXPECT_NE(errorOf(parse(Bytes)), "") << "byte " << I << " flipped";
    Bytes[I] ^= 0x20;
  }
  EXPECT_EQ(errorOf(parse(Bytes)), "");
}

TEST(ArtifactTest, UnalignedInputIsCopied) {
  Compiled R = compileTwoFuncs();
  ASSERT_TRUE(R.C);
  std::string Padded = "x" + std::string(R.Bytes.data(), R.Bytes.size());
  auto A = parseArtifact(llvm::MemoryBuffer::getMemBuffer(
      llvm::StringRef(Padded).drop_front(1), "", false));
  ASSERT_TRUE(bool(A)) << llvm::toString(A.takeError());
  EXPECT_EQ(reinterpret_cast<uintptr_t>(A->Objects[0]->getBufferStart()) % 16,
            0u);
}

TEST(ArtifactTest, OtherFormatsAndProducersGetClearErrors) {
  Compiled R = compileTwoFuncs();
  ASSERT_TRUE(R.C);
  EXPECT_NE(errorOf(parse(llvm::ArrayRef(R.Bytes).take_front(0))), "");
  std::vector<char> Wasm(TwoFuncs.begin(), TwoFuncs.end());
  EXPECT_NE(errorOf(parse(Wasm)).find("no Orca artifact header"),
            std::string::npos);
  auto V2 = R.Bytes;
  V2[8] = 2; // format version, checked before the checksum
  EXPECT_NE(errorOf(parse(V2)).find("format version 2; this Orca reads "
                                    "version 1"),
            std::string::npos);

  auto A = parse(R.Bytes);
  ASSERT_TRUE(bool(A));
  auto Check = [&](auto Change, ArtifactTarget T, std::string S,
                   const char *Want) {
    auto B = parse(R.Bytes);
    ASSERT_TRUE(bool(B));
    Change(*B);
    llvm::Error E = checkCompatible(*B, T, S);
    std::string Msg = E ? llvm::toString(std::move(E)) : "";
    EXPECT_NE(Msg.find(Want), std::string::npos) << Msg;
  };
  ArtifactTarget T = R.C->target();
  std::string S = R.C->settings();
  Check([](CompiledArtifact &B) { B.OrcaVersion = "0.0.1"; }, T, S,
        "was compiled by Orca 0.0.1");
  Check([](CompiledArtifact &B) { B.LLVMVersion = "18.1.0"; }, T, S,
        "was compiled with LLVM 18.1.0");
  Check([](CompiledArtifact &B) { B.Target.Triple = "aarch64-linux-gnu"; }, T,
        S, "was compiled for target aarch64-linux-gnu");
  Check([](CompiledArtifact &B) { B.Target.CPU = "x86-64-v2"; }, T, S,
        "was compiled for CPU 'x86-64-v2'");
  Check([](CompiledArtifact &B) { B.Target.Features += ",+madeup"; }, T, S,
        "'+madeup'");
  JITOptions Explicit;
  Explicit.CodeGen.WasmOffsets = true;
  Explicit.CodeGen.ExplicitBoundsChecks =
      !Explicit.CodeGen.ExplicitBoundsChecks;
  Check([](CompiledArtifact &) {}, T, codeSettings(Explicit),
        "was compiled with other settings");
  // The optimisation level may differ.
  Check([](CompiledArtifact &B) { B.OptLevel = 0; }, T, S, "");
}

} // namespace
