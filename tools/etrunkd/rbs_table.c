// SPDX-License-Identifier: GPL-2.0
/*
 * rbs_table.c - the remote backup service's entry tables (rbs_table.h):
 * chained hashing (FNV-1a over the key), doubled at a load of 1.
 */
#include <stdlib.h>
#include <string.h>

#include "rbs_table.h"

static size_t hash(const struct rbs_ekey *k)
{
	const uint8_t *p = (const uint8_t *)k;
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < sizeof(*k); i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ h >> 32);
}

static bool key_eq(const struct rbs_ekey *a, const struct rbs_ekey *b)
{
	return !memcmp(a, b, sizeof(*a));
}

int rbs_table_init(struct rbs_table *t)
{
	memset(t, 0, sizeof(*t));
	t->nb = 1024;
	t->b = calloc(t->nb, sizeof(*t->b));
	if (!t->b)
		return -1;
	t->head.next = t->head.prev = &t->head;
	return 0;
}

void rbs_table_free(struct rbs_table *t)
{
	struct rbs_ent *e, *n;

	if (!t->b)
		return;
	for (e = t->head.next; e != &t->head; e = n) {
		n = e->next;
		free(e);
	}
	free(t->b);
	memset(t, 0, sizeof(*t));
}

struct rbs_ent *rbs_table_find(const struct rbs_table *t,
			       const struct rbs_ekey *k)
{
	struct rbs_ent *e;

	for (e = t->b[hash(k) & (t->nb - 1)]; e; e = e->hnext)
		if (key_eq(&e->k, k))
			return e;
	return NULL;
}

static void grow(struct rbs_table *t)
{
	size_t nb = t->nb * 2, i;
	struct rbs_ent **b = calloc(nb, sizeof(*b)), *e, *n;

	if (!b)
		return;	/* longer chains, still correct */
	for (i = 0; i < t->nb; i++) {
		for (e = t->b[i]; e; e = n) {
			size_t h = hash(&e->k) & (nb - 1);

			n = e->hnext;
			e->hnext = b[h];
			b[h] = e;
		}
	}
	free(t->b);
	t->b = b;
	t->nb = nb;
}

struct rbs_ent *rbs_table_add(struct rbs_table *t, const struct rbs_ekey *k)
{
	struct rbs_ent *e = calloc(1, sizeof(*e));
	size_t h;

	if (!e)
		return NULL;
	if (t->n >= t->nb)
		grow(t);
	e->k = *k;
	h = hash(k) & (t->nb - 1);
	e->hnext = t->b[h];
	t->b[h] = e;
	e->prev = t->head.prev;
	e->next = &t->head;
	t->head.prev->next = e;
	t->head.prev = e;
	t->n++;
	return e;
}

void rbs_table_del(struct rbs_table *t, struct rbs_ent *e)
{
	struct rbs_ent **pp = &t->b[hash(&e->k) & (t->nb - 1)];
	unsigned int i;

	for (i = 0; i < RBS_TABLE_CURSORS; i++)
		if (t->cur[i] && *t->cur[i] == e)
			*t->cur[i] = rbs_table_next(t, e);
	while (*pp && *pp != e)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = e->hnext;
	e->prev->next = e->next;
	e->next->prev = e->prev;
	t->n--;
	free(e);
}

struct rbs_ent *rbs_table_first(const struct rbs_table *t)
{
	return t->head.next == &t->head ? NULL : t->head.next;
}

struct rbs_ent *rbs_table_next(const struct rbs_table *t,
			       const struct rbs_ent *e)
{
	return e->next == &t->head ? NULL : e->next;
}

int rbs_table_cursor(struct rbs_table *t, struct rbs_ent **cur)
{
	unsigned int i;

	for (i = 0; i < RBS_TABLE_CURSORS; i++) {
		if (!t->cur[i]) {
			t->cur[i] = cur;
			return 0;
		}
	}
	return -1;
}

void rbs_table_uncursor(struct rbs_table *t, struct rbs_ent **cur)
{
	unsigned int i;

	for (i = 0; i < RBS_TABLE_CURSORS; i++)
		if (t->cur[i] == cur)
			t->cur[i] = NULL;
}
