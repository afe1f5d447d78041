#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Remote backup benchmark: etrunkd's RBS channel with BENCH_ENTRIES
# neighbour entries. Runs as root where the module loads, i.e. in the
# test guest:
#
#   scripts/vm.sh --timeout 1200 -- bench/rbs.sh  (make bench-rbs)
#
# Two namespaces PE1 and PE2, each an etrunk et0 (one veth member, the
# other end in the other PE) and an RBS link b1-b2 (198.51.100.65/.66);
# service rbs1 (keepalive 1000 ms, max-entries above BENCH_ENTRIES) and
# profile p1 (backup id 10, kinds arp) on et0 on both; etrunkd in each.
#
#   baseline  the same entries written into PE2's kernel by one ip -batch
#             (stale, extern_learn, proto 231, as etrunkd installs them),
#             nothing else running: the floor of a full sync under this
#             emulation; printed with the ratio full sync / baseline.
#   bulk      PE1 holds BENCH_ENTRIES stale ARP entries on et0 (ip -batch),
#             PE2 none. Both daemons start; measured: the full sync's
#             duration as PE2's daemon reports it (from its hello to the
#             end of both bulks, i.e. with all entries sent and installed:
#             LAST_SYNC_DURATION), the time from PE2's daemon start to its
#             "synchronised" (its log: PE1's start, its dump of the
#             entries, the connect and the sync), and the peak resident
#             memory of each daemon (VmHWM); then PE2's kernel is checked
#             to hold every entry. Repeated BENCH_RUNS times (daemons
#             stopped, PE2's installed entries removed by its daemon
#             with hold time 0, between).
#   incr      with the channel up, BENCH_INCR new entries created on PE1
#             one by one, BENCH_GAP_MS apart; `ip -ts monitor neigh` in
#             each namespace stamps the creation on PE1 and the
#             installation on PE2 (proto 231): latency median and 99th
#             percentile.
#
# Targets (information only): bulk under 2000 ms, incremental median
# under 10 ms. The exit status is 0 unless something broke.
#
# Environment:
#   BENCH_ENTRIES=100000  entries of the bulk
#   BENCH_RUNS=3          bulk runs
#   BENCH_INCR=200        incremental samples
#   BENCH_GAP_MS=20       between two incremental entries
#   ETRUNK_KO=kmod/etrunk.ko  the module, loaded unless it is loaded

set -u

BENCH_ENTRIES=${BENCH_ENTRIES:-100000}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_INCR=${BENCH_INCR:-200}
BENCH_GAP_MS=${BENCH_GAP_MS:-20}
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
export IP_LIB_DIR="$REPO_DIR/tools/ip"
ETRUNK_KO=${ETRUNK_KO:-$REPO_DIR/kmod/etrunk.ko}
ETRUNKCTL=$REPO_DIR/tools/etrunkctl/etrunkctl
ETRUNKD=$REPO_DIR/tools/etrunkd/etrunkd
NS_PREFIX=brbs
BULK_TARGET_MS=2000
INCR_TARGET_MS=10

BENCH_NAME=rbs.sh
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "needs root (run it in the guest: scripts/vm.sh -- bench/rbs.sh)"
for v in BENCH_ENTRIES BENCH_RUNS BENCH_INCR BENCH_GAP_MS; do
	case ${!v} in
	"" | *[!0-9]* | 0) die "$v must be a whole number, at least 1" ;;
	esac
done
[ "$BENCH_ENTRIES" -le 1000000 ] || die "BENCH_ENTRIES: at most 1000000"
# The service's limit of the peer's entries (default 65536) above the
# bulk and the incremental entries (at most ETRUNK_RBS_MAX_MAX_ENTRIES).
MAX_ENTRIES=$((BENCH_ENTRIES + BENCH_INCR + 1000))
[ "$MAX_ENTRIES" -le 1048576 ] || MAX_ENTRIES=1048576
modprobe veth || die "cannot load module veth"
if [ ! -d /sys/module/etrunk ]; then
	insmod "$ETRUNK_KO" || die "cannot load $ETRUNK_KO (built it?)"
