#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# E-Trunk benchmark: how long a CE's traffic is cut when the master PE of
# a multi-chassis trunk fails, etrunk + etrunkd (hello 100 ms x 3, and
# with the group bound to BFD at 10 ms x 3) beside the same failure on a
# bond whose partner simply disappears. Runs as root
# where the modules can be loaded, i.e. in the test guest:
#
#   scripts/vm.sh --timeout 1200 -- bench/etrunkd.sh  (make bench-etrunkd)
#
# The edge: CE has a bond (802.3ad, lacp_rate fast, layer3+4, miimon
# BENCH_MIIMON) with link c1 to PE1 and c2 to PE2. Both PEs answer to
# 192.0.2.2 with the same MAC. Set-ups:
#
#   etrunk   each PE an etrunk in mode lacp (lacp_rate fast) with one LACP
#            system ID and key, bound to E-Trunk group 1 (priorities 100
#            and 200, hello BENCH_HELLO ms, hold multiplier BENCH_HOLD,
#            revert delay 600 s) over a peer link l1-l2; etrunkd in each
#            PE elects PE1 master. The CE sees one partner, one
#            aggregator; PE2's link stands by (LACP role backup).
#   etrunk-bfd  etrunk, and the group bound to BFD (e-trunk set 1 bfd on
#            bfd-min-tx/-rx BENCH_BFD_MS bfd-multiplier BENCH_BFD_MULT),
#            a session over the peer link; etrunkd -r (SCHED_FIFO,
#            mlockall) in each PE. PE2 takes master when the session
#            goes Down, before the hold time.
#   bonding  each PE a plain bond in mode 802.3ad (lacp_rate fast), with
#            its own system MAC and nothing between the PEs. The CE sees
#            two partners, so two aggregators, and uses one: PE1's, which
#            comes up first (c2 is held down until c1 distributes), and
#            ad_select stable keeps it.
#
# CE sends BENCH_RATE UDP datagrams per second to 192.0.2.2 in BENCH_FLOWS
# flows (source ports), counted as one stream by one receiver with a
# socket in each PE (bench/failover_udp.c). Once the roles are settled
# (PE1 master and the CE distributing to c1 only), BENCH_FAIL_AT seconds
# into the stream PE1 fails; BENCH_AFTER seconds later the stream stops.
# Failures:
#
#   power    PE1 dies: its etrunkd is SIGKILLed and, at once, its link to
#            the CE and its peer link go down (the CE's bond and PE2 see
#            the carrier loss).
#   silent   PE1 stops without a carrier change: its etrunkd is SIGKILLed
#            and tc (clsact, a matchall drop) drops every frame on its CE
#            link and its peer link, both ways. The CE only learns from
#            LACP's timeout (3 s at lacp_rate fast).
#
# Per run: the gap, the run of lost datagrams the failure made (the
# longest that ends after it and began within 1 s of it: a stalled guest
# makes holes of its own) as time on
# the sender's clock (from the sending of the datagram received before
# it to that of the one after); the worst flow's longest hole likewise;
# and lost / rate. The stream's gap is when the CE's traffic got through
# again at all; the worst flow's is how long the flow cut longest waited
# (a flow the bond hashes to a link that is dead but not known to be
# waits for LACP's timeout). For etrunk, etrunkd's log on PE2 (monotonic
# ms, the clock the stream's send times are on) shows where the time
# went, from the kill of PE1's daemon: the stream cut at PE1 (its links
# going), PE2's "peer down" (the hold time), PE2's role written to the
# kernel, the first datagram through PE2 (LACP at the CE).
#
# Each of the six measurements runs BENCH_RUNS times, round-robin, each
# run in new namespaces. The table gives medians (min-max), etrunk beside
# bonding, their ratio, and the targets: etrunk's gap below 400 ms,
# etrunk-bfd's below 50 ms.
# Targets are information only: the exit status is 0 unless something
# broke (a set-up did not settle, a run failed).
#
# Environment:
#   BENCH_RUNS=3          runs per measurement (30 to 60 s each under TCG:
#                         3 keeps the whole within 15 minutes)
#   BENCH_RATE=10000      datagrams per second
#   BENCH_FLOWS=8         flows (1 to 64)
#   BENCH_FAIL_AT=1       seconds into the stream PE1 fails
#   BENCH_AFTER=8         seconds the stream goes on after the failure: after
#                         a silent failure the CE's bond reselects only once
#                         c1's partner is defaulted, 3 s (current_while,
#                         lacp_rate fast) + 3 s (expired) after the last
#                         LACPDU
#   BENCH_HELLO=100       etrunkd's hello interval (ms)
#   BENCH_HOLD=3          its hold multiplier
#   BENCH_BFD_MS=10       etrunk-bfd: the BFD session's min tx and rx (ms)
#   BENCH_BFD_MULT=3      its detect multiplier
#   BENCH_MIIMON=100      the bonds' miimon (ms)
#   BENCH_CASES="etrunk-power etrunk-bfd-power bonding-power etrunk-silent
#                etrunk-bfd-silent bonding-silent"
#   ETRUNK_KO=kmod/etrunk.ko  the module, loaded unless it is loaded

