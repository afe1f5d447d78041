// SPDX-License-Identifier: GPL-2.0
/*
 * election.c - the master/backup election of a member trunk (the rules
 * are in election.h).
 */
#include <string.h>

#include "election.h"

static struct etkd_verdict verdict(uint8_t role, uint8_t reason)
{
	return (struct etkd_verdict){ .role = role, .reason = reason };
}

static struct etkd_verdict master(uint8_t reason)
{
	return verdict(ETKD_ROLE_MASTER, reason);
}

static struct etkd_verdict backup(uint8_t reason)
{
	return verdict(ETKD_ROLE_BACKUP, reason);
}

static int cmp_u64(uint64_t a, uint64_t b)
{
	return (a > b) - (a < b);
}

/*
 * The device order: > 0 if @a comes first (lower priority value, then
 * lower system ID, then lower address), < 0 if @b does, 0 only for two
 * identical devices. Sets @reason to the field that decided.
 */
static int device_order(const struct etkd_side *a, const struct etkd_side *b,
			uint8_t *reason)
{
	int c;

	c = cmp_u64(b->priority, a->priority);
	if (c) {
		*reason = c > 0 ? ETKD_REASON_HIGHER_PRIORITY :
				  ETKD_REASON_LOWER_PRIORITY;
		return c;
	}
	*reason = ETKD_REASON_SYSID_TIEBREAK;
	c = memcmp(b->sysid, a->sysid, ETKD_SYSID_LEN);
	if (c)
		return c;
	*reason = ETKD_REASON_ADDR_TIEBREAK;
	return memcmp(b->addr, a->addr, ETKD_ADDR_LEN);
}

/* Master if @c > 0: what the device order or the basis decided. */
static struct etkd_verdict by_sign(int c, uint8_t reason)
{
	return c > 0 ? master(reason) : backup(reason);
}

/* Rule 2b: the peer link is lost but the peer answers on the liveness
 * address; keep the roles as they were.
 */
static struct etkd_verdict peer_alive(const struct etkd_elect_in *in)
{
	const struct etkd_side *l = &in->local, *r = &in->remote;
	bool l_master = l->role == ETKD_ROLE_MASTER;
	bool r_master = r->role == ETKD_ROLE_MASTER;
	uint8_t reason;
	int c;

	if (!in->peer_heard)
		return l_master ? master(ETKD_REASON_PEER_DOWN) :
				  backup(ETKD_REASON_LIVENESS);
	if (!r->links)
		return master(ETKD_REASON_PEER_DOWN);
	if (l_master != r_master)
		return l_master ? master(ETKD_REASON_PEER_DOWN) :
				  backup(ETKD_REASON_LIVENESS);
	c = device_order(l, r, &reason);
	return c > 0 ? master(ETKD_REASON_PEER_DOWN) :
		       backup(ETKD_REASON_LIVENESS);
}

/* Rule 4, for two different modes. */
static struct etkd_verdict by_mode(uint8_t l, uint8_t r)
{
	if (l == ETKD_MODE_FORCE_MASTER)
		return master(ETKD_REASON_FORCE_MASTER);
	if (r == ETKD_MODE_FORCE_MASTER)
		return backup(ETKD_REASON_PEER_FORCE_MASTER);
	/* Neither is forced master: one is forced backup, the other auto. */
	if (l == ETKD_MODE_FORCE_BACKUP)
		return backup(ETKD_REASON_FORCE_BACKUP);
	return master(ETKD_REASON_PEER_FORCE_BACKUP);
}

/* Rule 5. */
static struct etkd_verdict by_basis(const struct etkd_side *l,
				    const struct etkd_side *r)
{
	uint8_t order_reason, basis = l->basis;
	int order, c = 0;

	order = device_order(l, r, &order_reason);
	/* Disagreeing sides both follow the device the order puts first. */
	if (l->basis != r->basis)
		basis = order > 0 ? l->basis : r->basis;

	switch (basis) {
	case ETKD_BASIS_LINKS:
		c = cmp_u64(l->links, r->links);
		if (c)
			return by_sign(c, c > 0 ? ETKD_REASON_MORE_LINKS :
						  ETKD_REASON_FEWER_LINKS);
		break;
	case ETKD_BASIS_BANDWIDTH:
		c = cmp_u64(l->bandwidth, r->bandwidth);
		if (c)
			return by_sign(c, c > 0 ? ETKD_REASON_MORE_BANDWIDTH :
						  ETKD_REASON_LESS_BANDWIDTH);
		break;
	}
	/* Identical devices (a hello of our own, looped back) cannot both be
	 * master: backup.
	 */
	return by_sign(order, order_reason);
}

struct etkd_verdict etkd_elect_preferred(const struct etkd_elect_in *in)
{
	const struct etkd_side *l = &in->local, *r = &in->remote;

