#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Transmit benchmark of etrunk against a bare veth, bonding and team, with
# the kernel's packet generator. Runs as root where the modules can be
# loaded, i.e. in the test guest:
#
#   scripts/vm.sh -- bench/pktgen.sh
#
# One pktgen thread (kpktgend_0) sends 64-byte UDP packets (pkt_size 60 +
# FCS), with random source and destination ports, through each of:
#
#   veth      a bare veth (pktgen on the veth itself)
#   etrunk2   etrunk, mode loadbalance, hash_policy layer3+4, 2 veth members
#   bonding   bonding, balance-xor, xmit_hash_policy layer3+4, 2 veth members
#   team      team, loadbalance runner set up by teamd with tx_hash l3+l4
#             (team's kernel mode has no hash of its own: without the BPF
#             hash function teamd loads it sends everything on one port)
#   etrunk16  etrunk as etrunk2, 16 members
#   etrunk64  etrunk as etrunk2, 64 members
#
# Each configuration is measured BENCH_RUNS times for BENCH_SECONDS, the
# configurations interleaved round-robin (each round starting one further
# along) so that drift of the host touches all alike, and the median
# packets per second is reported with the ratios between configurations.
# The targets beside the ratios are information only: the exit status is
# 0 unless something broke (a configuration could not be set up or did
# not transmit).
#
# Every member's peer is up in a sink namespace without addresses and
# IPv6, and the packets' destination MAC is nobody's: the peer drops them
# at once as "other host" (ip_rcv), the same cheap receive for all.
#
# Environment:
#   BENCH_RUNS=5       runs per configuration
#   BENCH_SECONDS=2    length of one run
#   BENCH_WARMUP=1     seconds of an unmeasured first run per configuration
#   BENCH_CONFIGS="veth etrunk2 bonding team etrunk16 etrunk64"  a subset
#   ETRUNK_KO=kmod/etrunk.ko  the module, loaded unless it is loaded

set -u

BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_SECONDS=${BENCH_SECONDS:-2}
BENCH_WARMUP=${BENCH_WARMUP:-1}
ALL_CONFIGS="veth etrunk2 bonding team etrunk16 etrunk64"
BENCH_CONFIGS=${BENCH_CONFIGS:-$ALL_CONFIGS}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
export IP_LIB_DIR="$REPO_DIR/tools/ip"
ETRUNK_KO=${ETRUNK_KO:-$REPO_DIR/kmod/etrunk.ko}

BENCH_NAME=pktgen.sh
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

# ---------------------------------------------------------------------
# Outside: load the modules, make the two namespaces and run the rest of
# this script in the sending one (pktgen and its threads are per
# namespace), then clean up.
# ---------------------------------------------------------------------
if [ -z "${PKTGEN_BENCH_SINK:-}" ]; then
	[ "$(id -u)" = 0 ] || die "needs root (run it in the guest: scripts/vm.sh -- bench/pktgen.sh)"
	case $BENCH_RUNS in
	"" | *[!0-9]* | 0) die "BENCH_RUNS must be a whole number, at least 1" ;;
	esac
	# Seconds may have a fraction (sleep takes it): 0.5, 2.
	for v in "$BENCH_SECONDS" "$BENCH_WARMUP"; do
		[[ $v =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
			die "BENCH_SECONDS and BENCH_WARMUP are numbers of seconds"
	done
	[[ $BENCH_SECONDS =~ [1-9] ]] || die "BENCH_SECONDS must not be 0"
	for c in $BENCH_CONFIGS; do
		case " $ALL_CONFIGS " in
		*" $c "*) ;;
		*) die "unknown configuration '$c' (known: $ALL_CONFIGS)" ;;
		esac
	done
	for m in pktgen veth bonding team team_mode_loadbalance; do
		modprobe "$m" || die "cannot load module $m"
	done
	if [ ! -d /sys/module/etrunk ]; then
		insmod "$ETRUNK_KO" || die "cannot load $ETRUNK_KO (built it?)"
	fi
	[ -e "$IP_LIB_DIR/link_etrunk.so" ] ||
		die "iproute2 plugin not built (make -C tools/ip)"

	src=pgbench-src-$$ sink=pgbench-sink-$$
	cleanup() { ip netns del "$src" 2>/dev/null; ip netns del "$sink" 2>/dev/null; }
	trap cleanup EXIT
	ip netns add "$src" && ip netns add "$sink" || die "cannot add namespaces"
	PKTGEN_BENCH_SINK=$sink ip netns exec "$src" bash "$0" "$@"
	exit $?
