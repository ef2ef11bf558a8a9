//===- Runtime/Global.h - A global variable's cell --------------*- C++ -*-===//
//
// A global is a 16-byte cell (room for a v128). Defined globals' cells are
// in the defining instance's vmctx; host globals' cells are in the object.
// Importers point at the cell. Numbers are stored little-endian from byte 0
// as their wasm width; references as a pointer (funcref: the anyfunc record,
// untagged; externref: the host pointer).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_GLOBAL_H
#define ORCA_RUNTIME_GLOBAL_H

#include "Binary/Module.h"
#include "Runtime/VMContext.h"
#include "Runtime/Value.h"

namespace orca {

class GlobalInstance {
public:
  /// \p Cell null: the cell is inside this object.
  GlobalInstance(const GlobalType &T, void *Cell)
      : Type(T), Cell(Cell ? Cell : Own.get()) {}
  GlobalInstance(const GlobalInstance &) = delete;
  GlobalInstance &operator=(const GlobalInstance &) = delete;

  const GlobalType &type() const { return Type; }
  void *cell() const { return Cell; }

  Value get() const {
    Value V;
    V.Type = Type.Type;
    V.Lo = loadAt<uint64_t>(Cell, 0);
    V.Hi = loadAt<uint64_t>(Cell, 8);
    if (Type.Type == ValType::I32 || Type.Type == ValType::F32)
      V.Lo &= 0xffffffffu;
    if (Type.Type != ValType::V128)
      V.Hi = 0;
    return V;
  }
  /// Stores \p V, whose type the caller has checked.
  void set(const Value &V) const {
    uint64_t Lo = V.Lo;
    if (Type.Type == ValType::I32 || Type.Type == ValType::F32)
      Lo &= 0xffffffffu;
    storeAt<uint64_t>(Cell, 0, Lo);
    storeAt<uint64_t>(Cell, 8, Type.Type == ValType::V128 ? V.Hi : 0);
  }

private:
  GlobalType Type;
  RecordStorage<2> Own;
  void *Cell;
};

} // namespace orca

#endif // ORCA_RUNTIME_GLOBAL_H
