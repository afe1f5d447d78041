// SPDX-License-Identifier: GPL-2.0
/*
 * hook.c - running the role-change hook (hook.h): a FIFO of the changes
 * waiting and at most one child. Children are reaped on SIGCHLD, which
 * the daemon takes through its signalfd.
 */
#include <errno.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hook.h"
#include "log.h"

struct hook_call {
	uint32_t group, trunk_id;
	char trunk[IF_NAMESIZE];
	char old_role[8], new_role[8], reason[32];
};

static const char *hook_path;
static unsigned int hook_timeout;	/* ms */
static struct hook_call queue[HOOK_QUEUE];
static unsigned int q_head, q_len;
static pid_t running;		/* 0: none */
static uint64_t started;	/* when it started, in ms */
static int killed;		/* past its time, SIGKILL sent */
static struct hook_call current;

void hook_init(const char *path, unsigned int timeout_ms)
{
	hook_path = path;
	hook_timeout = timeout_ms;
}

/* In the child: the signals as a fresh process has them, then exec. */
static void __attribute__((noreturn)) hook_exec(const struct hook_call *c)
{
	char g[16], id[16];
	sigset_t none;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	snprintf(g, sizeof(g), "%u", c->group);
	snprintf(id, sizeof(id), "%u", c->trunk_id);
	if (setenv("ETRUNK_GROUP", g, 1) ||
	    setenv("ETRUNK_TRUNK", c->trunk, 1) ||
	    setenv("ETRUNK_TRUNK_ID", id, 1) ||
	    setenv("ETRUNK_OLD_ROLE", c->old_role, 1) ||
	    setenv("ETRUNK_NEW_ROLE", c->new_role, 1) ||
	    setenv("ETRUNK_REASON", c->reason, 1))
		_exit(127);
	execl(hook_path, hook_path, g, c->trunk, c->old_role, c->new_role,
	      (char *)NULL);
	log_err("hook %s: %s", hook_path, strerror(errno));
	_exit(127);
}

/* Start the oldest waiting call, if none runs. */
static void hook_next(uint64_t now)
{
	while (!running && q_len) {
		pid_t pid;

		current = queue[q_head];
		q_head = (q_head + 1) % HOOK_QUEUE;
		q_len--;
		pid = fork();
		if (pid < 0) {
			log_err("hook %s: fork: %s", hook_path, strerror(errno));
			continue;
		}
		if (pid == 0)
			hook_exec(&current);
		running = pid;
		started = now;
		killed = 0;
	}
}

void hook_run(uint32_t group, const char *trunk, uint32_t trunk_id,
	      const char *old_role, const char *new_role, const char *reason,
	      uint64_t now)
{
	struct hook_call *c;

	if (!hook_path)
		return;
	if (q_len == HOOK_QUEUE) {
		c = &queue[q_head];
		log_warn("hook %s: %u runs waiting; dropping the oldest (%s %s -> %s)",
			 hook_path, q_len, c->trunk, c->old_role, c->new_role);
		q_head = (q_head + 1) % HOOK_QUEUE;
		q_len--;
	}
	c = &queue[(q_head + q_len) % HOOK_QUEUE];
	memset(c, 0, sizeof(*c));
	c->group = group;
	c->trunk_id = trunk_id;
	snprintf(c->trunk, sizeof(c->trunk), "%s", trunk);
	snprintf(c->old_role, sizeof(c->old_role), "%s", old_role);
	snprintf(c->new_role, sizeof(c->new_role), "%s", new_role);
	snprintf(c->reason, sizeof(c->reason), "%s", reason);
	q_len++;
	hook_next(now);
}

unsigned int hook_waiting(void)
{
	return q_len + !!running;
}

void hook_reap(uint64_t now)
{
	pid_t pid;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		if (pid != running)
			continue;
		running = 0;
		if (WIFEXITED(st) && WEXITSTATUS(st))
			log_warn("hook %s (%s %s -> %s): exit status %d",
				 hook_path, current.trunk, current.old_role,
				 current.new_role, WEXITSTATUS(st));
		else if (WIFSIGNALED(st))
			log_warn("hook %s (%s %s -> %s): killed by signal %d after %llu ms",
				 hook_path, current.trunk, current.old_role,
				 current.new_role, WTERMSIG(st),
				 (unsigned long long)(now - started));
	}
	hook_next(now);
}

uint64_t hook_tick(uint64_t now)
{
	if (!running || killed)
		return UINT64_MAX;
	if (now - started < hook_timeout)
		return started + hook_timeout;
	log_warn("hook %s (%s %s -> %s): still running after %u ms; killing it",
		 hook_path, current.trunk, current.old_role, current.new_role,
		 hook_timeout);
	/* Its SIGCHLD brings hook_reap() and the next one. */
	kill(running, SIGKILL);
	killed = 1;
	return UINT64_MAX;
}
