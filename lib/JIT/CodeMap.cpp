//===- JIT/CodeMap.cpp - Address ranges of JIT code -----------------------===//
//
// What this file owns: the published sorted array behind CodeMap and the
// JITLink pass that fills it. See CodeMap.h for the concurrency invariants.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeMap.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/DebugInfo/DWARF/DWARFContext.h"
#include "llvm/ExecutionEngine/JITLink/JITLink.h"
#include "llvm/Object/ObjectFile.h"

#include <algorithm>
#include <map>
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

/// The last of \p NumRows rows sorted by PCOffset that starts at or before
/// \p PCOffset, or null. Plain loads only (async-signal-safe).
template <typename Row>
static const Row *rowAt(const Row *Rows, uint32_t NumRows, uintptr_t PCOffset) {
  const Row *Lo = Rows;
  size_t N = NumRows;
  while (N > 0) {
    size_t Half = N / 2;
    if (Lo[Half].PCOffset <= PCOffset) {
      Lo += Half + 1;
      N -= Half + 1;
    } else {
      N = Half;
    }
  }
  return Lo == Rows ? nullptr : Lo - 1;
}

/// The wasm offset of the code at \p PCOffset in a PC map.
static uint32_t wasmOffsetAt(const WasmOffsetRow *Rows, uint32_t NumRows,
                             uintptr_t PCOffset) {
  const WasmOffsetRow *R = rowAt(Rows, NumRows, PCOffset);
  return R ? R->WasmOffset : 0;
}

/// The innermost inlined scope of the code at \p PCOffset (NoScope: none).
static uint32_t scopeAt(const InlineRow *Rows, uint32_t NumRows,
                        uintptr_t PCOffset) {
  const InlineRow *R = rowAt(Rows, NumRows, PCOffset);
  return R ? R->Scope : InlineScope::NoScope;
}

unsigned CodeMap::lookupFrames(uintptr_t PC, CodeRange &Out, WasmFrame *Frames,
                               unsigned MaxFrames) const {
  // Same protocol as lookup(): the rows and scopes of a range live as long
  // as the table that points to them, so hold Readers across the walk.
  Readers.fetch_add(1);
  unsigned N = 0;
  uint32_t Offset = 0;
  if (lookup(PC, Out, &Offset) && Out.FuncIndex != CodeRange::NoFunc) {
    uint32_t Scope = Out.Inlined
                         ? scopeAt(Out.Inlined, Out.NumInlined, PC - Out.Start)
                         : InlineScope::NoScope;
    // A scope's parent comes before it (CodeMapPlugin numbers them in
    // pre-order), so the indices fall and the chain ends.
    while (N < MaxFrames) {
      if (Scope >= Out.NumScopes) {
        Frames[N++] = {Out.FuncIndex, Offset};
        break;
      }
      const InlineScope &S = Out.Scopes[Scope];
      Frames[N++] = {S.Callee, Offset};
      Offset = S.CallOffset;
      Scope = S.Parent < Scope ? S.Parent : InlineScope::NoScope;
    }
  }
  Readers.fetch_sub(1);
  return N;
}

bool CodeMap::lookup(uintptr_t PC, CodeRange &Out, uint32_t *WasmOffset) const {
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
        // The rows live as long as the table that points to them (see
        // removeOwner), so they may be read until Readers drops.
        if (WasmOffset)
          *WasmOffset =
              R.Rows ? wasmOffsetAt(R.Rows, R.NumRows, PC - R.Start) : 0;
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
  addLocked(Ranges);
}

