// SPDX-License-Identifier: GPL-2.0
/*
 * test_hook.c - the role-change hook runner (hook.c) with a real shell
 * script and real children, SIGCHLD taken through a signalfd as the
 * daemon does: the hooks of a burst of changes run one at a time in the
 * order of the changes, with their arguments and environment and
 * without the daemon's blocked signals or its ignored SIGPIPE (signals
 * ignored where the daemon was started stay so, as for any exec); a failing hook is
 * logged and the next still runs; a hanging one is killed after the
 * timeout; a full queue drops the oldest waiting, logged.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hook.h"
#include "log.h"
#include "test.h"

static char dir[] = "/tmp/test_hook.XXXXXX";
static char script[64], out[64], errlog[64];
static int sfd;

static uint64_t ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The daemon's loop, reduced to the hooks: until none waits or runs. */
static bool drain(unsigned int limit_ms)
{
	uint64_t end = ms() + limit_ms;

	while (hook_waiting()) {
		uint64_t now = ms(), next = hook_tick(now);
		struct pollfd p = { .fd = sfd, .events = POLLIN };
		struct signalfd_siginfo si;
		int t;

		if (now >= end)
			return false;
		next = next < end ? next : end;
		t = next > now ? (int)(next - now) : 0;
		if (poll(&p, 1, t) > 0)
			while (read(sfd, &si, sizeof(si)) == sizeof(si))
				hook_reap(ms());
	}
	return true;
}

static char *slurp(const char *path)
{
	static char buf[16384];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	buf[0] = 0;
	if (fd < 0)
		return buf;
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	close(fd);
	return buf;
}

static void reset(const char *path)
{
	close(open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644));
}

static void call(const char *trunk, const char *reason)
{
	hook_run(7, trunk, 42, "backup", "master", reason, ms());
}

int main(void)
{
	const char *body =
		"#!/bin/sh\n"
		"echo \"start $2 $1 $3 $4 $ETRUNK_GROUP $ETRUNK_TRUNK $ETRUNK_TRUNK_ID"
		" $ETRUNK_OLD_ROLE $ETRUNK_NEW_ROLE $ETRUNK_REASON\" >>%s\n"
		"case $ETRUNK_REASON in\n"
		"slow) sleep 0.3 ;;\n"
		"hang) sleep 30 ;;\n"
		"fail) exit 3 ;;\n"
		"signals) blk=$(awk '/^SigBlk/ { print $2 }' /proc/$$/status);"
		" ign=$(awk '/^SigIgn/ { print $2 }' /proc/$$/status);"
		" echo \"blocked $blk, SIGPIPE ignored $(((0x$ign >> 12) & 1))\" >>%s ;;\n"
		"esac\n"
		"echo \"end $2\" >>%s\n";
	char want[2048], *got;
	sigset_t set;
	uint64_t t0;
	FILE *f;
	int i;

	test_start();
	if (!mkdtemp(dir))
		return TEST_SKIP;
	snprintf(script, sizeof(script), "%s/hook", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(errlog, sizeof(errlog), "%s/log", dir);
	f = fopen(script, "w");
	if (!f)
		return TEST_SKIP;
	fprintf(f, body, out, out, out);
	fclose(f);
	chmod(script, 0755);
	reset(out);
	/* The daemon's log (stderr in the foreground) into a file. */
	if (!freopen(errlog, "w", stderr))
		return TEST_SKIP;
	setvbuf(stderr, NULL, _IONBF, 0);
	log_init(false, false);

	/* As etrunkd: SIGPIPE ignored, the signals it reads blocked. */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	hook_init(script, 400);

	/* A burst: a slow hook first, two changes while it runs. */
	call("a", "slow");
	call("b", "peer-down");
	call("c", "signals");
	ok(hook_waiting() == 3, "three hooks waiting or running (got %u)",
	   hook_waiting());
	ok(drain(5000), "the burst's hooks ran");
	got = slurp(out);
	snprintf(want, sizeof(want),
		 "start a 7 backup master 7 a 42 backup master slow\nend a\n"
		 "start b 7 backup master 7 b 42 backup master peer-down\nend b\n"
		 "start c 7 backup master 7 c 42 backup master signals\n"
		 "blocked 0000000000000000, SIGPIPE ignored 0\nend c\n");
	if (!ok(!strcmp(got, want),
		"one at a time, in order, with the arguments and environment"))
		diag("got:\n%s", got);

	/* A failing hook: logged with its status, the next one runs. */
	reset(out);
	call("d", "fail");
	call("e", "up");
	ok(drain(5000), "a failing hook and the next one ran");
	ok(strstr(slurp(out), "start e") != NULL, "the hook after a failing one ran");
	ok(strstr(slurp(errlog), "(d backup -> master): exit status 3") != NULL,
	   "the failure is logged with its exit status");

	/* A hanging hook: killed after the timeout (400 ms), the next runs. */
	reset(out);
	t0 = ms();
	call("f", "hang");
	call("g", "up");
	ok(drain(5000), "a hanging hook and the next one ran");
	diag("hang and next took %llu ms", (unsigned long long)(ms() - t0));
	ok(ms() - t0 < 5000, "the hanging hook was killed, not waited for");
	got = slurp(out);
	ok(strstr(got, "end f") == NULL && strstr(got, "end g") != NULL,
	   "the hanging one did not finish, the next one did");
	ok(strstr(slurp(errlog), "(f backup -> master): still running after 400 ms; killing it") &&
	   strstr(slurp(errlog), "(f backup -> master): killed by signal 9"),
	   "the kill is logged");

	/* A full queue: the oldest waiting are dropped, the rest run. */
	reset(out);
	call("h", "slow");
	for (i = 0; i < HOOK_QUEUE + 2; i++) {
		char name[16];

		snprintf(name, sizeof(name), "q%d", i);
		call(name, "up");
	}
	ok(hook_waiting() == HOOK_QUEUE + 1, "%u waiting or running (got %u)",
	   HOOK_QUEUE + 1, hook_waiting());
	ok(drain(60000), "the queue drained");
	got = slurp(out);
	ok(!strstr(got, "start q0 ") && !strstr(got, "start q1 ") &&
	   strstr(got, "start q2 ") && strstr(got, "start q65 ") &&
	   strstr(got, "end h\nstart q2 "),
	   "the two oldest waiting were dropped, the others ran after the running one");
	ok(strstr(slurp(errlog), "dropping the oldest (q0 backup -> master)") &&
	   strstr(slurp(errlog), "dropping the oldest (q1 backup -> master)"),
	   "the drops are logged");

	unlink(script);
	unlink(out);
	unlink(errlog);
	rmdir(dir);
	return test_end();
}
