//===- JIT/Artifact.cpp - A compiled module as bytes ----------------------===//
//
// What this file owns: the writer and the checking reader of the artifact
// byte format described in Artifact.h.
//
//===----------------------------------------------------------------------===//

#include "JIT/Artifact.h"
#include "Support/Error.h"

#include "JIT/JITCompiler.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BLAKE3.h"

#include <cstring>
#include <set>

using namespace llvm;
using namespace orca;

/// Objects start at multiples of this from the start of the artifact.
static constexpr size_t ObjectAlign = 16;
/// Where the checksum sits in the header.
static constexpr size_t ChecksumOffset = 56;

std::string orca::toHex(const ArtifactKey &K) {
  return toHex(ArrayRef<uint8_t>(K), /*LowerCase=*/true);
}

static void put32(SmallVectorImpl<char> &Out, uint32_t V) {
  for (int I = 0; I < 4; ++I)
    Out.push_back(char(V >> (8 * I)));
}
static void put64(SmallVectorImpl<char> &Out, uint64_t V) {
  for (int I = 0; I < 8; ++I)
    Out.push_back(char(V >> (8 * I)));
}
static void putBytes(SmallVectorImpl<char> &Out, StringRef S) {
  put64(Out, S.size());
  Out.append(S.begin(), S.end());
}
static void putStrings(SmallVectorImpl<char> &Out,
                       const std::vector<std::string> &L) {
  put32(Out, uint32_t(L.size()));
  for (const std::string &S : L)
    putBytes(Out, S);
}

/// BLAKE3 of the header before the checksum and of the body.
static std::array<uint8_t, 32> checksumOf(ArrayRef<uint8_t> File) {
  BLAKE3 H;
  H.update(File.take_front(ChecksumOffset));
  H.update(File.drop_front(CompiledArtifact::HeaderSize));
  return H.final();
}

SmallVector<char, 0> orca::serializeArtifact(const CompiledArtifact &A,
                                             ArrayRef<uint8_t> ModuleBytes) {
  SmallVector<char, 0> Out;
  size_t Total = CompiledArtifact::HeaderSize + 256 + ModuleBytes.size();
  for (const auto &O : A.Objects)
    Total += O->getBufferSize() + 8 + ObjectAlign;
  Out.reserve(Total);

  Out.append(std::begin(CompiledArtifact::Magic),
             std::end(CompiledArtifact::Magic));
  put32(Out, CompiledArtifact::FormatVersion);
  put32(Out, CompiledArtifact::HeaderSize);
  put64(Out, 0); // total size, patched below
  Out.append(A.Key.begin(), A.Key.end());
  Out.append(32, '\0'); // checksum, patched below
  assert(Out.size() == CompiledArtifact::HeaderSize);

  for (StringRef S : {StringRef(A.OrcaVersion), StringRef(A.LLVMVersion),
                      StringRef(A.Target.Triple), StringRef(A.Target.CPU),
                      StringRef(A.Target.Features), StringRef(A.Settings)})
    putBytes(Out, S);
  put32(Out, A.OptLevel);
  putBytes(Out, toStringRef(ModuleBytes));
  putStrings(Out, A.FunctionSymbols);
  assert(A.HostToWasmSymbols.size() == A.WasmToHostSymbols.size());
  put32(Out, uint32_t(A.HostToWasmSymbols.size()));
  for (size_t T = 0; T < A.HostToWasmSymbols.size(); ++T) {
    putBytes(Out, A.HostToWasmSymbols[T]);
    putBytes(Out, A.WasmToHostSymbols[T]);
  }
  put32(Out, uint32_t(A.Objects.size()));
  for (const auto &O : A.Objects) {
    put64(Out, O->getBufferSize());
    Out.append(alignTo(Out.size(), ObjectAlign) - Out.size(), '\0');
    Out.append(O->getBufferStart(), O->getBufferEnd());
  }

  uint64_t Size = Out.size();
  for (int I = 0; I < 8; ++I)
    Out[16 + I] = char(Size >> (8 * I));
  std::array<uint8_t, 32> Sum =
      checksumOf(arrayRefFromStringRef(StringRef(Out.data(), Out.size())));
  std::memcpy(Out.data() + ChecksumOffset, Sum.data(), Sum.size());
  return Out;
}

