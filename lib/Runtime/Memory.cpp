//===- Runtime/Memory.cpp - A linear memory -------------------------------===//
//
// What this file owns: reserving, committing and freeing a memory's
// address space (layout in Memory.h).
//
//===----------------------------------------------------------------------===//

#include "Runtime/Memory.h"
#include "Support/Error.h"

#include <sys/mman.h>
#include <unistd.h>

using namespace orca;

static uint64_t hostPageSize() {
  static const uint64_t Size = uint64_t(sysconf(_SC_PAGESIZE));
  return Size;
}

static uint64_t roundUpToHostPage(uint64_t N) {
  uint64_t P = hostPageSize();
  return (N + P - 1) / P * P;
}

llvm::Expected<std::unique_ptr<MemoryInstance>>
MemoryInstance::create(const MemoryType &T, void *Def, const MemoryLayout &L) {
  std::unique_ptr<MemoryInstance> M(new MemoryInstance());
  M->Type = T;
  M->MaxPages = T.Lim.Max ? std::min(*T.Lim.Max, MaxPages32) : MaxPages32;
  if (T.Lim.Min > M->MaxPages)
    return makeError(ErrorKind::Resource, "memory size must be at most 65536 "
                                          "pages (4GiB)");
  uint64_t LimitPages = L.MaxBytes / PageSize;
  if (T.Lim.Min > LimitPages)
    return makeError(ErrorKind::Resource,
                     "memory of " + std::to_string(T.Lim.Min) +
                         " pages exceeds the limit of " +
                         std::to_string(L.MaxBytes) + " bytes");
  M->MaxPages = std::min(M->MaxPages, LimitPages);
  // Reserve the maximum once so the base never moves; at least one host page
  // so that even a zero-sized memory has a distinct, non-null base.
  uint64_t Before = roundUpToHostPage(L.GuardBefore);
  uint64_t After = std::max(
      roundUpToHostPage(std::max(M->MaxPages * PageSize, L.Reservation) +
                        L.GuardAfter),
      hostPageSize());
  M->Reserved = Before + After;
  void *P = mmap(nullptr, M->Reserved, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (P == MAP_FAILED) {
    M->Reserved = 0;
    return makeError(ErrorKind::Resource,
                     "failed to reserve address space for a memory");
  }
  M->Mapping = static_cast<uint8_t *>(P);
  M->Base = M->Mapping + Before;
  M->ReservedAfterBase = After;
  M->Def = Def ? Def : M->OwnDef.get();
  if (T.Lim.Min &&
      mprotect(M->Base, T.Lim.Min * PageSize, PROT_READ | PROT_WRITE) != 0)
    return makeError(ErrorKind::Resource, "failed to allocate memory");
  M->Pages = T.Lim.Min;
  M->syncDefinition();
  return M;
}

MemoryInstance::~MemoryInstance() {
  if (Mapping)
    munmap(Mapping, Reserved);
}

void MemoryInstance::syncDefinition() {
  const VMOffsets &L = hostLayout();
  storeAt<void *>(Def, L.memoryDefinitionBase(), Base);
  storeAt<uintptr_t>(Def, L.memoryDefinitionCurrentLength(),
                     uintptr_t(byteSize()));
}

MemoryType MemoryInstance::currentType() const {
  MemoryType T = Type;
  T.Lim.Min = Pages;
  return T;
}

int64_t MemoryInstance::grow(uint64_t DeltaPages) {
  uint64_t Old = Pages;
  if (DeltaPages > MaxPages - Old)
    return -1;
  if (DeltaPages == 0)
    return int64_t(Old);
  uint64_t NewBytes = (Old + DeltaPages) * PageSize;
  // Newly committed anonymous pages read as zero, as wasm requires.
  if (mprotect(Base + Old * PageSize, NewBytes - Old * PageSize,
               PROT_READ | PROT_WRITE) != 0)
    return -1;
  Pages = Old + DeltaPages;
  syncDefinition();
  return int64_t(Old);
}
