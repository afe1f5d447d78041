// SPDX-License-Identifier: GPL-2.0
/*
 * test_ratelimit.c - the token bucket on an injected clock: burst, exact
 * refill at rates that do not divide a second, long idle times and huge
 * parameters without overflow, a clock going backwards, a flood held to
 * burst + rate * time, and changing the rate.
 */
#include "ratelimit.h"
#include "test.h"

#define SEC 1000000000ULL
#define MS 1000000ULL

/* How many of @n attempts @step_ns apart from @t0 the bucket lets through. */
static unsigned int attempts(struct etkd_tb *tb, uint64_t t0, uint64_t step_ns,
			     unsigned int n)
{
	unsigned int i, got = 0;

	for (i = 0; i < n; i++)
		got += etkd_tb_take(tb, t0 + i * step_ns);
	return got;
}

static void test_burst_and_refill(void)
{
	uint64_t t = 5 * SEC;
	struct etkd_tb tb;

	etkd_tb_init(&tb, 10, 16, t);
	ok(attempts(&tb, t, 0, 100) == 16,
	   "a full bucket lets a burst of 16 through at once, then nothing");
	ok(!etkd_tb_take(&tb, t + 100 * MS - 1),
	   "1 ns before a tenth of a second: still empty (rate 10/s)");
	ok(etkd_tb_take(&tb, t + 100 * MS) && !etkd_tb_take(&tb, t + 100 * MS),
	   "at a tenth of a second: exactly one token");
	ok(attempts(&tb, t + 100 * MS + 1, 0, 100) == 0,
	   "no token is created twice");
	ok(attempts(&tb, t + 1100 * MS, 0, 100) == 10,
	   "one second later: 10 tokens");
}

static void test_exact_rates(void)
{
	struct etkd_tb tb;
	unsigned int got;

	/* 1/3 s is not a whole number of nanoseconds: billionths of a token
	 * still add up to exactly 3 per second over time. (Burst 2, so that
	 * the cap never cuts the fraction a poll finds beyond a token.)
	 */
	etkd_tb_init(&tb, 3, 2, 0);
	attempts(&tb, 0, 0, 2);
	got = attempts(&tb, 1, MS, 60001);
	ok(got == 180,
	   "rate 3/s, polled every ms for 60 s: exactly 180 tokens (got %u)",
	   got);

	etkd_tb_init(&tb, 7, 4, 0);
	got = attempts(&tb, 0, 1, 4) + attempts(&tb, 4, 10 * MS, 1001);
	ok(got == 4 + 70,
	   "rate 7/s, burst 4, over 10 s: exactly burst + 70 (got %u)", got);
}

static void test_flood(void)
{
	struct etkd_tb tb;
	unsigned int got;

	/* A million packets in 10 s against 8/s, burst 16. */
	etkd_tb_init(&tb, 8, 16, SEC);
	got = attempts(&tb, SEC, 10000, 1000001);
	ok(got == 16 + 80,
	   "a flood of 1,000,000 in 10 s: burst + rate * 10 let through (got %u)",
	   got);
}

static void test_limits(void)
{
	struct etkd_tb tb;

	etkd_tb_init(&tb, 10, 16, 0);
	attempts(&tb, 0, 0, 16);
	ok(attempts(&tb, UINT64_MAX, 0, 100) == 16,
	   "idle until the clock's end: refilled to the burst, no overflow");

	etkd_tb_init(&tb, UINT32_MAX, UINT32_MAX, 0);
	ok(etkd_tb_take(&tb, 0) && etkd_tb_take(&tb, UINT64_MAX / 2) &&
	   tb.credit == (uint64_t)UINT32_MAX * SEC - SEC,
	   "rate and burst UINT32_MAX: full again (less the token taken), no overflow");

	etkd_tb_init(&tb, 10, 2, 10 * SEC);
	attempts(&tb, 10 * SEC, 0, 2);
	ok(!etkd_tb_take(&tb, 5 * SEC) && !etkd_tb_take(&tb, 10 * SEC),
	   "a clock going backwards refills nothing");
	ok(etkd_tb_take(&tb, 10 * SEC + 100 * MS),
	   "and the time before the step back is not counted twice");
	ok(!etkd_tb_take(&tb, 10 * SEC + 100 * MS),
	   "(one token for 100 ms at 10/s)");

	etkd_tb_init(&tb, 0, 3, 0);
	ok(attempts(&tb, 0, SEC, 100) == 3,
	   "rate 0: the burst, then never again");
	etkd_tb_init(&tb, 100, 0, 0);
	ok(attempts(&tb, 0, SEC, 100) == 0, "burst 0: nothing passes");
}

static void test_set(void)
{
	struct etkd_tb tb;

	etkd_tb_init(&tb, 10, 20, 0);
	attempts(&tb, 0, 0, 15);
	etkd_tb_set(&tb, 100, 8, 0);
	ok(attempts(&tb, 0, 0, 100) == 5,
	   "a smaller burst keeps the 5 tokens left");
	ok(attempts(&tb, 10 * MS, 0, 100) == 1,
	   "the new rate applies: 1 token after 10 ms at 100/s");
	ok(attempts(&tb, 10 * SEC, 0, 100) == 8,
	   "refills to the new burst");
	etkd_tb_set(&tb, 1, 8, 10 * SEC + 50 * MS);
	ok(attempts(&tb, 10 * SEC + 50 * MS, 0, 100) == 5,
	   "what the old rate earned before a change is kept (5 in 50 ms at 100/s)");
}

static void test_clock(void)
{
	uint64_t a = etkd_tb_clock(), b = etkd_tb_clock();

	ok(a && b >= a, "CLOCK_MONOTONIC does not go back");
}

int main(void)
{
	test_start();
	test_burst_and_refill();
	test_exact_rates();
	test_flood();
	test_limits();
	test_set();
	test_clock();
	return test_end();
}
