//===- wasm-spectest/SpectestHost.cpp - The `spectest` module -------------===//
//
// The spec interpreter's `spectest` module (test/core/README and
// interpreter/host/spectest.ml): same names, types and values.
//
//===----------------------------------------------------------------------===//

#include "SpectestHost.h"

#include "ValueParsing.h"

#include "llvm/Support/raw_ostream.h"

using namespace orca;
using namespace orca::spectest;

llvm::Expected<SpectestHost> SpectestHost::create(Store &S, bool Verbose) {
  SpectestHost H;

  // The print functions take their arguments and return nothing.
  struct PrintFn {
    const char *Name;
    std::vector<ValType> Params;
  };
  const PrintFn Prints[] = {
      {"print", {}},
      {"print_i32", {ValType::I32}},
      {"print_i64", {ValType::I64}},
      {"print_f32", {ValType::F32}},
      {"print_f64", {ValType::F64}},
      {"print_i32_f32", {ValType::I32, ValType::F32}},
      {"print_f64_f64", {ValType::F64, ValType::F64}},
  };
  for (const PrintFn &P : Prints) {
    FuncType T;
    T.Params = P.Params;
    std::string Name = P.Name;
    HostCallback CB = [Verbose, Name](Caller &, llvm::ArrayRef<Value> Args,
                                      llvm::MutableArrayRef<Value>) {
      if (Verbose) {
        ExternRefPool NoRefs;
        llvm::errs() << "spectest." << Name << formatValues(Args, NoRefs)
                     << "\n";
      }
      return llvm::Error::success();
    };
    H.Exports[P.Name] = S.createHostFunction(T, std::move(CB));
  }

  H.Exports["global_i32"] =
      S.createGlobal(GlobalType{ValType::I32, false}, Value::i32(666));
  H.Exports["global_i64"] =
      S.createGlobal(GlobalType{ValType::I64, false}, Value::i64(666));
  H.Exports["global_f32"] =
      S.createGlobal(GlobalType{ValType::F32, false}, Value::f32(666.6f));
  H.Exports["global_f64"] =
      S.createGlobal(GlobalType{ValType::F64, false}, Value::f64(666.6));

  TableType TT;
  TT.Elem = ValType::FuncRef;
  TT.Lim.Min = 10;
  TT.Lim.Max = 20;
  auto Table = S.createTable(TT, Value::ref(ValType::FuncRef, nullptr));
  if (!Table)
    return Table.takeError();
  H.Exports["table"] = *Table;

  MemoryType MT;
  MT.Lim.Min = 1;
  MT.Lim.Max = 2;
  auto Mem = S.createMemory(MT);
  if (!Mem)
    return Mem.takeError();
  H.Exports["memory"] = *Mem;

  // The threads proposal's scripts import it; a shared import links only
  // to a shared memory.
  MT.Lim.Shared = true;
  auto Shared = S.createMemory(MT);
  if (!Shared)
    return Shared.takeError();
  H.Exports["shared_memory"] = *Shared;
  return H;
}

std::optional<Extern> SpectestHost::lookup(std::string_view Field) const {
  auto It = Exports.find(llvm::StringRef(Field.data(), Field.size()));
  if (It == Exports.end())
    return std::nullopt;
  return It->second;
}
