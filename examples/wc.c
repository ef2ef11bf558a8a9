// A WASI program for wasm-run: counts lines, words and bytes of the files
// named on its command line (or of stdin), like `wc`.
//
//   wasm-run --dir examples::/ build/examples/wc.wasm /wc.c /primes.c
#include <ctype.h>
#include <stdio.h>

static int count(FILE *F, const char *Name, long Totals[3]) {
  long Lines = 0, Words = 0, Bytes = 0;
  int InWord = 0;
  for (int C; (C = fgetc(F)) != EOF;) {
    ++Bytes;
    Lines += C == '\n';
    if (isspace(C))
      InWord = 0;
    else if (!InWord) {
      InWord = 1;
      ++Words;
    }
  }
  printf("%7ld %7ld %7ld %s\n", Lines, Words, Bytes, Name);
  Totals[0] += Lines;
  Totals[1] += Words;
  Totals[2] += Bytes;
  return 0;
}

int main(int Argc, char **Argv) {
  long Totals[3] = {0, 0, 0};
  if (Argc < 2)
    return count(stdin, "", Totals);
  int Status = 0;
  for (int I = 1; I < Argc; ++I) {
    FILE *F = fopen(Argv[I], "r");
    if (!F) {
      perror(Argv[I]);
      Status = 1;
      continue;
    }
    count(F, Argv[I], Totals);
    fclose(F);
  }
  if (Argc > 2)
    printf("%7ld %7ld %7ld total\n", Totals[0], Totals[1], Totals[2]);
  return Status;
}
