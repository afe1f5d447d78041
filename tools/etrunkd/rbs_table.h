/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbs_table.h - the remote backup service's entry tables: a hash of
 * entries by their identity on the wire (profile, kind, relation, VLAN,
 * address) with an insertion-ordered list that bulk syncs walk with
 * cursors which survive deletions. Pure, no I/O.
 */
#ifndef ETKD_RBS_TABLE_H
#define ETKD_RBS_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rbs_ekey {
	uint16_t prof;		/* the profile's slot in this daemon */
	uint8_t kind;		/* enum etkd_rbs_kind */
	uint8_t rel;		/* enum etkd_rbs_rel */
	uint16_t vid;
	uint8_t addr[16];	/* IPv4 as ::ffff:a.b.c.d */
};

struct rbs_ent {
	struct rbs_ent *hnext;
	struct rbs_ent *prev, *next;	/* the table's list */
	struct rbs_ekey k;
	uint8_t lladdr[6];
	uint8_t flags;		/* ETKD_RBS_EF_* */
	bool installed;		/* peer table: in the kernel now */
	bool stale;		/* peer table: not (yet) in the current bulk */
	int ifindex;		/* where it is (local) or installed (peer) */
};

#define RBS_TABLE_CURSORS 64

struct rbs_table {
	struct rbs_ent **b;
	size_t nb;		/* buckets, a power of 2 */
	size_t n;
	struct rbs_ent head;	/* list sentinel */
	/* Bulk cursors: moved on when their entry goes. */
	struct rbs_ent **cur[RBS_TABLE_CURSORS];
};

int rbs_table_init(struct rbs_table *t);
void rbs_table_free(struct rbs_table *t);
struct rbs_ent *rbs_table_find(const struct rbs_table *t,
			       const struct rbs_ekey *k);
/* A new entry with key @k (none there yet), zeroed; NULL: no memory. */
struct rbs_ent *rbs_table_add(struct rbs_table *t, const struct rbs_ekey *k);
void rbs_table_del(struct rbs_table *t, struct rbs_ent *e);
/* The first entry, the next (NULL at the end). */
struct rbs_ent *rbs_table_first(const struct rbs_table *t);
struct rbs_ent *rbs_table_next(const struct rbs_table *t,
			       const struct rbs_ent *e);
/* Register/unregister a cursor (a pointer the table moves on deletion). */
int rbs_table_cursor(struct rbs_table *t, struct rbs_ent **cur);
void rbs_table_uncursor(struct rbs_table *t, struct rbs_ent **cur);

#endif /* ETKD_RBS_TABLE_H */
