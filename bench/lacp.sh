#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# LACP benchmark: how fast mode lacp converges, beside bonding 802.3ad,
# and how long a stream is cut when the roles of a dual-homed edge's two
# PEs are swapped. Runs as root where the modules can be loaded, i.e. in
# the test guest:
#
#   scripts/vm.sh --timeout 900 -- bench/lacp.sh     (make bench-lacp)
#
# Convergence: hosts A and B joined by two veth pairs (a0-b0, a1-b1), an
# aggregate on each side over its two, every veth down. The helper
# (bench/lacp_conv.c) sets the four up, one rtnetlink request after the
# other, the clock started just before the first, and polls every
# BENCH_POLL_US until all four distribute at the same time: an etrunk
# member whose state is active (its mux collecting-distributing), a bond
# slave whose 802.3ad actor state has collecting and distributing set.
# Each run has new namespaces, so no protocol state is left over.
#
#   etrunk      etrunk mode lacp, lacp_rate fast, on both sides
#   bonding     bonding mode 802.3ad, lacp_rate fast, miimon BENCH_MIIMON,
#               on both sides
#
# Role swap: the dual-homed edge of selftests/etrunk_lacp_dual.sh. CE has
# a bond (802.3ad, lacp_rate fast, layer3+4) with link c1 to PE1 and c2
# to PE2; each PE an etrunk in mode lacp (one system ID, priority and
# key, port offsets 0 and 100) with the same MAC and address 192.0.2.2.
# One PE is master, the other backup, so the bond sends only to the
# master. CE sends BENCH_RATE UDP datagrams per second to 192.0.2.2, in
# BENCH_FLOWS flows (source ports), so that while both PEs are masters
# the bond's hash puts some flows on each link; BENCH_SWAP_AT seconds in,
# the roles swap as quickly as ip allows (make before break):
# `ip -n BACKUP link set et0 type etrunk lacp_role master` and at once
# `ip -n MASTER ... lacp_role backup`; BENCH_AFTER seconds after that the
# stream stops. One receiver with a socket in each PE's namespace counts
# the stream as one (bench/failover_udp.c). Per run: the gap, the longest
# run of lost datagrams of any one flow, as time (run x flows / rate):
# how long the worst hit flow was cut; and lost / rate over the stream.
# A round swaps to PE2, then back to PE1 (a stream each).
#
# Each measurement runs BENCH_RUNS times, round-robin. The table gives
# the medians, with the ratio etrunk/bonding of the convergence (target
# < 0.1) and the role-swap gap of the worse direction (target < 50 ms).
# Targets are information only: the exit status is 0 unless something
# broke (a set-up failed, a run did not converge or failed).
#
# Environment:
#   BENCH_RUNS=5          runs per measurement
#   BENCH_POLL_US=2000    how often convergence is polled
#   BENCH_MIIMON=100      the bonds' miimon (ms)
#   BENCH_RATE=10000      datagrams per second of the role-swap stream
#   BENCH_FLOWS=8         its flows (1 to 64)
#   BENCH_SWAP_AT=1       seconds into the stream the roles swap
#   BENCH_AFTER=1         seconds the stream goes on after the swap
#   ETRUNK_KO=kmod/etrunk.ko  the module, loaded unless it is loaded

set -u

BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_POLL_US=${BENCH_POLL_US:-2000}
BENCH_MIIMON=${BENCH_MIIMON:-100}
BENCH_RATE=${BENCH_RATE:-10000}
BENCH_FLOWS=${BENCH_FLOWS:-8}
BENCH_SWAP_AT=${BENCH_SWAP_AT:-1}
BENCH_AFTER=${BENCH_AFTER:-1}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
export IP_LIB_DIR="$REPO_DIR/tools/ip"
ETRUNK_KO=${ETRUNK_KO:-$REPO_DIR/kmod/etrunk.ko}
PORT=5000
# Converged within this, or the run failed.
CONV_TIMEOUT_MS=30000
# The most a stream may last: the sender stops BENCH_AFTER after the swap.
STREAM_CAP_MS=60000
SYSID=02:00:00:00:00:aa
GW_MAC=02:00:00:00:02:02
CE_MAC=02:00:00:00:01:01

