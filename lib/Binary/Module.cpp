//===- Binary/Module.cpp - Small queries on the decoded module ------------===//
//
// Printable names for value and extern kinds, and lookups into a Module's
// exports and name section.
//
//===----------------------------------------------------------------------===//

#include "Binary/Module.h"

#include <algorithm>

using namespace orca;

const char *orca::valTypeName(ValType T) {
  switch (T) {
  case ValType::I32:
    return "i32";
  case ValType::I64:
    return "i64";
  case ValType::F32:
    return "f32";
  case ValType::F64:
    return "f64";
  case ValType::V128:
    return "v128";
  case ValType::FuncRef:
    return "funcref";
  case ValType::ExternRef:
    return "externref";
  }
  return "<unknown type>";
}

const char *orca::externKindName(ExternKind K) {
  switch (K) {
  case ExternKind::Func:
    return "func";
  case ExternKind::Table:
    return "table";
  case ExternKind::Memory:
    return "memory";
  case ExternKind::Global:
    return "global";
  }
  return "<unknown kind>";
}

const std::string *NameSection::functionName(uint32_t FuncIndex) const {
  // FunctionNames is sorted by index (the decoder sorts it).
  auto It = std::lower_bound(
      FunctionNames.begin(), FunctionNames.end(), FuncIndex,
      [](const auto &Entry, uint32_t Index) { return Entry.first < Index; });
  if (It == FunctionNames.end() || It->first != FuncIndex)
    return nullptr;
  return &It->second;
}

const Export *Module::findExport(std::string_view Name) const {
  // Export names are unique in a valid module; a linear scan is fine for
  // the embedder-facing lookups this serves.
  for (const Export &E : Exports)
    if (E.Name == Name)
      return &E;
  return nullptr;
}
