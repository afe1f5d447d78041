#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Traffic between two hosts over a two-member trunk: flows spread over the
# members by the hash policy, one flow stays on one member, and when a
# member fails all traffic moves to the other with no further loss.

source "$(dirname "$0")/lib.sh"
require_etrunk
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"

make_trunk_pair 2 hash_policy layer3+4 || { fail "set up two hosts"; finish; }

check "IPv4 ping over the trunk" \
	ip netns exec "$NS_A" ping -c 3 -i 0.2 -W 2 192.0.2.2
check "IPv6 ping over the trunk" \
	ip netns exec "$NS_A" ping -6 -c 3 -i 0.2 -W 2 2001:db8::2

# delta_tx NS DEV BEFORE: tx packets since BEFORE
delta_tx() { echo $(($(tx_packets "$1" "$2") - $3)); }

# send FAMILY DST FLOWS ROUNDS [INTERVAL]: sets SENT, GOT, D0, D1 (the
# datagrams sent, received by B, and the tx packets of members a0 and a1)
# and DT (tx packets of A's trunk).
send()
{
	local fam=$1 t0 t1 tt rx

	shift
	t0=$(tx_packets "$NS_A" a0)
	t1=$(tx_packets "$NS_A" a1)
	tt=$(tx_packets "$NS_A" et0)
	rx=$(udp_noports "$NS_B" "$fam")
	SENT=$(ip netns exec "$NS_A" "$UDP_FLOWS" "$@")
	GOT=$(($(udp_noports_settled "$NS_B" "$fam") - rx))
	D0=$(delta_tx "$NS_A" a0 "$t0")
	D1=$(delta_tx "$NS_A" a1 "$t1")
	DT=$(delta_tx "$NS_A" et0 "$tt")
}

send 4 192.0.2.2 16 50
check_eq "16 IPv4 flows: all 800 datagrams arrive" 800 "$GOT"
check_ge "16 IPv4 flows: member a0 carries some" "$D0" 50
check_ge "16 IPv4 flows: member a1 carries some" "$D1" 50
# The three counters are read one after the other, so a background packet
# of the trunk's own (router solicitation, MLD) can fall in between.
diff=$((DT - D0 - D1))
check_le "the trunk's tx counter is the members' sum (+-3)" "${diff#-}" 3

send 6 2001:db8::2 16 50
check_eq "16 IPv6 flows: all 800 datagrams arrive" 800 "$GOT"
check_ge "16 IPv6 flows: member a0 carries some" "$D0" 50
check_ge "16 IPv6 flows: member a1 carries some" "$D1" 50

# A flow stays on one member (no reordering); a few packets of background
# (neighbour discovery) may go the other way.
send 4 192.0.2.2 1 300
check_eq "one flow: all 300 datagrams arrive" 300 "$GOT"
check_ge "one flow stays on one member" $((D0 > D1 ? D0 : D1)) 300
check_le "and the other member carries none of it" $((D0 < D1 ? D0 : D1)) 5

# Under layer2 every flow between the same two MACs takes one member.
ip -n "$NS_A" link set et0 type etrunk hash_policy layer2
send 4 192.0.2.2 16 20
check_ge "layer2: all flows on one member" $((D0 > D1 ? D0 : D1)) 320
check_le "layer2: none on the other" $((D0 < D1 ? D0 : D1)) 5
ip -n "$NS_A" link set et0 type etrunk hash_policy layer3+4

# Administrative failure: the member leaves the active set before it
# stops, so not one datagram may be lost.
rx=$(udp_noports "$NS_B" 4)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 400 1000 >"$TMP/sent" &
sender=$!
sleep 0.3
ip -n "$NS_A" link set a0 down
wait $sender
GOT=$(($(udp_noports_settled "$NS_B" 4) - rx))
check_eq "member set down under traffic: no datagram lost" "$(cat "$TMP/sent")" "$GOT"
check_eq "the member is down" down "$(link_detail "$NS_A" a0 state)"
check_eq "its failure is counted" 1 "$(link_detail "$NS_A" a0 link_failures)"
check_eq "the trunk keeps its carrier" 1 "$(link_attr "$NS_A" et0 carrier)"

send 4 192.0.2.2 16 50
check_eq "after the failure: all datagrams arrive" 800 "$GOT"
check_eq "after the failure: nothing goes to the failed member" 0 "$D0"
check_ge "after the failure: the other member carries all" "$D1" 800

ip -n "$NS_A" link set a0 up
send 4 192.0.2.2 16 50
check_ge "the member's return: it carries traffic again" "$D0" 50
check_eq "the member's return: all datagrams arrive" 800 "$GOT"