BENCH_NAME=lacp.sh
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "needs root (run it in the guest: scripts/vm.sh -- bench/lacp.sh)"
for v in BENCH_RUNS BENCH_POLL_US BENCH_MIIMON BENCH_RATE BENCH_FLOWS; do
	case ${!v} in
	"" | *[!0-9]* | 0) die "$v must be a whole number, at least 1" ;;
	esac
done
[ "$BENCH_FLOWS" -le 64 ] || die "BENCH_FLOWS must be at most 64"
for v in "$BENCH_SWAP_AT" "$BENCH_AFTER"; do
	[[ $v =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
		die "BENCH_SWAP_AT and BENCH_AFTER are numbers of seconds"
done
# Long enough after the swap to see the stream come back.
AFTER_MS=$(awk -v s="$BENCH_AFTER" 'BEGIN { printf "%d", s * 1000 }')
[ "$AFTER_MS" -ge 200 ] || die "BENCH_AFTER must be at least 0.2 s"

for m in veth bonding; do
	modprobe "$m" || die "cannot load module $m"
done
if [ ! -d /sys/module/etrunk ]; then
	insmod "$ETRUNK_KO" || die "cannot load $ETRUNK_KO (built it?)"
fi
[ -e "$IP_LIB_DIR/link_etrunk.so" ] ||
	die "iproute2 plugin not built (make -C tools/ip)"
command -v jq >/dev/null || die "jq not installed"

TMP=$(mktemp -d)
NAMESPACES=()
RECV_PID=
SEND_PID=
OLD_SYSCTLS=
# shellcheck disable=SC2317 # called by the trap
cleanup()
{
	local ns

	[ -n "$SEND_PID" ] && kill "$SEND_PID" 2>/dev/null
	[ -n "$RECV_PID" ] && kill "$RECV_PID" 2>/dev/null
	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	# shellcheck disable=SC2086
	[ -n "$OLD_SYSCTLS" ] && sysctl -qw $OLD_SYSCTLS
	rm -rf "$TMP"
}
trap cleanup EXIT

# The helpers, built once into the checkout's cache (compiling takes a
# while under emulation).
build()		# NAME [CFLAGS...]
{
	local bin=$REPO_DIR/.cache/bench/$1 src=$BENCH_DIR/$1.c

	shift
	[ -x "$bin" ] && [ ! "$src" -nt "$bin" ] && return 0
	mkdir -p "${bin%/*}" &&
		cc -O2 -Wall -Wextra -Werror "$@" -o "$bin.new" "$src" &&
		mv "$bin.new" "$bin"
}
build failover_udp || die "cannot build bench/failover_udp.c"
build lacp_conv -I"$REPO_DIR/uapi" || die "cannot build bench/lacp_conv.c"
UDP=$REPO_DIR/.cache/bench/failover_udp
CONV=$REPO_DIR/.cache/bench/lacp_conv

# No IPv6 in any namespace: nothing but LACP and the stream flows. New
# namespaces take these from the initial one (devconf_inherit_init_net
# 1); the old values come back at the end.
no_ipv6_in_new_ns
NS_PREFIX=lb

del_ns()	# NS...
{
	local ns keep=() n

	for ns in "$@"; do
		ip netns del "$ns"
	done
	for n in "${NAMESPACES[@]}"; do
		[[ " $* " == *" $n "* ]] || keep+=("$n")
	done
	NAMESPACES=("${keep[@]}")
}

# A field of the etrunk line of `ip -d link show`: the word after KEY.
link_detail()	# NS DEV KEY
{
	ip -n "$1" -d link show dev "$2" |
		awk -v k="$3" '$1 == "etrunk" || $1 == "etrunk_slave" {
			for (i = 2; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'
}

# ---------------------------------------------------------------------
# Convergence
# ---------------------------------------------------------------------

# conv_side KIND NS X: the aggregate over X0, X1 in NS, its veths down
# again after enslaving (which opens them) so that no carrier comes up
# before the measurement.
conv_side()
{
	local agg

	case $1 in
	etrunk)
		agg=et0
		ip -n "$2" link add et0 type etrunk mode lacp lacp_rate fast \
			hash_policy layer3+4 || return 1 ;;
	bonding)
		agg=bond0
		ip -n "$2" link add bond0 type bond mode 802.3ad lacp_rate fast \
			miimon "$BENCH_MIIMON" xmit_hash_policy layer3+4 || return 1 ;;
	esac
	ip -n "$2" -batch - <<-EOF
		link set ${3}0 master $agg
		link set ${3}1 master $agg
		link set ${3}0 down
		link set ${3}1 down
		link set $agg up
	EOF
}

# conv_run KIND: one convergence from new namespaces; sets CONV_US, UP_US
# and DEVS. Returns 1 if the run could not be made or did not converge.
conv_run()
{
	local kind=$1 a b out rc=0

	new_ns a "cv-a" && new_ns b "cv-b" || return 1
	if ! ip -n "$a" link add a0 type veth peer name b0 netns "$b" ||
		! ip -n "$a" link add a1 type veth peer name b1 netns "$b" ||
		! conv_side "$kind" "$a" a || ! conv_side "$kind" "$b" b; then
		echo "$kind: cannot set up the convergence run" >&2
		del_ns "$a" "$b"
		return 1
	fi
	if out=$("$CONV" -i "$BENCH_POLL_US" -t $CONV_TIMEOUT_MS "$a:a0,a1" "$b:b0,b1"); then
		read -r _ UP_US _ CONV_US _ <<<"$out"
		# When each member was first seen distributing, in ms.
		DEVS=$(awk '$1 == "dev" { sub(/.*:/, "", $2); printf " %s %.1f", $2, $4 / 1000 }' <<<"$out")
	else
		echo "$kind: no convergence within $CONV_TIMEOUT_MS ms" >&2
		rc=1
	fi
	del_ns "$a" "$b"
	return $rc
}

# ---------------------------------------------------------------------
# Role swap on the dual-homed edge
# ---------------------------------------------------------------------
declare -A PE
setup_edge()
{
	local i ns

	new_ns NS_CE ce && new_ns PE[1] pe1 && new_ns PE[2] pe2 || return 1
	ip -n "$NS_CE" link add c1 type veth peer name p1 netns "${PE[1]}" &&
		ip -n "$NS_CE" link add c2 type veth peer name p2 netns "${PE[2]}" ||
		return 1
	for i in 1 2; do
		ns=${PE[$i]}
		# PE1 starts as the master, PE2 as the backup.
		ip -n "$ns" link add et0 address $GW_MAC type etrunk mode lacp \
			lacp_rate fast system_id $SYSID system_priority 100 \
			actor_key 7 port_offset $(((i - 1) * 100)) \
			lacp_role "$([ $i = 1 ] && echo master || echo backup)" ||
			return 1
		ip -n "$ns" -batch - <<-EOF || return 1
			link set p$i master et0
			addr add 192.0.2.2/24 dev et0
			link set et0 up
			neigh replace 192.0.2.1 lladdr $CE_MAC dev et0 nud permanent
		EOF
	done
	ip -n "$NS_CE" -batch - <<-EOF
		link add bond0 address $CE_MAC type bond mode 802.3ad lacp_rate fast miimon $BENCH_MIIMON xmit_hash_policy layer3+4
		link set c1 master bond0
		link set c2 master bond0
		addr add 192.0.2.1/24 dev bond0
		link set bond0 up
		neigh replace 192.0.2.2 lladdr $GW_MAC dev bond0 nud permanent
	EOF
}

# The bond's 802.3ad actor state on SLAVE: 0x30 while it distributes.
bond_actor()
{
	ip -n "$NS_CE" -j -d link show dev "$1" |
		jq -r '.[0].linkinfo.info_slave_data.ad_actor_oper_port_state // 0'
}

# edge_is MASTER BACKUP: PE MASTER's member active, BACKUP's standing by
# for its role, and the bond distributing to MASTER only.
edge_is()
{
	[ "$(link_detail "${PE[$1]}" "p$1" state)" = active ] &&
		[ "$(link_detail "${PE[$2]}" "p$2" reason)" = lacp-role ] &&
		[ $(($(bond_actor "c$1") & 0x30)) = $((0x30)) ] &&
		[ $(($(bond_actor "c$2") & 0x30)) = 0 ]
}

MASTER=1
BACKUP=2

# swap_run: one stream during which BACKUP and MASTER swap roles; sets
# GAP_US, LOST_US, OUTAGE_US, CMD_US, RECOVERED and NOTE. Returns 1 if
# the run could not be made.
swap_run()
{
	local new=$BACKUP old=$MASTER sent errors late_max late_end received last
	local drops lost t0 t1 got_old got_new flows hole_len hole_us

	NOTE=
	edge_is $old $new ||
		{ echo "swap: PE$old is not the only master before the run" >&2; return 1; }
	rm -f "$TMP/ready"
	"$UDP" recv $PORT "$TMP/ready" "${PE[1]}" "${PE[2]}" >"$TMP/recv.out" &
	RECV_PID=$!
	for _ in $(seq 100); do
		[ -s "$TMP/ready" ] && break
		sleep 0.1
	done
	[ -s "$TMP/ready" ] || { echo "swap: the receiver did not start" >&2; return 1; }
	ip netns exec "$NS_CE" "$UDP" send 192.0.2.2 $PORT "$BENCH_RATE" $STREAM_CAP_MS \
		"$BENCH_FLOWS" >"$TMP/send.out" &
	SEND_PID=$!
	sleep "$BENCH_SWAP_AT"
	t0=$EPOCHREALTIME
	ip -n "${PE[$new]}" link set et0 type etrunk lacp_role master ||
		NOTE+="setting PE$new master failed; "
	ip -n "${PE[$old]}" link set et0 type etrunk lacp_role backup ||
		NOTE+="setting PE$old backup failed; "
	t1=$EPOCHREALTIME
	MASTER=$new BACKUP=$old
	sleep "$BENCH_AFTER"
	kill -TERM "$SEND_PID"
	wait "$SEND_PID" || { SEND_PID=; echo "swap: the sender failed" >&2; return 1; }
	SEND_PID=
	# The receiver takes what is still on its way, then reports.
	kill -TERM "$RECV_PID"
	wait "$RECV_PID"
	RECV_PID=
	CMD_US=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000000 }')

	read -r _ sent _ errors _ late_max _ late_end <"$TMP/send.out"
	read -r _ received _ last _ _ _ _ _ _ _ _ _ drops <<<"$(head -n1 "$TMP/recv.out")"
	read -r _ flows _ _ _ hole_len _ hole_us <<<"$(grep '^flows ' "$TMP/recv.out")"
	[ "$BENCH_FLOWS" != 1 ] || read -r _ _ _ _ _ _ _ hole_len _ hole_us _ <<<"$(head -n1 "$TMP/recv.out")"
	if [ -z "${late_end:-}" ] || [ -z "${drops:-}" ] || [ -z "${hole_us:-}" ]; then
		echo "swap: no result from the sender or the receiver" >&2
		return 1
	fi
	[ "$received" -gt 0 ] || { echo "swap: nothing arrived" >&2; return 1; }
	[ "$BENCH_FLOWS" = 1 ] || [ "$flows" = "$BENCH_FLOWS" ] ||
		NOTE+="the receiver saw $flows flows; "
	got_old=$(awk -v ns="${PE[$old]}" '$1 == "netns" && $2 == ns { print $4 }' "$TMP/recv.out")
	got_new=$(awk -v ns="${PE[$new]}" '$1 == "netns" && $2 == ns { print $4 }' "$TMP/recv.out")
	[ "${got_new:-0}" -gt 0 ] || NOTE+="nothing arrived at PE$new; "
	lost=$((sent - received))
	LOST_US=$((lost * 1000000 / BENCH_RATE))
	GAP_US=$((hole_len * BENCH_FLOWS * 1000000 / BENCH_RATE))
	OUTAGE_US=$hole_us
	# A run at an end: the worst flow had not recovered by the last
	# datagram received (none is lost at the start: the stream is
	# established before the swap).
	RECOVERED=1
	[ "$hole_len" = 0 ] || [ "$hole_us" != 0 ] || RECOVERED=0
	# The whole stream: what came after the last datagram received.
	[ $(((sent - 1 - last) * 1000 / BENCH_RATE)) -lt 100 ] || RECOVERED=0
	[ "$errors" = 0 ] || NOTE+="$errors sends failed; "
	[ "$drops" = 0 ] || NOTE+="$drops dropped by the receiving sockets; "
	[ $((late_max / 1000)) -lt 20 ] || NOTE+="the sender was $((late_max / 1000)) ms late; "
	echo "#   swap to PE$new: PE$old got ${got_old:-?}, PE$new ${got_new:-?}; lost $lost" \
		"($(ms "$LOST_US") ms); worst flow $(ms "$GAP_US") ms; ip took $(ms "$CMD_US") ms"
	# The new roles settle before the next run.
	wait_until 10 edge_is $new $old ||
		{ echo "swap: PE$new did not become the only master" >&2; return 1; }
	return 0
}

