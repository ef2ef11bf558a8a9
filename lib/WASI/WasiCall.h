//===- WASI/WasiCall.h - What a WASI function implementation gets -*- C++
//-*-===//
//
// Owns the calling convention between WasiLink.cpp (which adapts host
// callbacks) and the implementations in WasiArgs/Clocks/Files/PathOps/Poll:
// each takes the context, a snapshot of the caller's memory and the raw
// arguments, and returns the errno to hand back, or an llvm::Error to stop
// the guest (proc_exit, or a module without memory).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_WASICALL_H
#define ORCA_WASI_WASICALL_H

#include "Runtime/Value.h"
#include "WASI/GuestMemory.h"
#include "WASI/WasiContext.h"
#include "WASI/WasiTypes.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <ctime>
#include <string>
#include <sys/stat.h>
#include <sys/uio.h>
#include <vector>

namespace orca::wasi {

struct WasiCall {
  WasiContext &Ctx;
  GuestMemory Mem;
  llvm::ArrayRef<Value> Args;

  uint32_t u32(size_t I) const { return Args[I].asI32(); }
  uint64_t u64(size_t I) const { return Args[I].asI64(); }
};

using WasiImpl = llvm::Expected<Errno> (*)(WasiCall &C);

#define WASI_FN(Name, Impl, Params, Results)                                   \
  llvm::Expected<Errno> Impl(WasiCall &C);
#include "WASI/WasiFunctions.def"

/// Reads \p Count iovecs at \p Iovs and checks every buffer lies inside
/// guest memory; fills \p Out with host iovecs (at most IOV_MAX: a longer
/// list is a short read or write, which callers must accept anyway).
Errno loadIovecs(const GuestMemory &M, uint32_t Iovs, uint32_t Count,
                 std::vector<struct iovec> &Out);

/// Writes a witx filestat for \p St at guest address \p P.
Errno storeFilestat(const GuestMemory &M, uint32_t P, const struct stat &St);

/// Turns (atim, mtim, fstflags) into utimensat's two timespecs (INVAL for
/// contradictory or unknown flags).
Errno hostTimes(uint64_t Atim, uint64_t Mtim, uint32_t Flags,
                struct timespec Out[2]);

/// Reads a guest path string.
inline Errno loadPath(const GuestMemory &M, uint32_t Ptr, uint32_t Len,
                      std::string &Out) {
  return M.loadString(Ptr, Len, Out) ? Errno::Success : Errno::Fault;
}

} // namespace orca::wasi

#endif // ORCA_WASI_WASICALL_H