fi

# ---------------------------------------------------------------------
# Inside the sending namespace.
# ---------------------------------------------------------------------
SINK=$PKTGEN_BENCH_SINK
PG=/proc/net/pktgen
THREAD=$PG/kpktgend_0
TMP=$(mktemp -d)
TEAMD_PID=

cleanup()
{
	[ -w "$THREAD" ] && echo rem_device_all >"$THREAD" 2>/dev/null
	if [ -n "$TEAMD_PID" ]; then
		kill "$TEAMD_PID" 2>/dev/null
		# Its netlink socket keeps the namespace until it is gone.
		for _ in $(seq 50); do
			kill -0 "$TEAMD_PID" 2>/dev/null || break
			sleep 0.1
		done
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

[ -w "$THREAD" ] || die "no $THREAD (pktgen not loaded?)"

# No IPv6: no neighbour discovery or MLD traffic of its own on any device.
for ns in "" "$SINK"; do
	ip ${ns:+-n "$ns"} link set lo up
	${ns:+ip netns exec "$ns"} sysctl -qw \
		net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 || die "cannot disable IPv6"
done

declare -A DEV MEMBERS NAME
NAME[veth]="veth"
NAME[etrunk2]="etrunk, 2 members"
NAME[bonding]="bonding balance-xor, 2 members"
NAME[team]="team loadbalance, 2 members"
NAME[etrunk16]="etrunk, 16 members"
NAME[etrunk64]="etrunk, 64 members"

# veth_cmds PREFIX N: the ip -batch commands for N veths PREFIXm0.. with
# their peers PREFIXm0p.. in SINK
veth_cmds()	# PREFIX N
{
	local i

	for i in $(seq 0 $(($2 - 1))); do
		echo "link add $1m$i type veth peer name $1m${i}p netns $SINK"
	done
}

members_of()	# PREFIX N
{
	local i

	for i in $(seq 0 $(($2 - 1))); do
		printf '%s ' "$1m$i"
	done
}

setup_veth()
{
	echo "link add pgveth type veth peer name pgvethp netns $SINK" |
		ip -batch - || return 1
	echo pgvethp >>"$TMP/peers"
	ip link set pgveth up || return 1
	DEV[veth]=pgveth MEMBERS[veth]=pgveth
}

setup_etrunk()	# CONFIG N
{
	local d="et$2" m

	ip link add "$d" type etrunk hash_policy layer3+4 || return 1
	veth_cmds "$d" "$2" | ip -batch - || return 1
	m=$(members_of "$d" "$2")
	for x in $m; do echo "link set $x master $d"; done | ip -batch - ||
		return 1
	printf '%sp\n' $m >>"$TMP/peers"
	ip link set "$d" up || return 1
	DEV[$1]=$d MEMBERS[$1]=$m
}

setup_bonding()
{
	local d=bond2 m

	ip link add "$d" type bond mode balance-xor \
		xmit_hash_policy layer3+4 miimon 100 || return 1
	veth_cmds "$d" 2 | ip -batch - || return 1
	m=$(members_of "$d" 2)
	for x in $m; do echo "link set $x master $d"; done | ip -batch - ||
		return 1
	printf '%sp\n' $m >>"$TMP/peers"
	ip link set "$d" up || return 1
	DEV[bonding]=$d MEMBERS[bonding]=$m
}

# The team driver's loadbalance mode hashes with a BPF program that user
# space loads into its bpf_hash_func option (teamnl cannot set a binary
# option); without one every packet hashes to 0 and leaves by the first
# port. teamd's loadbalance runner compiles tx_hash into such a program;
# without a tx_balancer it leaves lb_tx_method "hash" (hash % ports), the
# counterpart of balance-xor and of etrunk. teamd only runs the control
# plane (link watch): it is not on the transmit path.
setup_team()
{
	local d=team2 m conf opt

	command -v teamd >/dev/null ||
		{ echo "no teamd (apt-get install libteam-utils)" >&2; return 1; }
	veth_cmds "$d" 2 | ip -batch - || return 1
	m=$(members_of "$d" 2)
	printf '%sp\n' $m >>"$TMP/peers"
	conf='{"device":"'$d'","runner":{"name":"loadbalance","tx_hash":["l3","l4"]},'
	conf+='"link_watch":{"name":"ethtool"},"ports":{'
	conf+='"'${d}m0'":{},"'${d}m1'":{}}}'
	mkdir -p /run/teamd
	teamd -d -u -p "$TMP/teamd.pid" -t "$d" -c "$conf" >"$TMP/teamd.log" 2>&1 ||
		{ cat "$TMP/teamd.log" >&2; return 1; }
	TEAMD_PID=$(cat "$TMP/teamd.pid")
	for _ in $(seq 100); do
		[ "$(teamnl "$d" ports 2>/dev/null | wc -l)" = 2 ] && break
		sleep 0.1
	done
	ip link set "$d" up || return 1
	opt=$(teamnl "$d" getoption bpf_hash_func)
	[ -n "$opt" ] || { echo "teamd set no bpf_hash_func on $d" >&2; return 1; }
	opt=$(teamnl "$d" getoption lb_tx_method)
	[ "$opt" = hash ] || { echo "$d: lb_tx_method is '$opt', not hash" >&2; return 1; }
	DEV[team]=$d MEMBERS[team]=$m
}

setup()		# CONFIG
{
	case $1 in
	veth)		setup_veth ;;
	etrunk2)	setup_etrunk "$1" 2 ;;
	etrunk16)	setup_etrunk "$1" 16 ;;
	etrunk64)	setup_etrunk "$1" 64 ;;
	bonding)	setup_bonding ;;
	team)		setup_team ;;
	esac
}

