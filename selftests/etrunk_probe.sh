#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Liveness probing of mode backup: a trunk whose members reach a far host
# through two switches. When the master's path breaks beyond its switch
# (the member keeps its carrier), probes to the far host go unanswered
# and the master goes down with reason probe within about probe_missed
# intervals; the backup takes over (switchover reason probe) and traffic
# flows again. Healed, the failed member answers its own probes and comes
# back. The same with IPv6 targets; probing outside mode backup and bad
# targets are refused.
#
#   T: et0 (t0, t1) --- SW0: br0 (s0a, s0b) --- H: br0 (h0, h1)
#                   --- SW1: br0 (s1a, s1b) ---/
#
# The bridges do no multicast snooping, so that neighbour solicitations
# reach the far host whatever MLD they saw; nothing loops, since a trunk
# forwards nothing between its members.

source "$(dirname "$0")/lib.sh"
require_etrunk
ETRUNKCTL="$REPO_DIR/tools/etrunkctl/etrunkctl"
[ -x "$ETRUNKCTL" ] || skip "etrunkctl not built (make -C tools/etrunkctl)"
command -v jq >/dev/null || skip "jq not installed"

INTERVAL=100
MISSED=3

new_ns NS_T t
new_ns NS_SW0 sw0
new_ns NS_SW1 sw1
new_ns NS_H h

ctl() { ip netns exec "$NS_T" "$ETRUNKCTL" "$@"; }

setup()
{
	local i sw

	ip -n "$NS_H" link add br0 type bridge mcast_snooping 0 || return 1
	for i in 0 1; do
		sw=NS_SW$i
		ip -n "${!sw}" link add br0 type bridge mcast_snooping 0 || return 1
		ip -n "$NS_T" link add "t$i" type veth peer name "s${i}a" \
			netns "${!sw}" || return 1
		ip -n "${!sw}" link add "s${i}b" type veth peer name "h$i" \
			netns "$NS_H" || return 1
		ip -n "${!sw}" link set "s${i}a" master br0 up || return 1
		ip -n "${!sw}" link set "s${i}b" master br0 up || return 1
		ip -n "${!sw}" link set br0 up || return 1
		ip -n "$NS_H" link set "h$i" master br0 up || return 1
	done
	ip -n "$NS_H" addr add 192.0.2.2/24 dev br0
	ip -n "$NS_H" addr add 2001:db8::2/64 dev br0 nodad
	ip -n "$NS_H" link set br0 up

	# The trunk's link-local address is usable at once (no DAD), so
	# that the master's solicitations come from it.
	ip netns exec "$NS_T" sysctl -qw net.ipv6.conf.default.accept_dad=0
	ip -n "$NS_T" link add et0 type etrunk mode backup \
		probe_interval $INTERVAL probe_missed $MISSED \
		probe_target 192.0.2.2 || return 1
	ip -n "$NS_T" link set t0 master et0 || return 1
	ip -n "$NS_T" link set t1 master et0 || return 1
	ip -n "$NS_T" addr add 192.0.2.1/24 dev et0
	ip -n "$NS_T" addr add 2001:db8::1/64 dev et0 nodad
	ip -n "$NS_T" link set et0 up
	ctl member set t0 master on
}

# shows ADDR...: `ip -d link show et0` lists every ADDR (as a word).
shows()
{
	local out a

	out=$(ip -n "$NS_T" -d link show dev et0) || return 1
	for a in "$@"; do
		grep -qw -- "$a" <<<"$out" || return 1
	done
}

not_shows() { ! ip -n "$NS_T" -d link show dev et0 | grep -qw -- "$1"; }

member_reason() { link_detail "$NS_T" "$1" reason; }
member_state() { link_detail "$NS_T" "$1" state; }