set -u

BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_RATE=${BENCH_RATE:-10000}
BENCH_FLOWS=${BENCH_FLOWS:-8}
BENCH_FAIL_AT=${BENCH_FAIL_AT:-1}
BENCH_AFTER=${BENCH_AFTER:-8}
BENCH_HELLO=${BENCH_HELLO:-100}
BENCH_HOLD=${BENCH_HOLD:-3}
BENCH_MIIMON=${BENCH_MIIMON:-100}
BENCH_BFD_MS=${BENCH_BFD_MS:-10}
BENCH_BFD_MULT=${BENCH_BFD_MULT:-3}
ALL_CASES="etrunk-power etrunk-bfd-power bonding-power etrunk-silent etrunk-bfd-silent bonding-silent"
BENCH_CASES=${BENCH_CASES:-$ALL_CASES}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
export IP_LIB_DIR="$REPO_DIR/tools/ip"
ETRUNK_KO=${ETRUNK_KO:-$REPO_DIR/kmod/etrunk.ko}
ETRUNKCTL=$REPO_DIR/tools/etrunkctl/etrunkctl
ETRUNKD=$REPO_DIR/tools/etrunkd/etrunkd
PORT=5000
# The most a stream may last: the script stops it BENCH_AFTER after the
# failure.
STREAM_CAP_MS=120000
# A set-up has settled within this (LACP's aggregate wait alone is 2 s).
SETTLE_S=40
TARGET_MS=400
TARGET_BFD_MS=50
SYSID=02:00:00:00:00:aa
GW_MAC=02:00:00:00:02:02
CE_MAC=02:00:00:00:01:01

BENCH_NAME=etrunkd.sh
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "needs root (run it in the guest: scripts/vm.sh -- bench/etrunkd.sh)"
for v in BENCH_RUNS BENCH_RATE BENCH_FLOWS BENCH_HELLO BENCH_HOLD BENCH_MIIMON \
	BENCH_BFD_MS BENCH_BFD_MULT; do
	case ${!v} in
	"" | *[!0-9]* | 0) die "$v must be a whole number, at least 1" ;;
	esac
