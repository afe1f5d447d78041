# SPDX-License-Identifier: GPL-2.0
# Shared helpers of the etrunk selftests: network namespaces as test hosts,
# checks that print TAP lines, and cleanup. Sourced by every test.

set -u

ksft_pass=0
ksft_fail=1
ksft_skip=4

SELFTEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SELFTEST_DIR/.." && pwd)
# The iproute2 plugin, so that `ip link ... type etrunk OPTIONS` and
# `ip -d link show` know the etrunk attributes.
export IP_LIB_DIR="$REPO_DIR/tools/ip"

CHECKS=0
FAILED=0
NAMESPACES=()
TMP=$(mktemp -d)

# Stop the daemons a test started (their PIDs in the array DPID, empty
# slots skipped) and reap them: for the test's EXIT trap, before cleanup.
cleanup_daemons()
{
	local p

	for p in "${DPID[@]}"; do
		[ -n "$p" ] && kill "$p" 2>/dev/null
	done
	wait
}

# stop_daemon KEY [SIGNAL]: stop the daemon DPID[KEY] (SIGTERM unless
# SIGNAL) and reap it; nothing if there is none.
stop_daemon()
{
	[ -n "${DPID[$1]:-}" ] || return 0
	kill -"${2:-TERM}" "${DPID[$1]}" 2>/dev/null
	wait "${DPID[$1]}" 2>/dev/null
	DPID[$1]=
}

