#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The protocols keep their timing while another task holds RTNL for long
# stretches (a host setting up many devices). The load: a dummy device
# with VLANS (3000) VLAN devices on it, set down and up again, RTNL_ROUNDS
# (2) times; each change takes all the VLAN devices with it under one hold
# of RTNL (seconds under TCG, printed). Meanwhile:
#
#  - a trunk in mode lacp (lacp_rate fast) against Linux bonding in mode
#    802.3ad (lacp_rate fast) keeps sending a LACPDU every second: the
#    longest gap between its LACPDUs that the bond receives stays below
#    LACP_GAP_MAX ms, under the 3 s short timeout after which the bond
#    would expire the member (held back until RTNL was free, the gap was
#    as long as one hold); and both members stay aggregated;
#  - a trunk in mode backup probing a target every 100 ms keeps probing:
#    the longest gap between the probes the target receives stays below
#    PROBE_GAP_MAX ms (a guest under TCG, with the load on the other
#    vCPU, showed up to 0.9 s; held back until RTNL was free, the gap was
#    as long as one hold, seconds).

source "$(dirname "$0")/lib.sh"
require_etrunk
modprobe bonding 2>/dev/null
[ -d /sys/module/bonding ] || skip "bonding not available"
modprobe 8021q 2>/dev/null
command -v tcpdump >/dev/null || skip "tcpdump not installed"

VLANS=${VLANS:-3000}
RTNL_ROUNDS=${RTNL_ROUNDS:-2}
LACP_GAP_MAX=2500
PROBE_GAP_MAX=2000
TCPDUMP_PIDS=()
trap 'for p in "${TCPDUMP_PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait; cleanup' EXIT

now() { date +%s.%N; }

# A: et0 (mode lacp) over a0, a1; B: bond0 (802.3ad) over b0, b1.
new_ns NS_A a
new_ns NS_B b
for i in 0 1; do
	ip -n "$NS_A" link add "a$i" type veth peer name "b$i" netns "$NS_B"
done
ip -n "$NS_A" link add et0 type etrunk mode lacp lacp_rate fast
ip -n "$NS_A" link set a0 master et0
ip -n "$NS_A" link set a1 master et0
ip -n "$NS_A" link set et0 up
ip -n "$NS_B" link add bond0 type bond mode 802.3ad lacp_rate fast miimon 100
ip -n "$NS_B" link set b0 master bond0
ip -n "$NS_B" link set b1 master bond0
ip -n "$NS_B" link set bond0 up

# T: et1 (mode backup, probing 192.0.2.2) over t0, t1; H: br0 over h0, h1
# with the target's address.
new_ns NS_T t
new_ns NS_H h
ip -n "$NS_H" link add br0 type bridge mcast_snooping 0
for i in 0 1; do
	ip -n "$NS_T" link add "t$i" type veth peer name "h$i" netns "$NS_H"
	ip -n "$NS_H" link set "h$i" master br0 up
done
ip -n "$NS_H" addr add 192.0.2.2/24 dev br0
ip -n "$NS_H" link set br0 up
ip -n "$NS_T" link add et1 type etrunk mode backup probe_interval 100 \
	probe_missed 3 probe_target 192.0.2.2
ip -n "$NS_T" link set t0 master et1
ip -n "$NS_T" link set t1 master et1
ip -n "$NS_T" addr add 192.0.2.1/24 dev et1
ip -n "$NS_T" link set et1 up

both_active()
{
	[ "$(link_detail "$NS_A" a0 state)" = active ] &&
		[ "$(link_detail "$NS_A" a1 state)" = active ]
}
check "mode lacp: both members aggregate with the bond" wait_until 15 both_active
check "mode backup: a master carries the trunk" \
	wait_until 10 sh -c "[ \"\$(ip netns exec $NS_T cat /sys/class/net/et1/carrier)\" = 1 ]"
SWITCHOVERS=$(link_detail "$NS_T" et1 switchovers)

# The load's devices: R's dummy d0 with its VLAN devices, all up.
new_ns NS_R r
ip -n "$NS_R" link add d0 up type dummy
for i in $(seq 2 $((VLANS + 1))); do
	echo "link add link d0 name v$i up type vlan id $i"
done >"$TMP/vlans"
check "the load: $VLANS VLAN devices on a dummy" ip -n "$NS_R" -batch "$TMP/vlans"

# What the bond and the target receive, stamped by their kernels.
ip netns exec "$NS_B" tcpdump -i b0 -Q in -n -tt -l 'ether proto 0x8809' \
	>"$TMP/lacpdus" 2>/dev/null &
TCPDUMP_PIDS+=($!)
ip netns exec "$NS_H" tcpdump -i br0 -Q in -n -tt -l 'arp and arp[6:2] == 1' \
	>"$TMP/probes" 2>/dev/null &
TCPDUMP_PIDS+=($!)
check "the captures run" wait_until 10 sh -c "[ -s $TMP/lacpdus ] && [ -s $TMP/probes ]"

T0=$(now)
for r in $(seq "$RTNL_ROUNDS"); do
	for s in down up; do
		t=$(now)
		ip -n "$NS_R" link set d0 "$s"
		echo "# load: d0 $s with $VLANS VLAN devices: $(echo "$(now) - $t" | bc) s"
	done
done
T1=$(now)
# The first frames after the load close its gaps.
sleep 3
for p in "${TCPDUMP_PIDS[@]}"; do kill "$p" 2>/dev/null; done
wait
TCPDUMP_PIDS=()

# max_gap FILE: the longest gap (ms) between frames of FILE from a second
# before the load to its end, counting the first frame after it; and how
# many there were, as "GAP COUNT".
max_gap()
{
	awk -v t0="$T0" -v t1="$T1" '
		$1 < t0 - 1 { last = $1; next }
		{
			if (last != "" && ($1 - last) * 1000 > gap)
				gap = ($1 - last) * 1000
			n++
			last = $1
			if ($1 > t1)
				exit
		}
		END { printf "%d %d\n", gap, n }' "$1"
}

read -r LACP_GAP LACP_N <<<"$(max_gap "$TMP/lacpdus")"
read -r PROBE_GAP PROBE_N <<<"$(max_gap "$TMP/probes")"
echo "# the load held RTNL for $(echo "$T1 - $T0" | bc) s in $((RTNL_ROUNDS * 2)) stretches"
echo "# LACPDUs to the bond: $LACP_N, the longest gap $LACP_GAP ms (at most $LACP_GAP_MAX)"
echo "# probes to the target: $PROBE_N, the longest gap $PROBE_GAP ms (at most $PROBE_GAP_MAX)"
check_le "LACPDUs keep their 1 s period while RTNL is busy (gap in ms)" \
	"$LACP_GAP" "$LACP_GAP_MAX"
check_le "probes keep their 100 ms interval while RTNL is busy (gap in ms)" \
	"$PROBE_GAP" "$PROBE_GAP_MAX"
check "mode lacp: both members still aggregated" both_active
check_eq "mode backup: no switchover" "$SWITCHOVERS" \
	"$(link_detail "$NS_T" et1 switchovers)"

finish
