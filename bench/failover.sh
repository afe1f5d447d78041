#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Failover benchmark: how long a constant-rate stream is cut when the
# master of a 1:1 (active-backup) pair fails, for etrunk mode backup beside
# bonding and team. Runs as root where the modules can be loaded, i.e. in
# the test guest:
#
#   scripts/vm.sh --timeout 900 -- bench/failover.sh     (make bench-failover)
#
# A sender sends BENCH_RATE UDP datagrams per second, each with a sequence
# number, for BENCH_SECONDS; BENCH_FAIL_AT seconds in, the master fails. A
# receiving socket counts what arrives; gap_ms = lost / rate. The helper
# (bench/failover_udp.c) is compiled by this script.
#
# Direct: trunk host S, its aggregate over veths a0 (the master) and a1,
# their peers b0 and b1 ports of a bridge in the receiver R (so whichever
# member carries the stream, R gets it). S sends to R. Failure: carrier
# loss of the master (R sets b0 down).
#
#   etrunk      etrunk mode backup (defaults: grat_arp 1, flush_count 3),
#               a0 designated master, revertive
#   bond100     bonding active-backup, miimon 100, primary a0
#   bond10      bonding active-backup, miimon 10, primary a0
#   team        team, teamd's activebackup runner, link_watch ethtool,
#               a0 of higher prio
#
# Through a switch: trunk host T (et0 over a0, a1), a switch W whose bridge
# has ports p0 and p1 (the peers of a0 and a1) and ph towards a host H. H
# sends to T, so W's FDB entry for T's MAC decides which member gets the
# stream. Failure: the control plane takes the master out (etrunkctl member
# set a0 admin down): a0 keeps carrier, W keeps its entry on p0 and the
# stream keeps going to a0, where T drops it, until something from T's MAC
# arrives on p1. grat_arp 0 in both, so only flush frames do that.
#
#   br-flush    flush_count 3, and flush-receive on W's ports p0 and p1
#   br-noflush  flush_count 0, no flush-receive: recovers only when T sends
#               something, which it does not within the stream
#
# Each configuration runs BENCH_RUNS times, round-robin. The table gives
# the median gap and the ratios etrunk/bond100 (target <= 0.1) and
# br-flush/br-noflush. A stream that has not recovered by its end shows
# as ">= N ms". Targets are information only: the exit status is 0 unless
# something broke (a configuration could not be set up, or a run failed).
#
# Environment:
#   BENCH_RUNS=5          runs per configuration
#   BENCH_RATE=10000      datagrams per second
#   BENCH_SECONDS=3       length of one stream (fractions allowed)
#   BENCH_FAIL_AT=1       seconds into the stream the master fails
#   BENCH_CONFIGS="etrunk bond100 bond10 team br-flush br-noflush"
#   ETRUNK_KO=kmod/etrunk.ko  the module, loaded unless it is loaded

set -u

BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_RATE=${BENCH_RATE:-10000}
BENCH_SECONDS=${BENCH_SECONDS:-3}
BENCH_FAIL_AT=${BENCH_FAIL_AT:-1}
ALL_CONFIGS="etrunk bond100 bond10 team br-flush br-noflush"
BENCH_CONFIGS=${BENCH_CONFIGS:-$ALL_CONFIGS}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
export IP_LIB_DIR="$REPO_DIR/tools/ip"
ETRUNK_KO=${ETRUNK_KO:-$REPO_DIR/kmod/etrunk.ko}
ETRUNKCTL=$REPO_DIR/tools/etrunkctl/etrunkctl
PORT=5000
# A recovery later than this before the end of the stream is no recovery.
TAIL_MS=100

