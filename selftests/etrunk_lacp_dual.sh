#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Mode lacp, the dual-homed edge: a customer edge CE with a Linux bond in
# mode 802.3ad, one link to PE1 and one to PE2, each PE an etrunk in mode
# lacp with the same system ID, priority and key (and MAC and IP address,
# as a shared gateway), different port offsets. The bond sees one
# partner and puts both links in one aggregator; lacp_role decides which
# PE the bond sends to: with PE2 in role backup everything goes to PE1,
# swapping the roles (make-before-break) moves it all to PE2, and with
# both masters it spreads over both.
#
#   CE: bond0 (c1, c2) 192.0.2.1
#   PE1: et0 (p1, port_offset 0)   192.0.2.2 and .4, MAC GW_MAC
#   PE2: et0 (p2, port_offset 100) 192.0.2.2 and .4, MAC GW_MAC
#
# Traffic: udp_flows' flows from CE to .2 and to .4. bonding's layer3+4
# hash puts all flows to one address on one link (their port pairs hash
# alike), and those to .2 and .4 on different links: so the burst uses
# both links when it can.

source "$(dirname "$0")/lib.sh"
require_etrunk
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"
modprobe bonding 2>/dev/null
[ -d /sys/module/bonding ] || skip "bonding not available"
command -v jq >/dev/null || skip "jq not installed"

SYSID=02:00:00:00:00:aa
GW_MAC=02:00:00:00:02:02
CE_MAC=02:00:00:00:01:01
FLOWS=16
ROUNDS=10
# One burst: FLOWS x ROUNDS datagrams to each of .2 and .4.
BURST=$((2 * FLOWS * ROUNDS))

new_edge

# The PEs: one trunk each, the same LACP identity, other port numbers.
for i in 1 2; do
	ns=${PE[$i]}
	ip -n "$ns" link add et0 address $GW_MAC type etrunk mode lacp \
		lacp_rate fast system_id $SYSID system_priority 100 actor_key 7 \
		port_offset $(((i - 1) * 100)) hash_policy layer3+4 ||
		exit $ksft_fail
	ip -n "$ns" -batch - <<-EOF || exit $ksft_fail
		link set p$i master et0
		addr add 192.0.2.2/24 dev et0
		addr add 192.0.2.4/24 dev et0
		link set et0 up
		neigh replace 192.0.2.1 lladdr $CE_MAC dev et0 nud permanent
	EOF
done

# CE: the bond over both links. bonding enslaves only devices that are
# down, and opens them.
ip -n "$NS_CE" -batch - <<-EOF || exit $ksft_fail
	link add bond0 address $CE_MAC type bond mode 802.3ad lacp_rate fast xmit_hash_policy layer3+4 miimon 100
	link set c1 master bond0
	link set c2 master bond0
	addr add 192.0.2.1/24 dev bond0
	link set bond0 up
	neigh replace 192.0.2.2 lladdr $GW_MAC dev bond0 nud permanent
	neigh replace 192.0.2.4 lladdr $GW_MAC dev bond0 nud permanent
EOF

member() { link_detail "${PE[$1]}" "p$1" "$2"; }
active() { [ "$(member "$1" state)" = active ]; }

bond_proc() { ip netns exec "$NS_CE" cat /proc/net/bonding/bond0; }

# bond_field SLAVE SECTION FIELD: FIELD of SLAVE's section in
# /proc/net/bonding/bond0; SECTION "" (the slave's own lines), actor or
# partner (its "details ... lacp pdu" block).
bond_field()
{
	bond_proc | awk -v s="$1" -v sec="$2" -v f="$3:" '
		/^Slave Interface:/ { in_s = ($3 == s); cur = ""; next }
		in_s && /^details actor lacp pdu:/ { cur = "actor"; next }
		in_s && /^details partner lacp pdu:/ { cur = "partner"; next }
		in_s && cur == sec {
			line = $0; sub(/^[ \t]+/, "", line)
			if (index(line, f) == 1) { print $NF; exit }
		}'
}

