//===- WASI/WasiClocks.h - WASI clocks on the host --------------*- C++ -*-===//
//
// Owns the clock-id mapping shared by clock_* and poll_oneoff.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_WASICLOCKS_H
#define ORCA_WASI_WASICLOCKS_H

#include "WASI/WasiTypes.h"

#include <ctime>

namespace orca::wasi {

/// The host clock for a WASI clock id; false for an unknown id.
bool hostClock(uint32_t Id, clockid_t &Out);
/// The clock's current time in nanoseconds (INVAL for an unknown id).
Errno clockNow(uint32_t Id, uint64_t &Ns);

} // namespace orca::wasi

#endif // ORCA_WASI_WASICLOCKS_H