BENCH_NAME=failover.sh
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "needs root (run it in the guest: scripts/vm.sh -- bench/failover.sh)"
case $BENCH_RUNS in
"" | *[!0-9]* | 0) die "BENCH_RUNS must be a whole number, at least 1" ;;
esac
case $BENCH_RATE in
"" | *[!0-9]* | 0) die "BENCH_RATE must be a whole number, at least 1" ;;
esac
for v in "$BENCH_SECONDS" "$BENCH_FAIL_AT"; do
	[[ $v =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
		die "BENCH_SECONDS and BENCH_FAIL_AT are numbers of seconds"
done
STREAM_MS=$(awk -v s="$BENCH_SECONDS" 'BEGIN { printf "%d", s * 1000 }')
FAIL_MS=$(awk -v s="$BENCH_FAIL_AT" 'BEGIN { printf "%d", s * 1000 }')
if [ "$FAIL_MS" = 0 ] || [ $((STREAM_MS - FAIL_MS)) -le $((2 * TAIL_MS)) ]; then
	die "BENCH_FAIL_AT must be above 0 and well before the end of BENCH_SECONDS"
fi
for c in $BENCH_CONFIGS; do
	case " $ALL_CONFIGS " in
	*" $c "*) ;;
	*) die "unknown configuration '$c' (known: $ALL_CONFIGS)" ;;
	esac
done

for m in veth bridge bonding team team_mode_activebackup; do
	modprobe "$m" || die "cannot load module $m"
done
if [ ! -d /sys/module/etrunk ]; then
	insmod "$ETRUNK_KO" || die "cannot load $ETRUNK_KO (built it?)"
fi
[ -e "$IP_LIB_DIR/link_etrunk.so" ] ||
	die "iproute2 plugin not built (make -C tools/ip)"
[ -x "$ETRUNKCTL" ] || die "etrunkctl not built (make -C tools/etrunkctl)"

TMP=$(mktemp -d)
NAMESPACES=()
TEAMD_PIDS=()
RECV_PID=
# shellcheck disable=SC2317 # called by the trap
cleanup()
{
	local p ns

	[ -n "$RECV_PID" ] && kill "$RECV_PID" 2>/dev/null
	for p in "${TEAMD_PIDS[@]}"; do
		kill "$p" 2>/dev/null
		# Its netlink socket keeps the namespace until it is gone.
		for _ in $(seq 50); do
			kill -0 "$p" 2>/dev/null || break
			sleep 0.1
		done
	done
	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	# shellcheck disable=SC2086
	[ -n "$OLD_SYSCTLS" ] && sysctl -qw $OLD_SYSCTLS
	rm -rf "$TMP"
}
OLD_SYSCTLS=
trap cleanup EXIT

# The helper, built once into the checkout's cache (compiling takes a
# while under emulation).
HELPER=$REPO_DIR/.cache/bench/failover_udp
if [ ! -x "$HELPER" ] || [ "$BENCH_DIR/failover_udp.c" -nt "$HELPER" ]; then
	if ! mkdir -p "${HELPER%/*}" ||
		! cc -O2 -Wall -Wextra -Werror -o "$HELPER.new" "$BENCH_DIR/failover_udp.c" ||
		! mv "$HELPER.new" "$HELPER"; then
		die "cannot build bench/failover_udp.c"
	fi
fi

# No IPv6 in any namespace: no neighbour discovery, router solicitation or
# MLD of its own on any device (in the bridge set-ups, anything the trunk
# host sends would teach the switch the new path). New namespaces take
# these from the initial one (devconf_inherit_init_net 1); the old values
# come back at the end.
SYSCTLS="net.core.devconf_inherit_init_net net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.default.disable_ipv6"
OLD_SYSCTLS=
for k in $SYSCTLS; do
	OLD_SYSCTLS+="$k=$(sysctl -n "$k") "
done
sysctl -qw net.core.devconf_inherit_init_net=1 \
	net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 ||
	die "cannot disable IPv6 for new namespaces"

# ---------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------

declare -A NAME SNS RNS DST TRUNK W FLUSH
TEAM_A0='' TEAM_A1=''

