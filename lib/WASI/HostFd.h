//===- WASI/HostFd.h - An owned host file descriptor ------------*- C++ -*-===//
//
// Owns UniqueFd, the RAII holder every host descriptor of the WASI layer
// lives in, so that no error path leaks one.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_HOSTFD_H
#define ORCA_WASI_HOSTFD_H

#include <unistd.h>

namespace orca::wasi {

class UniqueFd {
public:
  UniqueFd() = default;
  explicit UniqueFd(int Fd) : Fd(Fd) {}
  UniqueFd(UniqueFd &&O) noexcept : Fd(O.release()) {}
  UniqueFd &operator=(UniqueFd &&O) noexcept {
    if (this != &O)
      reset(O.release());
    return *this;
  }
  UniqueFd(const UniqueFd &) = delete;
  UniqueFd &operator=(const UniqueFd &) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return Fd; }
  bool valid() const { return Fd >= 0; }
  int release() {
    int F = Fd;
    Fd = -1;
    return F;
  }
  void reset(int NewFd = -1) {
    if (Fd >= 0)
      ::close(Fd);
    Fd = NewFd;
  }

private:
  int Fd = -1;
};

} // namespace orca::wasi

#endif // ORCA_WASI_HOSTFD_H
