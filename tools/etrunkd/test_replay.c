// SPDX-License-Identifier: GPL-2.0
/*
 * test_replay.c - replay protection and the per-start epoch: the
 * (epoch, sequence) order, check without commit, the epoch's choice from
 * the clock and the state file, and a peer restarting many times under a
 * clock that jumps back and forth, whose first hello after each start is
 * still accepted and whose recorded hellos never are.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "epoch.h"
#include "replay.h"
#include "test.h"

static void test_order(void)
{
	struct etkd_replay r;

	etkd_replay_init(&r);
	ok(etkd_replay_check(&r, 5, 1) == ETKD_REPLAY_FIRST && !r.seen,
	   "check on a fresh peer: first, and nothing recorded");
	ok(etkd_replay_accept(&r, 5, 1) == ETKD_REPLAY_FIRST && r.seen &&
	   r.epoch == 5 && r.seq == 1, "the first hello is accepted and recorded");
	ok(etkd_replay_accept(&r, 5, 1) == ETKD_REPLAY_OLD,
	   "the same (epoch, seq) again: replay");
	ok(etkd_replay_accept(&r, 5, 2) == ETKD_REPLAY_NEXT,
	   "the next sequence: accepted");
	ok(etkd_replay_accept(&r, 5, 100) == ETKD_REPLAY_NEXT,
	   "a gap (hellos lost): accepted");
	ok(etkd_replay_accept(&r, 5, 50) == ETKD_REPLAY_OLD &&
	   r.seq == 100, "a lower sequence (late or replayed): dropped, window unchanged");
	ok(etkd_replay_check(&r, 5, 101) == ETKD_REPLAY_NEXT && r.seq == 100,
	   "check does not record");
	ok(etkd_replay_accept(&r, 4, UINT64_MAX) == ETKD_REPLAY_OLD,
	   "an older epoch with the greatest sequence: replay");
	ok(etkd_replay_accept(&r, 6, 1) == ETKD_REPLAY_RESTART &&
	   r.epoch == 6 && r.seq == 1,
	   "a greater epoch resets the sequence (the peer restarted)");
	ok(etkd_replay_accept(&r, 5, 101) == ETKD_REPLAY_OLD,
	   "the previous epoch, even ahead of its last sequence: replay");
	ok(etkd_replay_accept(&r, 6, 0) == ETKD_REPLAY_OLD,
	   "sequence 0 after 1 in the same epoch: replay");
	ok(etkd_replay_accept(&r, 6, UINT64_MAX) == ETKD_REPLAY_NEXT &&
	   etkd_replay_accept(&r, 6, UINT64_MAX) == ETKD_REPLAY_OLD,
	   "sequence UINT64_MAX accepted once");
	ok(etkd_replay_accept(&r, UINT64_MAX, 0) == ETKD_REPLAY_RESTART,
	   "epoch UINT64_MAX with sequence 0 after a lower epoch: accepted");
	etkd_replay_init(&r);
	ok(etkd_replay_accept(&r, 1, 0) == ETKD_REPLAY_FIRST,
	   "after init anything is first (the receiver restarted)");
}

static void test_epoch_next(void)
{
	ok(etkd_epoch_next(1000, 0) == 1000, "no stored epoch: the clock");
	ok(etkd_epoch_next(1000, 500) == 1000, "clock ahead of the store: the clock");
	ok(etkd_epoch_next(1000, 1000) == 1001, "clock equal to the store: store + 1");
	ok(etkd_epoch_next(10, 1000) == 1001,
	   "clock stepped back (booted at 1970): store + 1");
	ok(etkd_epoch_next(0, 0) == 1, "clock 0 and no store: 1, never 0");
	ok(etkd_epoch_next(5, UINT64_MAX) == UINT64_MAX,
	   "store at UINT64_MAX saturates");
	ok(etkd_epoch_clock() > 1700000000ULL * 1000000000ULL,
	   "CLOCK_REALTIME in ns is after 2023");
}

static char dir[] = "/tmp/etkd-epoch-XXXXXX";
static char path[256];

static uint64_t stored(void)
{
	char buf[64] = "";
	FILE *f = fopen(path, "r");

	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	return strtoull(buf, NULL, 10);
}

static void write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_epoch_start(void)
{
	char bad[300];
	uint64_t e;
	int err;

	if (!mkdtemp(dir)) {
		ok(false, "mkdtemp: %s", strerror(errno));
		return;
	}
	snprintf(path, sizeof(path), "%s/epoch", dir);

	err = etkd_epoch_start(path, 5000, &e);
	ok(!err && e == 5000 && stored() == 5000,
	   "first start: the clock, stored");
	err = etkd_epoch_start(path, 4000, &e);
	ok(!err && e == 5001 && stored() == 5001,
	   "clock stepped back: stored + 1, stored");
	err = etkd_epoch_start(path, 9000, &e);
	ok(!err && e == 9000 && stored() == 9000,
	   "clock ahead again: the clock");
	write_file("garbage\n");
	err = etkd_epoch_start(path, 7000, &e);
	ok(!err && e == 7000 && stored() == 7000,
	   "an unreadable state file counts as none and is rewritten");
	write_file("");
	err = etkd_epoch_start(path, 7000, &e);
	ok(!err && e == 7000, "an empty state file counts as none");
	snprintf(bad, sizeof(bad), "%s.tmp", path);
	ok(stored() == 7000 && access(bad, F_OK) != 0,
	   "no temporary file left behind");

	snprintf(bad, sizeof(bad), "%s/missing/epoch", dir);
	err = etkd_epoch_start(bad, 8000, &e);
	ok(err == -ENOENT && e == 8000,
	   "a state file that cannot be written: -ENOENT, the clock's epoch still set");

	unlink(path);
	rmdir(dir);
}

/* A peer restarting 1000 times under a clock that jumps back and forth:
 * its epochs only grow, the first hello of every start is accepted, and
 * none of the hellos recorded earlier is.
 */
