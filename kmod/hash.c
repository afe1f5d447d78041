// SPDX-License-Identifier: GPL-2.0
/*
 * Flow hash policies: which headers of a packet choose its member. The
 * packet is only read (skb_header_pointer), never pulled or changed.
 */

#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <net/flow_dissector.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "device.h"

static u32 etrunk_hash_l2(const struct ethhdr *eth)
{
	u32 addr_lo = get_unaligned((const u32 *)eth->h_dest) ^
		      get_unaligned((const u32 *)eth->h_source);
	u32 addr_hi = get_unaligned((const u16 *)(eth->h_dest + 4)) ^
		      get_unaligned((const u16 *)(eth->h_source + 4));

	return jhash_3words(addr_lo, addr_hi, (__force u32)eth->h_proto, 0);
}

static bool etrunk_proto_has_ports(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_UDPLITE:
	case IPPROTO_SCTP:
	case IPPROTO_DCCP:
		return true;
	}
	return false;
}

/* Source and destination port, as one word, or 0 without ports. */
static u32 etrunk_hash_ports(const struct sk_buff *skb, int off, u8 proto)
{
	__be32 _ports;
	const __be32 *ports;

	if (!etrunk_proto_has_ports(proto))
		return 0;
	ports = skb_header_pointer(skb, off, sizeof(_ports), &_ports);
	return ports ? (__force u32)*ports : 0;
}

/* Layer 3 (and 4) hash, mixed into *@hash, of the packet after @eth and
 * one VLAN tag; false, and *@hash untouched, if it is not IP.
 */
static bool etrunk_hash_l3(const struct sk_buff *skb, const struct ethhdr *eth,
			   bool l4, u32 *hash)
{
	__be16 proto = eth->h_proto;
	int off = ETH_HLEN;

	if (eth_type_vlan(proto)) {
		const struct vlan_hdr *vh;
		struct vlan_hdr _vh;

		vh = skb_header_pointer(skb, off, sizeof(_vh), &_vh);
		if (!vh)
			return false;
		proto = vh->h_vlan_encapsulated_proto;
		off += VLAN_HLEN;
	}
	if (proto == htons(ETH_P_IP)) {
		const struct iphdr *iph;
		struct iphdr _iph;
		u32 ports = 0;

		iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);
		if (!iph || iph->ihl < 5)
			return false;
		if (l4 && !ip_is_fragment(iph))
			ports = etrunk_hash_ports(skb, off + iph->ihl * 4,
						  iph->protocol);
		*hash = jhash_3words((__force u32)iph->saddr,
				     (__force u32)iph->daddr,
				     ports ^ iph->protocol, *hash);
		return true;
	}
	if (proto == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6h;
		struct ipv6hdr _ip6h;
		u32 ports = 0;

		ip6h = skb_header_pointer(skb, off, sizeof(_ip6h), &_ip6h);
		if (!ip6h)
			return false;
		if (l4)
			ports = etrunk_hash_ports(skb, off + sizeof(*ip6h),
						  ip6h->nexthdr);
		*hash = __ipv6_addr_jhash(&ip6h->saddr, *hash);
		*hash = __ipv6_addr_jhash(&ip6h->daddr, *hash);
		*hash = jhash_2words((__force u32)ip6_flowlabel(ip6h),
				     ports ^ ip6h->nexthdr, *hash);
		return true;
	}
	return false;
}

/* Tunnelled packets: the flow dissector finds the innermost headers. */
static bool etrunk_hash_encap(const struct sk_buff *skb, bool l4, u32 *hash)
{
	struct flow_keys keys;

	if (!skb_flow_dissect_flow_keys(skb, &keys, 0) ||
	    !keys.control.addr_type)
		return false;
	if (!l4)
		keys.ports.ports = 0;
	*hash = jhash_1word(flow_hash_from_keys(&keys), *hash);
	return true;
}

/* Each policy computes only what it uses; non-IP packets (and IP ones too
 * short to read) fall back to layer 2.
 */
u32 etrunk_flow_hash(const struct sk_buff *skb, u8 policy)
{
	const struct ethhdr *eth;
	struct ethhdr _eth;
	u32 hash = 0;

	eth = skb_header_pointer(skb, 0, sizeof(_eth), &_eth);
	if (unlikely(!eth))
		return 0;

	switch (policy) {
	case ETRUNK_HASH_LAYER23:
		hash = etrunk_hash_l2(eth);
		etrunk_hash_l3(skb, eth, false, &hash);
		return hash;
	case ETRUNK_HASH_LAYER34:
		/* MACs left out: behind a router every flow has the same. */
		if (etrunk_hash_l3(skb, eth, true, &hash))
			return hash;
		break;
	case ETRUNK_HASH_ENCAP23:
	case ETRUNK_HASH_ENCAP34:
		if (etrunk_hash_encap(skb, policy == ETRUNK_HASH_ENCAP34, &hash))
			return hash;
		break;
	}
	return etrunk_hash_l2(eth);
}
