/* SPDX-License-Identifier: GPL-2.0 */
/*
 * test.h - the few lines of TAP the host-run unit tests share: "ok N -"
 * or "not ok N -" per check, "# " diagnostics, the plan at the end, and
 * an exit status that is non-zero if anything failed. A test that cannot
 * run here exits with TEST_SKIP (4, kselftest's KSFT_SKIP).
 */
#ifndef ETKD_TEST_H
#define ETKD_TEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define TEST_SKIP 4

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(a, b) __attribute__((format(printf, a, b)))

static unsigned int test_count, test_failed;

static inline void test_start(void)
{
	printf("TAP version 13\n");
	fflush(stdout);
}

/* One result; @cond true is a pass. Returns @cond. */
static inline bool __printf(2, 3)
ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	test_count++;
	if (!cond)
		test_failed++;
	printf("%sok %u - ", cond ? "" : "not ", test_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

static inline void __printf(1, 2) diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* The plan and the exit status. */
static inline int test_end(void)
{
	printf("1..%u\n", test_count);
	printf("# %u passed, %u failed\n", test_count - test_failed,
	       test_failed);
	return test_failed ? 1 : 0;
}

#endif /* ETKD_TEST_H */
