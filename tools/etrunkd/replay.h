/* SPDX-License-Identifier: GPL-2.0 */
/*
 * replay.h - replay protection of one peer's hellos. A hello carries
 * (epoch, sequence): the epoch is chosen at each daemon start, greater
 * than any before (epoch.h), and the sequence counts the hellos of the
 * epoch from 1. A receiver accepts only pairs strictly greater than the
 * last one it accepted from that peer, compared epoch first: a greater
 * epoch (the peer restarted) starts over whatever its sequence, an older
 * epoch is a replay whatever its sequence.
 *
 * Strictly greater, not a window as IPsec keeps: a hello that UDP
 * delivers late is superseded by the one that overtook it anyway.
 *
 * There is deliberately no way back to a lower epoch, not even after the
 * peer was declared down: an attacker could otherwise keep a dead peer
 * alive by replaying its recorded hellos in order.
 */
#ifndef ETKD_REPLAY_H
#define ETKD_REPLAY_H

#include <stdbool.h>
#include <stdint.h>

struct etkd_replay {
	uint64_t epoch;
	uint64_t seq;
	bool seen;	/* a hello was accepted since init */
};

enum etkd_replay_verdict {
	ETKD_REPLAY_OLD = 0,	/* not greater than the last: drop */
	ETKD_REPLAY_FIRST,	/* the first hello from this peer */
	ETKD_REPLAY_NEXT,	/* same epoch, a greater sequence */
	ETKD_REPLAY_RESTART,	/* a greater epoch: the peer restarted */
};

void etkd_replay_init(struct etkd_replay *r);

/* What accepting (@epoch, @seq) would be, without recording it. */
enum etkd_replay_verdict etkd_replay_check(const struct etkd_replay *r,
					   uint64_t epoch, uint64_t seq);

/* Check, and record (@epoch, @seq) as the last accepted unless it is
 * ETKD_REPLAY_OLD. Call it last, once every other check has passed, so a
 * hello dropped for another reason does not move the window.
 */
enum etkd_replay_verdict etkd_replay_accept(struct etkd_replay *r,
					    uint64_t epoch, uint64_t seq);

/*
 * The window across restarts (groups with a key): the last accepted
 * (epoch, sequence) in the file @path, so that hellos signed before our
 * restart are not accepted again. The daemon saves on each new epoch and
 * otherwise at most every ETKD_REPLAY_SAVE_MS, so after a crash only the
 * hellos of that last stretch could be replayed, once each.
 */
#define ETKD_REPLAY_SAVE_MS	10000

/* 0 or a negative errno. */
int etkd_replay_save(const struct etkd_replay *r, const char *path);
/* Set @r from @path: 0, or -1 if there is none or it is unreadable (@r is
 * left as it was).
 */
int etkd_replay_load(struct etkd_replay *r, const char *path);

#endif /* ETKD_REPLAY_H */