fi
for f in "$ETRUNKCTL" "$ETRUNKD"; do
	[ -x "$f" ] || die "$f not built (make tools)"
done
command -v jq >/dev/null || die "jq not installed"

TMP=$(mktemp -d)
NAMESPACES=()
OLD_SYSCTLS=""
DPID=()
cleanup()
{
	local p ns

	for p in "${DPID[@]}" "${MON[@]}"; do
		[ -n "$p" ] && kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	# shellcheck disable=SC2086
	[ -z "$OLD_SYSCTLS" ] || sysctl -qw $OLD_SYSCTLS
	rm -rf "$TMP"
}
MON=()
trap cleanup EXIT

no_ipv6_in_new_ns
# The neighbour tables are shared by all namespaces: room for the bulk on
# both sides, and no garbage collection of stale entries meanwhile.
for t in 1 2 3; do
	k=net.ipv4.neigh.default.gc_thresh$t
	OLD_SYSCTLS+="$k=$(sysctl -n $k) "
	sysctl -qw "$k=$((BENCH_ENTRIES * 3 + t * 1000))"
done

new_ns NS1 pe1 || die "netns"
new_ns NS2 pe2 || die "netns"
PE[1]=$NS1
PE[2]=$NS2
ip -n "$NS1" link add m1 type veth peer name m2 netns "$NS2" || die "veth"
ip -n "$NS1" link add b1 type veth peer name b2 netns "$NS2" || die "veth"
for i in 1 2; do
	ns=${PE[$i]}
	ip -n "$ns" link add et0 type etrunk || die "cannot create an etrunk"
	ip -n "$ns" -batch - <<-EOF || die "set-up of PE$i"
		link set m$i master et0
		link set et0 up
		addr add 192.0.2.$i/16 dev et0
		addr add 198.51.100.$((64 + i))/26 dev b$i
		link set b$i up
	EOF
	ip netns exec "$ns" "$ETRUNKCTL" rbs add rbs1 \
		source 198.51.100.$((64 + i)) peer 198.51.100.$((67 - i)) \
		keepalive 1000 hold-time 60 max-entries $MAX_ENTRIES ||
		die "rbs add on PE$i"
	ip netns exec "$ns" "$ETRUNKCTL" rbp add p1 service rbs1 backup-id 10 \
		dev et0 kinds arp || die "rbp add on PE$i"
done

start_daemon()	# PE LOG
{
	ip netns exec "${PE[$1]}" "$ETRUNKD" -f -s "$TMP/epoch$1" \
		>>"$2" 2>&1 &
	DPID[$1]=$!
}
stop_daemon()	# PE
{
	kill "${DPID[$1]}" 2>/dev/null
	wait "${DPID[$1]}" 2>/dev/null
	DPID[$1]=
}
rbs() { ip netns exec "${PE[$1]}" "$ETRUNKCTL" -j rbs show rbs1 |
	jq -r "(if type == \"array\" then .[0] else . end) | $2"; }
installed() { ip -n "$NS2" -4 neigh show dev et0 | grep -c 'proto 231'; }
hwm_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }

entries()	# EXTRA: the bulk's entries as ip -batch lines
{
	for ((n = 0; n < BENCH_ENTRIES; n++)); do
		printf 'neigh replace 10.%d.%d.%d lladdr 02:00:0a:%02x:%02x:%02x dev et0 nud stale%s\n' \
			$((n >> 16 & 255)) $((n >> 8 & 255)) $((n & 255)) \
			$((n >> 16 & 255)) $((n >> 8 & 255)) $((n & 255)) "$1"
	done
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Baseline: the same entries, as etrunkd installs them (stale,
# extern_learn, proto 231), written into PE2's kernel by one ip -batch
# with nothing else running: what the receiving kernel alone costs under
# this emulation, the floor of a full sync.
entries " extern_learn proto 231" >"$TMP/batch2"
BASE=()
for ((r = 1; r <= BENCH_RUNS; r++)); do
	t0=$(now_ms)
	ip -n "$NS2" -batch "$TMP/batch2" || die "baseline: ip -batch failed"
	t1=$(now_ms)
	have=$(installed)
	[ "$have" -ge "$BENCH_ENTRIES" ] ||
		die "baseline: PE2 holds $have of $BENCH_ENTRIES entries"
	ip -n "$NS2" -4 neigh flush dev et0 nud all
	[ "$(installed)" -eq 0 ] || die "baseline: entries left on PE2"
	echo "# baseline run $r: ip -batch installed $BENCH_ENTRIES entries on PE2 in $((t1 - t0)) ms"
	BASE+=($((t1 - t0)))
done
rm -f "$TMP/batch2"

echo "# $BENCH_ENTRIES entries on PE1"
entries "" | ip -n "$NS1" -batch - || die "cannot add the entries"
have=$(ip -n "$NS1" -4 neigh show dev et0 | grep -c lladdr)
[ "$have" -ge "$BENCH_ENTRIES" ] || die "PE1 holds $have entries, not $BENCH_ENTRIES"

SYNC=() WALL=() HWM1=() HWM2=()
for ((r = 1; r <= BENCH_RUNS; r++)); do
	log2=$TMP/etrunkd2.$r.log
	start_daemon 1 "$TMP/etrunkd1.$r.log"
	start_daemon 2 "$log2"
	wait_until 120 eval 'grep -q "rbs rbs1: synchronised" "$log2"' ||
		die "run $r: PE2 did not synchronise"
	wait_until 30 eval '[ "$(rbs 2 .state)" = up ]' || die "run $r: not up"
	s=$(rbs 2 .last_sync_duration_ms)
	# "[12.345] started, ..." and "[13.456] rbs rbs1: synchronised ...".
	w=$(awk '/\] started/ && !t0 { t0 = substr($1, 2) + 0 }
		/rbs rbs1: synchronised/ && !t1 { t1 = substr($1, 2) + 0 }
		END { printf "%d", (t1 - t0) * 1000 }' "$log2")
	h1=$(hwm_kb "${DPID[1]}")
	h2=$(hwm_kb "${DPID[2]}")
	have=$(installed)
	[ "$have" -ge "$BENCH_ENTRIES" ] ||
		die "run $r: PE2 holds $have of $BENCH_ENTRIES entries"
	echo "# run $r: full sync $s ms (daemon), PE2's start to synchronised $w ms, $have entries installed; VmHWM PE1 $h1 kB, PE2 $h2 kB"
	SYNC+=("$s") WALL+=("$w") HWM1+=("$h1") HWM2+=("$h2")
	# PE1's time from its start to its bulk sent.
	b=$(awk '/\] started/ && !t0 { t0 = substr($1, 2) + 0 }
		/rbs rbs1: bulk sent/ && !t1 { t1 = substr($1, 2) + 0 }
		END { printf "%d", (t1 - t0) * 1000 }' "$TMP/etrunkd1.$r.log")
	c=$(grep -c "rbs rbs1: channel up" "$log2")
	echo "#   PE1's start to its bulk sent $b ms (reading the entries, connecting, sending); PE2's channel came up $c time(s)"
	[ $r -eq "$BENCH_RUNS" ] && break
	# PE2's daemon removes the entries (hold time 0), for a clean start.
	ip netns exec "$NS2" "$ETRUNKCTL" rbs set rbs1 hold-time 0
	stop_daemon 1
	wait_until 120 eval '[ "$(installed)" -eq 0 ]' ||
		die "run $r: PE2 did not remove the entries"
	stop_daemon 2
	ip netns exec "$NS2" "$ETRUNKCTL" rbs set rbs1 hold-time 60
done

# Incremental: creation on PE1 to installation on PE2.
ip -n "$NS1" -ts monitor neigh >"$TMP/mon1" 2>&1 &
MON+=($!)
ip -n "$NS2" -ts monitor neigh >"$TMP/mon2" 2>&1 &
MON+=($!)
sleep 1
for ((n = 1; n <= BENCH_INCR; n++)); do
	ip -n "$NS1" neigh add 172.16.$((n >> 8)).$((n & 255)) \
		lladdr 02:00:ac:10:00:01 dev et0 nud stale
	sleep "$(awk -v m="$BENCH_GAP_MS" 'BEGIN { printf "%.3f", m / 1000 }')"
done
sleep 1
kill "${MON[@]}" 2>/dev/null
wait "${MON[@]}" 2>/dev/null
MON=()
# Events lost on the way (a burst overrunning a socket): ip monitor
# prints "netlink receive error No buffer space available" and goes on,
# so an entry whose first event it lost is stamped at a later one; the
# daemons log a full dump of the tables.
lost() { grep -c "$1" "$2" 2>/dev/null || true; }
echo "# events lost: ip monitor PE1 $(lost 'No buffer space' "$TMP/mon1"), PE2 $(lost 'No buffer space' "$TMP/mon2"); etrunkd PE1 $(lost 'events lost' "$TMP/etrunkd1.$BENCH_RUNS.log"), PE2 $(lost 'events lost' "$TMP/etrunkd2.$BENCH_RUNS.log")"
# "[2026-01-01T10:00:00.123456] 172.16.0.1 dev et0 lladdr ... STALE":
# microseconds of the day of each address's first line.
stamps()	# FILE [FILTER]
{
	grep -E "${2:-.}" "$1" | grep -E '\] 172\.16\.' | awk '{
		t = substr($1, 13, 15); split(t, a, ":");
		us = (a[1] * 3600 + a[2] * 60 + a[3]) * 1000000;
		if (!($2 in seen)) { seen[$2] = 1; printf "%s %.0f\n", $2, us }
	}' | sort
}
stamps "$TMP/mon1" >"$TMP/t1"
stamps "$TMP/mon2" 'proto 231' >"$TMP/t2"
# (no process substitution: the guest has no /dev/fd)
join "$TMP/t1" "$TMP/t2" | awk '{ print $3 - $2 }' | sort -n >"$TMP/lat"
mapfile -t LAT <"$TMP/lat"
n=${#LAT[@]}
[ "$n" -gt 0 ] || die "no incremental sample (see $TMP/mon1, $TMP/mon2)"
med=${LAT[$((n / 2))]}
p99=${LAT[$(((n * 99 + 99) / 100 - 1))]}

read -r smin smax <<<"$(minmax "${SYNC[@]}")"
read -r wmin wmax <<<"$(minmax "${WALL[@]}")"
echo
echo "remote backup, $BENCH_ENTRIES ARP entries, $BENCH_RUNS runs (median (min-max)):"
printf '  %-34s %s ms (%s-%s)   target < %s ms\n' "full sync (daemon's measure)" \
	"$(median "${SYNC[@]}")" "$smin" "$smax" $BULK_TARGET_MS
read -r bmin bmax <<<"$(minmax "${BASE[@]}")"
printf '  %-34s %s ms (%s-%s)   full sync / baseline %s\n' \
	"baseline: ip -batch on PE2" "$(median "${BASE[@]}")" "$bmin" "$bmax" \
	"$(awk -v a="$(median "${SYNC[@]}")" -v b="$(median "${BASE[@]}")" \
		'BEGIN { printf "%.2f", b ? a / b : 0 }')"
printf '  %-34s %s ms (%s-%s)\n' "PE2's start to synchronised" \
	"$(median "${WALL[@]}")" "$wmin" "$wmax"
printf '  %-34s %s kB (sender), %s kB (receiver)\n' "etrunkd peak memory (VmHWM)" \
	"$(median "${HWM1[@]}")" "$(median "${HWM2[@]}")"
printf '  %-34s median %s ms, p99 %s ms (%d samples)   target median < %s ms\n' \
	"incremental, PE1 to PE2" "$(ms "$med")" "$(ms "$p99")" "$n" $INCR_TARGET_MS
stop_daemon 1
stop_daemon 2
