//===- Binary/OpcodeTable.h - Encoding -> Opcode lookup ---------*- C++ -*-===//
//
// The reverse of opcodeInfo(): maps an opcode's binary encoding back to the
// Opcode, for InstrReader. Built once from Opcodes.def.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_OPCODETABLE_H
#define ORCA_BINARY_OPCODETABLE_H

#include "Binary/Instr.h"

#include <optional>

namespace orca {

/// The opcode encoded as \p Code (after \p Prefix, which is 0, 0xfc or
/// 0xfd), or nothing if no instruction has that encoding.
std::optional<Opcode> lookupOpcode(uint8_t Prefix, uint32_t Code);

/// True if \p Byte starts a prefixed opcode.
inline bool isOpcodePrefix(uint8_t Byte) {
  return Byte == 0xfc || Byte == 0xfd;
}

} // namespace orca

#endif // ORCA_BINARY_OPCODETABLE_H
