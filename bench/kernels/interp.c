/* interp.c - a small interpreter loop: a stack bytecode VM dispatched with a
 * switch, running a program that sums a collatz-like sequence in a loop. */
#include "bench_common.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, AND, SHR, LT, JZ, JMP, DUP, POP, HALT };

/* locals: 0 = i, 1 = n, 2 = acc, 3 = x; the number before each line is
 * its bytecode offset (jump targets). */
static const int32_t prog[] = {
    /* 0 */ PUSH, 0, STORE, 0,                       /* i = 0 */
    /* 4 */ PUSH, 0, STORE, 2,                       /* acc = 0 */
    /* 8 */ LOAD, 0, LOAD, 1, LT, JZ, 63,            /* while (i < n) */
    /* 15 */ LOAD, 0, PUSH, 7, MUL, PUSH, 3, ADD, STORE, 3, /* x = i*7+3 */
    /* 25 */ LOAD, 3, PUSH, 1, AND, JZ, 44,          /* if (x & 1) */
    /* 32 */ LOAD, 3, PUSH, 3, MUL, PUSH, 1, ADD, PUSH, 1, JMP, 48, /* (3x+1), 1 */
    /* 44 */ LOAD, 3, PUSH, 1,                       /* else x, 1 */
    /* 48 */ SHR,                                    /* ... >> 1 */
    /* 49 */ LOAD, 2, ADD, STORE, 2,                 /* acc += it */
    /* 54 */ LOAD, 0, PUSH, 1, ADD, STORE, 0,        /* i++ */
    /* 61 */ JMP, 8,
    /* 63 */ HALT};

static uint32_t run(uint32_t n) {
  uint32_t stack[64], loc[4] = {0, n, 0, 0};
  int sp = 0, pc = 0;
  for (;;) {
    int32_t op = prog[pc++];
    switch (op) {
    case PUSH: stack[sp++] = (uint32_t)prog[pc++]; break;
    case LOAD: stack[sp++] = loc[prog[pc++]]; break;
    case STORE: loc[prog[pc++]] = stack[--sp]; break;
    case ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case AND: sp--; stack[sp - 1] &= stack[sp]; break;
    case SHR: sp--; stack[sp - 1] >>= stack[sp] & 31; break;
    case LT: sp--; stack[sp - 1] = (int32_t)stack[sp - 1] < (int32_t)stack[sp]; break;
    case JZ: { int32_t t = prog[pc++]; if (!stack[--sp]) pc = t; break; }
    case JMP: pc = prog[pc]; break;
    case DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case POP: sp--; break;
    case HALT: return loc[2];
    default: return 0xFFFFFFFFu;
    }
  }
}

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  uint64_t h = 0;
  for (int r = 0; r < 3 * s; r++)
    h = h * 31 + run(2000000u + (uint32_t)r);
  bench_checksum_u64(h);
  return 0;
}
