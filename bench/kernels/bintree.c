/* bintree.c - pointer chasing: the "binary-trees" allocation benchmark
 * (malloc/free of many small nodes, recursive walks) followed by walks of a
 * singly linked list laid out in a shuffled order (cache-missing loads). */
#include "bench_common.h"

struct node { struct node *l, *r; };

static struct node *make(int d) {
  struct node *n = malloc(sizeof *n);
  if (d > 0) { n->l = make(d - 1); n->r = make(d - 1); }
  else n->l = n->r = 0;
  return n;
}
static long check(const struct node *n) {
  return n->l ? 1 + check(n->l) + check(n->r) : 1;
}
static void release(struct node *n) {
  if (n->l) { release(n->l); release(n->r); }
  free(n);
}

struct lnode { struct lnode *next; uint32_t val; };
#define LN (1 << 16)

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  uint64_t h = 0;
  const int maxd = 14;
  struct node *longlived = make(maxd);
  for (int rep = 0; rep < s; rep++)
    for (int d = 4; d <= maxd; d += 2) {
      int iters = 1 << (maxd - d + 4);
      long c = 0;
      for (int i = 0; i < iters; i++) {
        struct node *t = make(d);
        c += check(t);
        release(t);
      }
      h = h * 31 + (uint64_t)c;
    }
  h = h * 31 + (uint64_t)check(longlived);
  release(longlived);

  /* Linked list through a random permutation of an array. */
  struct lnode *nodes = malloc(LN * sizeof *nodes);
  uint32_t *perm = malloc(LN * sizeof *perm);
  for (uint32_t i = 0; i < LN; i++) perm[i] = i;
  for (uint32_t i = LN - 1; i > 0; i--) {
    uint32_t j = (uint32_t)(bench_rand() % (i + 1));
    uint32_t t = perm[i]; perm[i] = perm[j]; perm[j] = t;
  }
  for (uint32_t i = 0; i < LN; i++) {
    nodes[perm[i]].val = i;
    nodes[perm[i]].next = i + 1 < LN ? &nodes[perm[i + 1]] : 0;
  }
  for (int w = 0; w < 100 * s; w++) {
    uint64_t acc = 0;
    for (struct lnode *p = &nodes[perm[0]]; p; p = p->next)
      acc += p->val ^ (uint32_t)w;
    h = h * 31 + acc;
  }
  free(perm);
  free(nodes);
  bench_checksum_u64(h);
  return 0;
}
