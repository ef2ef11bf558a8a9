//===- Binary/Instr.h - One decoded instruction ------------------*- C++
//-*-===//
//
// The opcode enumeration (expanded from Opcodes.def), the static facts about
// each opcode, and `Instr`, the decoded form of one instruction with its
// immediates. InstrReader produces Instrs; the validator and the code
// generator consume them.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_INSTR_H
#define ORCA_BINARY_INSTR_H

#include "Binary/Module.h"

#include "llvm/ADT/ArrayRef.h"

#include <array>
#include <cstdint>

namespace orca {

enum class Opcode : uint16_t {
#define ORCA_OPCODE(Enum, Prefix, Code, Name, Imm, Sig) Enum,
#include "Binary/Opcodes.def"
};

/// What follows an opcode in the binary, and which Instr fields hold it.
enum class ImmKind : uint8_t {
  None,
  Block,        ///< Block
  Label,        ///< A = relative depth
  BrTable,      ///< Targets = depths, default last
  Func,         ///< A = function index
  CallIndirect, ///< A = type index, B = table index
  Local,        ///< A = local index
  Global,       ///< A = global index
  Table,        ///< A = table index
  MemArg,       ///< A = alignment exponent, B = memory index, Imm = offset
  MemArgLane,   ///< as MemArg, plus Lane
  Mem,          ///< A = memory index (a zero byte in 2.0)
  I32,          ///< Imm = the value's 32 bits, zero-extended
  I64,          ///< Imm = the value's 64 bits
  F32,          ///< Imm = the bit pattern, zero-extended
  F64,          ///< Imm = the bit pattern
  SelectT,      ///< Type = the single result type
  RefType,      ///< Type = the reference type
  DataMem,      ///< A = data index, B = memory index
  Data,         ///< A = data index
  MemMem,       ///< A = destination memory, B = source memory
  ElemTable,    ///< A = element index, B = table index
  Elem,         ///< A = element index
  TableTable,   ///< A = destination table, B = source table
  V128,         ///< Bytes = the 16 bytes, little-endian
  Shuffle,      ///< Bytes = the 16 lane indices
  Lane,         ///< Lane = the lane index
};

struct OpcodeInfo {
  uint8_t Prefix;   ///< 0, 0xfc or 0xfd
  uint32_t Code;    ///< byte, or the u32 after the prefix
  const char *Name; ///< text format name, e.g. "i32.add"
  ImmKind Imm;
  const char *Sig; ///< see Opcodes.def; empty when typed by hand
};

const OpcodeInfo &opcodeInfo(Opcode Op);
inline const char *opcodeName(Opcode Op) { return opcodeInfo(Op).Name; }

struct BlockType {
  enum Kind : uint8_t { Empty, Value, TypeIndex };
  Kind K = Empty;
  ValType Type = ValType::I32; ///< when K == Value
  uint32_t Index = 0;          ///< when K == TypeIndex
};

struct Instr {
  Opcode Op = Opcode::Nop;
  uint32_t Offset = 0; ///< byte offset of the opcode within Module::Bytes
  uint32_t A = 0;
  uint32_t B = 0;
  uint64_t Imm = 0;
  uint8_t Lane = 0;
  ValType Type = ValType::I32;
  BlockType Block;
  std::array<uint8_t, 16> Bytes{};
  /// br_table targets; valid until the next InstrReader::read.
  llvm::ArrayRef<uint32_t> Targets;
};

} // namespace orca

#endif // ORCA_BINARY_INSTR_H
