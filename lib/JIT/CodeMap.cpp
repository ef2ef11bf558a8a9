//===- JIT/CodeMap.cpp - Address ranges of JIT code -----------------------===//
//
// What this file owns: the published sorted array behind CodeMap and the
// JITLink pass that fills it. See CodeMap.h for the concurrency invariants.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeMap.h"

#include "llvm/ExecutionEngine/JITLink/JITLink.h"

#include <algorithm>
#include <thread>

using namespace llvm;
using namespace llvm::orc;
using namespace orca;

/// An immutable, sorted-by-Start array of ranges. Never modified after it
/// is published.
struct CodeMap::Table {
  std::vector<CodeRange> Ranges;
};

CodeMap &CodeMap::global() {
  // Never destroyed: signal handlers may run during static destruction.
  static CodeMap *M = new CodeMap();
  return *M;
}

CodeMap::~CodeMap() { delete Current.load(); }

bool CodeMap::lookup(uintptr_t PC, CodeRange &Out) const {
  // seq_cst on both: a writer that swapped the table after our load sees
  // Readers != 0 until we are done (see publish()).
  Readers.fetch_add(1);
  const Table *T = Current.load();
  bool Found = false;
  if (T) {
    // Binary search by hand: plain loads only.
    const CodeRange *Lo = T->Ranges.data();
    size_t N = T->Ranges.size();
    while (N > 0) {
      size_t Half = N / 2;
      if (Lo[Half].Start <= PC) {
        Lo += Half + 1;
        N -= Half + 1;
      } else {
        N = Half;
      }
    }
    // Lo is the first range starting after PC; the one before may hold it.
    if (Lo != T->Ranges.data()) {
      const CodeRange &R = Lo[-1];
      if (PC < R.End) {
        Out = R;
        Found = true;
      }
    }
  }
  Readers.fetch_sub(1);
  return Found;
}

void CodeMap::publish(Table *New) {
  // Caller holds WriteLock.
  Table *Old = Current.exchange(New);
  // A reader that loaded Old incremented Readers before its load, which
  // precedes our exchange in the seq_cst order: wait until it is done.
  while (Readers.load() != 0)
    std::this_thread::yield();
  delete Old;
}

void CodeMap::add(const std::vector<CodeRange> &Ranges) {
  if (Ranges.empty())
    return;
  std::lock_guard<std::mutex> G(WriteLock);
  auto *New = new Table();
  if (const Table *T = Current.load())
    New->Ranges = T->Ranges;
  New->Ranges.insert(New->Ranges.end(), Ranges.begin(), Ranges.end());
  std::sort(
      New->Ranges.begin(), New->Ranges.end(),
      [](const CodeRange &A, const CodeRange &B) { return A.Start < B.Start; });
  publish(New);
}

void CodeMap::removeOwner(uintptr_t Owner) {
  std::lock_guard<std::mutex> G(WriteLock);
  const Table *T = Current.load();
  if (!T)
    return;
  auto *New = new Table();
  for (const CodeRange &R : T->Ranges)
    if (R.Owner != Owner)
      New->Ranges.push_back(R);
  publish(New);
}

void CodeMap::transferOwner(uintptr_t From, uintptr_t To) {
  std::lock_guard<std::mutex> G(WriteLock);
  const Table *T = Current.load();
  if (!T)
    return;
  auto *New = new Table(*T);
  for (CodeRange &R : New->Ranges)
    if (R.Owner == From)
      R.Owner = To;
  publish(New);
}

size_t CodeMap::size() const {
  Readers.fetch_add(1);
  const Table *T = Current.load();
  size_t N = T ? T->Ranges.size() : 0;
  Readers.fetch_sub(1);
  return N;
}

/// wasm_func_N -> N; anything else -> NoFunc.
static uint32_t funcIndexOf(StringRef Name) {
  uint32_t N;
  if (Name.consume_front("wasm_func_") && !Name.getAsInteger(10, N))
    return N;
  return CodeRange::NoFunc;
}

void CodeMapPlugin::modifyPassConfig(MaterializationResponsibility &MR,
                                     jitlink::LinkGraph &G,
                                     jitlink::PassConfiguration &Config) {
  uintptr_t Owner = 0;
  if (Error E = MR.withResourceKeyDo([&](ResourceKey K) { Owner = K; })) {
    consumeError(std::move(E));
    return;
  }
  // After fixups every symbol has its final address.
  Config.PostFixupPasses.push_back([Owner](jitlink::LinkGraph &G) {
    std::vector<CodeRange> Ranges;
    for (jitlink::Symbol *S : G.defined_symbols()) {
      if (!S->isCallable() || !S->hasName())
        continue;
      CodeRange R;
      R.Start = uintptr_t(S->getAddress().getValue());
      // Functions carry their ELF/Mach-O size; fall back to the block's
      // extent when a symbol has none.
      uint64_t Size = S->getSize();
      if (Size == 0)
        Size = S->getBlock().getSize() - S->getOffset();
      R.End = R.Start + Size;
      R.FuncIndex = funcIndexOf(S->getName());
      R.Owner = Owner;
      if (R.End > R.Start)
        Ranges.push_back(R);
    }
    CodeMap::global().add(Ranges);
    return Error::success();
  });
}

Error CodeMapPlugin::notifyFailed(MaterializationResponsibility &MR) {
  uintptr_t Owner = 0;
  if (Error E = MR.withResourceKeyDo([&](ResourceKey K) { Owner = K; })) {
    consumeError(std::move(E));
    return Error::success();
  }
  CodeMap::global().removeOwner(Owner);
  return Error::success();
}

Error CodeMapPlugin::notifyRemovingResources(JITDylib &, ResourceKey K) {
  CodeMap::global().removeOwner(K);
  return Error::success();
}

void CodeMapPlugin::notifyTransferringResources(JITDylib &, ResourceKey DstKey,
                                                ResourceKey SrcKey) {
  CodeMap::global().transferOwner(SrcKey, DstKey);
}