# ---------------------------------------------------------------------
# pktgen
# ---------------------------------------------------------------------

# pgset FILE COMMAND: write a pktgen command and check its result.
pgset()
{
	local line

	if ! echo "$2" >"$1"; then
		echo "pktgen: '$2' > $1 failed" >&2
		return 1
	fi
	[ "$1" = "$PG/pgctrl" ] && return 0
	while read -r line; do
		case $line in
		"Result: OK"*) return 0 ;;
		"Result:"*)
			echo "pktgen: '$2' > $1: $line" >&2
			return 1 ;;
		esac
	done <"$1"
	echo "pktgen: '$2' > $1: no result" >&2
	return 1
}

pg_setup()	# DEV
{
	local f=$PG/$1 c

	pgset "$THREAD" rem_device_all || return 1
	pgset "$THREAD" "add_device $1" || return 1
	for c in "count 0" "clone_skb 0" "burst 1" "delay 0" "pkt_size 60" \
		 "src_min 198.18.0.1" "src_max 198.18.0.1" "dst 198.18.1.1" \
		 "dst_mac 02:00:5e:00:53:01" \
		 "udp_src_min 1024" "udp_src_max 65535" \
		 "udp_dst_min 1024" "udp_dst_max 65535" \
		 "flag UDPSRC_RND" "flag UDPDST_RND" "flag NO_TIMESTAMP"; do
		pgset "$f" "$c" || return 1
	done
}

tx_sum()	# DEV...: the sum of their tx_packets
{
	local d v s=0

	for d; do
		read -r v <"/sys/class/net/$d/statistics/tx_packets"
		s=$((s + v))
	done
	echo "$s"
}

# member_tx FILE DEV...: add each member's tx_packets to the counts in FILE
member_tx()
{
	local f=$1 d v i=0 out=

	shift
	local -a old=()
	[ -s "$f" ] && read -r -a old <"$f"
	for d; do
		read -r v <"/sys/class/net/$d/statistics/tx_packets"
		out+="$((${old[$i]:-0} + v)) "
		i=$((i + 1))
	done
	echo "$out" >"$f"
}

# member_sub FILE DEV...: subtract the members' tx_packets (before a run)
member_sub()
{
	local f=$1 d v i=0 out=

	shift
	local -a old=()
	[ -s "$f" ] && read -r -a old <"$f"
	for d; do
		read -r v <"/sys/class/net/$d/statistics/tx_packets"
		out+="$((${old[$i]:-0} - v)) "
		i=$((i + 1))
	done
	echo "$out" >"$f"
}

