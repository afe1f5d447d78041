#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Trunks over a real NIC driver: QEMU's emulated e1000 (scripts/vm.sh
# gives the guest two pairs, nic0-nic1 and nic2-nic3, each pair joined by
# a hub as by a cable; their links are cut through QEMU's monitor). veth
# hides what a driver does: e1000 filters multicast in its (emulated)
# hardware table and reports carrier from its link interrupt.
#
# - LACP: LACPDUs go to 01:80:c2:00:00:02, which the members must let in.
# - Mode backup with flush frames: A's switchover sends them on its new
#   master; B's backup, also an e1000, must let in 03:45:54:52:4b:46 for B
#   to follow.
# - Carrier loss: the cable of A's master is cut under traffic; the time
#   until A's backup is the master, beside the same on veth, is printed.

source "$(dirname "$0")/lib.sh"
require_etrunk
require_etrunkctl
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"
[ -c /dev/ttyS1 ] && [ -n "$(nic_dev 0)" ] ||
	skip "no emulated NICs (run in scripts/vm.sh's guest)"

KEY=00112233445566778899aabbccddeeff

new_ns NS_A a
new_ns NS_B b
# nic_ns N: the namespace of nN (A: n0, n2; B: n1, n3).
nic_ns() { if [ $(($1 % 2)) = 0 ]; then echo "$NS_A"; else echo "$NS_B"; fi; }
# nic0 and nic2 to A (as n0, n2), nic1 and nic3 to B (n1, n3).
for i in 0 1 2 3; do
	ns=$(nic_ns "$i")
	ip link set "$(nic_dev $i)" netns "$ns" ||
		{ fail "move nic$i to a namespace"; finish; }
	ip -n "$ns" link set "$(ip netns exec "$ns" sh -c "grep -l 52:54:00:e1:00:0$i /sys/class/net/*/address" |
		cut -d/ -f5)" name "n$i"
	nic_link "nic$i" on
done

# trunks MODE OPTIONS...: et0 on A (n0, n2) and B (n1, n3), addresses,
# up; replaces the ones before.
trunks()
{
	local ns

	for ns in "$NS_A" "$NS_B"; do
		ip -n "$ns" link del et0 2>/dev/null
		ip -n "$ns" link add et0 type etrunk "$@" || return 1
	done
	ip -n "$NS_A" link set n0 master et0 && ip -n "$NS_A" link set n2 master et0 &&
		ip -n "$NS_B" link set n1 master et0 && ip -n "$NS_B" link set n3 master et0 ||
		return 1
	ip -n "$NS_A" addr add 192.0.2.1/24 dev et0
	ip -n "$NS_B" addr add 192.0.2.2/24 dev et0
	ip -n "$NS_A" link set et0 up
	ip -n "$NS_B" link set et0 up
}
ping_b() { ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null 2>&1; }

# members_usable: n0 to n3 all have carrier and are usable members
# (active or standby).
members_usable()
{
	local i ns

	for i in 0 1 2 3; do
		ns=$(nic_ns "$i")
		[ "$(link_attr "$ns" "n$i" carrier 2>/dev/null)" = 1 ] || return 1
		case $(link_detail "$ns" "n$i" state) in
		active | standby) ;;
		*) return 1 ;;
		esac
	done
}

# wait_members_usable: wait (up to 15 s) until members_usable; if not,
# print what each member is, and e1000's own view of its links. An
# e1000 (re)opened by the enslavement restarts autonegotiation, and its
# driver notices the link in a watchdog that polls every 2 s: under TCG
# the four members get their carrier seconds later, in no fixed order.
wait_members_usable()
{
	local i ns

	wait_until 15 members_usable && return 0
	for i in 0 1 2 3; do
		ns=$(nic_ns "$i")
		echo "n$i: carrier $(link_attr "$ns" "n$i" carrier 2>&1)," \
			"operstate $(link_attr "$ns" "n$i" operstate)," \
			"carrier_changes $(link_attr "$ns" "n$i" carrier_changes)," \
			"state $(link_detail "$ns" "n$i" state)," \
			"reason $(link_detail "$ns" "n$i" reason)"
	done
	dmesg | grep -E 'e1000|NETDEV WATCHDOG' | tail -n 12
	return 1
}
master_is() { [ "$(link_detail "$1" et0 active_member)" = "$2" ]; }
ms_now() { echo $(($(date +%s%N) / 1000000)); }

# ---------------------------------------------------------------------
# LACP over e1000.
# ---------------------------------------------------------------------
check "mode lacp on both sides over the e1000 pairs" trunks mode lacp lacp_rate fast
check "A's n0 collects and distributes (LACPDUs pass e1000's filter)" \
	wait_until 15 eval '[ "$(link_detail "$NS_A" n0 state)" = active ]'
check "and n2" wait_until 5 eval '[ "$(link_detail "$NS_A" n2 state)" = active ]'
check "B's n1 and n3" \
	eval '[ "$(link_detail "$NS_B" n1 state)" = active ] && [ "$(link_detail "$NS_B" n3 state)" = active ]'
check "ping over the LACP trunk" ping_b
t0=$(tx_packets "$NS_A" n0)
t2=$(tx_packets "$NS_A" n2)
ip -n "$NS_A" link set et0 type etrunk hash_policy layer3+4
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 20 >/dev/null
check_ge "16 flows: n0 carries some" $(($(tx_packets "$NS_A" n0) - t0)) 20
check_ge "16 flows: n2 carries some" $(($(tx_packets "$NS_A" n2) - t2)) 20

# ---------------------------------------------------------------------
# Mode backup: flush frames through e1000's multicast filter.
# ---------------------------------------------------------------------
check "mode backup on both sides, B follows keyed flush frames" \
	trunks mode backup revertive off flush_key "$KEY"
# A designated member becomes the master at once only if it is usable;
# otherwise the first member to come up is, and stays, revertive being
# off. The members (re)opened just now may take seconds to get their
# carrier back, n3 before n1 as well: designate once all four have it.
check "the four members have carrier again (active or standby)" \
	wait_members_usable
ip -n "$NS_B" link set et0 type etrunk flush_rx on
ip netns exec "$NS_A" "$ETRUNKCTL" member set n0 master on
ip netns exec "$NS_B" "$ETRUNKCTL" member set n1 master on
check "A's master n0, B's n1" \
	wait_until 10 eval 'master_is "$NS_A" n0 && master_is "$NS_B" n1'
check "ping over the first pair" ping_b
check "B's backup n3 is in the flush address's group" \
	eval 'ip -n "$NS_B" maddr show dev n3 | grep -q 03:45:54:52:4b:46'
# If A switched to n0 just now, B's master n1 heard its flush frames: for
# a second after those, flush frames on B's backup are taken for frames
# both members hear (one segment) and not followed (backup.c,
# ETRUNK_FLUSH_SHARED). Let that second pass.
sleep 1.2
ip netns exec "$NS_A" "$ETRUNKCTL" member set n2 master on
check "A switches to n2 (designated)" wait_until 10 master_is "$NS_A" n2
check "its flush frames pass n3's filter: B follows to n3" \
	wait_until 10 master_is "$NS_B" n3
check_eq "for reason flush" flush "$(link_detail "$NS_B" et0 switchover_reason)"
check "ping over the second pair" ping_b

# ---------------------------------------------------------------------
# Carrier loss: the cable between A's master and B is cut.
# ---------------------------------------------------------------------
# switch_ms NS MEMBER CMD...: with NS pinging 192.0.2.2 every 10 ms (the
# first packet to a dead master has the selection run at once), run CMD
# (the cut) and print two times in ms from its start: until CMD returned,
# and until MEMBER became NS's master (the trunk's own switchover_age,
# read after the poll: an upper bound), -1 if not within 10 s.
switch_ms()
{
	local ns=$1 m=$2 t0 tc t1 age pinger

	shift 2
	ip netns exec "$ns" ping -q -i 0.01 -w 15 192.0.2.2 >/dev/null 2>&1 &
	pinger=$!
	sleep 0.3
	t0=$(ms_now)
	"$@"
	tc=$(($(ms_now) - t0))
	if wait_until 10 master_is "$ns" "$m"; then
		age=$(link_detail "$ns" et0 switchover_age)
		t1=$(ms_now)
		echo "$tc $((t1 - age - t0))"
	else
		echo "$tc -1"
	fi
	kill "$pinger" 2>/dev/null
	wait "$pinger" 2>/dev/null
}
cut() { nic_link nic2 off; nic_link nic3 off; }
read -r e1000_cut e1000_ms <<<"$(switch_ms "$NS_A" n0 cut)"
check_ge "e1000 carrier loss: A's backup n0 takes over (within 10 s)" "$e1000_ms" 0
check "B follows (its n3 lost the carrier too)" wait_until 10 master_is "$NS_B" n1
check "ping after the cut" ping_b
nic_link nic2 on
nic_link nic3 on
check "the cable back: n2 is the backup again" \
	wait_until 10 eval '[ "$(link_detail "$NS_A" n2 state)" = standby ]'

# The same on veth, in this guest, for comparison.
new_ns NS_C c
new_ns NS_D d
for ns in "$NS_C" "$NS_D"; do
	ip -n "$ns" link add et0 type etrunk mode backup revertive off
done
ip -n "$NS_C" link add v0 type veth peer name w0 netns "$NS_D"
ip -n "$NS_C" link add v1 type veth peer name w1 netns "$NS_D"
for i in 0 1; do
	ip -n "$NS_C" link set "v$i" master et0
	ip -n "$NS_D" link set "w$i" master et0
done
ip -n "$NS_C" addr add 192.0.2.1/24 dev et0
ip -n "$NS_D" addr add 192.0.2.2/24 dev et0
ip -n "$NS_C" link set et0 up
ip -n "$NS_D" link set et0 up
ip netns exec "$NS_C" "$ETRUNKCTL" member set v0 master on
wait_until 10 master_is "$NS_C" v0
read -r veth_cut veth_ms <<<"$(switch_ms "$NS_C" v1 ip -n "$NS_D" link set w0 down)"
check_ge "veth carrier loss: C's backup v1 takes over (within 10 s)" "$veth_ms" 0
echo "# carrier loss under a ping every 10 ms, ms from the cut's start: e1000: the cut (2 monitor commands) $e1000_cut, backup master $e1000_ms; veth: the cut (ip link set down) $veth_cut, backup master $veth_ms"

finish
