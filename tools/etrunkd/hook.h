/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hook.h - the script run on every role change of a member trunk, so that
 * other services (a pseudowire or access-circuit stack, a gateway
 * redundancy protocol) can follow the E-Trunk state. It runs
 * asynchronously (the daemon never waits for it) as
 *
 *     HOOK GROUP TRUNK OLD_ROLE NEW_ROLE
 *
 * with the environment ETRUNK_GROUP (the group id), ETRUNK_TRUNK (the
 * trunk's interface name), ETRUNK_TRUNK_ID (its E-Trunk id),
 * ETRUNK_OLD_ROLE and ETRUNK_NEW_ROLE ("none", "master", "backup") and
 * ETRUNK_REASON (why, as etrunkctl names it).
 */
#ifndef ETKD_HOOK_H
#define ETKD_HOOK_H

#include <stdint.h>

void hook_run(const char *path, uint32_t group, const char *trunk,
	      uint32_t trunk_id, const char *old_role, const char *new_role,
	      const char *reason);

#endif /* ETKD_HOOK_H */