# pg_run CONFIG SECONDS [record]: one run; sets PPS and DELIVERED (the
# packets the members sent, per second). With "record", the members'
# counts are added to the configuration's distribution.
pg_run()
{
	local cfg=$1 secs=$2 dev=${DEV[$1]} f=$PG/${DEV[$1]} line
	local before after usec='' sofar='' errors=''

	pg_setup "$dev" || return 1
	# shellcheck disable=SC2086
	before=$(tx_sum ${MEMBERS[$cfg]})
	# shellcheck disable=SC2086
	[ "${3:-}" = record ] && member_sub "$TMP/dist.$cfg" ${MEMBERS[$cfg]}
	echo start >"$PG/pgctrl" &
	sleep "$secs"
	pgset "$PG/pgctrl" stop
	wait
	# shellcheck disable=SC2086
	after=$(tx_sum ${MEMBERS[$cfg]})
	# shellcheck disable=SC2086
	[ "${3:-}" = record ] && member_tx "$TMP/dist.$cfg" ${MEMBERS[$cfg]}
	# Result: OK: 3000123(c2999000+d1123) usec, 612345 (60byte,0frags)
	#   204101pps 97Mb/sec (97968480bps) errors: 0
	while read -r line; do
		if [[ $line =~ ^Result:\ OK:\ ([0-9]+)\(.*usec,\ ([0-9]+)\  ]]; then
			usec=${BASH_REMATCH[1]} sofar=${BASH_REMATCH[2]}
		elif [[ $line =~ pps.*errors:\ ([0-9]+) ]]; then
			errors=${BASH_REMATCH[1]}
		elif [[ $line =~ ^Result: ]]; then
			echo "pktgen on $dev: $line" >&2
		fi
	done <"$f"
	pgset "$THREAD" rem_device_all
	if [ -z "$usec" ] || [ "$usec" = 0 ] || [ -z "$sofar" ] || [ "$sofar" = 0 ]; then
		echo "pktgen sent nothing on $dev" >&2
		return 1
	fi
	PPS=$((sofar * 1000000 / usec))
	DELIVERED=$(((after - before) * 1000000 / usec))
	ERRORS=${errors:-0}
}

# ---------------------------------------------------------------------
# Set up every configuration, warm each up (and check that it sends).
# ---------------------------------------------------------------------
: >"$TMP/peers"
CONFIGS=()
BROKEN=0
for c in $BENCH_CONFIGS; do
	if setup "$c"; then
		CONFIGS+=("$c")
	else
		echo "pktgen.sh: cannot set up $c" >&2
		BROKEN=1
	fi
done
sed 's/^/link set /; s/$/ up/' "$TMP/peers" | ip -n "$SINK" -batch - ||
	die "cannot bring up the peers"

# Carrier on every device pktgen sends on, and on each member.
for c in "${CONFIGS[@]}"; do
	for d in ${DEV[$c]} ${MEMBERS[$c]}; do
		for _ in $(seq 100); do
			v=0
			read -r v <"/sys/class/net/$d/carrier" 2>/dev/null
			[ "$v" = 1 ] && break
			sleep 0.1
		done
		[ "$v" = 1 ] || echo "pktgen.sh: no carrier on $d ($c)" >&2
	done
done

echo "# set up in ${SECONDS}s"
echo "# pktgen: 64-byte UDP (pkt_size 60), random ports, clone_skb 0, one thread (kpktgend_0)"
echo "# $BENCH_RUNS runs x ${BENCH_SECONDS}s per configuration, round-robin; kernel $(uname -r), $(nproc) CPUs"
echo "# etrunk: $(modinfo -F srcversion "$ETRUNK_KO" 2>/dev/null || echo '?') ($ETRUNK_KO)"

LIVE=()
for c in "${CONFIGS[@]}"; do
	if [[ $BENCH_WARMUP =~ [1-9] ]] && ! pg_run "$c" "$BENCH_WARMUP"; then
		echo "pktgen.sh: $c does not transmit" >&2
		BROKEN=1
		continue
	fi
	LIVE+=("$c")
done
CONFIGS=("${LIVE[@]}")
[ ${#CONFIGS[@]} -gt 0 ] || die "no configuration works"
echo "# warmed up at ${SECONDS}s"

# ---------------------------------------------------------------------
# Measure, round-robin.
# ---------------------------------------------------------------------
declare -A RUNS DRUNS BAD
n=${#CONFIGS[@]}
for r in $(seq "$BENCH_RUNS"); do
	line="# run $r/$BENCH_RUNS:"
	for k in $(seq 0 $((n - 1))); do
		c=${CONFIGS[$(((r - 1 + k) % n))]}
		if pg_run "$c" "$BENCH_SECONDS" record; then
			RUNS[$c]+="$PPS "
			DRUNS[$c]+="$DELIVERED "
			[ "$ERRORS" = 0 ] || BAD[$c]+="errors $ERRORS; "
			line+=" $c $PPS"
		else
			BAD[$c]+="run $r failed; "
			BROKEN=1
			line+=" $c FAILED"
		fi
		# Round r's value of each configuration, for paired ratios.
		eval "R_${c}_$r=\${PPS:-}"
		PPS=
	done
	echo "$line (${SECONDS}s)"
done

# ---------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------
declare -A MED BEST
NOISY=0
echo
printf '%-9s %-31s %10s %10s %10s %9s  %s\n' config "" "median pps" "best" \
	"worst" delivered "member share (min..max)"
for c in "${CONFIGS[@]}"; do
	if [ -z "${RUNS[$c]:-}" ]; then
		printf '%-9s %-31s %10s\n' "$c" "${NAME[$c]}" FAILED
		continue
	fi
	# shellcheck disable=SC2086
	MED[$c]=$(median ${RUNS[$c]})
	# shellcheck disable=SC2086
	dmed=$(median ${DRUNS[$c]})
	# shellcheck disable=SC2086
	read -r worst best <<<"$(minmax ${RUNS[$c]})"
	best=${best:-$worst}
	BEST[$c]=$best
	[ $((100 * (best - worst))) -gt $((15 * MED[$c])) ] && NOISY=1
	# Each member's share of the packets over all runs, 1.00 = fair.
	spread=$(awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i;
		if (!s) { print "-"; exit }
		mn = mx = $1; for (i = 2; i <= NF; i++) { if ($i < mn) mn = $i; if ($i > mx) mx = $i }
		printf "%.2f..%.2f\n", mn * NF / s, mx * NF / s }' "$TMP/dist.$c")
	printf '%-9s %-31s %10d %10d %10d %8.1f%%  %s%s\n' "$c" "${NAME[$c]}" \
		"${MED[$c]}" "$best" "$worst" \
		"$(awk -v d="$dmed" -v p="${MED[$c]}" 'BEGIN { print p ? 100 * d / p : 0 }')" \
		"$spread" "${BAD[$c]:+  (${BAD[$c]%; })}"
done

echo
printf '%-17s %8s %9s %8s  %-9s %s\n' ratio medians per-round best target ""
fmt() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
ratio()		# A B [TARGET]
{
	local a=$1 b=$2 t=${3:-} v p r x y vals=() verdict='' met=''

	if [ -z "${MED[$a]:-}" ] || [ -z "${MED[$b]:-}" ]; then
		printf '%-17s %8s\n' "$a/$b" n/a
		return
	fi
	v=$(fmt "${MED[$a]}" "${MED[$b]}")
	# The median over the rounds of the ratio within a round.
	for r in $(seq "$BENCH_RUNS"); do
		eval "x=\${R_${a}_$r:-} y=\${R_${b}_$r:-}"
		[ -n "$x" ] && [ -n "$y" ] && [ "$y" != 0 ] &&
			vals+=("$((1000000 * x / y))")
	done
	p=-
	[ ${#vals[@]} -gt 0 ] && p=$(fmt "$(median "${vals[@]}")" 1000000)
	if [ -n "$t" ]; then
		met=$(awk -v v="$v" -v t="$t" 'BEGIN { print (v >= t) ? "met" : "MISSED" }')
		verdict=">= $t"
	fi
	printf '%-17s %8s %9s %8s  %-9s %s\n' "$a/$b" "$v" "$p" \
		"$(fmt "${BEST[$a]}" "${BEST[$b]}")" "$verdict" "$met"
}
ratio etrunk2 veth 0.95
ratio etrunk2 bonding 1.05
ratio etrunk2 team
ratio bonding veth
ratio team veth
ratio etrunk16 etrunk2
ratio etrunk64 etrunk2 0.95

echo
echo "# pps: pktgen's packets per second of its run; median, best and worst run."
echo "# delivered: the members' tx_packets in the same time, % of the median pps."
echo "# member share: a member's packets over all runs / (all / members), 1 = fair."
echo "# ratios: of the medians (targets judged on these), median of the ratios"
echo "# within one round, and of the best runs. Targets are information only."
if [ "$NOISY" = 1 ]; then
	echo "# NOISY: runs of one configuration differ by over 15% of its median (a"
	echo "# busy host?): trust the per-round ratios more, or rerun with more BENCH_RUNS."
fi
exit $BROKEN
