// SPDX-License-Identifier: GPL-2.0
/*
 * ratelimit.c - an integer token bucket (see ratelimit.h).
 */
#include <time.h>

#include "ratelimit.h"

#define TOKEN	1000000000ULL	/* one token in credit units */

static uint64_t tb_max(const struct etkd_tb *tb)
{
	/* At most (2^32 - 1) * 10^9 < 2^62: no overflow. */
	return (uint64_t)tb->burst * TOKEN;
}

/* Add what @rate earned since last_ns. */
static void tb_refill(struct etkd_tb *tb, uint64_t now_ns)
{
	uint64_t elapsed, room;

	if (now_ns <= tb->last_ns)
		return;
	elapsed = now_ns - tb->last_ns;
	tb->last_ns = now_ns;
	if (!tb->rate)
		return;
	room = tb_max(tb) - tb->credit;
	/* Compare by division first, so that elapsed * rate cannot overflow
	 * after a long idle time: past this point it is at most room.
	 */
	if (elapsed > room / tb->rate)
		tb->credit = tb_max(tb);
	else
		tb->credit += elapsed * tb->rate;
}

void etkd_tb_init(struct etkd_tb *tb, uint32_t rate, uint32_t burst,
		  uint64_t now_ns)
{
	tb->rate = rate;
	tb->burst = burst;
	tb->last_ns = now_ns;
	tb->credit = tb_max(tb);
}

void etkd_tb_set(struct etkd_tb *tb, uint32_t rate, uint32_t burst,
		 uint64_t now_ns)
{
	/* What the old rate earned until now is kept. */
	tb_refill(tb, now_ns);
	tb->rate = rate;
	tb->burst = burst;
	if (tb->credit > tb_max(tb))
		tb->credit = tb_max(tb);
}

bool etkd_tb_take(struct etkd_tb *tb, uint64_t now_ns)
{
	tb_refill(tb, now_ns);
	if (tb->credit < TOKEN)
		return false;
	tb->credit -= TOKEN;
	return true;
}

uint64_t etkd_tb_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}
