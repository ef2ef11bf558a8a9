//===- examples/api/calculator.cpp - Typed and dynamic calls --------------===//
//
// Calls calculator.wasm's exports through typed views (no boxing) and
// dynamically with Vals, and shows a trap coming back as a value.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <cstdio>
#include <tuple>

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  orca::Engine Engine = orca::Engine::create().value();
  orca::Module M = orca::Module::fromFile(Engine, argv[1]).value();
  orca::Store Store(Engine);
  orca::Instance I = orca::Instance::create(Store, M).value();

  // Typed: the signature is checked once, calls go straight to the code.
  auto Add = I.getTypedFunc<int32_t(int32_t, int32_t)>(Store, "add").value();
  auto DivMod = I.getTypedFunc<std::tuple<int64_t, int64_t>(int64_t, int64_t)>(
                     Store, "divmod")
                    .value();
  int32_t Sum = Add.call(Store, 19, 23).value();
  auto [Q, R] = DivMod.call(Store, 47, 5).value();
  std::printf("add(19, 23) = %d\n", Sum);
  std::printf("divmod(47, 5) = %lld, %lld\n", (long long)Q, (long long)R);

  // Dynamic: for signatures known only at run time.
  orca::Func Hypot = *I.getFunc(Store, "hypot");
  std::printf("hypot has type %s\n", Hypot.type(Store).toString().c_str());
  auto H = Hypot.call(Store, {orca::Val(3.0), orca::Val(4.0)});
  if (!H)
    return 1;
  std::printf("hypot(3, 4) = %g\n", (*H)[0].f64());

  // Errors are values: a wrong argument type, then a trap.
  auto Bad = Hypot.call(Store, {orca::Val(3), orca::Val(4.0)});
  std::printf("bad call: %s\n", Bad.error().toString().c_str());
  auto Div = I.getTypedFunc<int32_t(int32_t, int32_t)>(Store, "div").value();
  orca::Result<int32_t> Z = Div.call(Store, 1, 0);
  std::printf("div(1, 0): %s\n", Z.error().toString().c_str());
  bool OK = Sum == 42 && Q == 9 && R == 2 && (*H)[0].f64() == 5.0 && !Bad &&
            Z.error().isTrap() &&
            Z.error().trap()->code() == orca::TrapCode::IntegerDivideByZero;
  return OK ? 0 : 1;
}
