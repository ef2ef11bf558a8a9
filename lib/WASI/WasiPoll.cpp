//===- WASI/WasiPoll.cpp - poll_oneoff ------------------------------------===//
//
// Owns poll_oneoff: clock subscriptions (relative or absolute, on the
// realtime or monotonic clock; this is how wasi-libc implements sleep and
// nanosleep) and descriptor readiness (read / write) through ppoll(2).
//
// Semantics: waits until at least one subscription is ready, then reports
// every subscription that is ready at that moment. Subscriptions that fail
// up front (bad descriptor, unsupported clock) are ready at once and carry
// their error in the event.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiCall.h"
#include "WASI/WasiClocks.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace orca;
using namespace orca::wasi;

namespace {
struct Sub {
  uint64_t Userdata;
  uint8_t Tag;
  Errno Err = Errno::Success;
  // Clocks: the deadline on the monotonic clock, in ns.
  uint64_t Deadline = 0;
  // Descriptors: index in the pollfd array, or -1.
  int PollIndex = -1;
  uint64_t Nbytes = 0;
  uint16_t Flags = 0;
  bool Ready = false;
};
} // namespace

static uint64_t monotonicNow() {
  uint64_t Ns = 0;
  clockNow(ClockMonotonic, Ns);
  return Ns;
}

/// Bytes available to read from \p H (0 when unknown).
static uint64_t readableBytes(int H, uint8_t Type) {
  if (Type == FiletypeRegularFile) {
    struct stat St;
    off_t Pos = lseek(H, 0, SEEK_CUR);
    if (fstat(H, &St) == 0 && Pos >= 0 && St.st_size > Pos)
      return uint64_t(St.st_size - Pos);
    return 0;
  }
  int N = 0;
  if (ioctl(H, FIONREAD, &N) == 0 && N > 0)
    return uint64_t(N);
  return 0;
}

