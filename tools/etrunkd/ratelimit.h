/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ratelimit.h - a token bucket, one per peer, so that a flood of hellos
 * (or of packets claiming to be) costs the daemon a comparison each
 * rather than an HMAC each, and cannot starve its timers.
 *
 * The bucket holds at most @burst tokens and gains @rate per second; a
 * packet takes one or is dropped. Time is whatever monotonic nanosecond
 * clock the caller passes (etkd_tb_clock() in the daemon, a fake one in
 * tests). Tokens are counted in billionths, so refilling at any rate is
 * exact integer arithmetic: no floating point, no drift.
 */
#ifndef ETKD_RATELIMIT_H
#define ETKD_RATELIMIT_H

#include <stdbool.h>
#include <stdint.h>

struct etkd_tb {
	uint64_t credit;	/* tokens * 10^9 */
	uint64_t last_ns;	/* when credit was last brought up to date */
	uint32_t rate;		/* tokens per second; 0: never refills */
	uint32_t burst;		/* tokens at most */
};

/* A full bucket at @now_ns. */
void etkd_tb_init(struct etkd_tb *tb, uint32_t rate, uint32_t burst,
		  uint64_t now_ns);

/* Change rate and burst, keeping the tokens there are (at most @burst). */
void etkd_tb_set(struct etkd_tb *tb, uint32_t rate, uint32_t burst,
		 uint64_t now_ns);

/* Take a token: true if there was one. A clock going backwards refills
 * nothing.
 */
bool etkd_tb_take(struct etkd_tb *tb, uint64_t now_ns);

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t etkd_tb_clock(void);

#endif /* ETKD_RATELIMIT_H */
