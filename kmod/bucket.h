/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A token bucket against floods of received control frames (flush frames,
 * LACPDUs): @rate tokens a second, at most @burst. The caller serialises
 * access (its own spinlock).
 */
#ifndef _ETRUNK_BUCKET_H
#define _ETRUNK_BUCKET_H

#include <linux/jiffies.h>
#include <linux/types.h>

struct etrunk_bucket {
	u32 tokens;
	unsigned long refilled;	/* jiffies of the last refill */
};

static inline void etrunk_bucket_init(struct etrunk_bucket *b, u32 burst)
{
	b->tokens = burst;
	b->refilled = jiffies;
}

/* Take a token; false if there is none. An idle time long enough to fill
 * the bucket fills it without the multiplication, which would overflow an
 * unsigned long of 32 bits after a few weeks of jiffies.
 */
static inline bool etrunk_bucket_take(struct etrunk_bucket *b, u32 rate,
				      u32 burst)
{
	unsigned long now = jiffies, elapsed = now - b->refilled;
	unsigned long n;

	if (elapsed >= (unsigned long)burst * HZ / rate) {
		b->tokens = burst;
		b->refilled = now;
	} else {
		n = elapsed * rate / HZ;
		if (b->tokens + n >= burst) {
			b->tokens = burst;
			b->refilled = now;
		} else if (n) {
			b->tokens += n;
			/* Keep the remainder: a slow stream is not starved. */
			b->refilled += n * HZ / rate;
		}
	}
	if (!b->tokens)
		return false;
	b->tokens--;
	return true;
}

#endif /* _ETRUNK_BUCKET_H */