NAME[etrunk]="etrunk mode backup"
NAME[bond100]="bonding active-backup miimon 100"
NAME[bond10]="bonding active-backup miimon 10"
NAME[team]="team activebackup (teamd, ethtool)"
NAME[br-flush]="etrunk, bridge, flush 3 + flush-rx"
NAME[br-noflush]="etrunk, bridge, flush_count 0"

new_ns()	# VAR TAG
{
	local ns="fo-$2-$$"

	ip netns add "$ns" || return 1
	NAMESPACES+=("$ns")
	printf -v "$1" %s "$ns"
	# A kernel that does not copy them: set them in each namespace.
	if [ -z "$IPV6_CHECKED" ]; then
		IPV6_CHECKED=1
		[ "$(ip netns exec "$ns" sysctl -n net.ipv6.conf.default.disable_ipv6)" = 1 ] ||
			IPV6_PER_NS=1
	fi
	[ -z "$IPV6_PER_NS" ] || ip netns exec "$ns" sysctl -qw \
		net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}
IPV6_CHECKED='' IPV6_PER_NS=''

# The direct topology: S (trunk host) and R (receiver); veths a0, a1 in S
# (down, to be enslaved by the caller), their peers b0, b1 ports of R's
# bridge br0, which has 192.0.2.2 and a fixed MAC.
direct_topology()	# CONFIG
{
	local c=$1 s r

	new_ns s "$c-s" && new_ns r "$c-r" || return 1
	SNS[$c]=$s RNS[$c]=$r DST[$c]=192.0.2.2 TRUNK[$c]=$s
	ip -n "$s" -batch - <<-EOF || return 1
		link set lo up
		link add a0 type veth peer name b0 netns $r
		link add a1 type veth peer name b1 netns $r
	EOF
	ip -n "$r" -batch - <<-EOF
		link set lo up
		link add br0 address 02:00:00:00:02:02 type bridge
		link set b0 master br0
		link set b1 master br0
		link set b0 up
		link set b1 up
		link set br0 up
		addr add 192.0.2.2/24 dev br0
	EOF
}

# Once the aggregate AGG has its members: address, up, and static
# neighbours, so that neither side ever sends ARP.
direct_finish()	# CONFIG AGG
{
	local s=${SNS[$1]} r=${RNS[$1]} mac

	ip -n "$s" -batch - <<-EOF || return 1
		addr add 192.0.2.1/24 dev $2
		link set $2 up
		neigh replace 192.0.2.2 lladdr 02:00:00:00:02:02 dev $2 nud permanent
	EOF
	mac=$(ip -n "$s" -br link show dev "$2" | awk '{ print $3 }')
	ip -n "$r" neigh replace 192.0.2.1 lladdr "$mac" dev br0 nud permanent
}

setup_etrunk()
{
	local c=etrunk

	direct_topology "$c" || return 1
	ip -n "${SNS[$c]}" -batch - <<-EOF || return 1
		link add et0 type etrunk mode backup
		link set a0 master et0
		link set a1 master et0
	EOF
	ip netns exec "${SNS[$c]}" "$ETRUNKCTL" member set a0 master on &&
		direct_finish "$c" et0
}

setup_bond()	# CONFIG MIIMON
{
	local c=$1

	direct_topology "$c" || return 1
	ip -n "${SNS[$c]}" -batch - <<-EOF || return 1
		link add bond0 type bond mode active-backup miimon $2
		link set a0 master bond0
		link set a1 master bond0
		link set bond0 type bond primary a0
	EOF
	direct_finish "$c" bond0
}