# What the bond does on SLAVE (its actor state bits) and what it heard
# from the PE there (the partner state bits), from rtnetlink.
bond_slave_state()	# SLAVE actor|partner
{
	ip -n "$NS_CE" -j -d link show dev "$1" |
		jq -r ".[0].linkinfo.info_slave_data.ad_$2_oper_port_state // 0"
}
# The bond distributes on SLAVE (collecting and distributing, 0x30).
bond_distributes() { [ $(($(bond_slave_state "$1" actor) & 0x30)) = $((0x30)) ]; }
bond_stopped() { [ $(($(bond_slave_state "$1" actor) & 0x30)) = 0 ]; }

bond_one_aggregator()
{
	local a1 a2

	a1=$(bond_field c1 "" "Aggregator ID")
	a2=$(bond_field c2 "" "Aggregator ID")
	[ -n "$a1" ] && [ "$a1" = "$a2" ] &&
		bond_proc | grep -q "^	Number of ports: 2$"
}

# ---------------------------------------------------------------------
# (a) One aggregator of both links, our system ID as the partner.
# ---------------------------------------------------------------------
both_pe_active() { active 1 && active 2; }
check "PE1 and PE2 both aggregate their link with the bond" \
	wait_until 30 both_pe_active
check "the bond has both links in one aggregator of 2 ports" \
	wait_until 10 bond_one_aggregator
check_eq "the bond's partner on c1 is our system ID" $SYSID \
	"$(bond_field c1 partner "system mac address")"
check_eq "and on c2" $SYSID "$(bond_field c2 partner "system mac address")"
check_eq "the partner's key is our actor_key" 7 "$(bond_field c2 partner "oper key")"
check_eq "the bond's active aggregator has our system ID as partner" $SYSID \
	"$(bond_proc | awk '/^	Partner Mac Address:/ { print $NF; exit }')"
check_eq "PE1's port number (port_offset 0)" 1 "$(bond_field c1 partner "port number")"
check_eq "PE2's port number (port_offset 100)" 101 "$(bond_field c2 partner "port number")"
check_eq "both PEs see the bond as their partner" \
	"$CE_MAC $CE_MAC" "$(member 1 partner_system) $(member 2 partner_system)"
bond_both() { bond_distributes c1 && bond_distributes c2; }
check "the bond distributes on both links" wait_until 10 bond_both

# ---------------------------------------------------------------------
# Traffic: one burst from CE; per PE what its member received besides
# LACPDUs, and the datagrams its stack took (Udp NoPorts).
# ---------------------------------------------------------------------

# rx_lacp PE: "RX LACP", the frames PE's member received and the LACPDUs
# among them, from one netlink message (a snapshot: an LACPDU cannot
# arrive between the two reads).
rx_lacp()
{
	ip -n "${PE[$1]}" -s -d -j link show dev "p$1" |
		jq -r '.[0] | "\(.stats64.rx.packets) \(.linkinfo.info_slave_data.lacpdu_rx)"'
}

# data_rx PE "RX LACP": the frames PE's member received since RX LACP (from
# rx_lacp) that were not LACPDUs.
data_rx()
{
	local rx0 lacp0 rx lacp

	read -r rx0 lacp0 <<<"$2"
	read -r rx lacp <<<"$(rx_lacp "$1")"
	echo $(((rx - rx0) - (lacp - lacp0)))
}

# burst: sets GOT1, GOT2 (datagrams each PE's stack took) and DATA1,
# DATA2 (non-LACP frames each PE's member received).
burst()
{
	local d1 d2 n1 n2 dst

	d1=$(rx_lacp 1)
	d2=$(rx_lacp 2)
	n1=$(udp_noports "$NS_PE1" 4)
	n2=$(udp_noports "$NS_PE2" 4)
	for dst in 192.0.2.2 192.0.2.4; do
		ip netns exec "$NS_CE" "$UDP_FLOWS" $dst $FLOWS $ROUNDS 1000 >/dev/null ||
			echo "    udp_flows to $dst: a send failed"
	done
	GOT1=$(($(udp_noports_settled "$NS_PE1" 4) - n1))
	GOT2=$(($(udp_noports_settled "$NS_PE2" 4) - n2))
	DATA1=$(data_rx 1 "$d1")
	DATA2=$(data_rx 2 "$d2")
	echo "# burst of $BURST: PE1 took $GOT1 (member rx $DATA1)," \
		"PE2 took $GOT2 (member rx $DATA2)"
}

