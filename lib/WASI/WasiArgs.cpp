//===- WASI/WasiArgs.cpp - Arguments, environment, process, random, sockets
//===//
//
// Owns args_*, environ_*, proc_exit, proc_raise, sched_yield, random_get and
// the sock_* functions. Orca implements no socket operations: sock_* answer
// BADF for a descriptor that does not exist, NOTSOCK for one that is not a
// socket (as POSIX and wasmtime do), and NOSYS only for a real socket (which
// the guest can only have inherited as stdio); proc_raise is NOSYS too
// (preview1 deprecated it).
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiCall.h"

#include <cerrno>
#include <sched.h>
#include <sys/random.h>

using namespace orca;
using namespace orca::wasi;

/// Writes argv-style pointers at \p PtrArray and the NUL-terminated
/// strings at \p Buf. All of it is bounds-checked before anything is
/// written, so a bad pointer leaves memory untouched.
static Errno writeStrings(const GuestMemory &M,
                          const std::vector<std::string> &Strs,
                          uint32_t PtrArray, uint32_t Buf) {
  uint64_t Total = 0;
  for (const std::string &S : Strs)
    Total += S.size() + 1;
  if (!M.contains(PtrArray, uint64_t(Strs.size()) * 4) ||
      !M.contains(Buf, Total))
    return Errno::Fault;
  uint64_t Off = 0;
  for (size_t I = 0; I < Strs.size(); ++I) {
    M.store<uint32_t>(PtrArray + 4 * uint64_t(I), uint32_t(Buf + Off));
    M.storeBytes(Buf + Off, Strs[I].c_str(), Strs[I].size() + 1);
    Off += Strs[I].size() + 1;
  }
  return Errno::Success;
}

static Errno writeSizes(const GuestMemory &M,
                        const std::vector<std::string> &Strs, uint32_t CountPtr,
                        uint32_t SizePtr) {
  uint64_t Total = 0;
  for (const std::string &S : Strs)
    Total += S.size() + 1;
  if (Total > UINT32_MAX)
    return Errno::Overflow;
  if (!M.contains(CountPtr, 4) || !M.contains(SizePtr, 4))
    return Errno::Fault;
  M.store<uint32_t>(CountPtr, uint32_t(Strs.size()));
  M.store<uint32_t>(SizePtr, uint32_t(Total));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::argsGet(WasiCall &C) {
  return writeStrings(C.Mem, C.Ctx.args(), C.u32(0), C.u32(1));
}
llvm::Expected<Errno> orca::wasi::argsSizesGet(WasiCall &C) {
  return writeSizes(C.Mem, C.Ctx.args(), C.u32(0), C.u32(1));
}
llvm::Expected<Errno> orca::wasi::environGet(WasiCall &C) {
  return writeStrings(C.Mem, C.Ctx.env(), C.u32(0), C.u32(1));
}
llvm::Expected<Errno> orca::wasi::environSizesGet(WasiCall &C) {
  return writeSizes(C.Mem, C.Ctx.env(), C.u32(0), C.u32(1));
}

llvm::Expected<Errno> orca::wasi::procExit(WasiCall &C) {
  // Recorded first: the runtime may replace the error below with a
  // HostError trap carrying only its message.
  C.Ctx.setExitCode(C.u32(0));
  return llvm::make_error<WasiExit>(C.u32(0));
}

llvm::Expected<Errno> orca::wasi::procRaise(WasiCall &C) {
  return Errno::NoSys;
}

llvm::Expected<Errno> orca::wasi::schedYield(WasiCall &C) {
  sched_yield();
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::randomGet(WasiCall &C) {
  uint32_t Len = C.u32(1);
  uint8_t *P = C.Mem.range(C.u32(0), Len);
  if (!P)
    return Errno::Fault;
  uint32_t Done = 0;
  while (Done < Len) {
    ssize_t N = getrandom(P + Done, Len - Done, 0);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return errnoFromHost(errno);
    }
    Done += uint32_t(N);
  }
  return Errno::Success;
}

/// Orca hands out no socket descriptors (no sock_open in preview1 and no
/// --listen option). The descriptor is checked before any other argument,
/// so no pointer or flag of a call on a non-socket is ever looked at.
static Errno noSockets(WasiCall &C) {
  FdEntry *E = C.Ctx.lookup(C.u32(0));
  if (!E)
    return Errno::BadF;
  if (E->Type != FiletypeSocketStream && E->Type != FiletypeSocketDgram)
    return Errno::NotSock;
  return Errno::NoSys;
}
llvm::Expected<Errno> orca::wasi::sockAccept(WasiCall &C) {
  return noSockets(C);
}
llvm::Expected<Errno> orca::wasi::sockRecv(WasiCall &C) { return noSockets(C); }
llvm::Expected<Errno> orca::wasi::sockSend(WasiCall &C) { return noSockets(C); }
llvm::Expected<Errno> orca::wasi::sockShutdown(WasiCall &C) {
  return noSockets(C);
}
