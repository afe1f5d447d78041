// SPDX-License-Identifier: GPL-2.0
/*
 * hook.c - running the role-change hook (hook.h). Children are reaped by
 * the kernel (SIGCHLD is ignored with SA_NOCLDWAIT in main).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hook.h"
#include "log.h"

void hook_run(const char *path, uint32_t group, const char *trunk,
	      uint32_t trunk_id, const char *old_role, const char *new_role,
	      const char *reason)
{
	char g[16], id[16];
	pid_t pid;

	if (!path)
		return;
	snprintf(g, sizeof(g), "%u", group);
	snprintf(id, sizeof(id), "%u", trunk_id);
	pid = fork();
	if (pid < 0) {
		log_err("hook %s: fork: %s", path, strerror(errno));
		return;
	}
	if (pid > 0)
		return;
	if (setenv("ETRUNK_GROUP", g, 1) || setenv("ETRUNK_TRUNK", trunk, 1) ||
	    setenv("ETRUNK_TRUNK_ID", id, 1) ||
	    setenv("ETRUNK_OLD_ROLE", old_role, 1) ||
	    setenv("ETRUNK_NEW_ROLE", new_role, 1) ||
	    setenv("ETRUNK_REASON", reason, 1))
		_exit(127);
	execl(path, path, g, trunk, old_role, new_role, (char *)NULL);
	log_err("hook %s: %s", path, strerror(errno));
	_exit(127);
}