# ---------------------------------------------------------------------
# (d) Both masters: the flows spread over both PEs.
# ---------------------------------------------------------------------
burst
check_eq "both masters: every datagram arrives at a PE" $BURST $((GOT1 + GOT2))
check_ge "both masters: PE1 gets its share" "$GOT1" $((BURST / 4))
check_ge "both masters: PE2 gets its share" "$GOT2" $((BURST / 4))

# ---------------------------------------------------------------------
# (b) PE2 in role backup: the bond sends to PE1 only.
# ---------------------------------------------------------------------
ip -n "$NS_PE2" link set et0 type etrunk lacp_role backup
# is PE FIELD VALUE: the member's FIELD reads VALUE.
is() { [ "$(member "$1" "$2")" = "$3" ]; }
# Waited for: a backup may go on collecting until the bond has let go.
check "PE2 backup: its member stands by" wait_until 10 is 2 state standby
check_eq "PE2 backup: for reason lacp-role" lacp-role "$(member 2 reason)"
bond_c2_out() { [ $(($(bond_slave_state c2 partner) & 8)) = 0 ] && bond_stopped c2; }
check "PE2 backup: the bond hears it out of sync and stops using c2" \
	wait_until 10 bond_c2_out
check_eq "PE2 backup: PE1 stays active" active "$(member 1 state)"
check "PE2 backup: the bond still distributes on c1" bond_distributes c1
burst
check_eq "PE2 backup: every datagram arrives at PE1" $BURST "$GOT1"
check_le "PE2 backup: nothing but LACPDUs reaches PE2's member" "$DATA2" 2
check_eq "PE2 backup: PE2's stack takes nothing" 0 "$GOT2"

# ---------------------------------------------------------------------
# (c) Swap, make-before-break: PE2 master, then PE1 backup.
# ---------------------------------------------------------------------
ip -n "$NS_PE2" link set et0 type etrunk lacp_role master
check "swap: PE2 master aggregates again" wait_until 10 active 2
check "swap: the bond distributes on c2 again" wait_until 10 bond_distributes c2
ip -n "$NS_PE1" link set et0 type etrunk lacp_role backup
check "swap: PE1 backup stands by" wait_until 10 is 1 state standby
check_eq "swap: for reason lacp-role" lacp-role "$(member 1 reason)"
bond_c1_out() { [ $(($(bond_slave_state c1 partner) & 8)) = 0 ] && bond_stopped c1; }
check "swap: the bond stops using c1" wait_until 10 bond_c1_out
check "swap: and still uses c2" bond_distributes c2
burst
check_eq "swap: every datagram arrives at PE2" $BURST "$GOT2"
check_le "swap: nothing but LACPDUs reaches PE1's member" "$DATA1" 2
check_eq "swap: PE1's stack takes nothing" 0 "$GOT1"
check_eq "swap: the bond still has one aggregator for both links" \
	"$(bond_field c1 "" "Aggregator ID")" "$(bond_field c2 "" "Aggregator ID")"

# Back to both masters: spread again.
ip -n "$NS_PE1" link set et0 type etrunk lacp_role master
check "PE1 master again: both aggregate" wait_until 10 both_pe_active
check "the bond distributes on c1 again" wait_until 10 bond_distributes c1
burst
check_eq "both masters again: every datagram arrives" $BURST $((GOT1 + GOT2))
check_ge "both masters again: PE1 gets its share" "$GOT1" $((BURST / 4))
check_ge "both masters again: PE2 gets its share" "$GOT2" $((BURST / 4))
finish