llvm::Expected<Errno> orca::wasi::pollOneoff(WasiCall &C) {
  uint32_t In = C.u32(0), Out = C.u32(1), NSubs = C.u32(2);
  uint32_t NEventsPtr = C.u32(3);
  if (NSubs == 0)
    return Errno::Inval;
  if (!C.Mem.contains(In, uint64_t(NSubs) * layout::SubscriptionSize) ||
      !C.Mem.contains(Out, uint64_t(NSubs) * layout::EventSize) ||
      !C.Mem.contains(NEventsPtr, 4))
    return Errno::Fault;

  uint64_t Now = monotonicNow();
  std::vector<Sub> Subs(NSubs);
  std::vector<struct pollfd> Fds;
  bool AnyImmediate = false;
  uint64_t Earliest = UINT64_MAX;
  for (uint32_t I = 0; I < NSubs; ++I) {
    uint64_t P = In + uint64_t(I) * layout::SubscriptionSize;
    Sub &S = Subs[I];
    C.Mem.load(P + layout::SubUserdata, S.Userdata);
    C.Mem.load(P + layout::SubTag, S.Tag);
    if (S.Tag == EventClock) {
      uint32_t Id = 0;
      uint64_t Timeout = 0;
      uint16_t Flags = 0;
      C.Mem.load(P + layout::SubClockId, Id);
      C.Mem.load(P + layout::SubClockTimeout, Timeout);
      C.Mem.load(P + layout::SubClockFlags, Flags);
      if (Id != ClockRealtime && Id != ClockMonotonic) {
        // CPU-time clocks do not advance while we sleep: cannot wait on
        // them.
        S.Err = Id <= ClockThreadCputime ? Errno::NotSup : Errno::Inval;
      } else if (Flags & SubclockAbstime) {
        // Convert an absolute time on Id to the monotonic clock.
        uint64_t ClockNow = 0;
        clockNow(Id, ClockNow);
        uint64_t Delta = Timeout > ClockNow ? Timeout - ClockNow : 0;
        S.Deadline = Now + Delta < Now ? UINT64_MAX : Now + Delta;
      } else {
        S.Deadline = Now + Timeout < Now ? UINT64_MAX : Now + Timeout;
      }
      if (S.Err != Errno::Success)
        AnyImmediate = true;
      else
        Earliest = std::min(Earliest, S.Deadline);
    } else if (S.Tag == EventFdRead || S.Tag == EventFdWrite) {
      uint32_t Fd = 0;
      C.Mem.load(P + layout::SubFd, Fd);
      FdEntry *E;
      S.Err = C.Ctx.get(Fd, rights::PollFdReadwrite, E);
      if (S.Err == Errno::NotCapable) // stdio and files always may poll
        S.Err = C.Ctx.get(Fd, 0, E);
      if (S.Err != Errno::Success) {
        AnyImmediate = true;
        continue;
      }
      S.PollIndex = int(Fds.size());
      Fds.push_back(
          {E->Host.get(), short(S.Tag == EventFdRead ? POLLIN : POLLOUT), 0});
    } else {
      return Errno::Inval;
    }
  }

  // Wait: ppoll on the descriptors (possibly none) until the earliest
  // deadline, retrying after signals.
  for (;;) {
    uint64_t T = monotonicNow();
    struct timespec TS, *TSP = nullptr;
    if (AnyImmediate) {
      TS = {0, 0};
      TSP = &TS;
    } else if (Earliest != UINT64_MAX) {
      uint64_t Left = Earliest > T ? Earliest - T : 0;
      TS.tv_sec = time_t(Left / 1000000000ull);
      TS.tv_nsec = long(Left % 1000000000ull);
      TSP = &TS;
    }
    int R = ppoll(Fds.empty() ? nullptr : Fds.data(), Fds.size(), TSP, nullptr);
    if (R < 0 && errno == EINTR)
      continue;
    if (R < 0)
      return errnoFromHost(errno);
    if (R == 0 && !AnyImmediate && Earliest != UINT64_MAX &&
        monotonicNow() < Earliest)
      continue; // woke early (timer slack the other way): wait the rest
    break;
  }

  uint64_t End = monotonicNow();
  uint32_t NEvents = 0;
  for (uint32_t I = 0; I < NSubs; ++I) {
    Sub &S = Subs[I];
    if (S.Err != Errno::Success) {
      S.Ready = true;
    } else if (S.Tag == EventClock) {
      S.Ready = End >= S.Deadline;
    } else {
      const struct pollfd &PF = Fds[size_t(S.PollIndex)];
      if (PF.revents & POLLNVAL) {
        S.Err = Errno::BadF;
        S.Ready = true;
      } else if (PF.revents & (POLLIN | POLLOUT | POLLHUP | POLLERR)) {
        S.Ready = true;
        if (PF.revents & POLLHUP)
          S.Flags |= EventFdReadwriteHangup;
        if (S.Tag == EventFdRead)
          S.Nbytes = readableBytes(PF.fd, WasiContext::filetypeOf(PF.fd));
      }
    }
    if (!S.Ready)
      continue;
    uint64_t P = Out + uint64_t(NEvents++) * layout::EventSize;
    uint8_t *Ev = C.Mem.range(P, layout::EventSize);
    std::memset(Ev, 0, layout::EventSize);
    C.Mem.store<uint64_t>(P + layout::EventUserdata, S.Userdata);
    C.Mem.store<uint16_t>(P + layout::EventError, uint16_t(S.Err));
    C.Mem.store<uint8_t>(P + layout::EventType, S.Tag);
    if (S.Tag != EventClock) {
      C.Mem.store<uint64_t>(P + layout::EventNbytes, S.Nbytes);
      C.Mem.store<uint16_t>(P + layout::EventFlags, S.Flags);
    }
  }
  C.Mem.store<uint32_t>(NEventsPtr, NEvents);
  return Errno::Success;
}
