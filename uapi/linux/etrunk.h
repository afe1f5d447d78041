/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * etrunk: Linux link aggregation with device-level redundancy.
 *
 * This header is the contract between the etrunk kernel module and user
 * space. It is self-contained and may be copied into user-space programs.
 * Next to each attribute: its type; rw (requests set it), ro (only
 * reported) or write-only; its unit, range and default. The guide to it,
 * each command with its errors and extack messages, how the settings
 * work together and the objects etrunkd is driven by, is
 * Documentation/netlink.md.
 *
 * rtnetlink: a trunk is a link of kind ETRUNK_LINK_KIND; its parameters
 * are IFLA_ETRUNK_* in IFLA_LINKINFO/IFLA_INFO_DATA, a member's
 * IFLA_ETRUNK_MEMBER_* in IFLA_INFO_SLAVE_DATA. Validation is strict: an
 * unknown attribute, or an ro one in a request, is refused with -EINVAL
 * and an extack message. A member must be an Ethernet device that is not
 * a loopback, a trunk, a bonding device, already enslaved or stacked
 * above the trunk, and take the trunk's MTU and MAC address; otherwise
 * enslaving fails with an extack message naming the reason.
 *
 * Generic netlink: family ETRUNK_GENL_NAME, version ETRUNK_GENL_VERSION,
 * multicast group ETRUNK_MCGRP_EVENTS; commands enum etrunk_cmd,
 * attributes enum etrunk_attr and the nests it names. Every command and
 * the group need CAP_NET_ADMIN (-EPERM); names and indexes are those of
 * the socket's network namespace. A trunk is named by ETRUNK_A_IFINDEX,
 * ETRUNK_A_IFNAME or both (-ENODEV "No such device", "The device is not a
 * trunk"). Validation is strict: -EINVAL, or -ERANGE for a value out of
 * range, with an extack message at the attribute. A SET applies all of
 * its attributes or none. An attribute a command does not take (ro, or
 * written by another command) is refused with -EINVAL naming the command
 * that writes it.
 */

#ifndef _UAPI_LINUX_ETRUNK_H
#define _UAPI_LINUX_ETRUNK_H

#include <linux/types.h>

#define ETRUNK_GENL_NAME "etrunk"
#define ETRUNK_GENL_VERSION 1
#define ETRUNK_MCGRP_EVENTS "events"
#define ETRUNK_LINK_KIND "etrunk"

/* The most members one trunk may have. */
#define ETRUNK_MAX_MEMBERS 256
/* Mode backup: exactly two members. */
#define ETRUNK_BACKUP_MEMBERS 2
#define ETRUNK_MAX_REVERT_DELAY 3600000		/* ms */
#define ETRUNK_MAX_FLUSH_COUNT 16
#define ETRUNK_FLUSH_KEY_MAX 64			/* bytes */
#define ETRUNK_MIN_PROBE_INTERVAL 10		/* ms */
#define ETRUNK_MAX_PROBE_INTERVAL 60000		/* ms */
#define ETRUNK_MAX_PROBE_TARGETS 16

/* BFD sessions: Documentation/netlink.md, "BFD sessions". */
#define ETRUNK_BFD_NAME_MAX 31			/* bytes before the NUL */
#define ETRUNK_BFD_MAX_SESSIONS 1024		/* per namespace */
#define ETRUNK_BFD_STATIC_DISCR_MAX 8191
/* Dynamic discriminators: random, unique, up to this; etrunkd's micro-BFD
 * members' are above it.
 */
#define ETRUNK_BFD_DYNAMIC_DISCR_MAX 0x3fffffff
#define ETRUNK_BFD_MIN_INTERVAL 1000		/* us */
#define ETRUNK_BFD_MAX_INTERVAL 60000000	/* us */
#define ETRUNK_BFD_DEFAULT_INTERVAL 300000	/* us */
#define ETRUNK_BFD_DEFAULT_MULT 3
#define ETRUNK_BFD_KEY_MAX 20			/* bytes, SHA1 types; MD5 16 */
#define ETRUNK_BFD_MICRO_START_MS 3000
#define ETRUNK_BFD_PORT_SINGLE_HOP 3784		/* RFC 5881 */
#define ETRUNK_BFD_PORT_MULTIHOP 4784		/* RFC 5883 */
#define ETRUNK_BFD_PORT_MICRO 6784		/* RFC 7130 */
#define ETRUNK_BFD_MICRO_MAC { 0x01, 0x00, 0x5e, 0x90, 0x00, 0x01 }

/* Remote backup: Documentation/netlink.md, "Remote backup (RBS and RBP)". */
#define ETRUNK_RBS_NAME_MAX 31			/* bytes before the NUL */
#define ETRUNK_RBS_MAX_SERVICES 64		/* per namespace */
#define ETRUNK_RBP_MAX_PROFILES 256		/* per namespace */
#define ETRUNK_RBS_DEFAULT_PORT 6787		/* TCP */
#define ETRUNK_RBS_KEY_MAX 64			/* bytes, HMAC-SHA256 */
#define ETRUNK_RBS_MAX_HOLD_TIME 3600		/* s */
#define ETRUNK_RBS_DEFAULT_HOLD_TIME 60		/* s */
#define ETRUNK_RBS_MIN_KEEPALIVE 100		/* ms */
#define ETRUNK_RBS_MAX_KEEPALIVE 60000		/* ms */
#define ETRUNK_RBS_DEFAULT_KEEPALIVE 1000	/* ms */
#define ETRUNK_RBS_KEEPALIVE_MULT 3
#define ETRUNK_RBS_MAX_MAX_ENTRIES 1048576	/* per service */
#define ETRUNK_RBS_DEFAULT_MAX_ENTRIES 65536
#define ETRUNK_RBS_DESCR_MAX 64			/* bytes, without the NUL */
/* NDA_PROTOCOL (and MDBE_ATTR_RTPROT) of entries installed from the peer */
#define ETRUNK_RBS_RTPROT 0xe7

/* Flush frames: Documentation/flush-frame.md. */
#define ETRUNK_FLUSH_ETHERTYPE 0x88b5
#define ETRUNK_FLUSH_DEST { 0x03, 0x45, 0x54, 0x52, 0x4b, 0x46 }
#define ETRUNK_FLUSH_MAGIC 0x4554524b		/* "ETRK" */
#define ETRUNK_FLUSH_VERSION 1
#define ETRUNK_FLUSH_TYPE_FLUSH 1
#define ETRUNK_FLUSH_F_HMAC 0x0001
#define ETRUNK_FLUSH_HMAC_LEN 32
#define ETRUNK_FLUSH_MAX_VLANS 512
#define ETRUNK_FLUSH_RX_BURST 64
#define ETRUNK_FLUSH_RX_RATE 32			/* frames per second */
#define ETRUNK_FLUSH_RX_SENDERS 64

/**
 * struct etrunk_flush_hdr - the PDU of a flush frame, after the EtherType
 *     (and followed by n VLAN IDs and the optional HMAC). Its fields fall on
 *     their natural alignment within it (32 bytes, no padding); in a frame
 *     the PDU itself is only 2-byte aligned, so read it unaligned-safely.
 */
struct etrunk_flush_hdr {
	__be32 magic;
	__u8 version;
	__u8 type;
	__be16 flags;
	__be16 length;
	__u8 system[6];
	__be32 trunk_id;
	__be16 reserved;
	__be16 n_vlans;
	__be64 seq;
	__be16 vlans[];
};

/* Mode lacp: Documentation/design.md, "LACP". */
#define ETRUNK_LACP_DEFAULT_SYSTEM_PRIO 32768
#define ETRUNK_LACP_DEFAULT_KEY 1
#define ETRUNK_LACP_DEFAULT_PORT_PRIO 255
#define ETRUNK_LACP_MAX_PORT_OFFSET (65535 - ETRUNK_MAX_MEMBERS)
#define ETRUNK_LACP_PDU_LEN 110			/* bytes after the EtherType */
#define ETRUNK_LACP_RX_BURST 16
#define ETRUNK_LACP_RX_RATE 8			/* PDUs per second */
#define ETRUNK_LACP_PDU_MAX_LEN 1486		/* later versions: bytes after the EtherType */
#define ETRUNK_LACP_CHURN_TIME 60		/* seconds */
#define ETRUNK_DEFAULT_LACP_PREEMPT_DELAY 30000	/* ms */
#define ETRUNK_MAX_LACP_PREEMPT_DELAY 180000	/* ms */

/* The state octet of an actor or partner in a LACPDU (ETRUNK_LACP_A_*_
 * STATE): IEEE 802.1AX Actor_State / Partner_State bits.
 */
#define ETRUNK_LACP_STATE_ACTIVITY	0x01	/* active, not passive */
#define ETRUNK_LACP_STATE_TIMEOUT	0x02	/* short (fast) timeout */
#define ETRUNK_LACP_STATE_AGGREGATION	0x04	/* aggregatable */
#define ETRUNK_LACP_STATE_SYNC		0x08	/* in synchronization */
#define ETRUNK_LACP_STATE_COLLECTING	0x10
#define ETRUNK_LACP_STATE_DISTRIBUTING	0x20
#define ETRUNK_LACP_STATE_DEFAULTED	0x40
#define ETRUNK_LACP_STATE_EXPIRED	0x80

/* E-Trunk groups: Documentation/netlink.md; the values are
 * tools/etrunkd/proto.h's.
 */
#define ETRUNK_GROUP_MAX 16			/* ids 1 to 16 */
#define ETRUNK_GROUP_DEFAULT_PRIORITY 100
#define ETRUNK_GROUP_DEFAULT_PORT 61000		/* UDP */
#define ETRUNK_GROUP_KEY_MAX 64			/* bytes */
#define ETRUNK_GROUP_MIN_HELLO_INTERVAL 10	/* ms */
#define ETRUNK_GROUP_MAX_HELLO_INTERVAL 60000	/* ms */
#define ETRUNK_GROUP_DEFAULT_HELLO_INTERVAL 1000	/* ms */
#define ETRUNK_GROUP_MIN_HOLD_MULT 3
#define ETRUNK_GROUP_DEFAULT_HOLD_MULT 3
#define ETRUNK_GROUP_MAX_REVERT_DELAY 3600	/* s */
#define ETRUNK_GROUP_DEFAULT_REVERT_DELAY 120	/* s */
#define ETRUNK_GROUP_DESCR_MAX 64		/* bytes, without the NUL */
#define ETRUNK_GROUP_MAX_TRUNKS 48		/* bound to one group: one hello */

/* A member's priority until one is set; lower is preferred. */
#define ETRUNK_DEFAULT_PRIORITY 32768

/**
 * enum etrunk_mode - how a trunk uses its members
 * @ETRUNK_MODE_LOADBALANCE: manual load balancing: every member that is up
 *     is active; each packet goes to the member chosen by the hash of its
 *     flow (see enum etrunk_hash_policy), so a flow stays on one member.
 * @ETRUNK_MODE_BACKUP: 1:1 master/backup: exactly two members (a third is
 *     refused). The master, the only active member, is the designated
 *     master (ETRUNK_MEMBER_A_MASTER) if it is usable, otherwise the
 *     member usable the longest; it transmits and receives alone. Frames
 *     received on the backup are dropped and counted (rx_dropped), except
 *     flush frames. The master changes at once when it loses its link
 *     (netdevice notifier), is taken out with ETRUNK_MEMBER_A_ADMIN_UP 0,
 *     fails liveness probing, or when the backup receives a flush frame;
 *     then come gratuitous ARP and flush frames. Bound to an E-Trunk
 *     group in role backup, the trunk has no master: both members stand
 *     by (see ETRUNK_CMD_SET_ROLE).
 * @ETRUNK_MODE_LACP: static LACP (IEEE 802.1AX, Documentation/design.md):
 *     members the protocol aggregates with the partner are active; each
 *     packet goes to one of them by its flow hash, as in loadbalance.
 */
enum etrunk_mode {
	ETRUNK_MODE_LOADBALANCE = 0,
	ETRUNK_MODE_BACKUP = 1,
	ETRUNK_MODE_LACP = 2,
	__ETRUNK_MODE_MAX
};

#define ETRUNK_MODE_MAX (__ETRUNK_MODE_MAX - 1)

/**
 * enum etrunk_hash_policy - which headers choose the member of a packet
 * @ETRUNK_HASH_LAYER2: source and destination MAC and EtherType.
 * @ETRUNK_HASH_LAYER23: layer 2 plus IPv4/IPv6 source and destination
 *     addresses (and the IPv6 flow label).
 * @ETRUNK_HASH_LAYER34: IP addresses plus TCP/UDP/SCTP ports (first
 *     fragments only; other fragments and other protocols use the
 *     addresses alone), so the flows of one host pair spread out.
 * @ETRUNK_HASH_ENCAP23: like LAYER23 but on the innermost headers of
 *     tunnelled packets (GRE, IPIP, ...), as the flow dissector finds them.
 * @ETRUNK_HASH_ENCAP34: like LAYER34 on the innermost headers.
 *
 * Non-IP packets fall back to layer 2 under every policy.
 */
enum etrunk_hash_policy {
	ETRUNK_HASH_LAYER2 = 0,
	ETRUNK_HASH_LAYER23 = 1,
	ETRUNK_HASH_LAYER34 = 2,
	ETRUNK_HASH_ENCAP23 = 3,
	ETRUNK_HASH_ENCAP34 = 4,
	__ETRUNK_HASH_MAX
};

#define ETRUNK_HASH_MAX (__ETRUNK_HASH_MAX - 1)

/**
 * enum etrunk_member_state - what a member is doing
 * @ETRUNK_MEMBER_DOWN: carries no traffic; the reason says why.
 * @ETRUNK_MEMBER_ACTIVE: up, with carrier, and in the transmit set.
 * @ETRUNK_MEMBER_STANDBY: could carry traffic but waits, because the
 *     trunk already has max-links active members of higher priority, or,
 *     in mode backup, because it is the backup or the trunk is in E-Trunk
 *     role backup, or, in mode lacp, because of role backup.
 */
enum etrunk_member_state {
	ETRUNK_MEMBER_DOWN = 0,
	ETRUNK_MEMBER_ACTIVE = 1,
	ETRUNK_MEMBER_STANDBY = 2,
	__ETRUNK_MEMBER_STATE_MAX
};

/**
 * enum etrunk_member_reason - why a member is not active: the first of
 *     these that applies, in this order (a failed link before admin)
 * @ETRUNK_REASON_NONE: it is active.
 * @ETRUNK_REASON_DEV_DOWN: its device is administratively down.
 * @ETRUNK_REASON_NO_CARRIER: its device has no carrier.
 * @ETRUNK_REASON_ADMIN: taken out with ETRUNK_MEMBER_A_ADMIN_UP 0.
 * @ETRUNK_REASON_MAX_LINKS: standby: max-links members of higher
 *     priority are active.
 * @ETRUNK_REASON_PROBE: liveness probing (IFLA_ETRUNK_PROBE_*) got no
 *     reply from any target for probe_missed intervals.
 * @ETRUNK_REASON_BACKUP: standby: mode backup, the other member is the
 *     master.
 * @ETRUNK_REASON_LACP_DEFAULTED: mode lacp: no LACPDU has come from a
 *     partner (receive machine defaulted).
 * @ETRUNK_REASON_LACP_EXPIRED: mode lacp: the partner fell silent for
 *     its timeout (receive machine expired).
 * @ETRUNK_REASON_LACP_AGGREGATOR: mode lacp: its partner (system,
 *     priority, key) is not the chosen aggregator's, or the partner says
 *     it is individual while others aggregate.
 * @ETRUNK_REASON_LACP_WAITING: mode lacp: selected, waiting for the other
 *     members of the aggregator (mux detached or waiting).
 * @ETRUNK_REASON_LACP_PARTNER: mode lacp: attached, but the partner is
 *     not in synchronization with us (it has not attached us yet).
 * @ETRUNK_REASON_LACP_ROLE: standby: mode lacp in role backup.
 * @ETRUNK_REASON_LACP_LOOPBACK: mode lacp: its partner is this trunk (its
 *     LACPDUs come back: a loop, or two members cabled to each other).
 * @ETRUNK_REASON_EROLE_BACKUP: standby: mode backup, the trunk is bound
 *     to an E-Trunk group in role backup (ETRUNK_CMD_SET_ROLE): both
 *     members stand by, the trunk has no master.
 */
enum etrunk_member_reason {
	ETRUNK_REASON_NONE = 0,
	ETRUNK_REASON_DEV_DOWN = 1,
	ETRUNK_REASON_NO_CARRIER = 2,
	ETRUNK_REASON_ADMIN = 3,
	ETRUNK_REASON_MAX_LINKS = 4,
	ETRUNK_REASON_PROBE = 5,
	ETRUNK_REASON_BACKUP = 6,
	ETRUNK_REASON_LACP_DEFAULTED = 7,
	ETRUNK_REASON_LACP_EXPIRED = 8,
	ETRUNK_REASON_LACP_AGGREGATOR = 9,
	ETRUNK_REASON_LACP_WAITING = 10,
	ETRUNK_REASON_LACP_PARTNER = 11,
	ETRUNK_REASON_LACP_ROLE = 12,
	ETRUNK_REASON_LACP_LOOPBACK = 13,
	ETRUNK_REASON_EROLE_BACKUP = 14,
	__ETRUNK_REASON_MAX
};

/**
 * enum etrunk_lacp_rate - the LACP timeout the members advertise
 * @ETRUNK_LACP_RATE_SLOW: long timeout: the partner sends every 30 s and
 *     its information expires after 90 s.
 * @ETRUNK_LACP_RATE_FAST: short timeout: every second, expiring after 3 s.
 */
enum etrunk_lacp_rate {
	ETRUNK_LACP_RATE_SLOW = 0,
	ETRUNK_LACP_RATE_FAST = 1,
	__ETRUNK_LACP_RATE_MAX
};

#define ETRUNK_LACP_RATE_MAX (__ETRUNK_LACP_RATE_MAX - 1)

/**
 * enum etrunk_lacp_role - mode lacp: the trunk's part in a pair of chassis
 * @ETRUNK_LACP_ROLE_MASTER: members aggregate and carry traffic.
 * @ETRUNK_LACP_ROLE_BACKUP: members attach but advertise themselves out
 *     of synchronization and carry nothing; switching to master puts them
 *     in synchronization and tells the partner at once.
 */
enum etrunk_lacp_role {
	ETRUNK_LACP_ROLE_MASTER = 0,
	ETRUNK_LACP_ROLE_BACKUP = 1,
	__ETRUNK_LACP_ROLE_MAX
};

#define ETRUNK_LACP_ROLE_MAX (__ETRUNK_LACP_ROLE_MAX - 1)

/**
 * enum etrunk_lacp_select - the aggregator of a trunk in mode lacp whose
 *     members see different partners
 * @ETRUNK_LACP_SELECT_COUNT: the partner with the most members.
 * @ETRUNK_LACP_SELECT_BANDWIDTH: the partner whose members' speeds add up
 *     to the most.
 * @ETRUNK_LACP_SELECT_PRIORITY: the partner of the member with the best
 *     (lowest) port priority, then the lowest port number.
 */
enum etrunk_lacp_select {
	ETRUNK_LACP_SELECT_COUNT = 0,
	ETRUNK_LACP_SELECT_BANDWIDTH = 1,
	ETRUNK_LACP_SELECT_PRIORITY = 2,
	__ETRUNK_LACP_SELECT_MAX
};

#define ETRUNK_LACP_SELECT_MAX (__ETRUNK_LACP_SELECT_MAX - 1)

/**
 * enum etrunk_lacp_selected - a member's selection (802.1AX Selected)
 * @ETRUNK_LACP_UNSELECTED: not selected for the trunk's aggregator.
 * @ETRUNK_LACP_SELECTED: selected.
 * @ETRUNK_LACP_STANDBY: selected but waiting: max_links members of it
 *     are aggregated.
 */
enum etrunk_lacp_selected {
	ETRUNK_LACP_UNSELECTED = 0,
	ETRUNK_LACP_SELECTED = 1,
	ETRUNK_LACP_STANDBY = 2,
	__ETRUNK_LACP_SELECTED_MAX
};

/**
 * enum etrunk_lacp_rx_state - a member's LACP receive machine
 * @ETRUNK_LACP_RX_DISABLED: its device is down or has no carrier.
 * @ETRUNK_LACP_RX_EXPIRED: the partner's information timed out once; it
 *     is kept, out of synchronization, for one more short timeout.
 * @ETRUNK_LACP_RX_DEFAULTED: no partner information.
 * @ETRUNK_LACP_RX_CURRENT: the partner's information is current.
 */
enum etrunk_lacp_rx_state {
	ETRUNK_LACP_RX_DISABLED = 0,
	ETRUNK_LACP_RX_EXPIRED = 1,
	ETRUNK_LACP_RX_DEFAULTED = 2,
	ETRUNK_LACP_RX_CURRENT = 3,
	__ETRUNK_LACP_RX_MAX
};

/**
 * enum etrunk_lacp_mux_state - a member's LACP mux machine
 * @ETRUNK_LACP_MUX_DETACHED: not attached to the aggregator.
 * @ETRUNK_LACP_MUX_WAITING: selected, waiting (at most the aggregate wait
 *     time, 2 s) so that the members of an aggregator attach together.
 * @ETRUNK_LACP_MUX_ATTACHED: attached, in synchronization (unless in
 *     role backup), waiting for the partner's synchronization.
 * @ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING: carries traffic.
 */
enum etrunk_lacp_mux_state {
	ETRUNK_LACP_MUX_DETACHED = 0,
	ETRUNK_LACP_MUX_WAITING = 1,
	ETRUNK_LACP_MUX_ATTACHED = 2,
	ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING = 3,
	__ETRUNK_LACP_MUX_MAX
};

/**
 * enum etrunk_switch_reason - why the master of a trunk in mode backup
 *     changed
 * @ETRUNK_SWITCH_NONE: no switchover yet.
 * @ETRUNK_SWITCH_UP: there was no master; the first usable member became
 *     it.
 * @ETRUNK_SWITCH_LINK: the master's device went down or lost carrier.
 * @ETRUNK_SWITCH_ADMIN: the master was taken out with
 *     ETRUNK_MEMBER_A_ADMIN_UP 0 (the control plane's hook).
 * @ETRUNK_SWITCH_PROBE: the master failed liveness probing.
 * @ETRUNK_SWITCH_REVERT: the designated master took over again after the
 *     revert delay.
 * @ETRUNK_SWITCH_FLUSH: a valid flush frame arrived on the backup.
 * @ETRUNK_SWITCH_MANUAL: a member was designated master.
 * @ETRUNK_SWITCH_REMOVED: the master was released from the trunk.
 * @ETRUNK_SWITCH_EROLE: the trunk left E-Trunk role backup (role master,
 *     unbinding) and chose its master again.
 */
enum etrunk_switch_reason {
	ETRUNK_SWITCH_NONE = 0,
	ETRUNK_SWITCH_UP = 1,
	ETRUNK_SWITCH_LINK = 2,
	ETRUNK_SWITCH_ADMIN = 3,
	ETRUNK_SWITCH_PROBE = 4,
	ETRUNK_SWITCH_REVERT = 5,
	ETRUNK_SWITCH_FLUSH = 6,
	ETRUNK_SWITCH_MANUAL = 7,
	ETRUNK_SWITCH_REMOVED = 8,
	ETRUNK_SWITCH_EROLE = 9,
	__ETRUNK_SWITCH_MAX
};

/**
 * enum etrunk_egroup_mode - a member trunk's working mode (etkd_mode)
 * @ETRUNK_EGROUP_MODE_AUTO: the election basis decides.
 * @ETRUNK_EGROUP_MODE_FORCE_MASTER: master whenever it has a link.
 * @ETRUNK_EGROUP_MODE_FORCE_BACKUP: backup while the peer can carry it.
 */
enum etrunk_egroup_mode {
	ETRUNK_EGROUP_MODE_AUTO = 0,
	ETRUNK_EGROUP_MODE_FORCE_MASTER = 1,
	ETRUNK_EGROUP_MODE_FORCE_BACKUP = 2,
	__ETRUNK_EGROUP_MODE_MAX
};

#define ETRUNK_EGROUP_MODE_MAX (__ETRUNK_EGROUP_MODE_MAX - 1)

/**
 * enum etrunk_egroup_basis - what decides in mode auto (etkd_basis)
 * @ETRUNK_EGROUP_BASIS_PRIORITY: the group priority, then the system ID.
 * @ETRUNK_EGROUP_BASIS_LINKS: more available links, then priority.
 * @ETRUNK_EGROUP_BASIS_BANDWIDTH: more available bandwidth, then priority.
 */
enum etrunk_egroup_basis {
	ETRUNK_EGROUP_BASIS_PRIORITY = 0,
	ETRUNK_EGROUP_BASIS_LINKS = 1,
	ETRUNK_EGROUP_BASIS_BANDWIDTH = 2,
	__ETRUNK_EGROUP_BASIS_MAX
};

#define ETRUNK_EGROUP_BASIS_MAX (__ETRUNK_EGROUP_BASIS_MAX - 1)

/**
 * enum etrunk_egroup_role - a member trunk's role (etkd_role)
 * @ETRUNK_EROLE_NONE: the daemon has not written one.
 * @ETRUNK_EROLE_MASTER: carries the traffic.
 * @ETRUNK_EROLE_BACKUP: stands by.
 */
enum etrunk_egroup_role {
	ETRUNK_EROLE_NONE = 0,
	ETRUNK_EROLE_MASTER = 1,
	ETRUNK_EROLE_BACKUP = 2,
	__ETRUNK_EROLE_MAX
};

#define ETRUNK_EROLE_MAX (__ETRUNK_EROLE_MAX - 1)

/**
 * enum etrunk_egroup_reason - why the daemon chose a role: the values of
 *     enum etkd_reason in tools/etrunkd/election.h, which explains each
 */
enum etrunk_egroup_reason {
	ETRUNK_EREASON_NONE = 0,
	ETRUNK_EREASON_STARTING = 1,
	ETRUNK_EREASON_NO_LINKS = 2,
	ETRUNK_EREASON_PEER_DOWN = 3,
	ETRUNK_EREASON_LIVENESS = 4,
	ETRUNK_EREASON_PEER_NO_LINKS = 5,
	ETRUNK_EREASON_FORCE_MASTER = 6,
	ETRUNK_EREASON_FORCE_BACKUP = 7,
	ETRUNK_EREASON_PEER_FORCE_MASTER = 8,
	ETRUNK_EREASON_PEER_FORCE_BACKUP = 9,
	ETRUNK_EREASON_HIGHER_PRIORITY = 10,
	ETRUNK_EREASON_LOWER_PRIORITY = 11,
	ETRUNK_EREASON_SYSID_TIEBREAK = 12,
	ETRUNK_EREASON_ADDR_TIEBREAK = 13,
	ETRUNK_EREASON_MORE_LINKS = 14,
	ETRUNK_EREASON_FEWER_LINKS = 15,
	ETRUNK_EREASON_MORE_BANDWIDTH = 16,
	ETRUNK_EREASON_LESS_BANDWIDTH = 17,
	ETRUNK_EREASON_REVERT_WAIT = 18,
	ETRUNK_EREASON_HANDOVER = 19,
	__ETRUNK_EREASON_MAX
};

#define ETRUNK_EREASON_MAX (__ETRUNK_EREASON_MAX - 1)

/**
 * enum etrunk_peer_state - the peer of a group, as the daemon sees it
 * @ETRUNK_PEER_UNKNOWN: not written yet (no daemon, or just started).
 * @ETRUNK_PEER_UP: a valid hello arrived within the hold time.
 * @ETRUNK_PEER_DOWN: none did.
 * @ETRUNK_PEER_DOWN_ALIVE: none did, but the backup-liveness address
 *     answers: the peer link is lost and the peer is alive, so the roles
 *     are kept as they were (no dual master).
 * @ETRUNK_PEER_DOWN_BFD: the group's BFD session left Up
 *     (ETRUNK_GROUP_A_BFD_SESSION, ETRUNK_GROUP_A_BFD); down until a hello
 *     arrives after the session is Up again.
 */
enum etrunk_peer_state {
	ETRUNK_PEER_UNKNOWN = 0,
	ETRUNK_PEER_UP = 1,
	ETRUNK_PEER_DOWN = 2,
	ETRUNK_PEER_DOWN_ALIVE = 3,
	ETRUNK_PEER_DOWN_BFD = 4,
	__ETRUNK_PEER_MAX
};

#define ETRUNK_PEER_MAX (__ETRUNK_PEER_MAX - 1)

/**
 * enum etrunk_event - what an ETRUNK_CMD_EVENT reports
 * @ETRUNK_EVENT_MEMBER_ADDED: a device was enslaved.
 * @ETRUNK_EVENT_MEMBER_REMOVED: a member was released.
 * @ETRUNK_EVENT_MEMBER_STATE: a member's state or reason changed (it went
 *     up, down or to standby).
 * @ETRUNK_EVENT_ACTIVE: the set of active members changed: their number
 *     and the trunk's carrier are in the event.
 * @ETRUNK_EVENT_TRUNK_CHANGED: a trunk parameter was set.
 * @ETRUNK_EVENT_SWITCHOVER: mode backup: the master changed; the event
 *     has ETRUNK_A_ACTIVE_MEMBER, ETRUNK_A_SWITCHOVER_REASON and
 *     ETRUNK_A_SWITCHOVERS, and ETRUNK_A_ACTIVE_MEMBERS and
 *     ETRUNK_A_CARRIER as ETRUNK_EVENT_ACTIVE.
 * @ETRUNK_EVENT_LACP: mode lacp: a member's selection, mux state, churn
 *     or partner changed; the event has the member nest (with
 *     ETRUNK_MEMBER_A_LACP).
 * @ETRUNK_EVENT_GROUP_ADDED: an E-Trunk group was created.
 * @ETRUNK_EVENT_GROUP_CHANGED: a group's configuration was set.
 * @ETRUNK_EVENT_GROUP_REMOVED: a group was deleted (the event has its id).
 * @ETRUNK_EVENT_GROUP_STATE: the daemon wrote a group's peer state or
 *     counters.
 * @ETRUNK_EVENT_TRUNK_BOUND: a trunk was bound to a group.
 * @ETRUNK_EVENT_TRUNK_BINDING: a binding's id, mode, remote id or basis
 *     was set.
 * @ETRUNK_EVENT_TRUNK_UNBOUND: a binding went (unbind, or the trunk was
 *     deleted).
 * @ETRUNK_EVENT_TRUNK_ROLE: the daemon wrote a member trunk's role or
 *     reason.
 * @ETRUNK_EVENT_BFD_ADDED, @ETRUNK_EVENT_BFD_CHANGED,
 * @ETRUNK_EVENT_BFD_REMOVED: a BFD session was created, its configuration
 *     set, or it was deleted; the event has ETRUNK_A_BFD (without the
 *     links).
 * @ETRUNK_EVENT_BFD_STATE: etrunkd wrote a session's state (or a link's)
 *     and it changed.
 * @ETRUNK_EVENT_RBS_ADDED, @ETRUNK_EVENT_RBS_CHANGED,
 * @ETRUNK_EVENT_RBS_REMOVED: a remote backup service was created, its
 *     configuration set, or it was deleted; the event has ETRUNK_A_RBS.
 * @ETRUNK_EVENT_RBS_STATE: etrunkd wrote a service's state and it changed,
 *     or the duration of a full sync.
 * @ETRUNK_EVENT_RBP_ADDED, @ETRUNK_EVENT_RBP_CHANGED,
 * @ETRUNK_EVENT_RBP_REMOVED: a remote backup profile was created, its
 *     configuration set, or it was deleted (also with its trunk); the
 *     event has ETRUNK_A_RBP.
 * @ETRUNK_EVENT_RBP_STATE: etrunkd wrote a profile's counters.
 */
enum etrunk_event {
	ETRUNK_EVENT_UNSPEC,
	ETRUNK_EVENT_MEMBER_ADDED,
	ETRUNK_EVENT_MEMBER_REMOVED,
	ETRUNK_EVENT_MEMBER_STATE,
	ETRUNK_EVENT_ACTIVE,
	ETRUNK_EVENT_TRUNK_CHANGED,
	ETRUNK_EVENT_SWITCHOVER,
	ETRUNK_EVENT_LACP,
	ETRUNK_EVENT_GROUP_ADDED,
	ETRUNK_EVENT_GROUP_CHANGED,
	ETRUNK_EVENT_GROUP_REMOVED,
	ETRUNK_EVENT_GROUP_STATE,
	ETRUNK_EVENT_TRUNK_BOUND,
	ETRUNK_EVENT_TRUNK_BINDING,
	ETRUNK_EVENT_TRUNK_UNBOUND,
	ETRUNK_EVENT_TRUNK_ROLE,
	ETRUNK_EVENT_BFD_ADDED,
	ETRUNK_EVENT_BFD_CHANGED,
	ETRUNK_EVENT_BFD_REMOVED,
	ETRUNK_EVENT_BFD_STATE,
	ETRUNK_EVENT_RBS_ADDED,
	ETRUNK_EVENT_RBS_CHANGED,
	ETRUNK_EVENT_RBS_REMOVED,
	ETRUNK_EVENT_RBS_STATE,
	ETRUNK_EVENT_RBP_ADDED,
	ETRUNK_EVENT_RBP_CHANGED,
	ETRUNK_EVENT_RBP_REMOVED,
	ETRUNK_EVENT_RBP_STATE,
	__ETRUNK_EVENT_MAX
};

enum etrunk_cmd {
	ETRUNK_CMD_UNSPEC,
	/* the trunk, or NLM_F_DUMP: trunk messages (ETRUNK_A_*,
	 * ETRUNK_A_MEMBERS), up to 32 KiB each
	 */
	ETRUNK_CMD_GET_TRUNK,
	/* the trunk and rw ETRUNK_A_* attributes; all or none */
	ETRUNK_CMD_SET_TRUNK,
	/* ETRUNK_A_MEMBER naming a member; reply: the trunk and
	 * the member nest
	 */
	ETRUNK_CMD_GET_MEMBER,
	/* ETRUNK_A_MEMBER with rw ETRUNK_MEMBER_A_* attributes; all or none */
	ETRUNK_CMD_SET_MEMBER,
	/* not a request: sent to ETRUNK_MCGRP_EVENTS with ETRUNK_A_EVENT,
	 * _EVENT_SEQ
	 */
	ETRUNK_CMD_EVENT,
	/* a bridge port's flush-receive settings (-ENOENT if off), or
	 * NLM_F_DUMP
	 */
	ETRUNK_CMD_GET_FLUSH_RX,
	/* a bridge port (else -EOPNOTSUPP), ETRUNK_A_FLUSH_RX, _FLUSH_KEY,
	 * _FLUSH_VLANS
	 */
	ETRUNK_CMD_SET_FLUSH_RX,
	/* ETRUNK_A_GROUP with _ID, _SYSTEM, _PEER_ADDR, _SOURCE_ADDR (-EEXIST
	 * if taken)
	 */
	ETRUNK_CMD_NEW_GROUP,
	/* ETRUNK_A_GROUP with _ID and rw attributes; all or none */
	ETRUNK_CMD_SET_GROUP,
	/* ETRUNK_A_GROUP with _ID; -EBUSY while trunks are bound */
	ETRUNK_CMD_DEL_GROUP,
	/* ETRUNK_A_GROUP with _ID, or NLM_F_DUMP; never the key */
	ETRUNK_CMD_GET_GROUP,
	/* a trunk in mode lacp or backup, ETRUNK_A_BINDING with
	 * _GROUP and _ID
	 */
	ETRUNK_CMD_BIND_TRUNK,
	/* the trunk, ETRUNK_A_BINDING with rw attributes (-ENOENT
	 * if not bound)
	 */
	ETRUNK_CMD_SET_BINDING,
	/* the trunk (-ENOENT if not bound) */
	ETRUNK_CMD_UNBIND_TRUNK,
	/* etrunkd: the trunk, ETRUNK_A_BINDING with _ROLE (and _REASON,
	 * _REVERT_MS)
	 */
	ETRUNK_CMD_SET_ROLE,
	/* etrunkd: ETRUNK_A_GROUP with _ID, _PEER_STATE and counters */
	ETRUNK_CMD_SET_GROUP_STATE,
	/* ETRUNK_A_GROUP with _ID only; reply has ETRUNK_GROUP_A_KEY */
	ETRUNK_CMD_GET_GROUP_KEY,
	/* ETRUNK_A_BFD with _NAME, _PEER_ADDR, what the type needs (-EEXIST if
	 * taken)
	 */
	ETRUNK_CMD_NEW_BFD,
	/* ETRUNK_A_BFD with _NAME and rw attributes; all or none */
	ETRUNK_CMD_SET_BFD,
	/* ETRUNK_A_BFD with _NAME; -EBUSY while a group is bound to it */
	ETRUNK_CMD_DEL_BFD,
	/* ETRUNK_A_BFD with _NAME, or NLM_F_DUMP; never the key */
	ETRUNK_CMD_GET_BFD,
	/* etrunkd: ETRUNK_A_BFD with _NAME and the state attributes */
	ETRUNK_CMD_SET_BFD_STATE,
	/* ETRUNK_A_BFD with _NAME; reply has ETRUNK_BFD_A_AUTH_KEY */
	ETRUNK_CMD_GET_BFD_KEY,
	/* ETRUNK_A_RBS with _NAME, _PEER_ADDR, _SOURCE_ADDR
	 * (-EEXIST if taken)
	 */
	ETRUNK_CMD_NEW_RBS,
	/* ETRUNK_A_RBS with _NAME and rw attributes; all or none */
	ETRUNK_CMD_SET_RBS,
	/* ETRUNK_A_RBS with _NAME; -EBUSY while profiles use it */
	ETRUNK_CMD_DEL_RBS,
	/* ETRUNK_A_RBS with _NAME, or NLM_F_DUMP; never the key */
	ETRUNK_CMD_GET_RBS,
	/* etrunkd: ETRUNK_A_RBS with _NAME and the state attributes */
	ETRUNK_CMD_SET_RBS_STATE,
	/* ETRUNK_A_RBS with _NAME only; reply has ETRUNK_RBS_A_KEY */
	ETRUNK_CMD_GET_RBS_KEY,
	/* ETRUNK_A_RBP with _NAME, _SERVICE, _BACKUP_ID and the trunk */
	ETRUNK_CMD_NEW_RBP,
	/* ETRUNK_A_RBP with _NAME and rw attributes; all or none */
	ETRUNK_CMD_SET_RBP,
	/* ETRUNK_A_RBP with _NAME */
	ETRUNK_CMD_DEL_RBP,
	/* ETRUNK_A_RBP with _NAME, or NLM_F_DUMP */
	ETRUNK_CMD_GET_RBP,
	/* etrunkd: ETRUNK_A_RBP with _NAME and ETRUNK_RBP_A_STATS */
	ETRUNK_CMD_SET_RBP_STATE,
	__ETRUNK_CMD_MAX
};

#define ETRUNK_CMD_MAX (__ETRUNK_CMD_MAX - 1)

enum etrunk_attr {
	ETRUNK_A_UNSPEC,
	/* NLA_U32: the trunk (or bridge port) in a request, with or instead of
	 * ETRUNK_A_IFNAME
	 */
	ETRUNK_A_IFINDEX,
	/* NLA_NUL_STRING: the same device by name (both given: must agree, else
	 * -EINVAL)
	 */
	ETRUNK_A_IFNAME,
	/* NLA_U8, rw, enum etrunk_mode; set only while the trunk
	 * has no members
	 */
	ETRUNK_A_MODE,
	/* NLA_U8, rw, enum etrunk_hash_policy */
	ETRUNK_A_HASH_POLICY,
	/* NLA_U32, rw, 0 to ETRUNK_MAX_MEMBERS */
	ETRUNK_A_MIN_LINKS,
	/* NLA_U32, rw, 0 (no limit) to ETRUNK_MAX_MEMBERS */
	ETRUNK_A_MAX_LINKS,
	/* NLA_U8, ro: 1 if the trunk is administratively up */
	ETRUNK_A_UP,
	/* NLA_U8, ro: 1 if it has carrier (enough active members) */
	ETRUNK_A_CARRIER,
	/* NLA_U32, ro */
	ETRUNK_A_ACTIVE_MEMBERS,
	/* NLA_NESTED, ro: enum etrunk_stats_attr */
	ETRUNK_A_STATS,
	/* NLA_NESTED, ro: one ETRUNK_A_MEMBER per member, in enslave order */
	ETRUNK_A_MEMBERS,
	/* NLA_NESTED: enum etrunk_member_attr; names the member in member
	 * commands
	 */
	ETRUNK_A_MEMBER,
	/* NLA_U8, in ETRUNK_CMD_EVENT: enum etrunk_event */
	ETRUNK_A_EVENT,
	/* NLA_U32, in ETRUNK_CMD_EVENT: per namespace, from 1 up (a gap: events
	 * missed)
	 */
	ETRUNK_A_EVENT_SEQ,
	/* alignment of the NLA_U64 attributes */
	ETRUNK_A_PAD,
	/* as IFLA_ETRUNK_REVERTIVE, reported in every mode */
	ETRUNK_A_REVERTIVE,
	/* as IFLA_ETRUNK_REVERT_DELAY */
	ETRUNK_A_REVERT_DELAY,
	/* as IFLA_ETRUNK_GRAT_ARP */
	ETRUNK_A_GRAT_ARP,
	/* as IFLA_ETRUNK_FLUSH_COUNT */
	ETRUNK_A_FLUSH_COUNT,
	/* as IFLA_ETRUNK_FLUSH_INTERVAL */
	ETRUNK_A_FLUSH_INTERVAL,
	/* as IFLA_ETRUNK_FLUSH_KEY (write-only); also of a flush-
	 * receive port
	 */
	ETRUNK_A_FLUSH_KEY,
	/* as IFLA_ETRUNK_FLUSH_KEY_SET */
	ETRUNK_A_FLUSH_KEY_SET,
	/* as IFLA_ETRUNK_FLUSH_RX; on a bridge port (ETRUNK_CMD_SET_FLUSH_RX):
	 * 1 enables flush-receive, 0 disables it
	 */
	ETRUNK_A_FLUSH_RX,
	/* as IFLA_ETRUNK_PROBE_INTERVAL */
	ETRUNK_A_PROBE_INTERVAL,
	/* as IFLA_ETRUNK_PROBE_MISSED */
	ETRUNK_A_PROBE_MISSED,
	/* as IFLA_ETRUNK_PROBE_TARGETS */
	ETRUNK_A_PROBE_TARGETS,
	/* as IFLA_ETRUNK_PROBE_TARGET */
	ETRUNK_A_PROBE_TARGET,
	/* as IFLA_ETRUNK_ACTIVE_MEMBER */
	ETRUNK_A_ACTIVE_MEMBER,
	/* as IFLA_ETRUNK_SWITCHOVERS */
	ETRUNK_A_SWITCHOVERS,
	/* as IFLA_ETRUNK_SWITCHOVER_REASON */
	ETRUNK_A_SWITCHOVER_REASON,
	/* as IFLA_ETRUNK_SWITCHOVER_AGE */
	ETRUNK_A_SWITCHOVER_AGE,
	/* NLA_NESTED, ro: enum etrunk_flush_stats_attr */
	ETRUNK_A_FLUSH_STATS,
	/* NLA_NESTED, rw (flush-receive ports): ETRUNK_VLAN_A_VID, up to
	 * ETRUNK_FLUSH_MAX_VLANS; empty: all VLANs
	 */
	ETRUNK_A_FLUSH_VLANS,
	/* as IFLA_ETRUNK_LACP_SYSTEM_PRIO, reported in every mode */
	ETRUNK_A_LACP_SYSTEM_PRIO,
	/* as IFLA_ETRUNK_LACP_SYSTEM */
	ETRUNK_A_LACP_SYSTEM,
	/* as IFLA_ETRUNK_LACP_KEY */
	ETRUNK_A_LACP_KEY,
	/* as IFLA_ETRUNK_LACP_PORT_OFFSET */
	ETRUNK_A_LACP_PORT_OFFSET,
	/* as IFLA_ETRUNK_LACP_RATE */
	ETRUNK_A_LACP_RATE,
	/* as IFLA_ETRUNK_LACP_ROLE */
	ETRUNK_A_LACP_ROLE,
	/* as IFLA_ETRUNK_LACP_SELECT */
	ETRUNK_A_LACP_SELECT,
	/* as IFLA_ETRUNK_LACP_PREEMPT */
	ETRUNK_A_LACP_PREEMPT,
	/* as IFLA_ETRUNK_LACP_PREEMPT_DELAY */
	ETRUNK_A_LACP_PREEMPT_DELAY,
	/* NLA_NESTED: enum etrunk_group_attr */
	ETRUNK_A_GROUP,
	/* NLA_NESTED: enum etrunk_bind_attr; reported only while the trunk is
	 * bound
	 */
	ETRUNK_A_BINDING,
	/* NLA_NESTED: enum etrunk_bfd_attr */
	ETRUNK_A_BFD,
	/* NLA_NESTED: enum etrunk_rbs_attr */
	ETRUNK_A_RBS,
	/* NLA_NESTED: enum etrunk_rbp_attr */
	ETRUNK_A_RBP,
	__ETRUNK_A_MAX
};

#define ETRUNK_A_MAX (__ETRUNK_A_MAX - 1)

enum etrunk_member_attr {
	ETRUNK_MEMBER_A_UNSPEC,
	/* NLA_U32: names the member (or ETRUNK_MEMBER_A_IFNAME) */
	ETRUNK_MEMBER_A_IFINDEX,
	/* NLA_NUL_STRING */
	ETRUNK_MEMBER_A_IFNAME,
	/* NLA_U8, ro, enum etrunk_member_state */
	ETRUNK_MEMBER_A_STATE,
	/* NLA_U8, ro, enum etrunk_member_reason */
	ETRUNK_MEMBER_A_REASON,
	/* NLA_U16, rw, lower is preferred; default ETRUNK_DEFAULT_PRIORITY */
	ETRUNK_MEMBER_A_PRIORITY,
	/* NLA_U8, rw, 0 or 1: the designated master (one per trunk: setting it
	 * clears the others)
	 */
	ETRUNK_MEMBER_A_MASTER,
	/* NLA_U8, rw, 0 or 1, default 1: 0 takes the member out (reason
	 * ETRUNK_REASON_ADMIN)
	 */
	ETRUNK_MEMBER_A_ADMIN_UP,
	/* NLA_U32, ro */
	ETRUNK_MEMBER_A_LINK_FAILURES,
	/* NLA_U32, ro, Mb/s as ethtool reports it; absent if unknown */
	ETRUNK_MEMBER_A_SPEED,
	/* as IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO (mode lacp) */
	ETRUNK_MEMBER_A_LACP_PORT_PRIO,
	/* as IFLA_ETRUNK_MEMBER_LACP_ACTIVE (mode lacp) */
	ETRUNK_MEMBER_A_LACP_ACTIVE,
	/* as IFLA_ETRUNK_MEMBER_LACP (mode lacp) */
	ETRUNK_MEMBER_A_LACP,
	__ETRUNK_MEMBER_A_MAX
};

#define ETRUNK_MEMBER_A_MAX (__ETRUNK_MEMBER_A_MAX - 1)

enum etrunk_stats_attr {
	ETRUNK_STATS_A_UNSPEC,
	ETRUNK_STATS_A_PAD,
	ETRUNK_STATS_A_RX_PACKETS,
	ETRUNK_STATS_A_RX_BYTES,
	ETRUNK_STATS_A_RX_DROPPED,
	ETRUNK_STATS_A_TX_PACKETS,
	ETRUNK_STATS_A_TX_BYTES,
	ETRUNK_STATS_A_TX_DROPPED,
	__ETRUNK_STATS_A_MAX
};

#define ETRUNK_STATS_A_MAX (__ETRUNK_STATS_A_MAX - 1)

/* In ETRUNK_A_GROUP. */
enum etrunk_group_attr {
	ETRUNK_GROUP_A_UNSPEC,
	/* alignment of the NLA_U64 attributes */
	ETRUNK_GROUP_A_PAD,
	/* NLA_U32, 1 to ETRUNK_GROUP_MAX: names the group in every group
	 * command
	 */
	ETRUNK_GROUP_A_ID,
	/* NLA_U8, rw, 1 to 254, lower wins; default
	 * ETRUNK_GROUP_DEFAULT_PRIORITY
	 */
	ETRUNK_GROUP_A_PRIORITY,
	/* NLA_BINARY, 6 bytes, rw, required at creation: a unicast MAC address
	 * (else -EINVAL)
	 */
	ETRUNK_GROUP_A_SYSTEM,
	/* NLA_BINARY, 4 or 16 bytes, network order, rw, required at creation */
	ETRUNK_GROUP_A_PEER_ADDR,
	/* NLA_BINARY, 4 or 16 bytes, rw, required at creation; one family with
	 * the peer's (else -EINVAL)
	 */
	ETRUNK_GROUP_A_SOURCE_ADDR,
	/* NLA_BINARY, 0, 4 or 16 bytes, rw, optional; 0 bytes removes it */
	ETRUNK_GROUP_A_LIVENESS_ADDR,
	/* NLA_U16, rw, 1 to 65535, UDP; default ETRUNK_GROUP_DEFAULT_PORT */
	ETRUNK_GROUP_A_PORT,
	/* NLA_BINARY, write-only, 0 to ETRUNK_GROUP_KEY_MAX bytes, HMAC-SHA256;
	 * 0 bytes removes it
	 */
	ETRUNK_GROUP_A_KEY,
	/* NLA_U8, ro */
	ETRUNK_GROUP_A_KEY_SET,
	/* NLA_U32, rw, ms, ETRUNK_GROUP_MIN_HELLO_INTERVAL to _MAX_; default
	 * ETRUNK_GROUP_DEFAULT_HELLO_INTERVAL
	 */
	ETRUNK_GROUP_A_HELLO_INTERVAL,
	/* NLA_U8, rw, ETRUNK_GROUP_MIN_HOLD_MULT to 255; default
	 * ETRUNK_GROUP_DEFAULT_HOLD_MULT
	 */
	ETRUNK_GROUP_A_HOLD_MULT,
	/* NLA_U32, rw, s, 0 to ETRUNK_GROUP_MAX_REVERT_DELAY; default
	 * ETRUNK_GROUP_DEFAULT_REVERT_DELAY
	 */
	ETRUNK_GROUP_A_REVERT_DELAY,
	/* NLA_NUL_STRING, rw, up to ETRUNK_GROUP_DESCR_MAX bytes;
	 * "" removes it
	 */
	ETRUNK_GROUP_A_DESCRIPTION,
	/* NLA_U8, enum etrunk_peer_state, written by ETRUNK_CMD_SET_GROUP_STATE
	 * only
	 */
	ETRUNK_GROUP_A_PEER_STATE,
	/* NLA_U64, written by ETRUNK_CMD_SET_GROUP_STATE only: hellos sent */
	ETRUNK_GROUP_A_HELLOS_TX,
	/* NLA_U64, likewise: hellos accepted */
	ETRUNK_GROUP_A_HELLOS_RX,
	/* NLA_U64, likewise: dropped for a missing or wrong HMAC */
	ETRUNK_GROUP_A_AUTH_FAILURES,
	/* NLA_U64, likewise: dropped as replays */
	ETRUNK_GROUP_A_REPLAYS,
	/* NLA_U64, likewise: role changes */
	ETRUNK_GROUP_A_ROLE_CHANGES,
	/* NLA_NESTED, ro: one ETRUNK_GROUP_A_TRUNK per bound trunk, in bind
	 * order
	 */
	ETRUNK_GROUP_A_TRUNKS,
	/* NLA_NESTED: enum etrunk_bind_attr */
	ETRUNK_GROUP_A_TRUNK,
	/* NLA_U64, written by ETRUNK_CMD_SET_GROUP_STATE only: dropped for
	 * another reason
	 */
	ETRUNK_GROUP_A_DROPS,
	/* NLA_NUL_STRING, rw: a configured BFD session (-ENOENT if none); ""
	 * unbinds
	 */
	ETRUNK_GROUP_A_BFD_SESSION,
	/* NLA_U8, rw, 0 or 1: a dynamic single-hop session "e-trunk-<id>" owned
	 * by the group
	 */
	ETRUNK_GROUP_A_BFD,
	/* NLA_U32, rw, us: that session's, as ETRUNK_BFD_A_MIN_TX */
	ETRUNK_GROUP_A_BFD_MIN_TX,
	/* NLA_U32, rw, us: as ETRUNK_BFD_A_MIN_RX */
	ETRUNK_GROUP_A_BFD_MIN_RX,
	/* NLA_U8, rw: as ETRUNK_BFD_A_MULT */
	ETRUNK_GROUP_A_BFD_MULT,
	__ETRUNK_GROUP_A_MAX
};

#define ETRUNK_GROUP_A_MAX (__ETRUNK_GROUP_A_MAX - 1)

/* In ETRUNK_A_BINDING and ETRUNK_GROUP_A_TRUNK. */
enum etrunk_bind_attr {
	ETRUNK_BIND_A_UNSPEC,
	/* NLA_U32, ro: the trunk */
	ETRUNK_BIND_A_IFINDEX,
	/* NLA_NUL_STRING, ro */
	ETRUNK_BIND_A_IFNAME,
	/* NLA_U32, 1 to ETRUNK_GROUP_MAX, set at binding (a change: -EBUSY) */
	ETRUNK_BIND_A_GROUP,
	/* NLA_U8, rw, enum etrunk_egroup_mode; default
	 * ETRUNK_EGROUP_MODE_AUTO
	 */
	ETRUNK_BIND_A_MODE,
	/* NLA_U32, rw, optional: the peer's member-trunk id; absent:
	 * ETRUNK_BIND_A_ID
	 */
	ETRUNK_BIND_A_REMOTE_ID,
	/* NLA_FLAG: removes ETRUNK_BIND_A_REMOTE_ID */
	ETRUNK_BIND_A_CLEAR_REMOTE_ID,
	/* NLA_U8, rw, enum etrunk_egroup_basis; default
	 * ETRUNK_EGROUP_BASIS_PRIORITY
	 */
	ETRUNK_BIND_A_BASIS,
	/* NLA_U8, enum etrunk_egroup_role, written by
	 * ETRUNK_CMD_SET_ROLE only
	 */
	ETRUNK_BIND_A_ROLE,
	/* NLA_U8, enum etrunk_egroup_reason, written with ETRUNK_BIND_A_ROLE */
	ETRUNK_BIND_A_REASON,
	/* NLA_U32, rw, 1 to 0xffffffff, required at binding; unique in the
	 * group (else -EEXIST)
	 */
	ETRUNK_BIND_A_ID,
	/* NLA_U32, ms, 0 to ETRUNK_GROUP_MAX_REVERT_DELAY * 1000, with
	 * ETRUNK_EREASON_REVERT_WAIT only
	 */
	ETRUNK_BIND_A_REVERT_MS,
	__ETRUNK_BIND_A_MAX
};

#define ETRUNK_BIND_A_MAX (__ETRUNK_BIND_A_MAX - 1)

/* In ETRUNK_A_FLUSH_STATS, each NLA_U64: frames sent; frames accepted;
 * frames dropped, by the reasons of Documentation/flush-frame.md.
 */
enum etrunk_flush_stats_attr {
	ETRUNK_FLUSH_STATS_A_UNSPEC,
	ETRUNK_FLUSH_STATS_A_PAD,
	ETRUNK_FLUSH_STATS_A_TX,
	ETRUNK_FLUSH_STATS_A_RX_ACCEPTED,
	ETRUNK_FLUSH_STATS_A_RX_RATE,
	ETRUNK_FLUSH_STATS_A_RX_MALFORMED,
	ETRUNK_FLUSH_STATS_A_RX_VERSION,
	ETRUNK_FLUSH_STATS_A_RX_AUTH,
	ETRUNK_FLUSH_STATS_A_RX_REPLAY,
	__ETRUNK_FLUSH_STATS_A_MAX
};

#define ETRUNK_FLUSH_STATS_A_MAX (__ETRUNK_FLUSH_STATS_A_MAX - 1)

/* In ETRUNK_A_FLUSH_VLANS. */
enum etrunk_vlan_attr {
	ETRUNK_VLAN_A_UNSPEC,
	ETRUNK_VLAN_A_VID,
	__ETRUNK_VLAN_A_MAX
};

#define ETRUNK_VLAN_A_MAX (__ETRUNK_VLAN_A_MAX - 1)

/* In IFLA_ETRUNK_MEMBER_LACP and ETRUNK_MEMBER_A_LACP, mode lacp: the
 * receive and mux machines' states (NLA_U8, enum etrunk_lacp_rx_state and
 * enum etrunk_lacp_mux_state); the actor's (this member's) and the
 * partner's information as the LACPDUs carry it: system priority
 * (NLA_U16), system (NLA_BINARY, 6 bytes), key, port priority and port
 * number (NLA_U16) and state (NLA_U8, ETRUNK_LACP_STATE_* bits); the
 * partner's is all zeros while defaulted. Then counters, each NLA_U64:
 * LACPDUs received (valid) and sent, markers received and responses
 * sent, PDUs dropped as malformed and by the token bucket (rate). Then
 * the selection (NLA_U8, enum etrunk_lacp_selected), whether the actor's
 * and the partner's churn machines say churned (NLA_U8, 0 or 1), and
 * how many times each did since the member was enslaved (NLA_U32).
 */
enum etrunk_lacp_attr {
	ETRUNK_LACP_A_UNSPEC,
	ETRUNK_LACP_A_PAD,
	ETRUNK_LACP_A_RX_STATE,
	ETRUNK_LACP_A_MUX_STATE,
	ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO,
	ETRUNK_LACP_A_ACTOR_SYSTEM,
	ETRUNK_LACP_A_ACTOR_KEY,
	ETRUNK_LACP_A_ACTOR_PORT_PRIO,
	ETRUNK_LACP_A_ACTOR_PORT,
	ETRUNK_LACP_A_ACTOR_STATE,
	ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO,
	ETRUNK_LACP_A_PARTNER_SYSTEM,
	ETRUNK_LACP_A_PARTNER_KEY,
	ETRUNK_LACP_A_PARTNER_PORT_PRIO,
	ETRUNK_LACP_A_PARTNER_PORT,
	ETRUNK_LACP_A_PARTNER_STATE,
	ETRUNK_LACP_A_LACPDU_RX,
	ETRUNK_LACP_A_LACPDU_TX,
	ETRUNK_LACP_A_MARKER_RX,
	ETRUNK_LACP_A_MARKER_TX,
	ETRUNK_LACP_A_RX_MALFORMED,
	ETRUNK_LACP_A_RX_RATE,
	ETRUNK_LACP_A_SELECTED,
	ETRUNK_LACP_A_ACTOR_CHURN,
	ETRUNK_LACP_A_PARTNER_CHURN,
	ETRUNK_LACP_A_ACTOR_CHURNS,
	ETRUNK_LACP_A_PARTNER_CHURNS,
	__ETRUNK_LACP_A_MAX
};

#define ETRUNK_LACP_A_MAX (__ETRUNK_LACP_A_MAX - 1)

/**
 * enum etrunk_bfd_type - what a BFD session runs over
 * @ETRUNK_BFD_SINGLE_HOP: RFC 5881, UDP port 3784, TTL 255 sent and
 *     required.
 * @ETRUNK_BFD_MULTIHOP: RFC 5883, UDP port 4784.
 * @ETRUNK_BFD_MICRO: RFC 7130, one session per member of a trunk, UDP
 *     port 6784.
 */
enum etrunk_bfd_type {
	ETRUNK_BFD_SINGLE_HOP = 0,
	ETRUNK_BFD_MULTIHOP = 1,
	ETRUNK_BFD_MICRO = 2,
	__ETRUNK_BFD_TYPE_MAX
};

#define ETRUNK_BFD_TYPE_MAX (__ETRUNK_BFD_TYPE_MAX - 1)

/* RFC 5880 section 4.1: the State field. */
enum etrunk_bfd_state {
	ETRUNK_BFD_STATE_ADMIN_DOWN = 0,
	ETRUNK_BFD_STATE_DOWN = 1,
	ETRUNK_BFD_STATE_INIT = 2,
	ETRUNK_BFD_STATE_UP = 3,
	__ETRUNK_BFD_STATE_MAX
};

#define ETRUNK_BFD_STATE_MAX (__ETRUNK_BFD_STATE_MAX - 1)

/* RFC 5880 section 4.1: the Diagnostic field. */
enum etrunk_bfd_diag {
	ETRUNK_BFD_DIAG_NONE = 0,
	ETRUNK_BFD_DIAG_DETECT_EXPIRED = 1,
	ETRUNK_BFD_DIAG_ECHO_FAILED = 2,
	ETRUNK_BFD_DIAG_NEIGHBOR_DOWN = 3,
	ETRUNK_BFD_DIAG_FWD_RESET = 4,
	ETRUNK_BFD_DIAG_PATH_DOWN = 5,
	ETRUNK_BFD_DIAG_CONCAT_DOWN = 6,
	ETRUNK_BFD_DIAG_ADMIN_DOWN = 7,
	ETRUNK_BFD_DIAG_REV_CONCAT_DOWN = 8,
	__ETRUNK_BFD_DIAG_MAX
};

#define ETRUNK_BFD_DIAG_MAX (__ETRUNK_BFD_DIAG_MAX - 1)

/* RFC 5880 section 4.1: the Auth Type field (section 6.7). */
enum etrunk_bfd_auth {
	ETRUNK_BFD_AUTH_NONE = 0,
	ETRUNK_BFD_AUTH_SIMPLE = 1,
	ETRUNK_BFD_AUTH_KEYED_MD5 = 2,
	ETRUNK_BFD_AUTH_METICULOUS_MD5 = 3,
	ETRUNK_BFD_AUTH_KEYED_SHA1 = 4,
	ETRUNK_BFD_AUTH_METICULOUS_SHA1 = 5,
	__ETRUNK_BFD_AUTH_MAX
};

#define ETRUNK_BFD_AUTH_MAX (__ETRUNK_BFD_AUTH_MAX - 1)

/* In ETRUNK_A_BFD. */
enum etrunk_bfd_attr {
	ETRUNK_BFD_A_UNSPEC,
	/* alignment of the NLA_U64 attributes */
	ETRUNK_BFD_A_PAD,
	/* NLA_NUL_STRING, 1 to ETRUNK_BFD_NAME_MAX bytes of [A-Za-z0-9._-]:
	 * names the session
	 */
	ETRUNK_BFD_A_NAME,
	/* NLA_U8, enum etrunk_bfd_type, set at creation only; default
	 * ETRUNK_BFD_SINGLE_HOP
	 */
	ETRUNK_BFD_A_TYPE,
	/* NLA_BINARY, 4 or 16 bytes, network order, rw, required at creation */
	ETRUNK_BFD_A_PEER_ADDR,
	/* NLA_BINARY, 4 or 16 bytes, rw; required for multihop and micro-BFD; 0
	 * bytes removes it
	 */
	ETRUNK_BFD_A_SOURCE_ADDR,
	/* NLA_U32, rw: the interface (single hop, optional) or the trunk
	 * (micro-BFD, required)
	 */
	ETRUNK_BFD_A_IFINDEX,
	/* NLA_NUL_STRING, rw: the same device by name */
	ETRUNK_BFD_A_IFNAME,
	/* NLA_U32, rw, 1 to ETRUNK_BFD_STATIC_DISCR_MAX (unique, else -EEXIST);
	 * absent: dynamic
	 */
	ETRUNK_BFD_A_LOCAL_DISCR,
	/* NLA_U32, rw, 0 (learned, the default) to
	 * ETRUNK_BFD_STATIC_DISCR_MAX
	 */
	ETRUNK_BFD_A_REMOTE_DISCR,
	/* NLA_U32, rw, us, ETRUNK_BFD_MIN_INTERVAL to _MAX_; default
	 * ETRUNK_BFD_DEFAULT_INTERVAL
	 */
	ETRUNK_BFD_A_MIN_TX,
	/* NLA_U32, rw, us, as ETRUNK_BFD_A_MIN_TX */
	ETRUNK_BFD_A_MIN_RX,
	/* NLA_U8, rw, 1 to 255; default ETRUNK_BFD_DEFAULT_MULT */
	ETRUNK_BFD_A_MULT,
	/* NLA_U8, rw, 0 or 1: 1 holds the session in AdminDown */
	ETRUNK_BFD_A_ADMIN_DOWN,
	/* NLA_U8, rw, enum etrunk_bfd_auth; default none */
	ETRUNK_BFD_A_AUTH_TYPE,
	/* NLA_U8, rw */
	ETRUNK_BFD_A_AUTH_KEY_ID,
	/* NLA_BINARY, write-only, 1 to 16 bytes (password, MD5) or 20 (SHA1); 0
	 * bytes removes it
	 */
	ETRUNK_BFD_A_AUTH_KEY,
	/* NLA_U8, ro */
	ETRUNK_BFD_A_AUTH_KEY_SET,
	/* NLA_U32, ro: the group owning a dynamic session, 0 if none (changes:
	 * -EBUSY)
	 */
	ETRUNK_BFD_A_GROUP,
	/* NLA_U8, enum etrunk_bfd_state; this and the rest written by
	 * ETRUNK_CMD_SET_BFD_STATE only
	 */
	ETRUNK_BFD_A_STATE,
	/* NLA_U8, enum etrunk_bfd_state */
	ETRUNK_BFD_A_REMOTE_STATE,
	/* NLA_U64, ro, ms since the state last changed */
	ETRUNK_BFD_A_CHANGE_AGE,
	/* NLA_U8, enum etrunk_bfd_diag */
	ETRUNK_BFD_A_DIAG,
	/* NLA_U8, enum etrunk_bfd_diag */
	ETRUNK_BFD_A_REMOTE_DIAG,
	/* NLA_U32 */
	ETRUNK_BFD_A_PEER_DISCR,
	/* NLA_U32, us, 0 until the peer is heard */
	ETRUNK_BFD_A_TX_INTERVAL,
	/* NLA_U32, us, 0 until the peer is heard */
	ETRUNK_BFD_A_DETECT_TIME,
	/* NLA_U32, us */
	ETRUNK_BFD_A_REMOTE_MIN_TX,
	/* NLA_U32, us */
	ETRUNK_BFD_A_REMOTE_MIN_RX,
	/* NLA_U8 */
	ETRUNK_BFD_A_REMOTE_MULT,
	/* NLA_U64 */
	ETRUNK_BFD_A_PKTS_TX,
	/* NLA_U64: accepted */
	ETRUNK_BFD_A_PKTS_RX,
	/* NLA_U64: dropped for another reason than authentication */
	ETRUNK_BFD_A_DROPS,
	/* NLA_U64 */
	ETRUNK_BFD_A_AUTH_FAILURES,
	/* NLA_U64: transitions to Up */
	ETRUNK_BFD_A_UPS,
	/* NLA_U64: transitions from Up to Down */
	ETRUNK_BFD_A_DOWNS,
	/* NLA_NESTED, micro-BFD: one ETRUNK_BFD_A_LINK per member, up to
	 * ETRUNK_MAX_MEMBERS
	 */
	ETRUNK_BFD_A_LINKS,
	/* NLA_NESTED: enum etrunk_bfd_link_attr */
	ETRUNK_BFD_A_LINK,
	__ETRUNK_BFD_A_MAX
};

#define ETRUNK_BFD_A_MAX (__ETRUNK_BFD_A_MAX - 1)

/* In ETRUNK_BFD_A_LINK: see ETRUNK_BFD_A_LINKS. */
enum etrunk_bfd_link_attr {
	ETRUNK_BFD_LINK_A_UNSPEC,
	ETRUNK_BFD_LINK_A_PAD,
	/* NLA_U32: the member */
	ETRUNK_BFD_LINK_A_IFINDEX,
	/* NLA_NUL_STRING */
	ETRUNK_BFD_LINK_A_IFNAME,
	/* NLA_U8, enum etrunk_bfd_state */
	ETRUNK_BFD_LINK_A_STATE,
	/* NLA_U8, enum etrunk_bfd_state */
	ETRUNK_BFD_LINK_A_REMOTE_STATE,
	/* NLA_U8, enum etrunk_bfd_diag */
	ETRUNK_BFD_LINK_A_DIAG,
	/* NLA_U32 */
	ETRUNK_BFD_LINK_A_LOCAL_DISCR,
	/* NLA_U32 */
	ETRUNK_BFD_LINK_A_PEER_DISCR,
	/* NLA_U64 */
	ETRUNK_BFD_LINK_A_UPS,
	/* NLA_U64 */
	ETRUNK_BFD_LINK_A_DOWNS,
	__ETRUNK_BFD_LINK_A_MAX
};

#define ETRUNK_BFD_LINK_A_MAX (__ETRUNK_BFD_LINK_A_MAX - 1)

/**
 * enum etrunk_rbs_state - a remote backup service's channel, as etrunkd
 *     writes it
 * @ETRUNK_RBS_DOWN: no connection (no daemon yet, or it is waiting to
 *     reconnect after a failure, with backoff).
 * @ETRUNK_RBS_CONNECTING: connecting or accepting, and authenticating
 *     when a key is set.
 * @ETRUNK_RBS_SYNCING: up, the full (bulk) sync is in progress.
 * @ETRUNK_RBS_UP: up, full sync done in both directions, incremental
 *     updates.
 */
enum etrunk_rbs_state {
	ETRUNK_RBS_DOWN = 0,
	ETRUNK_RBS_CONNECTING = 1,
	ETRUNK_RBS_SYNCING = 2,
	ETRUNK_RBS_UP = 3,
	__ETRUNK_RBS_STATE_MAX
};

#define ETRUNK_RBS_STATE_MAX (__ETRUNK_RBS_STATE_MAX - 1)

/**
 * enum etrunk_rbp_type - how a profile backs up
 * @ETRUNK_RBP_HOT: hot backup: entries are installed on the peer as they
 *     are learned.
 */
enum etrunk_rbp_type {
	ETRUNK_RBP_TYPE_UNSPEC = 0,
	ETRUNK_RBP_HOT = 1,
	__ETRUNK_RBP_TYPE_MAX
};

#define ETRUNK_RBP_TYPE_MAX (__ETRUNK_RBP_TYPE_MAX - 1)

/**
 * enum etrunk_rbp_kind - the entry kinds a profile carries: bit indexes
 *     of ETRUNK_RBP_A_KINDS and the values of ETRUNK_RBP_KS_A_KIND
 * @ETRUNK_RBP_ARP: IPv4 neighbours (ARP).
 * @ETRUNK_RBP_ND: IPv6 neighbours (ND).
 * @ETRUNK_RBP_IGMP: IPv4 bridge MDB entries (IGMP snooping).
 * @ETRUNK_RBP_MLD: IPv6 bridge MDB entries (MLD snooping).
 */
enum etrunk_rbp_kind {
	ETRUNK_RBP_ARP = 0,
	ETRUNK_RBP_ND = 1,
	ETRUNK_RBP_IGMP = 2,
	ETRUNK_RBP_MLD = 3,
	__ETRUNK_RBP_KIND_MAX
};

#define ETRUNK_RBP_KIND_MAX (__ETRUNK_RBP_KIND_MAX - 1)
/* ETRUNK_RBP_A_KINDS bits: 1 << the kind. */
#define ETRUNK_RBP_KIND_ARP 0x1U
#define ETRUNK_RBP_KIND_ND 0x2U
#define ETRUNK_RBP_KIND_IGMP 0x4U
#define ETRUNK_RBP_KIND_MLD 0x8U
#define ETRUNK_RBP_KINDS_ALL 0xfU

/* In ETRUNK_A_RBS. */
enum etrunk_rbs_attr {
	ETRUNK_RBS_A_UNSPEC,
	/* alignment of the NLA_U64 attributes */
	ETRUNK_RBS_A_PAD,
	/* NLA_NUL_STRING, 1 to ETRUNK_RBS_NAME_MAX bytes of [A-Za-z0-9._-]
	 * (else -EINVAL)
	 */
	ETRUNK_RBS_A_NAME,
	/* NLA_BINARY, 4 or 16 bytes, network order, rw, required at creation */
	ETRUNK_RBS_A_PEER_ADDR,
	/* NLA_BINARY, 4 or 16 bytes, rw, required at creation; one family with
	 * the peer's
	 */
	ETRUNK_RBS_A_SOURCE_ADDR,
	/* NLA_U16, rw, 1 to 65535, TCP; default ETRUNK_RBS_DEFAULT_PORT; unique
	 * with the peer address (-EEXIST)
	 */
	ETRUNK_RBS_A_PORT,
	/* NLA_BINARY, write-only, 0 to ETRUNK_RBS_KEY_MAX bytes, HMAC-SHA256; 0
	 * bytes removes it
	 */
	ETRUNK_RBS_A_KEY,
	/* NLA_U8, ro */
	ETRUNK_RBS_A_KEY_SET,
	/* NLA_U32, rw, s, 0 to ETRUNK_RBS_MAX_HOLD_TIME; default
	 * ETRUNK_RBS_DEFAULT_HOLD_TIME
	 */
	ETRUNK_RBS_A_HOLD_TIME,
	/* NLA_U32, rw, ms, ETRUNK_RBS_MIN_KEEPALIVE to _MAX_; default
	 * ETRUNK_RBS_DEFAULT_KEEPALIVE
	 */
	ETRUNK_RBS_A_KEEPALIVE,
	/* NLA_NUL_STRING, rw, up to ETRUNK_RBS_DESCR_MAX bytes; ""
	 * removes it
	 */
	ETRUNK_RBS_A_DESCRIPTION,
	/* NLA_U8, enum etrunk_rbs_state; this and the counters written by
	 * ETRUNK_CMD_SET_RBS_STATE only
	 */
	ETRUNK_RBS_A_STATE,
	/* NLA_U64, ro, ms since the state last changed */
	ETRUNK_RBS_A_STATE_AGE,
	/* NLA_U64 */
	ETRUNK_RBS_A_CONNECTS,
	/* NLA_U64 */
	ETRUNK_RBS_A_AUTH_FAILURES,
	/* NLA_U64 */
	ETRUNK_RBS_A_ERRORS,
	/* NLA_U32, ms: the last full sync */
	ETRUNK_RBS_A_LAST_SYNC_DURATION,
	/* NLA_U64, ro, ms since the last full sync ended */
	ETRUNK_RBS_A_LAST_SYNC_AGE,
	/* NLA_U32, rw, 1 to ETRUNK_RBS_MAX_MAX_ENTRIES; default
	 * ETRUNK_RBS_DEFAULT_MAX_ENTRIES
	 */
	ETRUNK_RBS_A_MAX_ENTRIES,
	__ETRUNK_RBS_A_MAX
};

#define ETRUNK_RBS_A_MAX (__ETRUNK_RBS_A_MAX - 1)

/* In ETRUNK_A_RBP. */
enum etrunk_rbp_attr {
	ETRUNK_RBP_A_UNSPEC,
	/* alignment of the NLA_U64 attributes */
	ETRUNK_RBP_A_PAD,
	/* NLA_NUL_STRING, as ETRUNK_RBS_A_NAME */
	ETRUNK_RBP_A_NAME,
	/* NLA_NUL_STRING, rw, required at creation: an existing service (else
	 * -ENOENT)
	 */
	ETRUNK_RBP_A_SERVICE,
	/* NLA_U32, rw, 1 to 0xffffffff, required at creation; unique per
	 * service (-EEXIST)
	 */
	ETRUNK_RBP_A_BACKUP_ID,
	/* NLA_U8, rw, enum etrunk_rbp_type; default ETRUNK_RBP_HOT */
	ETRUNK_RBP_A_TYPE,
	/* NLA_U32, rw, ETRUNK_RBP_KIND_* bits, 1 to ETRUNK_RBP_KINDS_ALL (the
	 * default)
	 */
	ETRUNK_RBP_A_KINDS,
	/* NLA_U32, rw, required at creation (or
	 * ETRUNK_RBP_A_IFNAME): the trunk
	 */
	ETRUNK_RBP_A_IFINDEX,
	/* NLA_NUL_STRING, rw */
	ETRUNK_RBP_A_IFNAME,
	/* NLA_U32, ro: the trunk's E-Trunk group, 0 if not bound */
	ETRUNK_RBP_A_GROUP,
	/* NLA_U32, ro: the trunk's ETRUNK_BIND_A_ID, 0 if not bound */
	ETRUNK_RBP_A_TRUNK_ID,
	/* NLA_NESTED, written by ETRUNK_CMD_SET_RBP_STATE only:
	 * ETRUNK_RBP_A_KIND_STATS nests
	 */
	ETRUNK_RBP_A_STATS,
	/* NLA_NESTED: enum etrunk_rbp_kind_stats_attr, one per kind */
	ETRUNK_RBP_A_KIND_STATS,
	__ETRUNK_RBP_A_MAX
};

#define ETRUNK_RBP_A_MAX (__ETRUNK_RBP_A_MAX - 1)

/* In ETRUNK_RBP_A_KIND_STATS: see ETRUNK_RBP_A_STATS. */
enum etrunk_rbp_kind_stats_attr {
	ETRUNK_RBP_KS_A_UNSPEC,
	/* alignment of the NLA_U64 attributes */
	ETRUNK_RBP_KS_A_PAD,
	/* NLA_U8, enum etrunk_rbp_kind, required, each kind once */
	ETRUNK_RBP_KS_A_KIND,
	/* NLA_U64: entries and deletions sent to the peer */
	ETRUNK_RBP_KS_A_SENT,
	/* NLA_U64: received from it */
	ETRUNK_RBP_KS_A_RECEIVED,
	/* NLA_U64: installed from the peer */
	ETRUNK_RBP_KS_A_INSTALLED,
	/* NLA_U64: installed entries removed */
	ETRUNK_RBP_KS_A_REMOVED,
	/* NLA_U64: installed from the peer now */
	ETRUNK_RBP_KS_A_ENTRIES,
	/* NLA_U64: installs the kernel refused */
	ETRUNK_RBP_KS_A_FAILED,
	__ETRUNK_RBP_KS_A_MAX
};

#define ETRUNK_RBP_KS_A_MAX (__ETRUNK_RBP_KS_A_MAX - 1)

enum {
	IFLA_ETRUNK_UNSPEC,
	/* NLA_U8, rw, enum etrunk_mode; default LOADBALANCE; set only while the
	 * trunk has no members
	 */
	IFLA_ETRUNK_MODE,
	/* NLA_U8, rw, enum etrunk_hash_policy; default ETRUNK_HASH_LAYER2 */
	IFLA_ETRUNK_HASH_POLICY,
	/* NLA_U32, rw, 0 to ETRUNK_MAX_MEMBERS, default 0: carrier needs max(1,
	 * min_links) active
	 */
	IFLA_ETRUNK_MIN_LINKS,
	/* NLA_U32, ro: the number of members */
	IFLA_ETRUNK_MEMBERS,
	/* NLA_U32, ro: the members carrying traffic */
	IFLA_ETRUNK_ACTIVE_MEMBERS,
	/* NLA_U32, rw, 0 (no limit, the default) to ETRUNK_MAX_MEMBERS */
	IFLA_ETRUNK_MAX_LINKS,
	/* alignment of 64-bit attributes */
	IFLA_ETRUNK_PAD,
	/* NLA_U8, rw, mode backup, 0 or 1; default 1 */
	IFLA_ETRUNK_REVERTIVE,
	/* NLA_U32, rw, ms, 0 (the default) to ETRUNK_MAX_REVERT_DELAY */
	IFLA_ETRUNK_REVERT_DELAY,
	/* NLA_U8, rw, 0 to 255; default 1: gratuitous ARP/NA rounds after a
	 * switchover
	 */
	IFLA_ETRUNK_GRAT_ARP,
	/* NLA_U8, rw, 0 to ETRUNK_MAX_FLUSH_COUNT; default 3 */
	IFLA_ETRUNK_FLUSH_COUNT,
	/* NLA_U16, rw, ms, 1 to 1000; default 10 */
	IFLA_ETRUNK_FLUSH_INTERVAL,
	/* NLA_BINARY, write-only, 0 (none) to ETRUNK_FLUSH_KEY_MAX bytes, HMAC-
	 * SHA256
	 */
	IFLA_ETRUNK_FLUSH_KEY,
	/* NLA_U8, ro */
	IFLA_ETRUNK_FLUSH_KEY_SET,
	/* NLA_U8, rw, 0 or 1, default 0; 1 without a key: allowed, extack
	 * warning
	 */
	IFLA_ETRUNK_FLUSH_RX,
	/* NLA_U32, rw, ms, 0 (off, the default) or ETRUNK_MIN_ to
	 * ETRUNK_MAX_PROBE_INTERVAL; mode backup only
	 */
	IFLA_ETRUNK_PROBE_INTERVAL,
	/* NLA_U8, rw, 1 to 255; default 3 */
	IFLA_ETRUNK_PROBE_MISSED,
	/* NLA_NESTED, rw: up to ETRUNK_MAX_PROBE_TARGETS (else -E2BIG);
	 * replaces the list
	 */
	IFLA_ETRUNK_PROBE_TARGETS,
	/* NLA_BINARY, 4 (IPv4) or 16 (IPv6, not multicast) bytes,
	 * network order
	 */
	IFLA_ETRUNK_PROBE_TARGET,
	/* NLA_U32, ro: the master's ifindex, 0 if none */
	IFLA_ETRUNK_ACTIVE_MEMBER,
	/* NLA_U32, ro */
	IFLA_ETRUNK_SWITCHOVERS,
	/* NLA_U8, ro, enum etrunk_switch_reason */
	IFLA_ETRUNK_SWITCHOVER_REASON,
	/* NLA_U64, ro, ms since the last switchover; absent before one */
	IFLA_ETRUNK_SWITCHOVER_AGE,
	/* NLA_U16, rw, mode lacp, 1 to 65535; default
	 * ETRUNK_LACP_DEFAULT_SYSTEM_PRIO
	 */
	IFLA_ETRUNK_LACP_SYSTEM_PRIO,
	/* NLA_BINARY, 6 bytes, rw: a unicast MAC (else -EINVAL); default: the
	 * trunk's
	 */
	IFLA_ETRUNK_LACP_SYSTEM,
	/* NLA_U16, rw, 1 to 65535; default ETRUNK_LACP_DEFAULT_KEY */
	IFLA_ETRUNK_LACP_KEY,
	/* NLA_U16, rw, 0 (the default) to ETRUNK_LACP_MAX_PORT_OFFSET */
	IFLA_ETRUNK_LACP_PORT_OFFSET,
	/* NLA_U8, rw, enum etrunk_lacp_rate; default ETRUNK_LACP_RATE_SLOW */
	IFLA_ETRUNK_LACP_RATE,
	/* NLA_U8, rw, enum etrunk_lacp_role; default ETRUNK_LACP_ROLE_MASTER */
	IFLA_ETRUNK_LACP_ROLE,
	/* NLA_U8, rw, enum etrunk_lacp_select; default
	 * ETRUNK_LACP_SELECT_COUNT
	 */
	IFLA_ETRUNK_LACP_SELECT,
	/* NLA_U8, rw, 0 or 1; default 0 */
	IFLA_ETRUNK_LACP_PREEMPT,
	/* NLA_U32, rw, ms, 0 to ETRUNK_MAX_LACP_PREEMPT_DELAY; default
	 * ETRUNK_DEFAULT_LACP_PREEMPT_DELAY
	 */
	IFLA_ETRUNK_LACP_PREEMPT_DELAY,
	__IFLA_ETRUNK_MAX
};

#define IFLA_ETRUNK_MAX (__IFLA_ETRUNK_MAX - 1)

enum {
	IFLA_ETRUNK_MEMBER_UNSPEC,
	/* NLA_U8, ro, enum etrunk_member_state */
	IFLA_ETRUNK_MEMBER_STATE,
	/* NLA_U32, ro: link failures since enslaved */
	IFLA_ETRUNK_MEMBER_LINK_FAILURES,
	/* NLA_U16, rw, lower is preferred; default ETRUNK_DEFAULT_PRIORITY */
	IFLA_ETRUNK_MEMBER_PRIORITY,
	/* NLA_U8, ro, enum etrunk_member_reason */
	IFLA_ETRUNK_MEMBER_REASON,
	/* NLA_U16, rw, mode lacp, 1 to 65535; default
	 * ETRUNK_LACP_DEFAULT_PORT_PRIO
	 */
	IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO,
	/* NLA_U8, rw, 0 or 1; default 1 (active) */
	IFLA_ETRUNK_MEMBER_LACP_ACTIVE,
	/* NLA_NESTED, ro, mode lacp: enum etrunk_lacp_attr */
	IFLA_ETRUNK_MEMBER_LACP,
	__IFLA_ETRUNK_MEMBER_MAX
};

#define IFLA_ETRUNK_MEMBER_MAX (__IFLA_ETRUNK_MEMBER_MAX - 1)

#endif /* _UAPI_LINUX_ETRUNK_H */