bool orca::looksLikeArtifact(ArrayRef<uint8_t> Bytes) {
  return Bytes.size() >= sizeof(CompiledArtifact::Magic) &&
         std::memcmp(Bytes.data(), CompiledArtifact::Magic,
                     sizeof(CompiledArtifact::Magic)) == 0;
}

namespace {
/// Reads fields in order; the first read past the end marks the reader
/// failed and every later read returns nothing.
class Reader {
public:
  Reader(ArrayRef<uint8_t> All, size_t Pos) : All(All), Pos(Pos) {}
  bool failed() const { return Failed; }
  bool atEnd() const { return Pos == All.size(); }
  size_t pos() const { return Pos; }

  uint64_t u64() { return get(8); }
  uint32_t u32() { return uint32_t(get(4)); }
  StringRef bytes() {
    uint64_t N = u64();
    if (Failed || N > All.size() - Pos)
      return fail();
    StringRef S(reinterpret_cast<const char *>(All.data()) + Pos, N);
    Pos += N;
    return S;
  }
  /// A count of items each at least \p MinItemBytes long: no more than the
  /// bytes left can hold, so a corrupt count cannot make us allocate.
  uint32_t count(size_t MinItemBytes) {
    uint32_t N = u32();
    if (!Failed && N > (All.size() - Pos) / MinItemBytes) {
      fail();
      return 0;
    }
    return N;
  }
  void skipTo(size_t NewPos) {
    if (Failed || NewPos > All.size())
      fail();
    else
      Pos = NewPos;
  }

private:
  uint64_t get(unsigned N) {
    if (Failed || All.size() - Pos < N) {
      fail();
      return 0;
    }
    uint64_t V = 0;
    for (unsigned I = 0; I < N; ++I)
      V |= uint64_t(All[Pos + I]) << (8 * I);
    Pos += N;
    return V;
  }
  StringRef fail() {
    Failed = true;
    Pos = All.size();
    return {};
  }
  ArrayRef<uint8_t> All;
  size_t Pos;
  bool Failed = false;
};
} // namespace

static Error corrupt(const Twine &What) {
  return makeError(ErrorKind::Malformed,
                   ("not a valid precompiled module: " + What).str());
}

Expected<CompiledArtifact>
orca::parseArtifact(std::unique_ptr<MemoryBuffer> Buf) {
  // Objects are read in place; they are aligned relative to the start.
  if (reinterpret_cast<uintptr_t>(Buf->getBufferStart()) % ObjectAlign)
    Buf = MemoryBuffer::getMemBufferCopy(Buf->getBuffer(),
                                         Buf->getBufferIdentifier());
  ArrayRef<uint8_t> All = arrayRefFromStringRef(Buf->getBuffer());
  if (!looksLikeArtifact(All))
    return corrupt("no Orca artifact header");
  Reader Header(All, sizeof(CompiledArtifact::Magic));
  uint32_t Version = Header.u32();
  if (Header.failed())
    return corrupt("truncated header");
  if (Version != CompiledArtifact::FormatVersion)
    return makeError(ErrorKind::Usage,
                     "precompiled module has format version " +
                         std::to_string(Version) +
                         "; this Orca reads version " +
                         std::to_string(CompiledArtifact::FormatVersion) +
                         " (recompile it with this Orca's wasm-compile)");
  uint32_t HeaderSize = Header.u32();
  uint64_t Total = Header.u64();
  if (Header.failed() || All.size() < CompiledArtifact::HeaderSize)
    return corrupt("truncated header");
  if (HeaderSize != CompiledArtifact::HeaderSize)
    return corrupt("bad header size");
  if (Total != All.size())
    return corrupt(Total > All.size()
                       ? "truncated (" + std::to_string(All.size()) + " of " +
                             std::to_string(Total) + " bytes)"
                       : "trailing bytes after the end");
  std::array<uint8_t, 32> Sum = checksumOf(All);
  if (std::memcmp(Sum.data(), All.data() + ChecksumOffset, Sum.size()) != 0)
    return corrupt("checksum mismatch");

  CompiledArtifact A;
  std::memcpy(A.Key.data(), All.data() + 24, A.Key.size());
  Reader R(All, CompiledArtifact::HeaderSize);
  A.OrcaVersion = R.bytes().str();
  A.LLVMVersion = R.bytes().str();
  A.Target.Triple = R.bytes().str();
  A.Target.CPU = R.bytes().str();
  A.Target.Features = R.bytes().str();
  A.Settings = R.bytes().str();
  A.OptLevel = R.u32();
  A.ModuleBytes = arrayRefFromStringRef(R.bytes());
  for (uint32_t I = 0, N = R.count(8); I < N; ++I)
    A.FunctionSymbols.push_back(R.bytes().str());
  for (uint32_t T = 0, N = R.count(16); T < N; ++T) {
    A.HostToWasmSymbols.push_back(R.bytes().str());
    A.WasmToHostSymbols.push_back(R.bytes().str());
  }
  for (uint32_t I = 0, N = R.count(8); I < N; ++I) {
    uint64_t Size = R.u64();
    R.skipTo(alignTo(R.pos(), ObjectAlign));
    if (R.failed() || Size > All.size() - R.pos())
      return corrupt("object " + std::to_string(I) + " out of bounds");
    StringRef Obj(Buf->getBufferStart() + R.pos(), Size);
    R.skipTo(R.pos() + Size);
    A.Objects.push_back(MemoryBuffer::getMemBuffer(
        Obj, "orca-object-" + std::to_string(I) + ".o",
        /*RequiresNullTerminator=*/false));
  }
  if (R.failed())
    return corrupt("a field runs past the end");
  if (!R.atEnd())
    return corrupt("trailing bytes after the last object");
  A.Storage = std::move(Buf);
  return A;
}