	if (in->starting)
		return l->role == ETKD_ROLE_MASTER ?
		       master(ETKD_REASON_STARTING) :
		       backup(ETKD_REASON_STARTING);
	if (!l->links)
		return backup(ETKD_REASON_NO_LINKS);
	if (!in->peer_up)
		return in->liveness_alive ? peer_alive(in) :
					    master(ETKD_REASON_PEER_DOWN);
	if (!r->links)
		return master(ETKD_REASON_PEER_NO_LINKS);
	if (l->mode != r->mode)
		return by_mode(l->mode, r->mode);
	return by_basis(l, r);
}

/* Master by winning a comparison: taking it from a master peer is a
 * revert, and waits.
 */
static bool is_preemption(uint8_t reason)
{
	switch (reason) {
	case ETKD_REASON_HIGHER_PRIORITY:
	case ETKD_REASON_SYSID_TIEBREAK:
	case ETKD_REASON_ADDR_TIEBREAK:
	case ETKD_REASON_MORE_LINKS:
	case ETKD_REASON_MORE_BANDWIDTH:
		return true;
	}
	return false;
}

/* Backup because the peer should carry instead (and can): hand over
 * make-before-break.
 */
static bool yields_to_peer(uint8_t reason)
{
	switch (reason) {
	case ETKD_REASON_FORCE_BACKUP:
	case ETKD_REASON_PEER_FORCE_MASTER:
	case ETKD_REASON_LOWER_PRIORITY:
	case ETKD_REASON_SYSID_TIEBREAK:
	case ETKD_REASON_ADDR_TIEBREAK:
	case ETKD_REASON_FEWER_LINKS:
	case ETKD_REASON_LESS_BANDWIDTH:
		return true;
	}
	return false;
}

struct etkd_verdict etkd_elect(const struct etkd_elect_in *in,
			       uint64_t revert_delay_ms, uint64_t now_ms,
			       struct etkd_revert *rv)
{
	struct etkd_verdict v = etkd_elect_preferred(in);
	bool l_master = in->local.role == ETKD_ROLE_MASTER;
	bool r_master = in->remote.role == ETKD_ROLE_MASTER;
	bool live = in->peer_up && !in->starting;

	if (live && v.role == ETKD_ROLE_MASTER && is_preemption(v.reason) &&
	    !l_master && r_master) {
		if (!rv->waiting) {
			rv->waiting = true;
			rv->since_ms = now_ms;
		}
		/* A clock before since_ms counts as no time passed. */
		if (now_ms < rv->since_ms ||
		    now_ms - rv->since_ms < revert_delay_ms)
			return backup(ETKD_REASON_REVERT_WAIT);
		/* Waiting stays set until we are master: the reason held
		 * throughout.
		 */
		return v;
	}
	rv->waiting = false;

	if (live && v.role == ETKD_ROLE_BACKUP && yields_to_peer(v.reason) &&
	    l_master && !r_master)
		return master(ETKD_REASON_HANDOVER);
	return v;
}

uint64_t etkd_revert_deadline(const struct etkd_revert *rv,
			      uint64_t revert_delay_ms)
{
	return rv->waiting ? rv->since_ms + revert_delay_ms : 0;
}

static const char *const reason_names[__ETKD_REASON_MAX] = {
	[ETKD_REASON_NONE] = "none",
	[ETKD_REASON_STARTING] = "starting",
	[ETKD_REASON_NO_LINKS] = "no-links",
	[ETKD_REASON_PEER_DOWN] = "peer-down",
	[ETKD_REASON_LIVENESS] = "liveness-says-peer-alive",
	[ETKD_REASON_PEER_NO_LINKS] = "peer-no-links",
	[ETKD_REASON_FORCE_MASTER] = "force-master",
	[ETKD_REASON_FORCE_BACKUP] = "force-backup",
	[ETKD_REASON_PEER_FORCE_MASTER] = "peer-force-master",
	[ETKD_REASON_PEER_FORCE_BACKUP] = "peer-force-backup",
	[ETKD_REASON_HIGHER_PRIORITY] = "higher-priority",
	[ETKD_REASON_LOWER_PRIORITY] = "lower-priority",
	[ETKD_REASON_SYSID_TIEBREAK] = "system-id-tiebreak",
	[ETKD_REASON_ADDR_TIEBREAK] = "address-tiebreak",
	[ETKD_REASON_MORE_LINKS] = "more-links",
	[ETKD_REASON_FEWER_LINKS] = "fewer-links",
	[ETKD_REASON_MORE_BANDWIDTH] = "more-bandwidth",
	[ETKD_REASON_LESS_BANDWIDTH] = "less-bandwidth",
	[ETKD_REASON_REVERT_WAIT] = "revert-wait",
	[ETKD_REASON_HANDOVER] = "handover",
};

const char *etkd_reason_name(unsigned int reason)
{
	if (reason >= __ETKD_REASON_MAX || !reason_names[reason])
		return "unknown";
	return reason_names[reason];
}

const char *etkd_role_name(unsigned int role)
{
	switch (role) {
	case ETKD_ROLE_NONE:
		return "none";
	case ETKD_ROLE_MASTER:
		return "master";
	case ETKD_ROLE_BACKUP:
		return "backup";
	}
	return "unknown";
}