static void test_restarts(void)
{
	static uint64_t old_epochs[1000];
	uint64_t clock = 1700000000ULL * 1000000000ULL, last = 0;
	unsigned int i, j, bad = 0;
	uint64_t rng = 42;
	struct etkd_replay r;

	etkd_replay_init(&r);
	for (i = 0; i < 1000; i++) {
		uint64_t e, step;

		rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
		/* Forward up to a minute; a quarter of the time back up to
		 * an hour, or to 0 (no battery-backed clock).
		 */
		step = (rng >> 20) % 3600000000000ULL;
		if (rng >> 62)
			clock += step / 60;
		else if (rng >> 61 & 1)
			clock = 0;
		else
			clock = clock > step ? clock - step : 0;
		e = etkd_epoch_next(clock, last);
		if (e <= last)
			bad++;
		last = e;
		old_epochs[i] = e;
		if (etkd_replay_accept(&r, e, 1) == ETKD_REPLAY_OLD ||
		    etkd_replay_accept(&r, e, 2) != ETKD_REPLAY_NEXT)
			bad++;
		for (j = 0; j < i; j += 97)
			if (etkd_replay_accept(&r, old_epochs[j], 3) !=
			    ETKD_REPLAY_OLD)
				bad++;
	}
	ok(!bad, "1000 restarts, clock jumping: epochs grow, old hellos dropped");
}

/* A keyed group's window survives a restart: a hello accepted before it
 * is a replay after it.
 */
static void test_window_file(void)
{
	char win[] = "/tmp/etkd-win-XXXXXX";
	struct etkd_replay r, after;
	int fd = mkstemp(win);

	if (fd < 0) {
		diag("mkstemp failed");
		return;
	}
	close(fd);
	etkd_replay_init(&r);
	etkd_replay_accept(&r, 1700000000000000000ULL, 41);
	etkd_replay_accept(&r, 1700000000000000000ULL, 42);
	ok(!etkd_replay_save(&r, win), "window: saved");
	etkd_replay_init(&after);
	ok(!etkd_replay_load(&after, win) && after.seen &&
	   etkd_replay_accept(&after, 1700000000000000000ULL, 42) ==
	   ETKD_REPLAY_OLD &&
	   etkd_replay_accept(&after, 1700000000000000000ULL, 41) ==
	   ETKD_REPLAY_OLD,
	   "window: after a restart, the hellos accepted before are replays");
	ok(etkd_replay_accept(&after, 1700000000000000000ULL, 43) ==
	   ETKD_REPLAY_NEXT, "window: the next one accepted");
	fd = open(win, O_WRONLY | O_TRUNC);
	if (fd >= 0) {
		if (write(fd, "junk\n", 5) != 5)
			diag("write failed");
		close(fd);
	}
	etkd_replay_init(&after);
	ok(etkd_replay_load(&after, win) == -1 && !after.seen,
	   "window: an unreadable file is none");
	unlink(win);
	ok(etkd_replay_load(&after, win) == -1 && !after.seen,
	   "window: no file is none");
}

int main(void)
{
	test_start();
	test_order();
	test_epoch_next();
	test_epoch_start();
	test_restarts();
	test_window_file();
	return test_end();
}