setup_team()
{
	local c=team s conf

	command -v teamd >/dev/null ||
		{ echo "no teamd (apt-get install libteam-utils)" >&2; return 1; }
	direct_topology "$c" || return 1
	s=${SNS[$c]}
	conf='{"device":"team0","runner":{"name":"activebackup"},'
	conf+='"link_watch":{"name":"ethtool"},'
	conf+='"ports":{"a0":{"prio":10},"a1":{"prio":0}}}'
	mkdir -p /run/teamd
	ip netns exec "$s" teamd -d -u -p "$TMP/teamd.pid" -t team0 -c "$conf" \
		>"$TMP/teamd.log" 2>&1 || { cat "$TMP/teamd.log" >&2; return 1; }
	TEAMD_PIDS+=("$(cat "$TMP/teamd.pid")")
	for _ in $(seq 50); do
		[ "$(ip netns exec "$s" teamnl team0 ports 2>/dev/null | wc -l)" = 2 ] &&
			break
		sleep 0.2
	done
	[ "$(ip netns exec "$s" teamnl team0 ports 2>/dev/null | wc -l)" = 2 ] ||
		{ echo "teamd did not add both ports" >&2; return 1; }
	TEAM_A0=$(ip netns exec "$s" cat /sys/class/net/a0/ifindex)
	TEAM_A1=$(ip netns exec "$s" cat /sys/class/net/a1/ifindex)
	direct_finish "$c" team0
}

# T (et0 over a0, a1) -- W (br0: p0, p1, ph) -- H (h0). H sends to T.
setup_bridge()	# CONFIG FLUSH_COUNT
{
	local c=$1 t w h

	new_ns t "$c-t" && new_ns w "$c-w" && new_ns h "$c-h" || return 1
	SNS[$c]=$h RNS[$c]=$t DST[$c]=192.0.2.1 TRUNK[$c]=$t W[$c]=$w FLUSH[$c]=$2
	ip -n "$t" -batch - <<-EOF || return 1
		link set lo up
		link add et0 address 02:00:00:00:01:01 type etrunk mode backup grat_arp 0 flush_count $2
		link add a0 type veth peer name p0 netns $w
		link add a1 type veth peer name p1 netns $w
		link set a0 master et0
		link set a1 master et0
	EOF
	ip -n "$h" -batch - <<-EOF || return 1
		link set lo up
		link add h0 address 02:00:00:00:01:02 type veth peer name ph netns $w
	EOF
	ip -n "$w" -batch - <<-EOF || return 1
		link set lo up
		link add br0 type bridge
		link set p0 master br0
		link set p1 master br0
		link set ph master br0
		link set p0 up
		link set p1 up
		link set ph up
		link set br0 up
	EOF
	ip netns exec "$t" "$ETRUNKCTL" member set a0 master on || return 1
	if [ "$2" != 0 ]; then
		ip netns exec "$w" "$ETRUNKCTL" flush-receive p0 on &&
			ip netns exec "$w" "$ETRUNKCTL" flush-receive p1 on || return 1
	fi
	ip -n "$t" -batch - <<-EOF || return 1
		addr add 192.0.2.1/24 dev et0
		link set et0 up
		neigh replace 192.0.2.2 lladdr 02:00:00:00:01:02 dev et0 nud permanent
	EOF
	ip -n "$h" -batch - <<-EOF
		addr add 192.0.2.2/24 dev h0
		link set h0 up
		neigh replace 192.0.2.1 lladdr 02:00:00:00:01:01 dev h0 nud permanent
	EOF
}

setup()		# CONFIG
{
	case $1 in
	etrunk)		setup_etrunk ;;
	bond100)	setup_bond "$1" 100 ;;
	bond10)		setup_bond "$1" 10 ;;
	team)		setup_team ;;
	br-flush)	setup_bridge "$1" 3 ;;
	br-noflush)	setup_bridge "$1" 0 ;;
	esac
}

# ---------------------------------------------------------------------
# Master, failure, repair
# ---------------------------------------------------------------------

# active CONFIG: the member that carries the traffic now
active()
{
	local c=$1 ns=${TRUNK[$1]} i

	case $c in
	bond*)
		ip netns exec "$ns" cat /sys/class/net/bond0/bonding/active_slave ;;
	team)
		i=$(ip netns exec "$ns" teamnl team0 getoption activeport 2>/dev/null)
		case $i in
		"$TEAM_A0") echo a0 ;;
		"$TEAM_A1") echo a1 ;;
		esac ;;
	*)
		ip -n "$ns" -d link show dev et0 | awk '$1 == "etrunk" {
			for (i = 2; i < NF; i++) if ($i == "active_member") { print $(i + 1); exit } }' ;;
	esac
}

