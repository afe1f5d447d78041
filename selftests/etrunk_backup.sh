#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Mode backup (1:1 master/backup) between two hosts over two direct links:
# one master carries everything, the backup drops what it receives, a
# third member is refused; the master changes at once on carrier loss, on
# the control plane's word (admin down) and on designation, announces
# itself with the configured number of gratuitous ARPs, returns to the
# designated master after the revert delay (or stays, when not
# revertive), and every switchover is counted with its reason.

source "$(dirname "$0")/lib.sh"
require_etrunk
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"

make_trunk_pair 2 mode backup grat_arp 3 flush_rx on || { fail "set up two hosts"; finish; }

# trunk NS KEY: a field of the trunk's line in ip -d link show
trunk() { link_detail "$1" et0 "$2"; }

# wait_master NS MEMBER [TRIES]: until MEMBER is the master (TRIES tenths
# of a second and the time of the commands, 50 by default)
wait_master()
{
	local tries=0

	while [ "$(trunk "$1" active_member)" != "$2" ]; do
		[ $tries -lt "${3:-50}" ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}

etrunkctl_ns() { local ns=$1; shift; ip netns exec "$ns" "$REPO_DIR/tools/etrunkctl/etrunkctl" "$@"; }
ping_b() { ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null 2>&1; }

check_eq "the mode reads back" backup "$(trunk "$NS_A" mode)"
check "the member up first is the master" wait_master "$NS_A" a0
check_eq "the master is active" active "$(link_detail "$NS_A" a0 state)"
check_eq "the other is standby" standby "$(link_detail "$NS_A" a1 state)"
check_eq "because it is the backup" backup "$(link_detail "$NS_A" a1 reason)"
check_eq "one active member" 1 "$(trunk "$NS_A" active_members)"
check_eq "the first master counts as a switchover" 1 "$(trunk "$NS_A" switchovers)"
# B comes up last: its veth ends give both sides carrier, B chooses at
# once and sends flush frames, while A's selection waits for linkwatch's
# carrier event (up to a second). A's first master is B's link, chosen
# by A (up) or by B's flush frames if they come first (flush).
reason=$(trunk "$NS_A" switchover_reason)
check "of reason up (or flush: B's first flush frames were faster)" \
	test "$reason" = up -o "$reason" = flush
check "IPv4 ping over the master" ping_b

ip -n "$NS_A" link add a2 type veth peer name b2
check_refused "a third member is refused" "exactly two members" \
	ip -n "$NS_A" link set a2 master et0
check_eq "and stays outside" "" "$(ip -n "$NS_A" -o link show a2 | grep -o 'master et0')"
check_refused "min_links 2 is refused" "min_links above 1" \
	ip -n "$NS_A" link set et0 type etrunk min_links 2
check_refused "max_links is refused" "max_links" \
	ip -n "$NS_A" link set et0 type etrunk max_links 1

# Only the master transmits.
t1=$(tx_packets "$NS_A" a1)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 20 >/dev/null
check_le "the backup transmits nothing" $(($(tx_packets "$NS_A" a1) - t1)) 0

# Frames on the backup are dropped and counted: B sends on b1 (its new
# master) while A, not listening to flush frames, stays on a0.
ip -n "$NS_A" link set et0 type etrunk flush_rx off
drops=$(ip netns exec "$NS_A" cat /sys/class/net/et0/statistics/rx_dropped)
etrunkctl_ns "$NS_B" member set b1 master on
check "designating b1 makes it B's master" wait_master "$NS_B" b1
check_eq "for reason manual" manual "$(trunk "$NS_B" switchover_reason)"
check_eq "A stays on a0" a0 "$(trunk "$NS_A" active_member)"
ip netns exec "$NS_B" ping -c 3 -i 0.2 -W 1 192.0.2.1 >/dev/null 2>&1
check_ge "what arrives on A's backup is dropped and counted" \
	$(($(ip netns exec "$NS_A" cat /sys/class/net/et0/statistics/rx_dropped) - drops)) 3
ip -n "$NS_A" link set et0 type etrunk flush_rx on

# Put both on the same path again: a0/b0, designated masters.
etrunkctl_ns "$NS_A" member set a0 master on
etrunkctl_ns "$NS_B" member set b0 master on
check "B designates b0 again" wait_master "$NS_B" b0
check_eq "A keeps a0" a0 "$(trunk "$NS_A" active_member)"
check "ping over the designated masters" ping_b

# Gratuitous ARP: A announces 192.0.2.1 grat_arp (3) times after a
# switchover, counted where it arrives (B's b1, which B then drops).
ip netns exec "$NS_B" tc qdisc add dev b1 clsact
ip netns exec "$NS_B" tc filter add dev b1 ingress protocol arp pref 1 flower \
	arp_op request arp_sip 192.0.2.1 arp_tip 192.0.2.1 action pass
garps() { ip netns exec "$NS_B" tc -j -s filter show dev b1 ingress |
	jq '[.[] | select(.options.actions) | .options.actions[0].stats.packets] | add // 0'; }

# Carrier loss on the master: B's end of a0 goes down. A switches from
# the notifier, B before its member stops: a stream loses only what veth
# drops while b0 closes (a grace period or more: it grows on -rt and
# under load, a few to 15 ms seen). Bound: 200 of the 700 datagrams
# left, which a trunk that did not switch would all lose.
# B is not revertive: from here on it follows A's flush frames.
ip -n "$NS_A" link set et0 type etrunk revertive off
ip -n "$NS_B" link set et0 type etrunk revertive off
sw=$(trunk "$NS_A" switchovers)
rx=$(udp_noports "$NS_B" 4)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 1 1000 1000 >"$TMP/sent" &
sender=$!
sleep 0.3
ip -n "$NS_B" link set b0 down
wait $sender
GOT=$(($(udp_noports_settled "$NS_B" 4) - rx))
lost=$(($(cat "$TMP/sent") - GOT))
echo "# carrier loss of the master: $lost of $(cat "$TMP/sent") datagrams lost"
check_le "carrier loss of the master: A switches at once (at most 200 lost)" "$lost" 200
check_eq "A's master is now a1" a1 "$(trunk "$NS_A" active_member)"
# B switched before its member stopped and sent flush frames on b1: on a
# slow (debug) kernel they can reach A before linkwatch reports a0's
# carrier loss, and A follows them instead.
reason=$(trunk "$NS_A" switchover_reason)
check "for reason link (or B's flush frames, which were faster)" \
	test "$reason" = link -o "$reason" = flush
check_eq "counted" $((sw + 1)) "$(trunk "$NS_A" switchovers)"
check_eq "a0 is down" down "$(link_detail "$NS_A" a0 state)"
check "ping over the new master" ping_b
sleep 0.5
check_eq "grat_arp 3: three gratuitous ARPs on the new path" 3 "$(garps)"
check_ge "the switchover's age is shown" "$(trunk "$NS_A" switchover_age)" 1

# Not revertive: a0 comes back and stays backup.
ip -n "$NS_B" link set b0 up
check "a0 comes back" wait_state "$NS_A" a0 standby
sleep 1
check_eq "not revertive: a1 stays master" a1 "$(trunk "$NS_A" active_member)"

# Revertive, delay 8 s: after the designated master's return, traffic
# goes back to it, not before the delay. (8 s, not less: on a loaded
# host, noticing a0's return can take seconds under TCG.)
ip -n "$NS_A" link set et0 type etrunk revertive on revert_delay 8000
check_eq "the revert delay reads back" 8000 "$(trunk "$NS_A" revert_delay)"
ip -n "$NS_B" link set b0 down
check "a0 fails again" wait_state "$NS_A" a0 down
ip -n "$NS_B" link set b0 up
check "a0 is back" wait_state "$NS_A" a0 standby
check_eq "within the revert delay a1 stays master" a1 "$(trunk "$NS_A" active_member)"
check "after the delay a0 is master again" wait_master "$NS_A" a0 100
check_eq "for reason revert" revert "$(trunk "$NS_A" switchover_reason)"
check "B follows A's flush frames back to b0" wait_master "$NS_B" b0
check_eq "for reason flush" flush "$(trunk "$NS_B" switchover_reason)"
check "ping after the revert" ping_b

# The control plane's hook: admin down on the master switches at once; B
# follows A's flush frames on the new path (once the second in which its
# master heard A's last flush frames is over: see backup.c).
ip -n "$NS_A" link set et0 type etrunk revertive off
sleep 1.2
etrunkctl_ns "$NS_A" member set a0 admin down
check_eq "admin down: a1 is master at once" a1 "$(trunk "$NS_A" active_member)"
check_eq "for reason admin" admin "$(trunk "$NS_A" switchover_reason)"
check "B switches to b1 on A's flush frames" wait_master "$NS_B" b1
check_eq "for reason flush" flush "$(trunk "$NS_B" switchover_reason)"
check "ping after the admin switchover" ping_b
etrunkctl_ns "$NS_A" member set a0 admin up

# Releasing the master hands over to the other member.
ip -n "$NS_A" link set a1 nomaster
check_eq "the released master's place goes to a0" a0 "$(trunk "$NS_A" active_member)"
check_eq "for reason removed" removed "$(trunk "$NS_A" switchover_reason)"
check "a member can join again" ip -n "$NS_A" link set a1 master et0
check_eq "as the backup" standby "$(link_detail "$NS_A" a1 state)"

check "the trunk can be deleted" ip -n "$NS_A" link del et0
finish
