//===- WASI/GuestMemory.h - Bounds-checked access to guest memory -*- C++
//-*-===//
//
// Owns the only way WASI functions touch the guest's linear memory. Every
// guest pointer+length goes through range(), which rejects any byte outside
// [0, size) (including 32-bit wrap-around), so a hostile guest gets EFAULT,
// never a host read or write out of bounds. Loads and stores go through
// memcpy: guest pointers need not be aligned, and wasm memory is
// little-endian like every host Orca supports.
//
// A GuestMemory is a snapshot of the memory's base and size; it is valid for
// one host call (no wasm runs, so the memory cannot grow meanwhile).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_GUESTMEMORY_H
#define ORCA_WASI_GUESTMEMORY_H

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

namespace orca::wasi {

class GuestMemory {
public:
  GuestMemory() = default;
  GuestMemory(uint8_t *Base, uint64_t Size) : Base(Base), Size(Size) {}

  uint64_t size() const { return Size; }

  /// The host address of guest bytes [Ptr, Ptr + Len), or null when any of
  /// them is outside the memory. A zero-length range is valid anywhere up
  /// to and including the end.
  uint8_t *range(uint64_t Ptr, uint64_t Len) const {
    // Written so that nothing can overflow: Ptr <= Size first, then compare
    // Len with the room left.
    if (!Base || Ptr > Size || Len > Size - Ptr)
      return nullptr;
    return Base + Ptr;
  }
  bool contains(uint64_t Ptr, uint64_t Len) const {
    return range(Ptr, Len) != nullptr;
  }

  template <typename T> bool load(uint64_t Ptr, T &Out) const {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint8_t *P = range(Ptr, sizeof(T));
    if (!P)
      return false;
    std::memcpy(&Out, P, sizeof(T));
    return true;
  }
  template <typename T> bool store(uint64_t Ptr, T V) const {
    static_assert(std::is_trivially_copyable_v<T>);
    uint8_t *P = range(Ptr, sizeof(T));
    if (!P)
      return false;
    std::memcpy(P, &V, sizeof(T));
    return true;
  }
  /// Copies guest bytes [Ptr, Ptr + Len) into \p Out.
  bool loadString(uint64_t Ptr, uint64_t Len, std::string &Out) const {
    const uint8_t *P = range(Ptr, Len);
    if (!P)
      return false;
    Out.assign(reinterpret_cast<const char *>(P), Len);
    return true;
  }
  bool storeBytes(uint64_t Ptr, const void *Src, uint64_t Len) const {
    uint8_t *P = range(Ptr, Len);
    if (!P)
      return false;
    if (Len)
      std::memcpy(P, Src, Len);
    return true;
  }

private:
  uint8_t *Base = nullptr;
  uint64_t Size = 0;
};

} // namespace orca::wasi

#endif // ORCA_WASI_GUESTMEMORY_H
