/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hook.h - the script run on every role change of a member trunk, so that
 * other services (a pseudowire or access-circuit stack, a gateway
 * redundancy protocol) can follow the E-Trunk state. It runs as
 *
 *     HOOK GROUP TRUNK OLD_ROLE NEW_ROLE
 *
 * with the environment ETRUNK_GROUP (the group id), ETRUNK_TRUNK (the
 * trunk's interface name), ETRUNK_TRUNK_ID (its E-Trunk id),
 * ETRUNK_OLD_ROLE and ETRUNK_NEW_ROLE ("none", "master", "backup") and
 * ETRUNK_REASON (why, as etrunkctl names it).
 *
 * The daemon never waits for a hook, but runs them one at a time in the
 * order of the changes: a change that comes while a hook runs is queued
 * (HOOK_QUEUE entries; when full, the oldest waiting is dropped, logged)
 * and its hook started when the running one exits. A hook still running
 * after HOOK_TIMEOUT_MS (60 s) is killed, so one that hangs cannot hold the
 * others back for ever. A hook that fails is logged with its status.
 */
#ifndef ETKD_HOOK_H
#define ETKD_HOOK_H

#include <stdint.h>

#define HOOK_QUEUE		64
#define HOOK_TIMEOUT_MS		60000

/*
 * The hook's path (NULL: none) and how long one may run (the daemon's is
 * HOOK_TIMEOUT_MS); set once, before the first hook_run().
 */
void hook_init(const char *path, unsigned int timeout_ms);

/*
 * Queue a run for a role change; starts it at once if none runs. Times
 * are the daemon's clock in ms (now_ms()).
 */
void hook_run(uint32_t group, const char *trunk, uint32_t trunk_id,
	      const char *old_role, const char *new_role, const char *reason,
	      uint64_t now);

/* How many runs wait or run. */
unsigned int hook_waiting(void);

/* SIGCHLD came: reap the running hook and start the next one. */
void hook_reap(uint64_t now);

/* Kill a hook past its time; returns the next deadline (UINT64_MAX: none). */
uint64_t hook_tick(uint64_t now);

#endif /* ETKD_HOOK_H */
