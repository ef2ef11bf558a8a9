//===- WASI/WasiClocks.cpp - clock_res_get and clock_time_get -------------===//
//
// Owns the mapping of WASI clock ids to host clocks: realtime, monotonic,
// process and thread CPU time. Times are u64 nanoseconds.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiClocks.h"
#include "WASI/WasiCall.h"

#include <cerrno>
#include <ctime>

using namespace orca;
using namespace orca::wasi;

bool orca::wasi::hostClock(uint32_t Id, clockid_t &Out) {
  switch (Id) {
  case ClockRealtime:
    Out = CLOCK_REALTIME;
    return true;
  case ClockMonotonic:
    Out = CLOCK_MONOTONIC;
    return true;
  case ClockProcessCputime:
    Out = CLOCK_PROCESS_CPUTIME_ID;
    return true;
  case ClockThreadCputime:
    Out = CLOCK_THREAD_CPUTIME_ID;
    return true;
  default:
    return false;
  }
}

Errno orca::wasi::clockNow(uint32_t Id, uint64_t &Ns) {
  clockid_t H;
  if (!hostClock(Id, H))
    return Errno::Inval;
  struct timespec TS;
  if (clock_gettime(H, &TS) != 0)
    return errnoFromHost(errno);
  Ns = uint64_t(TS.tv_sec) * 1000000000ull + uint64_t(TS.tv_nsec);
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::clockResGet(WasiCall &C) {
  clockid_t H;
  if (!hostClock(C.u32(0), H))
    return Errno::Inval;
  if (!C.Mem.contains(C.u32(1), 8))
    return Errno::Fault;
  struct timespec TS;
  if (clock_getres(H, &TS) != 0)
    return errnoFromHost(errno);
  C.Mem.store<uint64_t>(C.u32(1), uint64_t(TS.tv_sec) * 1000000000ull +
                                      uint64_t(TS.tv_nsec));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::clockTimeGet(WasiCall &C) {
  // Args: id, precision (a hint the host may ignore), result pointer.
  if (!C.Mem.contains(C.u32(2), 8))
    return Errno::Fault;
  uint64_t Ns;
  Errno E = clockNow(C.u32(0), Ns);
  if (E != Errno::Success)
    return E;
  C.Mem.store<uint64_t>(C.u32(2), Ns);
  return Errno::Success;
}
