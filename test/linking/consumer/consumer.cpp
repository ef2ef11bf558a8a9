// A C++ program outside Orca's tree: the C++ embedding API.
#include <orca/orca.h>

#include <cstdio>

int main() {
  // (module (func (export "answer") (result i32) (i32.const 42)))
  static const uint8_t Bytes[] = {
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05,
      0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07,
      0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00,
      0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};
  orca::Engine E = orca::Engine::create().value();
  orca::Module M = orca::Module::compile(E, Bytes).value();
  orca::Store S(E);
  orca::Instance I = orca::Instance::create(S, M).value();
  auto Answer = I.getTypedFunc<int32_t()>(S, "answer").value();
  int32_t R = Answer.call(S).value();
  std::printf("C++: answers %d\n", R);
  return R == 42 ? 0 : 1;
}
