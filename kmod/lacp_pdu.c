// SPDX-License-Identifier: GPL-2.0
/*
 * Mode lacp: the LACPDU and marker PDU on the wire (IEEE 802.1AX). The
 * PDU formats and their TLV values, building and sending a LACPDU from
 * the actor and partner information, and receive: the rate limit, the
 * validation of LACPDUs and markers, handing a valid LACPDU to the work
 * item of lacp.c and answering a marker.
 */

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/pkt_sched.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>

#include "device.h"
#include "lacp.h"
#include "lacp_int.h"
#include "member.h"

#define ETRUNK_LACP_SUBTYPE		1
#define ETRUNK_MARKER_SUBTYPE		2
#define ETRUNK_LACP_VERSION		1
#define ETRUNK_MARKER_VERSION		1
#define ETRUNK_LACP_TLV_ACTOR		1
#define ETRUNK_LACP_TLV_PARTNER		2
#define ETRUNK_LACP_TLV_COLLECTOR	3
#define ETRUNK_LACP_PORT_TLV_LEN	20
#define ETRUNK_LACP_COLLECTOR_TLV_LEN	16
#define ETRUNK_MARKER_TLV_INFO		1
#define ETRUNK_MARKER_TLV_RESPONSE	2
#define ETRUNK_MARKER_TLV_LEN		16

const u8 etrunk_lacp_dest[ETH_ALEN] __aligned(2) = {
	0x01, 0x80, 0xc2, 0x00, 0x00, 0x02
};

void etrunk_lacp_decode(const struct etrunk_lacpdu_port *t,
			struct etrunk_lacp_info *i)
{
	i->system_prio = ntohs(t->system_prio);
	ether_addr_copy(i->system, t->system);
	i->key = ntohs(t->key);
	i->port_prio = ntohs(t->port_prio);
	i->port = ntohs(t->port);
	i->state = t->state;
}

static void etrunk_lacp_encode(struct etrunk_lacpdu_port *t, u8 type,
			       const struct etrunk_lacp_info *i)
{
	t->tlv_type = type;
	t->tlv_len = ETRUNK_LACP_PORT_TLV_LEN;
	t->system_prio = htons(i->system_prio);
	ether_addr_copy(t->system, i->system);
	t->key = htons(i->key);
	t->port_prio = htons(i->port_prio);
	t->port = htons(i->port);
	t->state = i->state;
}

/* A slow-protocols frame from the member's own address (802.1AX: the
 * port's individual MAC), not the trunk's that every member shares.
 */
static bool etrunk_lacp_xmit(struct etrunk_member *m, const void *pdu)
{
	struct net_device *dev = m->dev;
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_HLEN + ETRUNK_LACP_PDU_LEN +
			dev->needed_tailroom, GFP_ATOMIC);
	if (!skb)
		return false;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	skb_reset_mac_header(skb);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, etrunk_lacp_dest);
	ether_addr_copy(eth->h_source, m->orig_addr);
	eth->h_proto = htons(ETH_P_SLOW);
	skb_reset_network_header(skb);
	skb_put_data(skb, pdu, ETRUNK_LACP_PDU_LEN);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_SLOW);
	skb->priority = TC_PRIO_CONTROL;
	return dev_queue_xmit(skb) == NET_XMIT_SUCCESS;
}

void etrunk_lacp_send_pdu(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	struct etrunk_lacp_info actor;
	struct etrunk_lacpdu pdu = {
		.subtype = ETRUNK_LACP_SUBTYPE,
		.version = ETRUNK_LACP_VERSION,
		.collector_type = ETRUNK_LACP_TLV_COLLECTOR,
		.collector_len = ETRUNK_LACP_COLLECTOR_TLV_LEN,
	};

	BUILD_BUG_ON(sizeof(struct etrunk_lacpdu) != ETRUNK_LACP_PDU_LEN);
	etrunk_lacp_actor(m, &actor);
	etrunk_lacp_encode(&pdu.actor, ETRUNK_LACP_TLV_ACTOR, &actor);
	etrunk_lacp_encode(&pdu.partner, ETRUNK_LACP_TLV_PARTNER, &p->partner);
	if (!etrunk_lacp_xmit(m, &pdu))
		return;
	spin_lock_bh(&p->lock);
	p->stats.lacpdu_tx++;
	spin_unlock_bh(&p->lock);
}

/* A later version may put more TLVs after the collector's: only those of
 * version 1 before it are checked and used then.
 */
