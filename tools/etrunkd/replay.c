// SPDX-License-Identifier: GPL-2.0
/*
 * replay.c - (epoch, sequence) replay protection (see replay.h).
 */
#include "replay.h"

void etkd_replay_init(struct etkd_replay *r)
{
	r->epoch = 0;
	r->seq = 0;
	r->seen = false;
}

enum etkd_replay_verdict etkd_replay_check(const struct etkd_replay *r,
					   uint64_t epoch, uint64_t seq)
{
	if (!r->seen)
		return ETKD_REPLAY_FIRST;
	if (epoch > r->epoch)
		return ETKD_REPLAY_RESTART;
	if (epoch == r->epoch && seq > r->seq)
		return ETKD_REPLAY_NEXT;
	return ETKD_REPLAY_OLD;
}

enum etkd_replay_verdict etkd_replay_accept(struct etkd_replay *r,
					    uint64_t epoch, uint64_t seq)
{
	enum etkd_replay_verdict v = etkd_replay_check(r, epoch, seq);

	if (v != ETKD_REPLAY_OLD) {
		r->epoch = epoch;
		r->seq = seq;
		r->seen = true;
	}
	return v;
}