# set_roles: back to MASTER master and BACKUP backup, after a failed run.
set_roles()
{
	ip -n "${PE[$MASTER]}" link set et0 type etrunk lacp_role master &&
		ip -n "${PE[$BACKUP]}" link set et0 type etrunk lacp_role backup &&
		wait_until 10 edge_is $MASTER $BACKUP
}

# ---------------------------------------------------------------------
# Set up, then measure round-robin.
# ---------------------------------------------------------------------
BROKEN=0
EDGE=1
if ! setup_edge || ! wait_until 30 edge_is 1 2; then
	echo "lacp.sh: cannot set up the dual-homed edge (PE1 master, PE2 backup)" >&2
	EDGE=
	BROKEN=1
fi

echo "# set up in ${SECONDS}s; kernel $(uname -r), $(nproc) CPUs"
echo "# etrunk: $(modinfo -F srcversion "$ETRUNK_KO" 2>/dev/null || echo '?') ($ETRUNK_KO)"
echo "# convergence polled every $BENCH_POLL_US us, bonds with miimon $BENCH_MIIMON;" \
	"role swaps: $BENCH_RATE datagrams/s in $BENCH_FLOWS flows, the roles swap at" \
	"${BENCH_SWAP_AT}s, the stream ends ${BENCH_AFTER}s later; $BENCH_RUNS runs each, round-robin"