/// The items of \p Have missing from \p Want ("-x") and the other way
/// around ("+y"), for lists of items separated by \p Sep.
static std::string listDiff(StringRef Have, StringRef Want, char Sep) {
  SmallVector<StringRef, 64> H, W;
  Have.split(H, Sep, -1, false);
  Want.split(W, Sep, -1, false);
  std::set<StringRef> HS(H.begin(), H.end()), WS(W.begin(), W.end());
  std::string Out;
  for (StringRef X : H)
    if (!WS.count(X))
      Out += (Out.empty() ? "" : ", ") + ("'" + X + "'").str();
  std::string Missing;
  for (StringRef X : W)
    if (!HS.count(X))
      Missing += (Missing.empty() ? "" : ", ") + ("'" + X + "'").str();
  if (!Missing.empty())
    Out += (Out.empty() ? "" : "; this engine has ") + Missing;
  return Out;
}

Error orca::checkCompatible(const CompiledArtifact &A,
                            const ArtifactTarget &Target, StringRef Settings) {
  auto Refuse = [](const Twine &Msg) {
    return makeError(ErrorKind::Usage, ("precompiled module " + Msg).str());
  };
  if (A.OrcaVersion != orcaVersion())
    return Refuse("was compiled by Orca " + A.OrcaVersion + "; this is Orca " +
                  orcaVersion() + " (recompile it with this Orca)");
  if (A.LLVMVersion != LLVM_VERSION_STRING)
    return Refuse("was compiled with LLVM " + A.LLVMVersion +
                  "; this Orca uses LLVM " LLVM_VERSION_STRING
                  " (recompile it with this Orca)");
  if (A.Target.Triple != Target.Triple)
    return Refuse("was compiled for target " + A.Target.Triple +
                  "; this engine runs code for " + Target.Triple);
  if (A.Target.CPU != Target.CPU)
    return Refuse("was compiled for CPU '" + A.Target.CPU +
                  "'; this engine compiles for '" + Target.CPU +
                  "' (use the same --target-cpu and --target-features)");
  if (A.Target.Features != Target.Features)
    return Refuse("was compiled for other CPU features: " +
                  listDiff(A.Target.Features, Target.Features, ',') +
                  " (use the same --target-cpu and --target-features)");
  if (A.Settings != Settings)
    return Refuse("was compiled with other settings: " +
                  listDiff(A.Settings, Settings, ';') +
                  " (use the same --bounds-checks and wasm features)");
  return Error::success();
}