static bool etrunk_lacpdu_valid(const struct etrunk_lacpdu *pdu,
				unsigned int len)
{
	bool later = pdu->version > ETRUNK_LACP_VERSION;

	if (!pdu->version || (later ? len > ETRUNK_LACP_PDU_MAX_LEN :
				      len != ETRUNK_LACP_PDU_LEN))
		return false;
	return pdu->actor.tlv_type == ETRUNK_LACP_TLV_ACTOR &&
	       pdu->actor.tlv_len == ETRUNK_LACP_PORT_TLV_LEN &&
	       pdu->partner.tlv_type == ETRUNK_LACP_TLV_PARTNER &&
	       pdu->partner.tlv_len == ETRUNK_LACP_PORT_TLV_LEN &&
	       pdu->collector_type == ETRUNK_LACP_TLV_COLLECTOR &&
	       pdu->collector_len == ETRUNK_LACP_COLLECTOR_TLV_LEN &&
	       (later || (!pdu->terminator_type && !pdu->terminator_len));
}

static bool etrunk_marker_valid(const struct etrunk_marker *pdu)
{
	return pdu->version == ETRUNK_MARKER_VERSION &&
	       (pdu->tlv_type == ETRUNK_MARKER_TLV_INFO ||
		pdu->tlv_type == ETRUNK_MARKER_TLV_RESPONSE) &&
	       pdu->tlv_len == ETRUNK_MARKER_TLV_LEN &&
	       !pdu->terminator_type && !pdu->terminator_len;
}

bool etrunk_lacp_rx(struct etrunk_member *m, struct sk_buff *skb)
{
	struct etrunk_lacp_port *p = &m->lacp;
	union {
		u8 subtype;
		struct etrunk_lacpdu lacpdu;
		struct etrunk_marker marker;
	} buf;
	const u8 *subtype;
	bool respond = false, dropped = true;

	BUILD_BUG_ON(sizeof(struct etrunk_marker) != ETRUNK_LACP_PDU_LEN);
	/* Other slow protocols (OAM, ...) and tagged frames go up. */
	subtype = skb_header_pointer(skb, 0, 1, &buf);
	if (skb_vlan_tag_present(skb) || !subtype ||
	    (*subtype != ETRUNK_LACP_SUBTYPE && *subtype != ETRUNK_MARKER_SUBTYPE))
		return false;

	spin_lock_bh(&p->lock);
	if (!etrunk_bucket_take(&p->bucket, ETRUNK_LACP_RX_RATE,
				ETRUNK_LACP_RX_BURST)) {
		p->stats.rx_rate++;
		goto out;
	}
	/* Version 1 PDUs of both kinds are exactly this long; LACPDUs of a
	 * later version may be longer (checked below).
	 */
	if (skb->len < ETRUNK_LACP_PDU_LEN ||
	    (*subtype == ETRUNK_MARKER_SUBTYPE && skb->len != ETRUNK_LACP_PDU_LEN) ||
	    skb_copy_bits(skb, 0, &buf, ETRUNK_LACP_PDU_LEN)) {
		p->stats.rx_malformed++;
		goto out;
	}
	if (buf.subtype == ETRUNK_LACP_SUBTYPE) {
		if (!etrunk_lacpdu_valid(&buf.lacpdu, skb->len)) {
			p->stats.rx_malformed++;
			goto out;
		}
		p->stats.lacpdu_rx++;
		p->rx_pdu = buf.lacpdu;
		p->rx_pending = true;
		mod_delayed_work(system_wq, &m->et->lacp.work, 0);
		dropped = false;
		goto out;
	}
	if (!etrunk_marker_valid(&buf.marker)) {
		p->stats.rx_malformed++;
		goto out;
	}
	p->stats.marker_rx++;
	respond = buf.marker.tlv_type == ETRUNK_MARKER_TLV_INFO;
	dropped = false;
out:
	spin_unlock_bh(&p->lock);
	/* Dropped (rate, malformed) as a drop the drop monitor sees. */
	if (dropped)
		kfree_skb(skb);
	else
		consume_skb(skb);
	if (!respond)
		return true;

	/* The response is the information TLV sent back as a response. */
	buf.marker.tlv_type = ETRUNK_MARKER_TLV_RESPONSE;
	memset(buf.marker.pad, 0, sizeof(buf.marker.pad));
	memset(buf.marker.reserved, 0, sizeof(buf.marker.reserved));
	if (etrunk_lacp_xmit(m, &buf.marker)) {
		spin_lock_bh(&p->lock);
		p->stats.marker_tx++;
		spin_unlock_bh(&p->lock);
	}
	return true;
}
