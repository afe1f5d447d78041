// SPDX-License-Identifier: GPL-2.0
/*
 * The table of the modes: enum etrunk_mode to its operations, and what
 * every mode does whatever the trunk's mode (the state of all of them is
 * in struct etrunk, and a trunk without members may change its mode).
 */

#include <linux/etrunk.h>

#include "device.h"
#include "mode.h"

static const struct etrunk_mode_ops *const etrunk_modes[] = {
	[ETRUNK_MODE_LOADBALANCE]	= &etrunk_mode_loadbalance,
	[ETRUNK_MODE_BACKUP]		= &etrunk_mode_backup,
	[ETRUNK_MODE_LACP]		= &etrunk_mode_lacp,
};

const struct etrunk_mode_ops *etrunk_mode_ops_of(u8 mode)
{
	BUILD_BUG_ON(ARRAY_SIZE(etrunk_modes) != __ETRUNK_MODE_MAX);
	if (WARN_ON_ONCE(mode >= ARRAY_SIZE(etrunk_modes)))
		mode = ETRUNK_MODE_LOADBALANCE;
	return etrunk_modes[mode];
}

void etrunk_modes_setup(struct etrunk *et)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(etrunk_modes); i++)
		if (etrunk_modes[i]->setup)
			etrunk_modes[i]->setup(et);
}

void etrunk_modes_teardown(struct etrunk *et)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(etrunk_modes); i++)
		if (etrunk_modes[i]->teardown)
			etrunk_modes[i]->teardown(et);
}

void etrunk_modes_member_init(struct etrunk_member *m)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(etrunk_modes); i++)
		if (etrunk_modes[i]->member_init)
			etrunk_modes[i]->member_init(m);
}