done
[ "$BENCH_FLOWS" -le 64 ] || die "BENCH_FLOWS must be at most 64"
for v in "$BENCH_FAIL_AT" "$BENCH_AFTER"; do
	[[ $v =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
		die "BENCH_FAIL_AT and BENCH_AFTER are numbers of seconds"
done
for c in $BENCH_CASES; do
	[[ " $ALL_CASES " == *" $c "* ]] || die "unknown case $c (of: $ALL_CASES)"
done

for m in veth bonding; do
	modprobe "$m" || die "cannot load module $m"
done
if [ ! -d /sys/module/etrunk ]; then
	insmod "$ETRUNK_KO" || die "cannot load $ETRUNK_KO (built it?)"
fi
[ -e "$IP_LIB_DIR/link_etrunk.so" ] ||
	die "iproute2 plugin not built (make -C tools/ip)"
for f in "$ETRUNKCTL" "$ETRUNKD"; do
	[ -x "$f" ] || die "$f not built (make tools)"
done
command -v jq >/dev/null || die "jq not installed"
command -v tc >/dev/null || die "tc not installed"

TMP=$(mktemp -d)
NAMESPACES=()
RECV_PID=
SEND_PID=
FAIL_PID=
DPID=()
OLD_SYSCTLS=
# shellcheck disable=SC2317 # called by the trap
cleanup()
{
	local ns p

	[ -n "$SEND_PID" ] && kill "$SEND_PID" 2>/dev/null
	[ -n "$RECV_PID" ] && kill "$RECV_PID" 2>/dev/null
	[ -n "$FAIL_PID" ] && kill "$FAIL_PID" 2>/dev/null
	for p in "${DPID[@]}"; do
		[ -n "$p" ] && kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	# shellcheck disable=SC2086
	[ -n "$OLD_SYSCTLS" ] && sysctl -qw $OLD_SYSCTLS
	rm -rf "$TMP"
}
trap cleanup EXIT

# The stream's helper, built once into the checkout's cache (compiling
# takes a while under emulation).
UDP=$REPO_DIR/.cache/bench/failover_udp
if [ ! -x "$UDP" ] || [ "$BENCH_DIR/failover_udp.c" -nt "$UDP" ]; then
	if ! mkdir -p "${UDP%/*}" ||
		! cc -O2 -Wall -Wextra -Werror -o "$UDP.new" "$BENCH_DIR/failover_udp.c" ||
		! mv "$UDP.new" "$UDP"; then
		die "cannot build bench/failover_udp.c"
	fi
fi

# Each run's receiver and sender output and etrunkd logs (-d, monotonic
# ms) are kept here, the last benchmark's only.
KEEP=$REPO_DIR/.cache/bench/etrunkd-runs
rm -rf "$KEEP"
mkdir -p "$KEEP" || die "cannot make $KEEP"

# No IPv6 in any namespace: nothing but LACP, the hellos and the stream
# flow. New namespaces take these from the initial one
# (devconf_inherit_init_net 1); the old values come back at the end.
no_ipv6_in_new_ns
NS_PREFIX=eb

del_all_ns()
{
	local ns

	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns"
	done
	NAMESPACES=()
}

# The silent failure drops every frame of a device both ways with tc:
# clsact's hooks run before the etrunk's or bond's receive handler and in
# dev_queue_xmit, so LACPDUs, hellos and the stream all go. matchall if
# the kernel has it, else u32 matching everything.
TC_MATCH=
probe_tc()
{
	local tns m

	new_ns tns tc || return 1
	if ! ip -n "$tns" link add t0 type veth peer name t1 ||
		! tc -n "$tns" qdisc add dev t0 clsact; then
		del_all_ns
		return 1
	fi
	for m in "matchall" "u32 match u32 0 0"; do
		# shellcheck disable=SC2086
		if tc -n "$tns" filter add dev t0 ingress $m action drop 2>/dev/null &&
			tc -n "$tns" filter add dev t0 egress $m action drop 2>/dev/null; then
			TC_MATCH=$m
			break
		fi
	done
	del_all_ns
	[ -n "$TC_MATCH" ]
}
if ! probe_tc; then
	echo "$BENCH_NAME: tc cannot drop with clsact (matchall, u32): no silent failures" >&2
	SILENT_BROKEN=1
else
	SILENT_BROKEN=
fi

# ---------------------------------------------------------------------
# The edge
# ---------------------------------------------------------------------
declare -A PE
ctl() { local n=$1; shift; ip netns exec "${PE[$n]}" "$ETRUNKCTL" "$@"; }

# The bond's 802.3ad view of one of its slaves in NS: FIELD of
# info_slave_data (ad_actor_oper_port_state, ad_aggregator_id).
slave_ad()	# NS DEV FIELD
{
	ip -n "$1" -j -d link show dev "$2" |
		jq -r ".[0].linkinfo.info_slave_data.$3 // 0"
}
# 1 if the CE's bond distributes on DEV (collecting and distributing).
ce_on()		# DEV
{
	echo $((($(slave_ad "$NS_CE" "$1" ad_actor_oper_port_state) & 0x30) == 0x30))
}

ce_bond()
{
	ip -n "$NS_CE" -batch - <<-EOF
		link add bond0 address $CE_MAC type bond mode 802.3ad lacp_rate fast miimon $BENCH_MIIMON xmit_hash_policy layer3+4 ad_select stable
		link set c1 master bond0
		link set c2 master bond0
		addr add 192.0.2.1/24 dev bond0
		link set bond0 up
		neigh replace 192.0.2.2 lladdr $GW_MAC dev bond0 nud permanent
	EOF
}

new_edge()
{
	new_ns NS_CE ce && new_ns PE[1] pe1 && new_ns PE[2] pe2 || return 1
	ip -n "$NS_CE" link add c1 type veth peer name p1 netns "${PE[1]}" &&
		ip -n "$NS_CE" link add c2 type veth peer name p2 netns "${PE[2]}"
}

start_daemon()	# PE [-r]
{
	ip netns exec "${PE[$1]}" "$ETRUNKD" -f -d ${2:+"$2"} -s "$TMP/epoch$1" \
		>"$TMP/etrunkd$1.log" 2>&1 &
	DPID[$1]=$!
}
stop_daemons()
{
	local i

	for i in 1 2; do
		[ -n "${DPID[$i]:-}" ] || continue
		kill "${DPID[$i]}" 2>/dev/null
		wait "${DPID[$i]}" 2>/dev/null
		DPID[i]=
	done
}

setup_etrunk()	# [bfd]
{
	local i ns rt=

	new_edge || return 1
	ip -n "${PE[1]}" link add l1 type veth peer name l2 netns "${PE[2]}" ||
		return 1
	for i in 1 2; do
		ns=${PE[$i]}
		ip -n "$ns" link add et0 address "$GW_MAC" type etrunk mode lacp \
			lacp_rate fast system_id "$SYSID" system_priority 100 \
			actor_key 7 port_offset $(((i - 1) * 100)) \
			hash_policy layer3+4 || return 1
		ip -n "$ns" -batch - <<-EOF || return 1
			link set p$i master et0
			addr add 192.0.2.2/24 dev et0
			link set et0 up
			neigh replace 192.0.2.1 lladdr $CE_MAC dev et0 nud permanent
			addr add 198.51.100.$i/24 dev l$i
			link set l$i up
		EOF
		# Long revert delay: PE1 never takes master back within a run.
		ctl "$i" e-trunk add 1 system-id "02:00:00:00:0e:0$i" \
			source "198.51.100.$i" peer "198.51.100.$((3 - i))" \
			priority $((i * 100)) hello "$BENCH_HELLO" \
			hold-multiplier "$BENCH_HOLD" revert-delay 600 \
			>/dev/null || return 1
		if [ "${1:-}" = bfd ]; then
			ctl "$i" e-trunk set 1 bfd on bfd-min-tx "$BENCH_BFD_MS" \
				bfd-min-rx "$BENCH_BFD_MS" \
				bfd-multiplier "$BENCH_BFD_MULT" >/dev/null || return 1
			rt=-r
		fi
		ctl "$i" e-trunk bind et0 group 1 id 10 >/dev/null || return 1
	done
	ce_bond || return 1
	start_daemon 1 $rt
	start_daemon 2 $rt
}

# The group's BFD session e-trunk-1 as PE's etrunkctl shows it.
# shellcheck disable=SC2317 # called through wait_until
bfd() { ctl "$1" -j bfd show e-trunk-1 | jq -r ".[0] | $2"; }

# group PE JQ: a field of E-Trunk group 1 as PE's etrunkctl shows it.
group() { ctl "$1" -j e-trunk show 1 | jq -r ".[0] | $2"; }
# shellcheck disable=SC2317 # called by wait_until
etrunk_settled()
{
	[ "$(group 1 '.trunks[0].role')" = master ] &&
		[ "$(group 2 '.trunks[0].role')" = backup ] &&
		[ "$(group 1 .peer_state)" = up ] &&
		[ "$(group 2 .peer_state)" = up ] &&
		[ "$(ce_on c1) $(ce_on c2)" = "1 0" ]
}
# shellcheck disable=SC2317 # called by wait_until
etrunk_bfd_settled()
{
	etrunk_settled && [ "$(bfd 1 .state) $(bfd 2 .state)" = "up up" ]
}

setup_bonding()
{
	local i

	new_edge || return 1
	for i in 1 2; do
		# Each its own LACP system: the CE sees two partners.
		ip -n "${PE[$i]}" -batch - <<-EOF || return 1
			link add bond0 address $GW_MAC type bond mode 802.3ad lacp_rate fast miimon $BENCH_MIIMON xmit_hash_policy layer3+4 ad_actor_system 02:00:00:00:0b:0$i
			link set p$i master bond0
			addr add 192.0.2.2/24 dev bond0
			link set bond0 up
			neigh replace 192.0.2.1 lladdr $CE_MAC dev bond0 nud permanent
		EOF
	done
	# PE1's aggregator first: c2 is held down (enslaving opened it)
	# until the CE distributes to c1; ad_select stable then keeps it.
	ce_bond && ip -n "$NS_CE" link set c2 down || return 1
	wait_until "$SETTLE_S" ce_on_c1 || return 1
	ip -n "$NS_CE" link set c2 up
}

# shellcheck disable=SC2317 # called by wait_until
ce_on_c1() { [ "$(ce_on c1)" = 1 ]; }

# c1 distributing; c2 in an aggregator of its own, not distributing, its
# partner PE2 attached and in sync. (The CE's bond keeps its own sync off
# on a port of an aggregator that is not the active one, so PE2 waits
# for it: the failover's last step.)
# shellcheck disable=SC2317 # called by wait_until
bonding_settled()
{
	local a1 a2

	a1=$(slave_ad "$NS_CE" c1 ad_aggregator_id)
	a2=$(slave_ad "$NS_CE" c2 ad_aggregator_id)
	[ "$(ce_on c1) $(ce_on c2)" = "1 0" ] && [ "$a1" != "$a2" ] &&
		[ $(($(slave_ad "$NS_CE" c2 ad_partner_oper_port_state) & 0x08)) = 8 ]
}

setup()		# SETUP
{
	case $1 in
	etrunk) setup_etrunk ;;
	etrunk-bfd) setup_etrunk bfd ;;
	bonding) setup_bonding ;;
	esac
}
# shellcheck disable=SC2317 # called by wait_until
settled()	# SETUP
{
	case $1 in
	etrunk) etrunk_settled ;;
	etrunk-bfd) etrunk_bfd_settled ;;
	bonding) bonding_settled ;;
	esac
}