wait_active()	# CONFIG MEMBER: up to 5 s
{
	for _ in $(seq 50); do
		[ "$(active "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

fail()		# CONFIG
{
	case $1 in
	br-*)	ip netns exec "${TRUNK[$1]}" "$ETRUNKCTL" member set a0 admin down ;;
	*)	ip -n "${RNS[$1]}" link set b0 down ;;
	esac
}

repair()	# CONFIG
{
	case $1 in
	br-*)	ip netns exec "${TRUNK[$1]}" "$ETRUNKCTL" member set a0 admin up ;;
	*)	ip -n "${RNS[$1]}" link set b0 up ;;
	esac
}

# ready CONFIG WHEN: a0 carries the traffic; through the switch, W has
# learned T's MAC on p0 (a0) and nothing else is pending.
ready()
{
	local c=$1 w

	wait_active "$c" a0 || { echo "$c: a0 is not the master ($2)" >&2; return 1; }
	case $c in
	br-*)
		w=${W[$c]}
		# The flush frames of the revert to a0 are over (3 x 10 ms).
		sleep 0.3
		ip -n "$w" link set br0 type bridge fdb_flush || return 1
		ip netns exec "${TRUNK[$c]}" ping -c 1 -W 2 -q 192.0.2.2 >/dev/null ||
			{ echo "$c: T cannot reach H ($2)" >&2; return 1; }
		bridge -n "$w" fdb show dev p0 | grep -q '^02:00:00:00:01:01 ' ||
			{ echo "$c: W has not learned T's MAC on p0 ($2)" >&2; return 1; }
		;;
	esac
}

# ---------------------------------------------------------------------
# One run
# ---------------------------------------------------------------------

a1_tx()		# CONFIG: a1's tx_packets
{
	ip netns exec "${TRUNK[$1]}" cat /sys/class/net/a1/statistics/tx_packets
}

# run CONFIG: one stream with a failure; sets GAP_US, OUTAGE_US, RECOVERED
# and NOTE. Returns 1 if the run could not be made.
run()
{
	local c=$1 sender after sent errors late_max late_end received last
	local hole_len hole_us drops trail lost tx
	LATE_MS=0

	NOTE=
	ready "$c" "before the run" || return 1
	# What T sends on a1 during the run: flush_count frames, nothing else.
	[ -z "${W[$c]:-}" ] || tx=$(a1_tx "$c")
	rm -f "$TMP/ready"
	ip netns exec "${RNS[$c]}" "$HELPER" recv "$PORT" "$TMP/ready" >"$TMP/recv.out" &
	RECV_PID=$!
	for _ in $(seq 100); do
		[ -s "$TMP/ready" ] && break
		sleep 0.1
	done
	[ -s "$TMP/ready" ] || { echo "$c: the receiver did not start" >&2; return 1; }

	ip netns exec "${SNS[$c]}" "$HELPER" send "${DST[$c]}" "$PORT" "$BENCH_RATE" \
		"$STREAM_MS" >"$TMP/send.out" &
	sender=$!
	sleep "$BENCH_FAIL_AT"
	fail "$c" || NOTE+="the failure command failed; "
	wait "$sender" || { echo "$c: the sender failed" >&2; return 1; }
	# The receiver takes what is still on its way, then reports.
	kill -TERM "$RECV_PID"
	wait "$RECV_PID"
	RECV_PID=
	if [ -n "${W[$c]:-}" ]; then
		tx=$(($(a1_tx "$c") - tx))
		[ "$tx" = "${FLUSH[$c]}" ] || NOTE+="T sent $tx frames on a1; "
	fi
	after=$(active "$c")
	[ "$after" = a1 ] || NOTE+="master after the failure: '${after:-none}'; "
	repair "$c" || NOTE+="the repair command failed; "

	read -r _ sent _ errors _ late_max _ late_end <"$TMP/send.out"
	read -r _ received _ last _ _ _ hole_len _ hole_us _ _ _ drops <"$TMP/recv.out"
	if [ -z "${late_end:-}" ] || [ -z "${drops:-}" ]; then
		echo "$c: no result from the sender or the receiver" >&2
		return 1
	fi
	[ "$received" -gt 0 ] || { echo "$c: nothing arrived" >&2; return 1; }
	lost=$((sent - received))
	GAP_US=$((lost * 1000000 / BENCH_RATE))
	# The datagrams after the last one received: none if it recovered.
	trail=$((sent - 1 - last))
	RECOVERED=1
	[ $((trail * 1000 / BENCH_RATE)) -lt "$TAIL_MS" ] || RECOVERED=0
	OUTAGE_US=$hole_us
	[ "$trail" -le "$hole_len" ] || OUTAGE_US=$((trail * 1000000 / BENCH_RATE))
	[ "$errors" = 0 ] || NOTE+="$errors sends failed; "
	[ "$drops" = 0 ] || NOTE+="$drops dropped by the receiving socket; "
	LATE_MS=$((late_max / 1000))
	return 0
}

