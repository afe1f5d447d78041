/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mode backup (1:1 master/backup): the choice of the master, switchovers,
 * revert, and what follows a switchover (gratuitous ARP, flush frames).
 */
#ifndef _ETRUNK_BACKUP_H
#define _ETRUNK_BACKUP_H

struct etrunk;
struct etrunk_member;

void etrunk_backup_init(struct etrunk *et);
void etrunk_backup_uninit(struct etrunk *et);
/* RTNL: pick the master among the members etrunk_select() found usable,
 * marking the others ETRUNK_REASON_BACKUP; returns the new master.
 */
struct etrunk_member *etrunk_backup_choose(struct etrunk *et);
/* RTNL, after etrunk_backup_choose(): the usable backup, if any. */
struct etrunk_member *etrunk_backup_spare(struct etrunk *et);
/* RTNL: after the active set changed: records and announces a switchover
 * from @old to the current master.
 */
void etrunk_backup_switched(struct etrunk *et, struct etrunk_member *old,
			    u8 reason);
/* Any context (receive): ask for @m to become master, for @reason; acted
 * on under RTNL shortly after.
 */
void etrunk_request_master(struct etrunk_member *m);

#endif /* _ETRUNK_BACKUP_H */