# After the run: has the backup taken over (informational)?
took_over()	# SETUP
{
	[ "$(ce_on c2)" = 1 ] || return 1
	[ "$1" = bonding ] || [ "$(group 2 '.trunks[0].role')" = master ]
}

# shellcheck disable=SC2317 # called by wait_until
rx_some()
{
	[ "$(ip netns exec "${PE[1]}" cat /sys/class/net/p1/statistics/rx_packets)" -gt 1000 ]
}

# PE1's failure is one `ip -batch` (power) or `tc -batch` (silent) in
# PE1's namespace, started before the stream and reading its commands
# from a FIFO: the fork and exec of ip or tc take 100 ms and more under
# TCG, so started at the failure they would set the links down well
# after the daemon died. Firing is then a kill and a write, both bash
# builtins: daemon and links go within a millisecond.
arm()		# SETUP KIND
{
	local devs=p1 d

	[ "$1" != bonding ] && devs="p1 l1"
	FAIL_CMDS=
	for d in $devs; do
		case $2 in
		power) FAIL_CMDS+="link set $d down"$'\n' ;;
		silent)	# The filters need the qdisc; it alone changes nothing.
			tc -n "${PE[1]}" qdisc add dev "$d" clsact || return 1
			FAIL_CMDS+="filter add dev $d ingress $TC_MATCH action drop"$'\n'
			FAIL_CMDS+="filter add dev $d egress $TC_MATCH action drop"$'\n' ;;
		esac
	done
	rm -f "$TMP/fail.fifo"
	mkfifo "$TMP/fail.fifo" || return 1
	case $2 in
	power) ip -n "${PE[1]}" -batch - <"$TMP/fail.fifo" & ;;
	silent) tc -n "${PE[1]}" -batch - <"$TMP/fail.fifo" & ;;
	esac
	FAIL_PID=$!
	# Blocks until the reader has the FIFO open.
	exec 7>"$TMP/fail.fifo"
}
fire()		# SETUP
{
	local rc=0 now=

	# The moment, on CLOCK_MONOTONIC (etrunkd's log and the stream's
	# send times), with builtins only: /proc/timer_list's third line is
	# "now at NS nsecs".
	[ -r /proc/timer_list ] &&
		{ read -r _; read -r _; read -r _ _ now _; } </proc/timer_list
	FIRE_NS='' FIRE_MS=''
	[[ $now =~ ^[0-9]+$ ]] && FIRE_NS=$now FIRE_MS=$((now / 1000000))
	# etrunkd dies first, so no hello announces anything.
	[ "$1" != bonding ] && kill -KILL "${DPID[1]}"
	printf '%s' "$FAIL_CMDS" >&7
	exec 7>&-
	if [ "$1" != bonding ]; then
		# Reaped first and quietly: bash reports a killed job at the
		# next wait.
		wait "${DPID[1]}" 2>/dev/null
		DPID[1]=
	fi
	wait "$FAIL_PID" || rc=1
	FAIL_PID=
	return $rc
}