# ---------------------------------------------------------------------
# Set up every configuration, then measure round-robin.
# ---------------------------------------------------------------------
CONFIGS=()
BROKEN=0
for c in $BENCH_CONFIGS; do
	if setup "$c" && ready "$c" "after set-up"; then
		CONFIGS+=("$c")
	else
		echo "failover.sh: cannot set up $c" >&2
		BROKEN=1
	fi
done
[ ${#CONFIGS[@]} -gt 0 ] || die "no configuration works"

echo "# set up in ${SECONDS}s; kernel $(uname -r), $(nproc) CPUs"
echo "# etrunk: $(modinfo -F srcversion "$ETRUNK_KO" 2>/dev/null || echo '?') ($ETRUNK_KO)"
echo "# stream: $BENCH_RATE datagrams/s for ${BENCH_SECONDS}s, the master fails at ${BENCH_FAIL_AT}s;" \
	"$BENCH_RUNS runs per configuration, round-robin"

declare -A GAPS HOLES UNREC NOTES FAILS LATE LATEMAX
n=${#CONFIGS[@]}
for r in $(seq "$BENCH_RUNS"); do
	line="# run $r/$BENCH_RUNS:"
	for k in $(seq 0 $((n - 1))); do
		c=${CONFIGS[$(((r - 1 + k) % n))]}
		if run "$c"; then
			GAPS[$c]+="$GAP_US "
			HOLES[$c]+="$OUTAGE_US "
			[ "$RECOVERED" = 1 ] || UNREC[$c]=$((${UNREC[$c]:-0} + 1))
			[ -n "$NOTE" ] && NOTES[$c]+="run $r: ${NOTE%; }; "
			if [ "$LATE_MS" -ge 20 ]; then
				LATE[$c]=$((${LATE[$c]:-0} + 1))
				[ "$LATE_MS" -le "${LATEMAX[$c]:-0}" ] || LATEMAX[$c]=$LATE_MS
			fi
			line+=" $c $(ms "$GAP_US")$([ "$RECOVERED" = 1 ] || echo '+')"
		else
			FAILS[$c]=$((${FAILS[$c]:-0} + 1))
			BROKEN=1
			line+=" $c FAILED"
		fi
	done
	echo "$line (${SECONDS}s)"
done

# ---------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------
declare -A MED MEDO CAPPED
echo
printf '%-10s %-36s %11s %9s %9s %9s  %s\n' config "" "median gap" min max \
	"outage" "runs"
for c in "${CONFIGS[@]}"; do
	if [ -z "${GAPS[$c]:-}" ]; then
		printf '%-10s %-36s %11s\n' "$c" "${NAME[$c]}" FAILED
		continue
	fi
	# shellcheck disable=SC2086
	MED[$c]=$(median ${GAPS[$c]})
	# shellcheck disable=SC2086
	read -r lo hi <<<"$(minmax ${GAPS[$c]})"
	hi=${hi:-$lo}
	# shellcheck disable=SC2086
	MEDO[$c]=$(median ${HOLES[$c]})
	# shellcheck disable=SC2086
	runs=$(echo ${GAPS[$c]} | wc -w)
	unrec=${UNREC[$c]:-0}
	# The median run did not recover: the median is a lower bound.
	med="$(ms "${MED[$c]}") ms"
	if [ $((2 * unrec)) -ge "$runs" ]; then
		CAPPED[$c]=1
		med=">= $med"
	fi
	status="$runs ok"
	[ "$unrec" = 0 ] || status+=", $unrec not recovered"
	[ -z "${FAILS[$c]:-}" ] || status+=", ${FAILS[$c]} failed"
	printf '%-10s %-36s %11s %9s %9s %9s  %s\n' "$c" "${NAME[$c]}" "$med" \
		"$(ms "$lo")" "$(ms "$hi")" "$(ms "${MEDO[$c]}")" "$status"
done

echo
printf '%-22s %9s %9s  %-8s %s\n' "ratio of the medians" gap outage target ""
# quotient A B: "n/a" without a B, "<= Q" when B is only a lower bound
quotient()
{
	if [ -z "$1" ] || [ -z "$2" ] || [ "$2" = 0 ]; then
		echo n/a
		return
	fi
	awk -v a="$1" -v b="$2" -v c="${3:-}" 'BEGIN { printf "%s%.3f", c ? "<= " : "", a / b }'
}
ratio()		# A B [TARGET]
{
	local a=$1 b=$2 t=${3:-} g o verdict='' met=''

	[ -n "${MED[$a]:-}" ] && [ -n "${MED[$b]:-}" ] || return 0
	if [ -n "${CAPPED[$a]:-}" ]; then
		g=n/a o=n/a
	else
		g=$(quotient "${MED[$a]}" "${MED[$b]}" "${CAPPED[$b]:-}")
		o=$(quotient "${MEDO[$a]}" "${MEDO[$b]}" "${CAPPED[$b]:-}")
	fi
	if [ -n "$t" ] && [ "$g" != n/a ]; then
		met=$(awk -v v="${g#<= }" -v t="$t" 'BEGIN { print (v <= t) ? "met" : "MISSED" }')
		verdict="<= $t"
	fi
	printf '%-22s %9s %9s  %-8s %s\n' "$a/$b" "$g" "$o" "$verdict" "$met"
}
ratio etrunk bond100 0.1
ratio etrunk bond10
ratio etrunk team
ratio bond10 bond100
ratio team bond100
ratio br-flush br-noflush

echo
echo "# gap: datagrams lost / rate, in ms; median, min and max over the runs"
echo "# (a run's line above: its gap, + if not recovered)."
echo "# outage: median of the time between the sending of the datagrams that"
echo "# arrived just before and just after the longest run of lost ones (the"
echo "# sender's clock: what the gap would be had the sender kept its pace)."
echo "# \">=\": the stream had not recovered ${TAIL_MS} ms before its end; the gap is a"
echo "# lower bound (failure to end of stream)."
for c in "${CONFIGS[@]}"; do
	[ -z "${NOTES[$c]:-}" ] || echo "# $c: ${NOTES[$c]%; }"
done
late=
for c in "${CONFIGS[@]}"; do
	[ -z "${LATE[$c]:-}" ] || late+=" $c ${LATE[$c]} (${LATEMAX[$c]} ms),"
done
if [ -n "$late" ]; then
	echo "# The sender fell 20 ms or more behind its schedule (a stalled guest: a busy"
	echo "# host) in runs of:${late%,}; the gap counts its catch-up bursts, the outage not."
fi
exit $BROKEN