wait_carrier()
{
	local tries=0

	while [ "$(link_attr "$NS_T" et0 carrier)" != 1 ]; do
		[ $tries -lt 50 ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_reason DEV REASON TIMEOUT_MS: poll until the member's reason is
# REASON; sets ELAPSED (ms). Fails after TIMEOUT_MS.
wait_reason()
{
	local start

	start=$(now_ms)
	while [ "$(member_reason "$1")" != "$2" ]; do
		ELAPSED=$(($(now_ms) - start))
		[ "$ELAPSED" -lt "$3" ] || return 1
		sleep 0.05
	done
	ELAPSED=$(($(now_ms) - start))
}

# wait_back DEV TIMEOUT_MS: until the member is no longer down for probe
# (the master again after a revert, or the backup).
wait_back()
{
	local tries=0 r

	while :; do
		r=$(member_reason "$1")
		[ "$r" = "-" ] || [ "$r" = none ] || [ "$r" = backup ] && return 0
		[ $tries -lt $(($2 / 100)) ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}

setup || { fail "set up the trunk, two switches and the far host"; finish; }

check_eq "the trunk shows its probe interval" $INTERVAL \
	"$(link_detail "$NS_T" et0 probe_interval)"
check_eq "the trunk shows its probe_missed" $MISSED \
	"$(link_detail "$NS_T" et0 probe_missed)"
check "the trunk shows its probe target" shows 192.0.2.2

check "t0, the designated master, becomes active" wait_state "$NS_T" t0 active
check_eq "t1 is the backup" backup "$(member_reason t1)"
check "IPv4 ping to the far host" \
	ip netns exec "$NS_T" ping -c 3 -i 0.2 -W 2 192.0.2.2
# Three seconds of answered probes must not take the master down.
sleep 3
check_eq "answered probes keep the master" active "$(member_state t0)"
failures=$(link_detail "$NS_T" t0 link_failures)

# break_test LABEL FAMILY DST: break t0's path beyond its switch, check
# the switchover to t1 and traffic, heal it, check t0 comes back.
break_test()
{
	local label="$1" fam="$2" dst="$3" start age t1 t2 lo hi

	start=$(now_ms)
	ip -n "$NS_SW0" link set s0b down
	if wait_reason t0 probe 5000; then
		pass "$label: t0's path broken beyond the switch: t0 down for probe"
		# Polling is slow under emulation: the switchover's age tells
		# when the kernel acted, sampled between t1 and t2.
		t1=$(now_ms)
		age=$(link_detail "$NS_T" et0 switchover_age)
		t2=$(now_ms)
		lo=$((t1 - start - ${age:-0}))
		hi=$((t2 - start - ${age:-0}))
		echo "# $label: switchover $lo to $hi ms after the break (seen after $ELAPSED ms)"
		# The last reply is at most one interval old when the path
		# breaks, and the master waits for probe_missed rounds.
		check_ge "$label: not before probe_missed intervals" \
			"$hi" $(((MISSED - 1) * INTERVAL))
		# Slack for a slow `ip` (up to half a second under load).
		check_le "$label: within probe_missed intervals (+1.5, +1 s)" \
			"$lo" $((MISSED * INTERVAL + 3 * INTERVAL / 2 + 1000))
	else
		fail "$label: t0's path broken beyond the switch: t0 down for probe (reason $(member_reason t0))"
	fi
	check_eq "$label: t0 is down" down "$(member_state t0)"
	check_eq "$label: t0 kept its carrier" 1 "$(link_attr "$NS_T" t0 carrier)"
	check_eq "$label: no link failure counted" "$failures" \
		"$(link_detail "$NS_T" t0 link_failures)"
	check_eq "$label: t1 is the master" active "$(member_state t1)"
	check_eq "$label: the trunk's active member is t1" t1 \
		"$(link_detail "$NS_T" et0 active_member)"
	check_eq "$label: switchover reason probe" probe \
		"$(link_detail "$NS_T" et0 switchover_reason)"
	check_eq "$label: the trunk keeps its carrier" 1 \
		"$(link_attr "$NS_T" et0 carrier)"
	check "$label: ping to the far host over t1" \
		ip netns exec "$NS_T" ping "-$fam" -c 3 -i 0.2 -W 2 "$dst"
	# Probing from t0 goes on, from its own MAC: the far host must
	# not learn the trunk's MAC on t0's side.
	sleep 0.5
	check_eq "$label: t0 stays down while its path is broken" probe \
		"$(member_reason t0)"

	ip -n "$NS_SW0" link set s0b up
	check "$label: healed, t0 answers its own probes and comes back" \
		wait_back t0 5000
	check "$label: ping to the far host after the return" \
		ip netns exec "$NS_T" ping "-$fam" -c 3 -i 0.2 -W 2 "$dst"
	check "$label: t0, designated and revertive, is the master again" \
		wait_state "$NS_T" t0 active
}

break_test IPv4 4 192.0.2.2

# While down, t0 probed from its own MAC (the trunk took t0's, so the
# same with the locally administered bit flipped), never the trunk's: the
# far host learned that one behind h0.
mac=$(link_attr "$NS_T" et0 address)
own=$(printf '%02x%s' $((0x${mac:0:2} ^ 2)) "${mac:2}")
check_eq "t0's probes while down came from its own MAC, through h0" h0 \
	"$(bridge -n "$NS_H" -j fdb show br br0 |
	   jq -r --arg m "$own" '[.[] | select(.mac == $m)][0].ifname // empty')"

# IPv6 targets alone.
check "probe targets replaced by an IPv6 one" \
	ip -n "$NS_T" link set et0 type etrunk probe_target 2001:db8::2
check "the trunk shows the IPv6 target" shows 2001:db8::2
check "... and no longer the IPv4 one" \
	not_shows 192.0.2.2
check "IPv6 ping to the far host" \
	ip netns exec "$NS_T" ping -6 -c 3 -i 0.2 -W 2 2001:db8::2
sleep 2
check_eq "IPv6: answered probes keep the master" active "$(member_state t0)"
break_test IPv6 6 2001:db8::2

# Both kinds: one answering target is enough.
check "both targets" ip -n "$NS_T" link set et0 type etrunk \
	probe_target 192.0.2.2,2001:db8::2
check "the trunk shows both targets" \
	shows 192.0.2.2 2001:db8::2
ip -n "$NS_H" addr del 2001:db8::2/64 dev br0
sleep 2
check_eq "one target of two answering keeps the master" active \
	"$(member_state t0)"
ip -n "$NS_H" addr del 192.0.2.2/24 dev br0
check "no target answering: t0 down for probe" wait_reason t0 probe 5000
check_eq "... and t1, which finds no target either, fails in turn" probe \
	"$(wait_reason t1 probe 5000; member_reason t1)"
check_eq "no master: the trunk loses its carrier" 0 \
	"$(link_attr "$NS_T" et0 carrier)"
ip -n "$NS_H" addr add 192.0.2.2/24 dev br0
check "a target answers again: the trunk has carrier again" wait_carrier
check "t0 is the master again" wait_state "$NS_T" t0 active
check "t1 is back too, as the backup" wait_back t1 5000

# Turned off, every member is usable again at once.
ip -n "$NS_H" addr del 192.0.2.2/24 dev br0
wait_reason t0 probe 5000
check "probing off (probe_interval 0, probe_target none)" \
	ip -n "$NS_T" link set et0 type etrunk probe_interval 0 probe_target none
check "probing off: t0 is usable again" wait_state "$NS_T" t0 active
check "probing off: no target shown" \
	not_shows 2001:db8::2

# Refusals.
check_refused "probing in mode loadbalance is refused" \
	"Liveness probing is for mode backup only" \
	ip -n "$NS_T" link add et1 type etrunk probe_interval 100 \
	probe_target 192.0.2.2
check_refused "probing without a target is refused" \
	"Liveness probing needs a probe target" \
	ip -n "$NS_T" link set et0 type etrunk probe_interval 100
check_refused "a multicast IPv4 target is refused" \
	"A probe target must be a unicast IPv4 address" \
	ip -n "$NS_T" link set et0 type etrunk probe_interval 100 \
	probe_target 224.0.0.1
check_refused "the broadcast address is refused" \
	"A probe target must be a unicast IPv4 address" \
	ip -n "$NS_T" link set et0 type etrunk probe_target 255.255.255.255
check_refused "0.0.0.0 is refused" \
	"A probe target must be a unicast IPv4 address" \
	ip -n "$NS_T" link set et0 type etrunk probe_target 0.0.0.0
check_refused "a multicast IPv6 target is refused" \
	"A probe target must be a unicast IPv6 address" \
	ip -n "$NS_T" link set et0 type etrunk probe_target ff02::1
check_refused ":: is refused" \
	"A probe target must be a unicast IPv6 address" \
	ip -n "$NS_T" link set et0 type etrunk probe_target ::
check_refused "a duplicate target is refused" "Duplicate probe target" \
	ip -n "$NS_T" link set et0 type etrunk \
	probe_target 192.0.2.2,192.0.2.3,192.0.2.2
check_refused "17 targets are refused" "many probe targets" \
	ip -n "$NS_T" link set et0 type etrunk \
	probe_target "$(seq -s, -f 192.0.2.%g 10 26)"
check_eq "a refused change leaves probing off" 0 \
	"$(link_detail "$NS_T" et0 probe_interval)"

finish
