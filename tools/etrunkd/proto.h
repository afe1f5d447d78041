/* SPDX-License-Identifier: GPL-2.0 */
/*
 * proto.h - the values etrunkd's peer protocol and its election share:
 * working modes, election bases, member-trunk states and roles, and the
 * limits of an E-Trunk group. They are wire values (hello.h carries them
 * in one byte each): never renumber, only append.
 */
#ifndef ETKD_PROTO_H
#define ETKD_PROTO_H

#include <stdint.h>

/* UDP port of hellos unless configured otherwise: in IANA's dynamic
 * range (never assigned) and just above Linux's default ephemeral range
 * (32768-60999), so no outgoing connection of the host takes it.
 */
#define ETKD_DEFAULT_PORT		61000

#define ETKD_GROUP_MIN			1
#define ETKD_GROUP_MAX			16

/* Lower wins. */
#define ETKD_PRIORITY_MIN		1
#define ETKD_PRIORITY_MAX		254
#define ETKD_PRIORITY_DEFAULT		100

#define ETKD_HELLO_INTERVAL_MIN		10	/* ms */
#define ETKD_HELLO_INTERVAL_MAX		60000	/* ms */
#define ETKD_HELLO_INTERVAL_DEFAULT	1000	/* ms */

#define ETKD_HOLD_MULT_MIN		1
#define ETKD_HOLD_MULT_MAX		255
#define ETKD_HOLD_MULT_DEFAULT		3

#define ETKD_REVERT_DELAY_MAX		3600	/* s */

/* A member trunk's available links: ETRUNK_MAX_MEMBERS. */
#define ETKD_MAX_LINKS			256

#define ETKD_SYSID_LEN			6

/* HMAC-SHA256 keys: the same bounds as the flush key. */
#define ETKD_KEY_MIN			1
#define ETKD_KEY_MAX			64

/**
 * enum etkd_mode - a member trunk's working mode
 * @ETKD_MODE_AUTO: the election basis decides.
 * @ETKD_MODE_FORCE_MASTER: master whenever it has a link, unless the peer
 *     is forced master too (then the basis decides).
 * @ETKD_MODE_FORCE_BACKUP: backup while the peer can carry the trunk,
 *     unless the peer is forced backup too (then the basis decides).
 */
enum etkd_mode {
	ETKD_MODE_AUTO = 0,
	ETKD_MODE_FORCE_MASTER = 1,
	ETKD_MODE_FORCE_BACKUP = 2,
	__ETKD_MODE_MAX
};

/**
 * enum etkd_basis - what decides between two member trunks in mode auto
 * @ETKD_BASIS_PRIORITY: the group priority (lower wins), then the system
 *     ID (lower wins).
 * @ETKD_BASIS_LINKS: more available links wins; a tie goes to priority.
 * @ETKD_BASIS_BANDWIDTH: more available bandwidth wins; a tie goes to
 *     priority.
 */
enum etkd_basis {
	ETKD_BASIS_PRIORITY = 0,
	ETKD_BASIS_LINKS = 1,
	ETKD_BASIS_BANDWIDTH = 2,
	__ETKD_BASIS_MAX
};

/**
 * enum etkd_trunk_state - a member trunk's local state
 * @ETKD_TRUNK_DOWN: up, but no member has a link (0 available links).
 * @ETKD_TRUNK_UP: at least one available link.
 * @ETKD_TRUNK_ADMIN_DOWN: the trunk device is administratively down; it
 *     counts as 0 available links whatever its members do.
 */
enum etkd_trunk_state {
	ETKD_TRUNK_DOWN = 0,
	ETKD_TRUNK_UP = 1,
	ETKD_TRUNK_ADMIN_DOWN = 2,
	__ETKD_TRUNK_STATE_MAX
};

/**
 * enum etkd_role - a member trunk's role
 * @ETKD_ROLE_NONE: none yet (a daemon that has not decided, a trunk the
 *     kernel holds no role for).
 * @ETKD_ROLE_MASTER: carries the traffic.
 * @ETKD_ROLE_BACKUP: stands by.
 */
enum etkd_role {
	ETKD_ROLE_NONE = 0,
	ETKD_ROLE_MASTER = 1,
	ETKD_ROLE_BACKUP = 2,
	__ETKD_ROLE_MAX
};

#endif /* ETKD_PROTO_H */
