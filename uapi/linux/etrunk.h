/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * etrunk: Linux link aggregation with device-level redundancy.
 *
 * This header is the contract between the etrunk kernel module and user
 * space. It is self-contained and may be copied into user-space programs.
 *
 * Link kind
 * ---------
 *
 * A trunk is a netdevice of the rtnetlink link kind "etrunk":
 *
 *     ip link add et0 type etrunk [ mode MODE ] [ hash_policy POLICY ]
 *                                 [ min_links N ]
 *     ip link set eth0 master et0
 *     ip link set eth0 nomaster
 *     ip link del et0
 *
 * Its parameters are carried in IFLA_LINKINFO / IFLA_INFO_DATA as the
 * IFLA_ETRUNK_* attributes below, and the state of each member in
 * IFLA_LINKINFO / IFLA_INFO_SLAVE_DATA as the IFLA_ETRUNK_MEMBER_*
 * attributes. RTM_NEWLINK and RTM_SETLINK accept the attributes marked
 * "rw"; attributes marked "ro" are only reported by RTM_GETLINK, and a
 * request carrying one is refused with -EINVAL and an extack message.
 * Unknown attributes are refused (strict validation).
 *
 * IFLA_INFO_DATA (trunk):
 *
 *    IFLA_ETRUNK_MODE: NLA_U8, rw, one of enum etrunk_mode. Default
 *        ETRUNK_MODE_LOADBALANCE. It can only be changed while the trunk
 *        has no members.
 *    IFLA_ETRUNK_HASH_POLICY: NLA_U8, rw, one of enum etrunk_hash_policy.
 *        Default ETRUNK_HASH_LAYER2. Takes effect at once, also with
 *        members and traffic.
 *    IFLA_ETRUNK_MIN_LINKS: NLA_U32, rw, 0 to ETRUNK_MAX_MEMBERS. The
 *        trunk has carrier only while at least max(1, min_links) members
 *        are active. Default 0.
 *    IFLA_ETRUNK_MEMBERS: NLA_U32, ro, the number of members.
 *    IFLA_ETRUNK_ACTIVE_MEMBERS: NLA_U32, ro, the number of members that
 *        currently carry traffic.
 *
 * IFLA_INFO_SLAVE_DATA (member), all ro:
 *
 *    IFLA_ETRUNK_MEMBER_STATE: NLA_U8, one of enum etrunk_member_state.
 *    IFLA_ETRUNK_MEMBER_LINK_FAILURES: NLA_U32, how many times the member
 *        went from active to not active since it was enslaved.
 *
 * A trunk holds at most ETRUNK_MAX_MEMBERS members. A member must be an
 * Ethernet device (ARPHRD_ETHER), not a loopback, not another trunk, not
 * already enslaved, not a device stacked above the trunk, and must be able
 * to take the trunk's MTU and MAC address; otherwise RTM_NEWLINK with
 * IFLA_MASTER fails with an extack message naming the reason and leaves
 * both devices as they were.
 */

#ifndef _UAPI_LINUX_ETRUNK_H
#define _UAPI_LINUX_ETRUNK_H

#define ETRUNK_GENL_NAME "etrunk"
#define ETRUNK_LINK_KIND "etrunk"

/* The most members one trunk may have. */
#define ETRUNK_MAX_MEMBERS 256

/**
 * enum etrunk_mode - how a trunk uses its members
 * @ETRUNK_MODE_LOADBALANCE: manual load balancing: every member that is up
 *     is active; each packet goes to the member chosen by the hash of its
 *     flow (see enum etrunk_hash_policy), so a flow stays on one member.
 */
enum etrunk_mode {
	ETRUNK_MODE_LOADBALANCE = 0,
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
 * @ETRUNK_MEMBER_DOWN: administratively down or without carrier; carries
 *     no traffic.
 * @ETRUNK_MEMBER_ACTIVE: up, with carrier, and in the transmit set.
 */
enum etrunk_member_state {
	ETRUNK_MEMBER_DOWN = 0,
	ETRUNK_MEMBER_ACTIVE = 1,
	__ETRUNK_MEMBER_STATE_MAX
};

enum {
	IFLA_ETRUNK_UNSPEC,
	IFLA_ETRUNK_MODE,
	IFLA_ETRUNK_HASH_POLICY,
	IFLA_ETRUNK_MIN_LINKS,
	IFLA_ETRUNK_MEMBERS,
	IFLA_ETRUNK_ACTIVE_MEMBERS,
	__IFLA_ETRUNK_MAX
};

#define IFLA_ETRUNK_MAX (__IFLA_ETRUNK_MAX - 1)

enum {
	IFLA_ETRUNK_MEMBER_UNSPEC,
	IFLA_ETRUNK_MEMBER_STATE,
	IFLA_ETRUNK_MEMBER_LINK_FAILURES,
	__IFLA_ETRUNK_MEMBER_MAX
};

#define IFLA_ETRUNK_MEMBER_MAX (__IFLA_ETRUNK_MEMBER_MAX - 1)

#endif /* _UAPI_LINUX_ETRUNK_H */