void CodeMap::add(std::vector<CodeRange> Ranges,
                  std::vector<FunctionDebugInfo> Info) {
  if (Ranges.empty())
    return;
  std::lock_guard<std::mutex> G(WriteLock);
  for (size_t I = 0; I < Ranges.size() && I < Info.size(); ++I) {
    if (Info[I].empty())
      continue;
    auto Owned = std::make_unique<FunctionDebugInfo>(std::move(Info[I]));
    CodeRange &R = Ranges[I];
    if (!Owned->Rows.empty()) {
      R.Rows = Owned->Rows.data();
      R.NumRows = uint32_t(Owned->Rows.size());
    }
    if (!Owned->Inlined.empty()) {
      R.Inlined = Owned->Inlined.data();
      R.NumInlined = uint32_t(Owned->Inlined.size());
      R.Scopes = Owned->Scopes.data();
      R.NumScopes = uint32_t(Owned->Scopes.size());
    }
    InfoStorage.push_back({R.Owner, std::move(Owned)});
  }
  addLocked(Ranges);
}

void CodeMap::addLocked(const std::vector<CodeRange> &Ranges) {
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
  // No reader can still see a range of Owner: its maps may go.
  std::erase_if(InfoStorage,
                [&](const OwnedInfo &O) { return O.Owner == Owner; });
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
  for (OwnedInfo &O : InfoStorage)
    if (O.Owner == From)
      O.Owner = To;
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

//===----------------------------------------------------------------------===//
// PC maps from the DWARF line table, inlining maps from .debug_info
//===----------------------------------------------------------------------===//

namespace {
using InfoBySymbol = DenseMap<const jitlink::Symbol *, FunctionDebugInfo>;
} // namespace

struct CodeMapPlugin::Pending {
  DenseMap<const jitlink::LinkGraph *, InfoBySymbol> ByGraph;
};

CodeMapPlugin::CodeMapPlugin() : Waiting(std::make_unique<Pending>()) {}
CodeMapPlugin::~CodeMapPlugin() = default;

/// Appends a row unless it repeats the previous offset; a row at the same
/// PC as the previous one replaces it (the last row for an address wins,
/// as in DWARF lookups).
static void appendRow(std::vector<WasmOffsetRow> &Rows, uint32_t PCOffset,
                      uint32_t WasmOffset) {
  if (!Rows.empty() && Rows.back().PCOffset == PCOffset) {
    Rows.pop_back();
    if (!Rows.empty() && Rows.back().WasmOffset == WasmOffset)
      return;
  }
  if (!Rows.empty() && Rows.back().WasmOffset == WasmOffset)
    return;
  Rows.push_back({PCOffset, WasmOffset});
}

/// The symbol of each wasm function of \p G, by function index.
using FuncSymbols = DenseMap<uint32_t, const jitlink::Symbol *>;

/// Paints [Low, High) of a piecewise-constant scope map (start -> scope,
/// with an entry at 0) with \p Scope.
static void paintScope(std::map<uint32_t, uint32_t> &Map, uint32_t Low,
                       uint32_t High, uint32_t Scope) {
  if (Low >= High)
    return;
  uint32_t After = std::prev(Map.upper_bound(High))->second;
  Map.erase(Map.lower_bound(Low), Map.lower_bound(High));
  Map.emplace(High, After);
  Map[Low] = Scope;
}

/// Adds to \p Info the inlined calls under \p Die (a subprogram or an
/// inlined subroutine, whose scope is \p Parent), in pre-order, so that a
/// scope's parent always has the smaller index and an inner scope's code
/// overwrites its parent's in \p Map. \p Start is the function's address.
static void readInlinedScopes(const DWARFDie &Die, uint32_t Parent,
                              uint64_t Start, uint64_t Size,
                              FunctionDebugInfo &Info,
                              std::map<uint32_t, uint32_t> &Map) {
  for (DWARFDie Child : Die.children()) {
    if (Child.getTag() != dwarf::DW_TAG_inlined_subroutine) {
      // Lexical blocks (not made in LineTablesOnly units) may hold inlined
      // calls of the same scope.
      if (Child.hasChildren())
        readInlinedScopes(Child, Parent, Start, Size, Info, Map);
      continue;
    }
    const char *Name = Child.getName(DINameKind::ShortName);
    uint32_t Callee = Name ? funcIndexOf(Name) : CodeRange::NoFunc;
    uint64_t CallLine =
        dwarf::toUnsigned(Child.find(dwarf::DW_AT_call_line), 0);
    Expected<DWARFAddressRangesVector> Ranges = Child.getAddressRanges();
    if (!Ranges) {
      consumeError(Ranges.takeError());
      continue;
    }
    // A callee that is not a wasm function (none today) has no frame: its
    // code stays in its caller's scope.
    uint32_t Scope = Parent;
    if (Callee != CodeRange::NoFunc) {
      Scope = uint32_t(Info.Scopes.size());
      Info.Scopes.push_back({Callee, uint32_t(CallLine), Parent});
      for (const DWARFAddressRange &R : *Ranges) {
        uint64_t Low = std::clamp(R.LowPC, Start, Start + Size);
        uint64_t High = std::clamp(R.HighPC, Start, Start + Size);
        paintScope(Map, uint32_t(Low - Start), uint32_t(High - Start), Scope);
      }
    }
    readInlinedScopes(Child, Scope, Start, Size, Info, Map);
  }
}

/// The inlining maps of the wasm functions of \p DCtx's units: for every
/// concrete subprogram wasm_func_N with code, the DW_TAG_inlined_subroutine
/// entries below it. With LineTablesOnly, LLVM still emits those (with
/// DW_AT_abstract_origin naming the callee's subprogram, DW_AT_call_line
/// the call's wasm offset, and the code's ranges), for symbolisers.
static void readInliningMaps(DWARFContext &DCtx, const FuncSymbols &Funcs,
                             InfoBySymbol &Out) {
  for (const auto &CU : DCtx.compile_units()) {
    for (DWARFDie Die :
         CU->getUnitDIE(/*ExtractUnitDIEOnly=*/false).children()) {
      if (Die.getTag() != dwarf::DW_TAG_subprogram || !Die.hasChildren())
        continue;
      uint64_t Low, High, SectionIndex;
      if (!Die.getLowAndHighPC(Low, High, SectionIndex) || High <= Low)
        continue;
      const char *Name = Die.getName(DINameKind::ShortName);
      auto Sym = Funcs.find(Name ? funcIndexOf(Name) : CodeRange::NoFunc);
      if (Sym == Funcs.end())
        continue;
      // The subprogram's low PC is its symbol's address in the object: the
      // map is relative to both.
      FunctionDebugInfo &Info = Out[Sym->second];
      std::map<uint32_t, uint32_t> Map{{0, InlineScope::NoScope}};
      readInlinedScopes(Die, InlineScope::NoScope, Low, High - Low, Info, Map);
      if (Info.Scopes.empty())
        continue;
      for (auto [PCOffset, Scope] : Map)
        if (Info.Inlined.empty() || Info.Inlined.back().Scope != Scope)
          Info.Inlined.push_back({PCOffset, Scope});
      Info.Inlined.shrink_to_fit();
      Info.Scopes.shrink_to_fit();
    }
  }
}

/// The PC maps and inlining maps of the wasm functions of \p G, from the
/// DWARF of the relocatable object it was made from. Addresses are still
/// the object's (section-relative for ELF), as are the graph's before
/// allocation, so a function's rows are those of its section between its
/// symbol's address and end.
static InfoBySymbol readDebugInfo(jitlink::LinkGraph &G, MemoryBufferRef Obj) {
  InfoBySymbol Out;
  StringMap<std::vector<const jitlink::Symbol *>> FuncsBySection;
  FuncSymbols ByIndex;
  for (const jitlink::Symbol *S : G.defined_symbols())
    if (S->isCallable() && S->hasName()) {
      uint32_t Index = funcIndexOf(S->getName());
      if (Index == CodeRange::NoFunc)
        continue;
      FuncsBySection[S->getBlock().getSection().getName()].push_back(S);
      ByIndex[Index] = S;
    }
  if (FuncsBySection.empty())
    return Out;

  auto O = object::ObjectFile::createObjectFile(Obj);
  if (!O) {
    consumeError(O.takeError());
    return Out;
  }
  DenseMap<uint64_t, StringRef> SectionNames;
  bool HasLines = false;
  for (const object::SectionRef &Sec : (*O)->sections()) {
    Expected<StringRef> Name = Sec.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    SectionNames[Sec.getIndex()] = *Name;
    HasLines |= *Name == ".debug_line" || *Name == "__debug_line";
  }
  if (!HasLines)
    return Out;

  // Relocations are applied, so each row has its section and its address
  // within the object.
  auto Quiet = [](Error E) { consumeError(std::move(E)); };
  std::unique_ptr<DWARFContext> DCtx =
      DWARFContext::create(**O, DWARFContext::ProcessDebugRelocations::Process,
                           nullptr, "", Quiet, Quiet);
  for (const auto &CU : DCtx->compile_units()) {
    const DWARFDebugLine::LineTable *LT = DCtx->getLineTableForUnit(CU.get());
    if (!LT)
      continue;
    for (const DWARFDebugLine::Sequence &Seq : LT->Sequences) {
      auto Name = SectionNames.find(Seq.SectionIndex);
      if (Name == SectionNames.end())
        continue;
      auto Funcs = FuncsBySection.find(Name->second);
      if (Funcs == FuncsBySection.end())
        continue;
      auto First = LT->Rows.begin() + Seq.FirstRowIndex;
      auto Last = LT->Rows.begin() + Seq.LastRowIndex;
      for (const jitlink::Symbol *S : Funcs->second) {
        uint64_t Start = S->getAddress().getValue();
        uint64_t End =
            Start + (S->getSize() ? S->getSize()
                                  : S->getBlock().getSize() - S->getOffset());
        if (Start < Seq.LowPC || Start >= Seq.HighPC)
          continue;
        // The row in effect at Start, then every row up to End.
        auto It = std::upper_bound(
            First, Last, Start, [](uint64_t A, const DWARFDebugLine::Row &R) {
              return A < R.Address.Address;
            });
        if (It != First)
          --It;
        std::vector<WasmOffsetRow> &Rows = Out[S].Rows;
        for (; It != Last && It->Address.Address < End; ++It) {
          uint64_t At = std::max(It->Address.Address, Start);
          appendRow(Rows, uint32_t(At - Start), It->EndSequence ? 0 : It->Line);
        }
        Rows.shrink_to_fit();
      }
    }
  }
  readInliningMaps(*DCtx, ByIndex, Out);
  return Out;
}

void CodeMapPlugin::notifyMaterializing(MaterializationResponsibility &,
                                        jitlink::LinkGraph &G,
                                        jitlink::JITLinkContext &,
                                        MemoryBufferRef InputObject) {
  InfoBySymbol Info = readDebugInfo(G, InputObject);
  std::lock_guard<std::mutex> L(PendingLock);
  // Assign, not insert: a graph that failed to link before its post-fixup
  // pass may have left an entry under this same address.
  Waiting->ByGraph[&G] = std::move(Info);
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
  Config.PostFixupPasses.push_back([this, Owner](jitlink::LinkGraph &G) {
    InfoBySymbol PCMaps;
    {
      std::lock_guard<std::mutex> L(PendingLock);
      auto It = Waiting->ByGraph.find(&G);
      if (It != Waiting->ByGraph.end()) {
        PCMaps = std::move(It->second);
        Waiting->ByGraph.erase(It);
      }
    }
    std::vector<CodeRange> Ranges;
    std::vector<FunctionDebugInfo> Info;
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
      if (R.End <= R.Start)
        continue;
      Ranges.push_back(R);
      auto It = PCMaps.find(S);
      Info.push_back(It == PCMaps.end() ? FunctionDebugInfo()
                                        : std::move(It->second));
    }
    CodeMap::global().add(std::move(Ranges), std::move(Info));
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
