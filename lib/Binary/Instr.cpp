//===- Binary/Instr.cpp - The opcode table --------------------------------===//
//
// Expands Opcodes.def into the OpcodeInfo table (indexed by Opcode) and the
// decode tables that map each encoding back to its Opcode.
//
//===----------------------------------------------------------------------===//

#include "Binary/Instr.h"
#include "Binary/OpcodeTable.h"

#include <array>

using namespace orca;

namespace {

const OpcodeInfo InfoTable[] = {
#define ORCA_OPCODE(Enum, Prefix, Code, Name, Imm, Sig)                        \
  {Prefix, Code, Name, ImmKind::Imm, Sig},
#include "Binary/Opcodes.def"
};

constexpr size_t NumOpcodes = sizeof(InfoTable) / sizeof(InfoTable[0]);

/// Every prefix space in 2.0 fits in 256 codes; an entry of 0xffff marks
/// an unassigned encoding.
struct DecodeTables {
  static constexpr uint16_t None = 0xffff;
  std::array<uint16_t, 256> Plain, FC, FD;

  DecodeTables() {
    Plain.fill(None);
    FC.fill(None);
    FD.fill(None);
    for (size_t I = 0; I < NumOpcodes; ++I) {
      const OpcodeInfo &Info = InfoTable[I];
      if (Info.Code >= 256)
        continue;
      tableFor(Info.Prefix)[Info.Code] = uint16_t(I);
    }
  }

  std::array<uint16_t, 256> &tableFor(uint8_t Prefix) {
    return Prefix == 0xfc ? FC : Prefix == 0xfd ? FD : Plain;
  }
  const std::array<uint16_t, 256> &tableFor(uint8_t Prefix) const {
    return Prefix == 0xfc ? FC : Prefix == 0xfd ? FD : Plain;
  }
};

const DecodeTables &decodeTables() {
  static const DecodeTables Tables;
  return Tables;
}

} // namespace

const OpcodeInfo &orca::opcodeInfo(Opcode Op) { return InfoTable[size_t(Op)]; }

std::optional<Opcode> orca::lookupOpcode(uint8_t Prefix, uint32_t Code) {
  if (Code >= 256 || (Prefix != 0 && !isOpcodePrefix(Prefix)))
    return std::nullopt;
  uint16_t Index = decodeTables().tableFor(Prefix)[Code];
  if (Index == DecodeTables::None)
    return std::nullopt;
  return Opcode(Index);
}
