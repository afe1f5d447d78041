/* SPDX-License-Identifier: GPL-2.0 */
/*
 * genl_test.h - the kselftest harness part of every etrunk_genl_* program:
 * the fixture (a network namespace and a resolved socket per test), the
 * extack expectation and main(). Included once, by each program's .c, as
 * kselftest_harness.h itself is.
 */
#ifndef GENL_TEST_H
#define GENL_TEST_H

#include "genl_util.h"

/* The 6.1 harness has a handler with an unused parameter (-Wextra). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "kselftest_harness.h"
#pragma GCC diagnostic pop

/* Every test: its own network namespace and a socket resolved in it. */
FIXTURE(etrunk) {
	struct nl *nl;
};

FIXTURE_SETUP(etrunk)
{
	self->nl = calloc(1, sizeof(*self->nl));
	ASSERT_NE(NULL, self->nl);
	ASSERT_EQ(0, new_netns());
	ASSERT_EQ(0, nl_open(self->nl));
}

FIXTURE_TEARDOWN(etrunk)
{
	if (self->nl)
		nl_close(self->nl);
	free(self->nl);
}

/* Expect error @e with an extack message; with @offs >= 0, also that
 * NLMSGERR_ATTR_OFFS is @offs.
 */
/*
 * An object's commands @first to @last: each listed by the family, each
 * for CAP_NET_ADMIN in the user namespace owning the network namespace
 * (GENL_UNS_ADMIN_PERM), reading ones too; those for which @is_get (an
 * expression of cmd) holds dumpable.
 */
#define EXPECT_OBJECT_COMMANDS(nl, first, last, is_get) do {		\
	int cmd;							\
									\
	for (cmd = (first); cmd <= (last); cmd++) {			\
		__u32 perm = (nl)->op_flags[cmd] &			\
			     (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM);	\
		bool get = (is_get);					\
									\
		EXPECT_TRUE((nl)->op_listed[cmd])			\
			TH_LOG("command %d", cmd);			\
		EXPECT_EQ((__u32)GENL_UNS_ADMIN_PERM, perm)		\
			TH_LOG("command %d", cmd);			\
		if (get)						\
			EXPECT_NE(0U, (nl)->op_flags[cmd] &		\
				  GENL_CMD_CAP_DUMP);			\
	}								\
} while (0)

#define EXPECT_NLERR(r, e, at) do {					\
	EXPECT_EQ((e), (r)->err) TH_LOG("message: \"%s\"", (r)->msg);	\
	EXPECT_NE(0, (r)->msg[0]) TH_LOG("no extack message");		\
	if ((at) >= 0) {						\
		EXPECT_TRUE((r)->has_offs)				\
			TH_LOG("no NLMSGERR_ATTR_OFFS");		\
		if ((r)->has_offs)					\
			EXPECT_EQ((__u32)(at), (r)->offs);		\
	}								\
} while (0)

int main(int argc, char **argv)
{
	struct nl *nl = calloc(1, sizeof(*nl));
	int err;

	if (!nl)
		return KSFT_FAIL;
	err = nl_open(nl);
	if (err == -ENOENT) {
		ksft_print_header();
		ksft_exit_skip("generic netlink family \"%s\" is not registered (etrunk not loaded?)\n",
			       ETRUNK_GENL_NAME);
	}
	if (err) {
		ksft_print_header();
		ksft_exit_fail_msg("generic netlink: %s\n", strerror(-err));
	}
	nl_close(nl);
	free(nl);
	return test_harness_run(argc, argv);
}

#endif /* GENL_TEST_H */