# Carrier loss: the far end of member a1 goes down under 800 rounds of
# the 16 flows, 1 ms apart. What is lost is veth's: the far end stops
# accepting packets a grace period or more before it takes a1's carrier
# away, and transmit skips a member without carrier at once (the notifier
# from linkwatch follows). That window grows with the kernel (-rt) and
# the host's load (1 to 110 datagrams seen), so the bound is generous: a
# hundred rounds of a1's share. Without a failover a1 would take about
# half of the 500 rounds left, 4,000 datagrams.
rx=$(udp_noports "$NS_B" 4)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 800 1000 >"$TMP/sent" &
sender=$!
sleep 0.3
ip -n "$NS_B" link set b1 down
wait $sender
GOT=$(($(udp_noports_settled "$NS_B" 4) - rx))
lost=$(($(cat "$TMP/sent") - GOT))
echo "# carrier loss under traffic: $lost of $(cat "$TMP/sent") datagrams lost"
check_le "carrier loss under traffic: the traffic moves to a0 (at most 800 lost)" "$lost" 800
check_eq "the member without carrier is down" down "$(link_detail "$NS_A" a1 state)"
send 4 192.0.2.2 16 50
check_eq "after carrier loss: all datagrams arrive" 800 "$GOT"
check_eq "after carrier loss: nothing goes to the dead member" 0 "$D1"

ip -n "$NS_B" link set b1 up
check "the member comes back when its carrier does" wait_state "$NS_A" a1 active

# Carrier loss that linkwatch holds back: for a port that is not bonding's
# or team's it runs at most once a second, so a carrier loss just after
# another carrier event waits up to a second for its NETDEV_CHANGE. The
# first packet hashed to the dead member asks for the selection at once:
# one snapshot (ip -d link show, under RTNL) shows a1 out of the trunk
# while its operstate, which linkwatch sets before it notifies, still says
# UP. Without that, a1 could only leave after linkwatch: the snapshot
# would show it active with operstate UP, or down with operstate down.
# Tried up to 5 times (a stalled guest may let linkwatch run first).
ip -n "$NS_A" link add lw0 type veth peer name lw1
ip -n "$NS_A" link set lw0 up
early=0 late=0
for try in 1 2 3 4 5; do
	ip -n "$NS_A" link set lw1 up
	sleep 0.3
	ip -n "$NS_A" link set lw1 down	# linkwatch runs, next in 1 s
	sleep 0.05
	ip -n "$NS_B" link set b1 down
	ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 2 >/dev/null
	snap=$(ip -n "$NS_A" -d link show dev a1)
	st=$(awk '$1 == "etrunk_slave" { for (i = 2; i < NF; i++) if ($i == "state") print $(i + 1) }' <<<"$snap")
	op=$(sed -n '1s/.* state \([A-Z]*\) .*/\1/p' <<<"$snap")
	echo "# try $try: a1 $st in the trunk, operstate $op"
	ip -n "$NS_B" link set b1 up
	wait_state "$NS_A" a1 active
	[ "$op" = UP ] || continue
	[ "$st" = active ] && late=$((late + 1))
	if [ "$st" = down ]; then
		early=1
		break
	fi
done
if [ $early = 1 ] || [ $late -gt 0 ]; then
	check_eq "carrier loss: the first packet to the dead member takes it out before linkwatch tells" \
		"1 0" "$early $late"
else
	echo "# linkwatch was not held back in 5 tries: nothing to show"
fi
ip -n "$NS_A" link del lw0

# Tunnelled flows: inside IPIP every flow has the same outer addresses and
# no ports, so layer3+4 keeps them all on one member; encap3+4 hashes the
# inner headers and spreads them.
ip -n "$NS_A" link add ipip1 type ipip local 192.0.2.1 remote 192.0.2.2
ip -n "$NS_B" link add ipip1 type ipip local 192.0.2.2 remote 192.0.2.1
ip -n "$NS_A" addr add 198.51.100.1/24 dev ipip1
ip -n "$NS_B" addr add 198.51.100.2/24 dev ipip1
ip -n "$NS_A" link set ipip1 up
ip -n "$NS_B" link set ipip1 up
send 4 198.51.100.2 16 20
check_eq "IPIP: all 320 datagrams arrive" 320 "$GOT"
check_ge "IPIP under layer3+4: all flows on one member" $((D0 > D1 ? D0 : D1)) 320
check_le "IPIP under layer3+4: none on the other" $((D0 < D1 ? D0 : D1)) 5
ip -n "$NS_A" link set et0 type etrunk hash_policy encap3+4
send 4 198.51.100.2 16 20
check_eq "IPIP under encap3+4: all 320 datagrams arrive" 320 "$GOT"
check_ge "IPIP under encap3+4: member a0 carries some" "$D0" 20
check_ge "IPIP under encap3+4: member a1 carries some" "$D1" 20

# The trunk's 64-bit counters, as ip -s shows them, match sysfs: read
# between two reads of sysfs, as the trunk may send (ND, MLD) meanwhile.
s0=$(tx_packets "$NS_A" et0)
ips=$(ip -n "$NS_A" -s -j link show et0 | grep -o '"tx":{"bytes":[0-9]*,"packets":[0-9]*' |
	grep -o '[0-9]*$')
s1=$(tx_packets "$NS_A" et0)
check "ip -s shows the trunk's tx packets ($s0 <= $ips <= $s1)" \
	test "$s0" -gt 0 -a "$s0" -le "$ips" -a "$ips" -le "$s1"

finish