# A round: both convergences and a swap each way (to PE2, back to PE1).
MEASURES=(etrunk bonding)
[ -z "$EDGE" ] || MEASURES+=(swap)
declare -A VALS LOSTS OUTS FAILS NOTES UNREC CMDS UPS
n=${#MEASURES[@]}
for r in $(seq "$BENCH_RUNS"); do
	line="# run $r/$BENCH_RUNS:"
	for k in $(seq 0 $((n - 1))); do
		c=${MEASURES[$(((r - 1 + k) % n))]}
		if [ "$c" != swap ]; then
			if conv_run "$c"; then
				VALS[$c]+="$CONV_US "
				UPS[$c]+="$UP_US "
				line+=" $c $(ms "$CONV_US")"
				echo "#   $c: first distributing at (ms)$DEVS"
			else
				FAILS[$c]=$((${FAILS[$c]:-0} + 1))
				BROKEN=1
				line+=" $c FAILED"
			fi
			continue
		fi
		for _ in 1 2; do
			c=to-pe$BACKUP
			if swap_run; then
				VALS[$c]+="$GAP_US "
				LOSTS[$c]+="$LOST_US "
				OUTS[$c]+="$OUTAGE_US "
				CMDS[swap]+="$CMD_US "
				[ "$RECOVERED" = 1 ] || UNREC[$c]=$((${UNREC[$c]:-0} + 1))
				[ -z "$NOTE" ] || NOTES[$c]+="run $r: ${NOTE%; }; "
				line+=" $c $(ms "$GAP_US")$([ "$RECOVERED" = 1 ] || echo +)"
			else
				FAILS[$c]=$((${FAILS[$c]:-0} + 1))
				BROKEN=1
				line+=" $c FAILED"
				if [ -n "$RECV_PID" ]; then
					kill "$RECV_PID"
					wait "$RECV_PID"
					RECV_PID=
				fi
				# Back to a known state for the next one.
				if ! set_roles; then
					echo "lacp.sh: the dual-homed edge does not recover" >&2
					break 2
				fi
			fi
		done
	done
	echo "$line (${SECONDS}s)"
done

# ---------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------
declare -A NAME MED
NAME[etrunk]="convergence: etrunk mode lacp"
NAME[bonding]="convergence: bonding 802.3ad"
NAME[to-pe2]="role swap PE1 -> PE2: gap"
NAME[to-pe1]="role swap PE2 -> PE1: gap"
ROWS="etrunk bonding"
[ -z "$EDGE" ] || ROWS+=" to-pe2 to-pe1"

echo
printf '%-8s %-28s %10s %9s %9s %9s  %s\n' "" "" median min max "lost/rate" runs
for c in $ROWS; do
	if [ -z "${VALS[$c]:-}" ]; then
		printf '%-8s %-28s %10s\n' "$c" "${NAME[$c]}" FAILED
		continue
	fi
	# shellcheck disable=SC2086
	MED[$c]=$(median ${VALS[$c]})
	# shellcheck disable=SC2086
	read -r lo hi <<<"$(minmax ${VALS[$c]})"
	hi=${hi:-$lo}
	# shellcheck disable=SC2086
	runs=$(echo ${VALS[$c]} | wc -w)
	status="$runs ok"
	[ -z "${UNREC[$c]:-}" ] || status+=", ${UNREC[$c]} not recovered"
	[ -z "${FAILS[$c]:-}" ] || status+=", ${FAILS[$c]} failed"
	lost=
	# shellcheck disable=SC2086
	[ -z "${LOSTS[$c]:-}" ] || lost=$(ms "$(median ${LOSTS[$c]})")
	printf '%-8s %-28s %10s %9s %9s %9s  %s\n' "$c" "${NAME[$c]}" \
		"$(ms "${MED[$c]}") ms" "$(ms "$lo")" "$(ms "$hi")" "$lost" "$status"
done

verdict()	# VALUE TARGET: met if VALUE < TARGET
{
	awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "met" : "MISSED" }'
}
echo
printf '%-40s %9s  %-8s %s\n' "" value target ""
if [ -n "${MED[etrunk]:-}" ] && [ -n "${MED[bonding]:-}" ] && [ "${MED[bonding]}" != 0 ]; then
	q=$(awk -v a="${MED[etrunk]}" -v b="${MED[bonding]}" 'BEGIN { printf "%.3f", a / b }')
	printf '%-40s %9s  %-8s %s\n' "convergence etrunk/bonding" "$q" "< 0.1" \
		"$(verdict "$q" 0.1)"