cleanup()
{
	local ns

	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

skip()
{
	echo "SKIP: $*"
	exit $ksft_skip
}

require_etrunk()
{
	[ "$(id -u)" = 0 ] || skip "needs root"
	[ -d /sys/module/etrunk ] || modprobe etrunk 2>/dev/null ||
		insmod "${ETRUNK_KO:-/nonexistent}" 2>/dev/null
	[ -d /sys/module/etrunk ] || skip "etrunk module not loaded"
	[ -e "$IP_LIB_DIR/link_etrunk.so" ] || skip "iproute2 plugin not built"
}

# require_etrunkctl: sets ETRUNKCTL, the checkout's etrunkctl; skips
# without it.
require_etrunkctl()
{
	ETRUNKCTL="$REPO_DIR/tools/etrunkctl/etrunkctl"
	[ -x "$ETRUNKCTL" ] || skip "etrunkctl not built (make -C tools/etrunkctl)"
}

# require_etrunkd [san]: sets ETRUNKCTL and ETRUNKD, the checkout's
# etrunkd; skips without them. With "san", the daemon built with clang's
# UBSan when there is one (etrunkd-san: make -C tools/etrunkd san; finish
# fails the test on a report in a daemon's log). The timing tests of the
# election and BFD (100 ms hellos, restarts under traffic) run the plain
# build: the larger binary starts slower over 9p under TCG.
require_etrunkd()
{
	require_etrunkctl
	ETRUNKD="$REPO_DIR/tools/etrunkd/etrunkd"
	if [ "${1:-}" = san ] && [ -x "$ETRUNKD-san" ]; then
		ETRUNKD="$ETRUNKD-san"
	fi
	[ -x "$ETRUNKD" ] || skip "etrunkd not built (make -C tools/etrunkd)"
	echo "# $ETRUNKD"
}

# require_rbs: require_etrunkd san, and remote backup (RBS) in both the
# module and etrunkctl.
require_rbs()
{
	require_etrunkd san
	"$ETRUNKCTL" rbs show >/dev/null 2>&1 ||
		skip "etrunkctl or the module has no remote backup (rbs)"
}

# wait_until SECONDS COMMAND...: run COMMAND every 0.1 s until it succeeds,
# at most SECONDS * 10 times (slow commands make that longer, never
# shorter: a loaded host gets more time, not fewer tries).
wait_until()
{
	local tries=$(($1 * 10))

	shift
	until "$@"; do
		[ $tries -gt 0 ] || return 1
		sleep 0.1
		tries=$((tries - 1))
	done
}

# new_ns VAR PREFIX: create a namespace and store its name in VAR. Names
# are unique (PID and a counter), so tests never see each other's hosts.
new_ns()
{
	local ns="$2-$$-${#NAMESPACES[@]}"

	ip netns add "$ns" || exit $ksft_fail
	ip -n "$ns" link set lo up
	NAMESPACES+=("$ns")
	printf -v "$1" '%s' "$ns"
}

# new_edge: the E-Trunk edge of the dual-homing tests: namespaces NS_CE,
# NS_PE1 and NS_PE2 (also as PE[1] and PE[2]), and a veth from the CE to
# each PE: c1-p1 (CE-PE1) and c2-p2 (CE-PE2).
new_edge()
{
	new_ns NS_CE ce
	new_ns NS_PE1 pe1
	new_ns NS_PE2 pe2
	PE[1]=$NS_PE1
	PE[2]=$NS_PE2
	ip -n "$NS_CE" link add c1 type veth peer name p1 netns "$NS_PE1"
	ip -n "$NS_CE" link add c2 type veth peer name p2 netns "$NS_PE2"
}

pass()
{
	CHECKS=$((CHECKS + 1))
	echo "ok $CHECKS - $1"
}

fail()
{
	CHECKS=$((CHECKS + 1))
	FAILED=$((FAILED + 1))
	echo "not ok $CHECKS - $1"
}

# check DESCRIPTION COMMAND...: the command must succeed.
check()
{
	local desc="$1"

	shift
	if "$@" >"$TMP/out" 2>&1; then
		pass "$desc"
	else
		fail "$desc"
		sed 's/^/    /' "$TMP/out"
	fi
}

# check_refused DESCRIPTION MESSAGE COMMAND...: the command must fail and
# its error output must contain MESSAGE (the kernel's extack text).
check_refused()
{
	local desc="$1" msg="$2"

	shift 2
	if "$@" >"$TMP/out" 2>&1; then
		fail "$desc (command succeeded)"
	elif grep -qF -- "$msg" "$TMP/out"; then
		pass "$desc"
	else
		fail "$desc (message not '$msg')"
		sed 's/^/    /' "$TMP/out"
	fi
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq()
{
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1 (expected '$2', got '$3')"
	fi
}

# check_ge DESCRIPTION ACTUAL MINIMUM
check_ge()
{
	if [ "$2" -ge "$3" ]; then
		pass "$1"
	else
		fail "$1 ($2 < $3)"
	fi
}

# check_le DESCRIPTION ACTUAL MAXIMUM
check_le()
{
	if [ "$2" -le "$3" ]; then
		pass "$1"
	else
		fail "$1 ($2 > $3)"
	fi
}

finish()
{
	local san

	# A sanitizer's report in a daemon's log (etrunkd-san) is a failure.
	san=$(grep -h -E 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$TMP"/*.log 2>/dev/null)
	if [ -n "${ETRUNKD:-}" ]; then
		check_eq "no sanitizer report in the daemons' logs" "" "$san"
	fi
	echo "# $CHECKS checks, $FAILED failed"
	[ "$FAILED" = 0 ] && exit $ksft_pass
	exit $ksft_fail
}

# Per-device values from sysfs, in namespace NS.
link_attr()	# NS DEV ATTR
{
	ip netns exec "$1" cat "/sys/class/net/$2/$3"
}

tx_packets()	# NS DEV
{
	ip netns exec "$1" cat "/sys/class/net/$2/statistics/tx_packets"
}

rx_packets()	# NS DEV
{
	ip netns exec "$1" cat "/sys/class/net/$2/statistics/rx_packets"
}

# A field of the etrunk line of `ip -d link show`: the word after KEY.
link_detail()	# NS DEV KEY
{
	ip -n "$1" -d link show dev "$2" |
		awk -v k="$3" '$1 == "etrunk" || $1 == "etrunk_slave" {
			for (i = 2; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'
}

# wait_state NS DEV STATE: wait (up to 5 s) until a member's state is
# STATE; the carrier event that changes it comes from linkwatch.
wait_state()
{
	local tries=0

	while [ "$(link_detail "$1" "$2" state)" != "$3" ]; do
		[ $tries -lt 50 ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}

# Two hosts A and B joined by a trunk of N members (veth pairs aI-bI):
# sets NS_A, NS_B; trunk et0 on both sides with the given etrunk options;
# 192.0.2.1/24 and 2001:db8::1/64 on A, .2 and ::2 on B.
make_trunk_pair()	# N [etrunk options...]
{
	local n="$1" i ns

	shift
	new_ns NS_A a
	new_ns NS_B b
	for ns in "$NS_A" "$NS_B"; do
		ip -n "$ns" link add et0 type etrunk "$@" || return 1
	done
	for i in $(seq 0 $((n - 1))); do
		ip -n "$NS_A" link add "a$i" type veth peer name "b$i" netns "$NS_B" || return 1
		ip -n "$NS_A" link set "a$i" master et0 || return 1
		ip -n "$NS_B" link set "b$i" master et0 || return 1
	done
	ip -n "$NS_A" addr add 192.0.2.1/24 dev et0
	ip -n "$NS_B" addr add 192.0.2.2/24 dev et0
	ip -n "$NS_A" addr add 2001:db8::1/64 dev et0 nodad
	ip -n "$NS_B" addr add 2001:db8::2/64 dev et0 nodad
	ip -n "$NS_A" link set et0 up
	ip -n "$NS_B" link set et0 up
}

UDP_FLOWS="$SELFTEST_DIR/udp_flows"

# The emulated NICs of scripts/vm.sh's guest (e1000, MAC
# 52:54:00:e1:00:0N, nicN): nic_dev N prints nicN's device name in this
# namespace (loading e1000 first); nic_link nicN on|off sets its link
# through QEMU's monitor on the guest's second serial port (its answer is
# not read: a tty drops what overflows). The first open of the port in a
# boot, stty's, has the default termios, echo on: the monitor's banner
# and prompt waiting there are echoed back to it as input until -echo
# takes effect, leaving a line of them (an escape sequence at its end, at
# times) in the monitor, where the next command was appended and lost
# ("unknown command"). Two CRs first end such a line (an escape sequence
# takes one); an empty line is nothing to the monitor.
nic_dev()	# N
{
	local tries=0

	modprobe -q e1000 2>/dev/null || return 0
	until grep -l "52:54:00:e1:00:0$1" /sys/class/net/*/address 2>/dev/null |
		cut -d/ -f5 | grep .; do
		[ $tries -lt 20 ] || return 0
		sleep 0.1
		tries=$((tries + 1))
	done
}
nic_link()	# nicN on|off
{
	stty -F /dev/ttyS1 raw -echo 2>/dev/null || return 1
	printf '\r\rset_link %s %s\r' "$1" "$2" >/dev/ttyS1
}

# Datagrams NS received for ports nobody listens on: the receive side of
# udp_flows (family 4 or 6).
udp_noports()	# NS 4|6
{
	if [ "$2" = 4 ]; then
		ip netns exec "$1" awk '/^Udp:/ {
			if (!h) { for (i = 1; i <= NF; i++) if ($i == "NoPorts") f = i; h = 1 }
			else print $f }' /proc/net/snmp
	else
		ip netns exec "$1" awk '$1 == "Udp6NoPorts" { print $2 }' /proc/net/snmp6
	fi
}

# udp_noports once the receiver has drained its backlog: under emulation
# softirq processing can lag the sender by many packets.
udp_noports_settled()	# NS 4|6
{
	local prev now tries=0

	now=$(udp_noports "$1" "$2")
	while [ $tries -lt 50 ]; do
		sleep 0.1
		prev=$now
		now=$(udp_noports "$1" "$2")
		[ "$now" != "$prev" ] || break
		tries=$((tries + 1))
	done
	echo "$now"
}