# Monotonic ms of the first line of LOG after FROM_MS matching RE (etrunkd
# prefixes its lines with [seconds.ms] on CLOCK_MONOTONIC).
log_ms()	# LOG FROM_MS RE
{
	awk -v from="$2" -v re="$3" '
		match($0, /^\[[0-9]+\.[0-9]+\]/) {
			t = substr($0, 2, RLENGTH - 2); split(t, p, ".")
			ms = p[1] * 1000 + p[2]
			if (ms >= from && $0 ~ re) { print ms; exit }
		}' "$1"
}

# run CASE: one run from new namespaces; sets GAP_US, FLOW_US, LOST_US,
# GAP_REC, FLOW_REC (0: not recovered, the value a lower bound), for
# etrunk CUT_MS, DOWN_MS, MASTER_MS, THRU_MS (empty if unknown), and
# NOTE. Returns 1 if the run could not be made.
run()
{
	local setup=${1%-*} kind=${1##*-} sent errors late_max late_end received last
	local drops lost flows hole_len hole_us fhole_len fhole_us before after
	local fail_ms down_ms master_ms got1 got2 tail_us t_start f flaps rc=0

	NOTE='' FIRE_NS='' FIRE_MS=''
	t_start=$SECONDS
	rm -f "$TMP"/*.out "$TMP"/etrunkd?.log
	if ! setup "$setup" || ! wait_until "$SETTLE_S" settled "$setup"; then
		echo "$1: the set-up did not settle (PE1 master, CE on c1 only)" >&2
		# The end of what the daemons said (a role ping-pong can
		# fill thousands of lines); all of it is kept.
		if [ "$setup" != bonding ]; then
			for f in 1 2; do
				echo "#   etrunkd PE$f: $(wc -l <"$TMP/etrunkd$f.log") lines," \
					"$(grep -c ' -> ' "$TMP/etrunkd$f.log") role changes, the last 10:"
				tail -n 10 "$TMP/etrunkd$f.log" | sed "s/^/#   etrunkd PE$f: /"
				cp "$TMP/etrunkd$f.log" "$KEEP/$RUN_TAG.etrunkd$f.log"
			done >&2
		fi
		stop_daemons
		del_all_ns
		return 1
	fi
	SETTLED_S=$((SECONDS - t_start))
	arm "$setup" "$kind" || { echo "$1: cannot prepare the failure" >&2; rc=1; }
	rm -f "$TMP/ready"
	# Not with the FIFO open (7>&-): the failure's reader would never see
	# its end.
	"$UDP" recv $PORT "$TMP/ready" "${PE[1]}" "${PE[2]}" >"$TMP/recv.out" 7>&- &
	RECV_PID=$!
	for _ in $(seq 100); do
		[ -s "$TMP/ready" ] && break
		sleep 0.1
	done
	[ -s "$TMP/ready" ] || { echo "$1: the receiver did not start" >&2; rc=1; }
	if [ $rc = 0 ]; then
		ip netns exec "$NS_CE" "$UDP" send 192.0.2.2 $PORT "$BENCH_RATE" \
			$STREAM_CAP_MS "$BENCH_FLOWS" >"$TMP/send.out" 7>&- &
		SEND_PID=$!
		# BENCH_FAIL_AT from the stream's first datagrams at PE1, not
		# from the sender's start: a busy host can hold the guest
		# back for seconds, and the failure would come first.
		wait_until 30 rx_some 7>&- ||
			{ echo "$1: the stream did not reach PE1" >&2; rc=1; }
		sleep "$BENCH_FAIL_AT" 7>&-
		fire "$setup" || { echo "$1: the failure failed" >&2; rc=1; }
		sleep "$BENCH_AFTER"
		kill -TERM "$SEND_PID"
		wait "$SEND_PID" || { echo "$1: the sender failed" >&2; rc=1; }
		SEND_PID=
	fi
	# A failure prepared but not fired: its reader ends with its input.
	if [ -n "$FAIL_PID" ]; then
		exec 7>&-
		wait "$FAIL_PID"
		FAIL_PID=
	fi
	# The receiver takes what is still on its way, then reports.
	kill -TERM "$RECV_PID"
	wait "$RECV_PID"
	RECV_PID=
	[ $rc = 0 ] && ! took_over "$setup" && NOTE+="PE2 had not taken over at the end; "
	stop_daemons
	# What each run saw, kept for a closer look.
	for f in recv.out send.out etrunkd1.log etrunkd2.log; do
		[ -e "$TMP/$f" ] && cp "$TMP/$f" "$KEEP/$RUN_TAG.$f"
	done
	del_all_ns
	[ $rc = 0 ] || return 1

	read -r _ sent _ errors _ late_max _ late_end <"$TMP/send.out"
	read -r _ received _ last _ _ _ hole_len _ hole_us _ _ _ drops <<<"$(head -n1 "$TMP/recv.out")"
	read -r _ _ before _ after <<<"$(grep '^hole_sent_ns ' "$TMP/recv.out")"
	# The hole the failure made: the longest that ends after it and
	# began within a second of it. Not simply the longest: a stalled
	# guest makes holes of its own, seconds later; nor the first: a
	# sender catching up after a stall overflows a queue, and loses a
	# few datagrams here and there. None: the stream never came back,
	# the tail below says so.
	if [ -n "$FIRE_NS" ]; then
		read -r _ _ _ _ hole_len _ before _ after <<<"$(awk -v t="$FIRE_NS" '
			$1 == "hole" && $9 > t && $7 < t + 1000000000 && $5 > n {
				n = $5; h = $0 }
			END { if (n) print h }' "$TMP/recv.out")"
		if [ -z "${after:-}" ]; then
			hole_len=0 hole_us=0 before=0 after=0
		else
			hole_us=$(((after - before) / 1000))
			[ "$before" != 0 ] || hole_us=0
		fi
	fi
	if [ "$BENCH_FLOWS" = 1 ]; then
		fhole_len=$hole_len fhole_us=$hole_us flows=1
	else
		read -r _ flows _ _ _ fhole_len _ fhole_us <<<"$(grep '^flows ' "$TMP/recv.out")"
	fi
	if [ -z "${late_end:-}" ] || [ -z "${drops:-}" ] || [ -z "${fhole_us:-}" ] ||
		[ -z "${after:-}" ]; then
		echo "$1: no result from the sender or the receiver" >&2
		return 1
	fi
	[ "$received" -gt 0 ] || { echo "$1: nothing arrived" >&2; return 1; }
	[ -n "${hole_us:-}" ] || { echo "$1: no hole from the receiver" >&2; return 1; }
	[ "$flows" = "$BENCH_FLOWS" ] || NOTE+="the receiver saw $flows flows; "
	got1=$(awk -v ns="${PE[1]}" '$1 == "netns" && $2 == ns { print $4 }' "$TMP/recv.out")
	[ "${got1:-0}" -gt 0 ] ||
		{ echo "$1: nothing arrived at PE1 before the failure" >&2; return 1; }
	got2=$(awk -v ns="${PE[2]}" '$1 == "netns" && $2 == ns { print $4 }' "$TMP/recv.out")
	[ "${got2:-0}" -gt 0 ] || NOTE+="nothing arrived at PE2; "
	lost=$((sent - received))
	LOST_US=$((lost * 1000000 / BENCH_RATE))
	# Not recovered: the stream's last 100 ms lost; the gap is then
	# from the failure to the end, a lower bound.
	tail_us=$(((sent - 1 - last) * 1000000 / BENCH_RATE))
	GAP_US=$hole_us GAP_REC=1
	if [ "$tail_us" -ge 100000 ]; then
		GAP_REC=0 GAP_US=$tail_us
	fi
	# The worst flow: a run up to the stream's last datagram received
	# has no hole_us; it goes on into the lost tail, and its length (in
	# that flow's datagrams) plus the tail is a lower bound.
	FLOW_US=$fhole_us FLOW_REC=1
	if [ "$fhole_len" != 0 ] && [ "$fhole_us" = 0 ]; then
		FLOW_REC=0
		FLOW_US=$((fhole_len * flows * 1000000 / BENCH_RATE + tail_us))
	elif [ $GAP_REC = 0 ]; then
		FLOW_REC=0
		[ "$FLOW_US" -ge "$tail_us" ] || FLOW_US=$tail_us
	fi
	[ "$errors" = 0 ] || NOTE+="$errors sends failed; "
	[ "$drops" = 0 ] || NOTE+="$drops dropped by the receiving sockets; "
	[ $((late_max / 1000)) -lt 20 ] || NOTE+="the sender was $((late_max / 1000)) ms late; "

	# Where the time went, for etrunk, from the moment PE1's daemon was
	# killed (or, without /proc/timer_list, the last datagram through
	# PE1): the stream's cut (the last datagram through PE1: the links
	# going), PE2's "peer down" (the hold time, counted from PE1's last
	# hello), PE2's role written (logged once the kernel took it) and
	# the first datagram through PE2 (LACP at the CE).
	CUT_MS='' DOWN_MS='' MASTER_MS='' THRU_MS=''
	if [ "$setup" != bonding ] && [ "$before" != 0 ]; then
		fail_ms=${FIRE_MS:-$((before / 1000000))}
		# A guest stall can make PE2 miss 300 ms of hellos from a live
		# PE1: a false peer down, a short dual master.
		flaps=$(awk -v end="$fail_ms" '
			match($0, /^\[[0-9]+\.[0-9]+\]/) {
				t = substr($0, 2, RLENGTH - 2); split(t, p, ".")
				if (p[1] * 1000 + p[2] < end && / peer .* down/) n++
			} END { print n + 0 }' "$TMP/etrunkd2.log")
		[ "$flaps" = 0 ] || NOTE+="PE2 saw a live PE1 down before the failure ($flaps x); "
		if [ "$setup" = etrunk-bfd ]; then
			# The session's flaps before the failure, at either end.
			flaps=$(cat "$TMP/etrunkd1.log" "$TMP/etrunkd2.log" | awk -v end="$fail_ms" '
				match($0, /^\[[0-9]+\.[0-9]+\]/) {
					t = substr($0, 2, RLENGTH - 2); split(t, p, ".")
					if (p[1] * 1000 + p[2] < end && /bfd e-trunk-1: Up -> /) n++
				} END { print n + 0 }')
			[ "$flaps" = 0 ] || NOTE+="the BFD session left Up before the failure ($flaps x); "
		fi
		down_ms=$(log_ms "$TMP/etrunkd2.log" "$fail_ms" 'peer .* down')
		master_ms=$(log_ms "$TMP/etrunkd2.log" "$fail_ms" '-> master')
		if [ -n "$down_ms" ] && [ -n "$master_ms" ]; then
			CUT_MS=$((before / 1000000 - fail_ms))
			DOWN_MS=$((down_ms - fail_ms))
			MASTER_MS=$((master_ms - fail_ms))
			THRU_MS=$((after / 1000000 - fail_ms))
		fi
	fi
	return 0
}

# ---------------------------------------------------------------------
# Measure round-robin.
# ---------------------------------------------------------------------
read -ra CASES <<<"$BENCH_CASES"
echo "# kernel $(uname -r), $(nproc) CPUs; etrunk $(modinfo -F srcversion "$ETRUNK_KO" 2>/dev/null || echo '?')"
echo "# $BENCH_RATE datagrams/s in $BENCH_FLOWS flows; PE1 fails ${BENCH_FAIL_AT}s in, the stream" \
	"ends ${BENCH_AFTER}s later; etrunkd hello $BENCH_HELLO ms x $BENCH_HOLD; etrunk-bfd: BFD" \
	"$BENCH_BFD_MS ms x $BENCH_BFD_MULT, etrunkd -r; bonds miimon" \
	"$BENCH_MIIMON, lacp_rate fast; silent drop: tc ${TC_MATCH:-(none)}; $BENCH_RUNS runs each, round-robin"

BROKEN=0
declare -A GAPS FLOWV LOSTS FAILS NOTES UNREC CUTS DOWNS MASTERS THRUS
n=${#CASES[@]}
for r in $(seq "$BENCH_RUNS"); do
	for k in $(seq 0 $((n - 1))); do
		c=${CASES[$(((r - 1 + k) % n))]}
		line="# run $r/$BENCH_RUNS $c:"
		if [ "${c#*-}" = silent ] && [ -n "$SILENT_BROKEN" ]; then
			FAILS[$c]=$((${FAILS[$c]:-0} + 1))
			BROKEN=1
			echo "$line FAILED (no tc drop)"
			continue
		fi
		RUN_TAG=$r-$c
		if ! run "$c"; then
			FAILS[$c]=$((${FAILS[$c]:-0} + 1))
			BROKEN=1
			echo "$line FAILED (${SECONDS}s)"
			continue
		fi
		GAPS[$c]+="$GAP_US "
		FLOWV[$c]+="$FLOW_US "
		LOSTS[$c]+="$LOST_US "
		[ "$GAP_REC$FLOW_REC" = 11 ] || UNREC[$c]=$((${UNREC[$c]:-0} + 1))
		line+=" gap $(ms "$GAP_US")$([ "$GAP_REC" = 1 ] || echo +) ms,"
		line+=" worst flow $(ms "$FLOW_US")$([ "$FLOW_REC" = 1 ] || echo +) ms,"
		line+=" lost/rate $(ms "$LOST_US") ms"
		if [ -n "$DOWN_MS" ]; then
			CUTS[$c]+="$CUT_MS " DOWNS[$c]+="$DOWN_MS "
			MASTERS[$c]+="$MASTER_MS " THRUS[$c]+="$THRU_MS "
			line+="; from the kill: cut +$CUT_MS, PE2 peer down +$DOWN_MS,"
			line+=" master +$MASTER_MS, through PE2 +$THRU_MS ms"
		fi
		[ -z "$NOTE" ] || NOTES[$c]+="run $r: ${NOTE%; }; "
		echo "$line (settled in ${SETTLED_S}s; ${SECONDS}s)"
	done
done

# ---------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------
# "MEDIAN (MIN-MAX)" of microsecond values, in ms.
mmm()
{
	local lo hi

	read -r lo hi <<<"$(minmax "$@")"
	printf '%s (%s-%s)' "$(ms "$(median "$@")")" "$(ms "$lo")" "$(ms "${hi:-$lo}")"
}
ratio()		# A B: A / B of the medians, or -
{
	if [ -z "$1" ] || [ -z "$2" ] || [ "$2" = 0 ]; then
		echo -
		return
	fi
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

echo
printf '%-7s %-19s %-28s %-28s %-10s %s\n' failure set-up "gap, ms: median (min-max)" \
	"worst flow, ms" lost/rate runs
for kind in power silent; do
	declare -A MG=() MF=()
	for setup in etrunk etrunk-bfd bonding; do
		c=$setup-$kind
		[[ " ${CASES[*]} " == *" $c "* ]] || continue
		if [ -z "${GAPS[$c]:-}" ]; then
			printf '%-7s %-19s %s\n' "$kind" "$setup" FAILED
			continue
		fi
		# shellcheck disable=SC2086
		{
			MG[$setup]=$(median ${GAPS[$c]})
			MF[$setup]=$(median ${FLOWV[$c]})
			gap=$(mmm ${GAPS[$c]})
			flow=$(mmm ${FLOWV[$c]})
			lost=$(ms "$(median ${LOSTS[$c]})")
			runs=$(echo ${GAPS[$c]} | wc -w)
		}
		status="$runs ok"
		[ -z "${UNREC[$c]:-}" ] || status+=", ${UNREC[$c]} not recovered (+)"
		[ -z "${FAILS[$c]:-}" ] || status+=", ${FAILS[$c]} failed"
		printf '%-7s %-19s %-28s %-28s %-10s %s\n' "$kind" "$setup" "$gap" "$flow" "$lost" "$status"
	done
	for pair in etrunk/bonding etrunk-bfd/bonding etrunk-bfd/etrunk; do
		a=${pair%/*} b=${pair#*/}
		{ [ -n "${MG[$a]:-}" ] && [ -n "${MG[$b]:-}" ]; } || continue
		printf '%-7s %-19s %-28s %-28s\n' "$kind" "$pair" \
			"$(ratio "${MG[$a]:-}" "${MG[$b]:-}")" \
			"$(ratio "${MF[$a]:-}" "${MF[$b]:-}")"
	done
	for setup in etrunk etrunk-bfd; do
		[ -n "${MG[$setup]:-}" ] || continue
		t=$TARGET_MS
		[ $setup = etrunk ] || t=$TARGET_BFD_MS
		v=$(ms "${MG[$setup]}")
		verdict=$(awk -v v="$v" -v t="$t" 'BEGIN { print (v < t) ? "met" : "MISSED" }')
		T_LINES+="# target $kind: $setup gap $v ms < $t ms: $verdict"
		T_LINES+=$'\n'
	done
	unset MG MF
done
echo
printf '%s' "${T_LINES:-}"
echo "# gap: the stream's run of lost datagrams that the failure made, from the"
echo "# sending of the datagram received before it to that of the one after (ms);"
echo "# worst flow: the longest such run of any one flow; + a lower bound (not"
echo "# recovered by the end)."
echo "# etrunk, from the kill of PE1's etrunkd (CLOCK_MONOTONIC; etrunkd's log"
echo "# on PE2): the stream cut at PE1 (its links going), PE2's peer down (hold"
echo "# time $((BENCH_HELLO * BENCH_HOLD)) ms from PE1's last hello), PE2 master (role written), the"
echo "# first datagram through PE2; etrunk-bfd: PE2's peer down is its BFD"
echo "# session's Down ($((BENCH_BFD_MS * BENCH_BFD_MULT)) ms from PE1's last BFD packet); medians:"
for c in etrunk-power etrunk-silent etrunk-bfd-power etrunk-bfd-silent; do
	[ -n "${DOWNS[$c]:-}" ] || continue
	# shellcheck disable=SC2086
	echo "#   $c: cut +$(median ${CUTS[$c]}), peer down +$(median ${DOWNS[$c]})," \
		"master +$(median ${MASTERS[$c]}), through PE2 +$(median ${THRUS[$c]}) ms"
done
for c in "${CASES[@]}"; do
	[ -z "${NOTES[$c]:-}" ] || echo "# $c: ${NOTES[$c]%; }"
done
exit $BROKEN
