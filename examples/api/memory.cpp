//===- examples/api/memory.cpp - Host and guest share a memory ------------===//
//
// The host writes a string into the guest's exported memory, the guest
// upper-cases it in place and calls back the host, which reads the result
// from the caller's memory.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  orca::Engine Engine = orca::Engine::create().value();
  orca::Module M = orca::Module::fromFile(Engine, argv[1]).value();
  orca::Store Store(Engine);
  orca::Linker Linker(Engine);
  std::string Reported;
  Linker
      .funcWrap("host", "report",
                [&Reported](orca::Caller &C, int32_t Ptr,
                            int32_t Len) -> orca::Result<void> {
                  std::optional<orca::Memory> Mem = C.memory();
                  if (!Mem)
                    return orca::Trap("the caller exports no memory");
                  std::span<uint8_t> Bytes = Mem->data(C.store());
                  if (uint64_t(uint32_t(Ptr)) + uint32_t(Len) > Bytes.size())
                    return orca::Trap("string out of bounds");
                  Reported.assign(
                      reinterpret_cast<const char *>(Bytes.data() + Ptr), Len);
                  return {};
                })
      .value();
  orca::Instance I = Linker.instantiate(Store, M).value();
  orca::Memory Mem = *I.getMemory(Store, "memory");

  const char *Text = "hello, shared memory";
  size_t Len = std::strlen(Text);
  std::memcpy(Mem.data(Store).data() + 1024, Text, Len);
  auto Upcase = I.getTypedFunc<void(int32_t, int32_t)>(Store, "upcase").value();
  if (auto R = Upcase.call(Store, 1024, int32_t(Len)); !R) {
    std::fprintf(stderr, "%s\n", R.error().toString().c_str());
    return 1;
  }
  std::string InMemory(reinterpret_cast<char *>(Mem.data(Store).data() + 1024),
                       Len);
  std::printf("guest reported: %s\nhost reads:     %s\n", Reported.c_str(),
              InMemory.c_str());
  // Growing from the host: the guest sees the new pages.
  uint64_t Old = Mem.grow(Store, 1).value();
  std::printf("memory grew from %llu to %llu pages\n", (unsigned long long)Old,
              (unsigned long long)Mem.size(Store));
  return Reported == "HELLO, SHARED MEMORY" && InMemory == Reported ? 0 : 1;
}