fi
# The swap's figure: the worse direction.
worst=
for c in to-pe2 to-pe1; do
	v=${MED[$c]:-}
	[ -n "$v" ] || continue
	{ [ -n "$worst" ] && [ "$v" -le "$worst" ]; } || worst=$v
done
if [ -n "$worst" ]; then
	g=$(ms "$worst")
	printf '%-40s %9s  %-8s %s\n' "role swap gap, worse direction (ms)" "$g" "< 50" \
		"$(verdict "$g" 50)"
fi

echo
# shellcheck disable=SC2086
up=$(median ${UPS[etrunk]:-} ${UPS[bonding]:-})
echo "# convergence: from the first of the four veths set up to the first poll"
echo "# that finds all four distributing (both ends, both links); median, min"
echo "# and max over the runs. Setting the four up took a median of $(ms "${up:-0}") ms."
echo "# role swap gap: the longest run of lost datagrams of any one flow, as time"
echo "# (run x $BENCH_FLOWS flows / rate), in ms; median, min and max over the runs; lost/rate:"
echo "# the median of all datagrams lost / rate. A run's line above: its gap, +"
echo "# if a flow or the stream had not recovered by its end."
for c in to-pe2 to-pe1; do
	# shellcheck disable=SC2086
	[ -z "${OUTS[$c]:-}" ] ||
		echo "# $c: the worst flow's outage (its sender's clock), median $(ms "$(median ${OUTS[$c]})") ms."
done
if [ -n "${CMDS[swap]:-}" ]; then
	# shellcheck disable=SC2086
	echo "# The two ip commands of a swap took a median of $(ms "$(median ${CMDS[swap]})") ms."
fi
for c in to-pe2 to-pe1; do
	[ -z "${NOTES[$c]:-}" ] || echo "# $c: ${NOTES[$c]%; }"
done
exit $BROKEN
