//===- API/CApiTrap.cpp - Traps and frames --------------------------------===//
//
// Owns wasm_trap_t (a message and the wasm frames of the trap, innermost
// first) and wasm_frame_t, and how the C++ API's errors become traps.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

wasm_trap_t *capi::makeTrap(std::string Message) {
  auto *T = new wasm_trap_t;
  T->Message = std::move(Message);
  return T;
}

wasm_trap_t *capi::makeTrap(const Error &E) {
  const Trap *Tr = E.trap();
  wasm_trap_t *T = makeTrap(Tr ? Tr->message() : E.toString());
  if (Tr)
    for (const FrameInfo &F : Tr->backtrace()) {
      wasm_frame_t Fr;
      Fr.FuncIndex = F.FuncIndex;
      Fr.ModuleOffset = F.CodeOffset;
      // The C++ API reports module offsets only; the offset within the
      // function is not known here.
      Fr.FuncOffset = 0;
      T->Frames.push_back(Fr);
    }
  return T;
}

extern "C" {

wasm_trap_t *wasm_trap_new(wasm_store_t *, const wasm_message_t *M) {
  std::string_view Msg = M ? nameView(*M) : std::string_view();
  // The message is null-terminated; keep the text only.
  if (!Msg.empty() && Msg.back() == '\0')
    Msg.remove_suffix(1);
  return makeTrap(std::string(Msg));
}

void wasm_trap_message(const wasm_trap_t *T, wasm_message_t *Out) {
  *Out = makeName(T->Message, /*WithNul=*/true);
}

wasm_frame_t *wasm_trap_origin(const wasm_trap_t *T) {
  return T->Frames.empty() ? nullptr : new wasm_frame_t(T->Frames.front());
}

void wasm_trap_trace(const wasm_trap_t *T, wasm_frame_vec_t *Out) {
  wasm_frame_vec_new_uninitialized(Out, T->Frames.size());
  for (size_t I = 0; I < T->Frames.size(); ++I)
    Out->data[I] = new wasm_frame_t(T->Frames[I]);
}

void wasm_frame_delete(wasm_frame_t *F) { delete F; }
wasm_frame_t *wasm_frame_copy(const wasm_frame_t *F) {
  return new wasm_frame_t(*F);
}
// Frames do not record their instance (the C++ API's backtraces have none).
wasm_instance_t *wasm_frame_instance(const wasm_frame_t *) { return nullptr; }
uint32_t wasm_frame_func_index(const wasm_frame_t *F) { return F->FuncIndex; }
size_t wasm_frame_func_offset(const wasm_frame_t *F) { return F->FuncOffset; }
size_t wasm_frame_module_offset(const wasm_frame_t *F) {
  return F->ModuleOffset;
}

} // extern "C"
