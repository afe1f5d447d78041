/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "etrunk": configuration, state and events.
 */
#ifndef _ETRUNK_GENETLINK_H
#define _ETRUNK_GENETLINK_H

struct etrunk;
struct etrunk_member;

int etrunk_genl_init(void);
void etrunk_genl_uninit(void);

void etrunk_genl_member_event(struct etrunk_member *m, u8 event);
void etrunk_genl_trunk_event(struct etrunk *et, u8 event);

#endif /* _ETRUNK_GENETLINK_H */
