#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test_bfd_netns.sh - the BFD engine (through bfdping) over real packets
# between network namespaces on the host:
#
#   A ===== B        single hop: 192.0.2.1/.2, 2001:db8::1/::2
#   A - R - B        multihop through a router R: 198.51.100.1 to
#                    192.0.2.130, 2001:db8:1::1 to 2001:db8:2::2
#
#   (a) interop with FRR's bfdd in B: sessions Up both ways, single hop
#       and multihop, IPv4 and IPv6; negotiated values as both sides see
#       them; intervals changed on either side run Poll/Final without a
#       flap; a cut link detected on both sides within the detection time
#   (b) tshark dissects our packets, the five auth types (bfdping to
#       bfdping: bfdd 8.4 has no authentication) and micro-BFD frames,
#       with no malformed packet or expert warning
#   (c) crafted packets from B (short, version, length, my discriminator
#       0, bad digest, TTL 254) are dropped for their reasons and counted
#
# Needs root, ip, FRR's bfdd and vtysh, tshark and python3; exits 4
# (skip) when one is missing. Namespaces carry the pid; all are deleted
# at exit, and only the processes started here are stopped.
set -u

here=$(cd "$(dirname "$0")" && pwd)
bfdping=$here/bfdping
bfdd=/usr/lib/frr/bfdd
py=$(command -v python3)
id=$$
A=etbfd-a-$id B=etbfd-b-$id R=etbfd-r-$id
dir=$(mktemp -d /tmp/etbfd.XXXXXX)
# dumpcap writes without DAC override: a root-owned directory of its own
# (the first one is bfdd's).
capdir=$(mktemp -d /tmp/etbfd-cap.XXXXXX)
pids=()
count=0 failed=0

ok() {	# ok COND-STATUS DESCRIPTION; returns COND-STATUS
	count=$((count + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $count - $2"
	else
		failed=$((failed + 1))
		echo "not ok $count - $2"
	fi
	return "$1"
}
diag() { echo "# $*"; }

cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	[ -f "$dir/bfdd.pid" ] && kill "$(cat "$dir/bfdd.pid")" 2>/dev/null
	sleep 0.1
	for n in $A $B $R; do
		ip netns del "$n" 2>/dev/null
	done
	[ -n "${KEEP:-}" ] && echo "# kept $dir $capdir" || rm -rf "$dir" "$capdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

skip() {
	echo "1..0 # SKIP $*"
	exit 4
}

[ "$(id -u)" -eq 0 ] || skip "not root"
command -v ip >/dev/null || skip "no ip command"
[ -x "$bfdd" ] && command -v vtysh >/dev/null || skip "no FRR bfdd/vtysh (package frr)"
command -v tshark >/dev/null || skip "no tshark"
[ -n "$py" ] || skip "no python3"
id frr >/dev/null 2>&1 || skip "no frr user"
[ -x "$bfdping" ] || { echo "bfdping not built" >&2; exit 1; }

echo "TAP version 13"

mono() { "$py" -c 'import time; print("%.6f" % time.monotonic())'; }

# --- topology --------------------------------------------------------
set -e
for n in $A $B $R; do
	ip netns add "$n"
	ip -n "$n" link set lo up
done
ip -n $A link add vab type veth peer name vba netns $B
ip -n $A link add var type veth peer name vra netns $R
ip -n $B link add vbr type veth peer name vrb netns $R
ip -n $A addr add 192.0.2.1/25 dev vab
ip -n $A addr add 2001:db8::1/64 dev vab nodad
ip -n $B addr add 192.0.2.2/25 dev vba
ip -n $B addr add 2001:db8::2/64 dev vba nodad
ip -n $A addr add 198.51.100.1/24 dev var
ip -n $A addr add 2001:db8:1::1/64 dev var nodad
ip -n $R addr add 198.51.100.254/24 dev vra
ip -n $R addr add 2001:db8:1::254/64 dev vra nodad
ip -n $R addr add 192.0.2.254/25 dev vrb
ip -n $R addr add 2001:db8:2::254/64 dev vrb nodad
ip -n $B addr add 192.0.2.130/25 dev vbr
ip -n $B addr add 2001:db8:2::2/64 dev vbr nodad
for l in "$A vab" "$A var" "$B vba" "$B vbr" "$R vra" "$R vrb"; do
	set -- $l
	ip -n "$1" link set "$2" up
done
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
ip -n $A route add 192.0.2.128/25 via 198.51.100.254
ip -n $A -6 route add 2001:db8:2::/64 via 2001:db8:1::254
ip -n $B route add 198.51.100.0/24 via 192.0.2.254
ip -n $B -6 route add 2001:db8:1::/64 via 2001:db8:2::254
set +e

# --- (a) FRR interop ---------------------------------------------------
chmod 755 "$dir"
cat >"$dir/bfdd.conf" <<EOF
log timestamp precision 6
bfd
 peer 192.0.2.1 local-address 192.0.2.2
  receive-interval 100
  transmit-interval 100
  detect-multiplier 10
 !
 peer 2001:db8::1 local-address 2001:db8::2
  receive-interval 100
  transmit-interval 100
  detect-multiplier 10
 !
 peer 198.51.100.1 multihop local-address 192.0.2.130
  receive-interval 100
  transmit-interval 100
  detect-multiplier 10
 !
 peer 2001:db8:1::1 multihop local-address 2001:db8:2::2
  receive-interval 100
  transmit-interval 100
  detect-multiplier 10
 !
!
debug bfd peer
EOF
chmod 644 "$dir/bfdd.conf"
chown frr:frr "$dir"
# Standalone: no zebra (no peer is bound to an interface), its own vty
# and control sockets in $dir, no TCP vty, its log (with microseconds,
# for the moment it detects the cut) in $dir/bfdd.log.
ip netns exec $B "$bfdd" -u frr -g frr -f "$dir/bfdd.conf" \
	-i "$dir/bfdd.pid" --vty_socket "$dir" -z "$dir/zserv.api" \
	--bfdctl "$dir/bfdd.sock" -P 0 --log stdout >"$dir/bfdd.log" 2>&1 &
vty() { vtysh --vty_socket "$dir" "$@" 2>/dev/null; }
for ((i = 0; i < 50; i++)); do
	vty -c "show bfd peers brief" >/dev/null && break
	sleep 0.1
done
vty -c "show version" | grep -q FRRouting
ok $? "FRR bfdd started in B"

# Ours in A: tx 50 ms, rx 80 ms, mult 10; one bfdping per session. The
# multipliers (10, FRR's too) let both sides ride out a stall of the
# shared host of up to a second (FRR's bfdd is no real-time task) without
# a flap; detection times are still measured below.
start() {	# start NAME ARGS...: bfdping in A, JSON into $dir/NAME
	local name=$1
	shift
	ip netns exec $A "$bfdping" --json "$@" >"$dir/$name" 2>"$dir/$name.err" &
	pids+=($!)
	eval "pid_$name=$!"
}
common="--tx 50 --rx 80 --mult 10 --tx2 200 --rx2 300"
start sh4 -s 192.0.2.1 -p 192.0.2.2 -i vab $common
start sh6 -s 2001:db8::1 -p 2001:db8::2 -i vab $common
start mh4 -m -s 198.51.100.1 -p 192.0.2.130 $common
start mh6 -m -s 2001:db8:1::1 -p 2001:db8:2::2 $common

# FRR's view as "peer status rx tx remote-rx remote-tx remote-mult" lines.
frr_peers() {
	vty -c "show bfd peers json" | "$py" -c '
import json, sys
for p in json.load(sys.stdin):
    print(p["peer"], "mh" if p["multihop"] else "sh", p["status"],
          p.get("remote-receive-interval"), p.get("remote-transmit-interval"),
          p.get("remote-detect-multiplier"), p.get("receive-interval"))'
}
frr_downs() {
	vty -c "show bfd peers counters json" | "$py" -c '
import json, sys
print(sum(p.get("session-down-events", 0) for p in json.load(sys.stdin)))'
}
wait_frr() {	# wait_frr PYTHON-CONDITION-ON-LINES SECONDS
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		frr_peers >"$dir/peers"
		"$py" -c "import sys; L=[l.split() for l in open('$dir/peers')]; sys.exit(0 if ($1) else 1)" && return 0
		sleep 0.1
	done
	return 1
}
wait_frr 'len(L) == 4 and all(l[2] == "up" for l in L)' 10
ok $? "FRR: four sessions Up (single hop and multihop, IPv4 and IPv6)"
sed 's/^/# FRR: /' "$dir/peers"
up_ours=0
for s in sh4 sh6 mh4 mh6; do
	grep -q '"state":"Up"' "$dir/$s" && up_ours=$((up_ours + 1))
done
[ $up_ours -eq 4 ]
ok $? "ours: four sessions Up ($up_ours)"
# FRR sees what we advertise: rx 80, tx 50 (Up: no 1 s floor), mult 10.
"$py" -c "import sys; L=[l.split() for l in open('$dir/peers')]
sys.exit(0 if all(l[3:6] == ['80', '50', '10'] for l in L) else 1)"
ok $? "FRR: remote rx 80 ms, tx 50 ms, mult 10 on every session"

# Our side's view: stop and restart nothing; ask for counters at the end.
counters() {	# counters NAME: SIGTERM, wait, print the counters line
	local p
	p=$(eval echo "\$pid_$1")
	kill -TERM "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	grep '"event":"counters"' "$dir/$1"
}
jget() {	# jget FILE EXPR: evaluate EXPR on s = session 0 of FILE's counters
	"$py" -c "
import json, sys
c = [json.loads(l) for l in open('$1') if '\"counters\"' in l][-1]
s = c['sessions'][0]
print($2)"
}

# Poll/Final started by us: SIGUSR1 -> tx 200, rx 300.
for s in sh4 sh6 mh4 mh6; do
	kill -USR1 "$(eval echo "\$pid_$s")"
done
wait_frr 'len(L) == 4 and all(l[3:5] == ["300", "200"] and l[2] == "up" for l in L)' 5
ok $? "Poll/Final from us: FRR sees rx 300, tx 200 on all four"
# Poll/Final started by FRR: its receive-interval 100 -> 150.
vty -c "configure terminal" -c "bfd" \
	-c "peer 192.0.2.1 local-address 192.0.2.2" -c "receive-interval 150" \
	-c "exit" -c "peer 198.51.100.1 multihop local-address 192.0.2.130" \
	-c "receive-interval 150" >/dev/null
wait_frr 'all(l[6] == "150" for l in L if l[0] in ("192.0.2.1", "198.51.100.1"))' 3
ok $? "FRR reconfigured: receive-interval 150 on two sessions"
sleep 0.5
downs=$(frr_downs)
[ "$downs" = 0 ]
ok $? "FRR: no session went down through both Poll sequences ($downs)"

# Link cut: vab down takes both single-hop sessions. Detection times:
# ours 10 x max(our rx 300, FRR's tx 100) = 3000 ms; FRR's 10 x max(its
# rx 150, our tx 200) = 2000 ms.
# FRR's moment from its own log's timestamp (wall clock, us: not the
# pipe's, which a loaded host delays), ours from bfdping's events
# (CLOCK_MONOTONIC).
cut=$(mono)
cut_wall=$(date +%s.%N)
ip -n $A link set vab down
sleep 3.6
t_frr=$(grep -a 'peer:192.0.2.1 .*up -> down' "$dir/bfdd.log" | tail -1 |
	cut -d' ' -f1,2)
[ -n "$t_frr" ] && t_frr=$(date -d "$t_frr" +%s.%N)
grep -a 'up -> down' "$dir/bfdd.log" | sed 's/^/# bfdd: /'
for s in sh4 sh6 mh4 mh6; do
	counters $s >/dev/null
done
frr_ms=$("$py" -c "print(int(($t_frr - $cut_wall) * 1000) if '$t_frr' else 99999)")
ours_ms=$("$py" -c "
import json
ev = [json.loads(l) for l in open('$dir/sh4') if '\"from\":\"Up\"' in l]
print(int((ev[-1]['mono'] - $cut) * 1000) if ev else 99999)")
diag "cut detected by FRR after $frr_ms ms (detection 2000 ms), by us after $ours_ms ms (detection 3000 ms)"
# 300 ms for scheduling on a shared, loaded host; the lower bounds make
# sure the detection time was not shorter than negotiated (the last
# packet came at most one interval before).
[ "$frr_ms" -le 2300 ] && [ "$frr_ms" -ge 1750 ]
ok $? "link cut: FRR Down within its detection time (2000 ms + 300)"
[ "$ours_ms" -le 3300 ] && [ "$ours_ms" -ge 2600 ]
ok $? "link cut: ours Down within the detection time (3000 ms + 300)"
grep -q '"from":"Up","state":"Down","diag":"detect-expired"' "$dir/sh4"
ok $? "link cut: our diagnostic is detect-expired"
for s in sh4 sh6 mh4 mh6; do
	diag "$s: $(jget "$dir/$s" "s['state'], 'tx', s['tx_interval'], 'detect', s['detect_time'], 'remote rx/tx/mult', s['remote_min_rx'], s['remote_min_tx'], s['remote_mult'], 'ups', s['ups'], 'downs', s['downs'], 'polls', s['polls'], 'drops', s['drops']")"
done
# mh4 still Up, negotiated: tx max(200, FRR rx 150) = 200 ms,
# detect 10 x max(300, FRR tx 100) = 3000 ms; Polls completed, no flap.
[ "$(jget "$dir/mh4" "s['state'], s['tx_interval'], s['detect_time'], s['downs'], s['polls'] >= 2, s['remote_min_rx']")" = "Up 200000 3000000 0 True 150000" ]
ok $? "multihop IPv4: Up, tx 200 ms, detect 3000 ms (FRR rx 150), no down, Polls done"
[ "$(jget "$dir/mh6" "s['state'], s['tx_interval'], s['detect_time'], s['downs']")" = "Up 200000 3000000 0" ]
ok $? "multihop IPv6: Up, tx max(200, FRR rx 100) = 200 ms, detect 3000 ms, no down"
[ "$(jget "$dir/sh6" "s['downs'], s['drops'] + s['auth_failures']")" = "1 0" ]
ok $? "single hop IPv6: one down (the cut), no drops"
# bfdd gone before the next tests, or its Down packets would reach them.
frr_pid=$(cat "$dir/bfdd.pid")
kill "$frr_pid"
for ((i = 0; i < 50; i++)); do
	kill -0 "$frr_pid" 2>/dev/null || break
	sleep 0.05
done
rm -f "$dir/bfdd.pid"
# Its packets queued behind ARP while the link was down leave now: let
# them reach no socket rather than the next tests.
ip -n $B neigh flush dev vba
ip -n $A link set vab up
sleep 0.5

# bfdping pairs: B (in the background) outlives A, so that A never sees
# its peer stop, however late a loaded host starts A; then B is stopped.
# Detect Mult 10 (1 s): these check auth and framing, not detection, and
# a host shared with VMs can starve a process for hundreds of ms.
stop_b() {
	kill -TERM "$bp" 2>/dev/null
	wait "$bp" 2>/dev/null
}

# --- (b) tshark: our packets, every auth type, micro-BFD -------------
# dumpcap alone: tshark loading its dissectors would compete with the
# sessions for the CPU.
ip netns exec $B dumpcap -q -i vba -w "$capdir/cap.pcapng" -f "udp" >/dev/null 2>&1 &
tpid=$!
pids+=($tpid)
for ((i = 0; i < 50; i++)); do
	[ -s "$capdir/cap.pcapng" ] && break
	sleep 0.1
done
n=0
for a in simple:1:pass md5:2:md5-key met-md5:3:met-md5-key \
	 sha1:4:twenty-byte-sha1-key met-sha1:5:met-sha1-key; do
	n=$((n + 1))
	ip netns exec $B "$bfdping" --json -s 192.0.2.2 -p 192.0.2.1 --tx 100 --rx 100 --mult 10 \
		--auth $a --duration 5 >"$dir/auth-b-$n" 2>&1 &
	bp=$!
	ip netns exec $A "$bfdping" --json -s 192.0.2.1 -p 192.0.2.2 --tx 100 --rx 100 --mult 10 \
		--auth $a --duration 1.2 >"$dir/auth-a-$n" 2>&1
	stop_b
	[ "$(jget "$dir/auth-a-$n" "s['ups'], s['downs'], s['auth_failures'], s['polls'] >= 1")" = "1 0 0 True" ] &&
		[ "$(jget "$dir/auth-b-$n" "s['ups'], s['auth_failures']")" = "1 0" ]
	ok $? "auth ${a%%:*}: bfdping to bfdping Up, Poll done, no auth failure" ||
		diag "$(cat "$dir/auth-a-$n" "$dir/auth-b-$n")"
done
# A wrong key never comes up, and every packet is an auth failure (1 s
# apart while not Up: 1.3 s gets at least one after both started).
ip netns exec $B "$bfdping" --json -s 192.0.2.2 -p 192.0.2.1 --tx 100 --rx 100 --mult 10 \
	--auth sha1:4:right --duration 5 >"$dir/auth-b-x" 2>&1 &
bp=$!
ip netns exec $A "$bfdping" --json -s 192.0.2.1 -p 192.0.2.2 --tx 100 --rx 100 --mult 10 \
	--auth sha1:4:wrong --duration 1.3 >"$dir/auth-a-x" 2>&1
stop_b
[ "$(jget "$dir/auth-a-x" "s['ups'], s['rx'], s['auth_failures'] > 0, s['drop']['auth'] == s['auth_failures']")" = "0 0 True True" ]
ok $? "auth: a wrong SHA1 key: no Up, all packets auth failures"
# Micro-BFD frames on the member (IPv4 and IPv6).
ip netns exec $B "$bfdping" --json -M -i vba -s 192.0.2.2 -p 192.0.2.1 --tx 100 --rx 100 --mult 10 \
	--auth met-md5:9:micro --duration 5 >"$dir/micro-b" 2>&1 &
bp=$!
ip netns exec $A "$bfdping" --json -M -i vab -s 192.0.2.1 -p 192.0.2.2 --tx 100 --rx 100 --mult 10 \
	--auth met-md5:9:micro --duration 1.2 >"$dir/micro-a" 2>&1
stop_b
[ "$(jget "$dir/micro-a" "s['ups'], s['downs'], s['auth_failures']")" = "1 0 0" ]
ok $? "micro-BFD IPv4 (AF_PACKET, 01:00:5e:90:00:01) Up, no auth failure"
ip netns exec $B "$bfdping" --json -M -i vba -s 2001:db8::2 -p 2001:db8::1 --tx 100 --rx 100 --mult 10 \
	--duration 5 >"$dir/micro6-b" 2>&1 &
bp=$!
ip netns exec $A "$bfdping" --json -M -i vab -s 2001:db8::1 -p 2001:db8::2 --tx 100 --rx 100 --mult 10 \
	--duration 1.2 >"$dir/micro6-a" 2>&1
stop_b
[ "$(jget "$dir/micro6-a" "s['ups'], s['downs']")" = "1 0" ]
ok $? "micro-BFD IPv6 Up"
sleep 0.2
kill -INT $tpid
wait $tpid 2>/dev/null
# Three tshark runs (each costs seconds of CPU on a loaded host): expert
# findings, fields of every BFD packet, checksums of the micro-BFD frames
# (verified there only: the kernel's own UDP packets cross the veth with
# checksums left to offload).
tf() { tshark -r "$capdir/cap.pcapng" "$@" 2>/dev/null; }
bad=$(tf -Y '_ws.malformed || _ws.expert.severity >= warning' | wc -l)
tf -Y bfd -T fields -E separator=, -e eth.dst -e ip.src -e ip.ttl \
	-e ipv6.hlim -e ip.dsfield.dscp -e udp.srcport -e udp.dstport \
	-e bfd.auth.type -e bfd.auth.len >"$dir/fields"
tf -o udp.check_checksum:TRUE -o ip.check_checksum:TRUE \
	-Y 'eth.dst == 01:00:5e:90:00:01' -T fields -E separator=, \
	-e ip.checksum.status -e udp.checksum.status >"$dir/csum"
total=$(wc -l <"$dir/fields")
diag "tshark: $total BFD packets, $bad malformed or with an expert warning"
[ "$total" -gt 100 ] && [ "$bad" -eq 0 ]
ok $? "tshark: every BFD packet dissects cleanly"
# eth.dst,ip.src,ttl,hlim,dscp,sport,dport,auth type,auth len
count_f() {	# count_f PYTHON-CONDITION on f[0..8]
	"$py" -c "
n = 0
for l in open('$dir/fields'):
    f = l.rstrip('\n').split(',')
    n += bool($1)
print(n)"
}
good=$(grep -c '^1\?,1$' "$dir/csum")
bad=$(grep -vc '^1\?,1$' "$dir/csum")
[ "$good" -gt 10 ] && [ "$bad" -eq 0 ]
ok $? "tshark: micro-BFD frames' IP and UDP checksums verified ($good good, $bad bad)"
for t in 1 2 3 4 5; do
	c=$(count_f "f[7] == '$t' and f[8] != ''")
	[ "$c" -gt 5 ]
	ok $? "tshark: auth type $t dissected ($c packets)"
done
c=$(count_f "f[0] == '01:00:5e:90:00:01' and f[6] == '6784' and f[2] == '255' and f[7] == '3'")
c6=$(count_f "f[0] == '01:00:5e:90:00:01' and f[6] == '6784' and f[3] == '255'")
[ "$c" -gt 5 ] && [ "$c6" -gt 5 ]
ok $? "tshark: micro-BFD frames to 01:00:5e:90:00:01 port 6784 TTL 255 ($c IPv4, $c6 IPv6)"
c=$(count_f "f[1] == '192.0.2.1' and f[6] == '3784'")
c_bad=$(count_f "f[1] == '192.0.2.1' and f[6] == '3784' and (f[2] != '255' or f[4] != '48' or int(f[5]) < 49152)")
[ "$c" -gt 20 ] && [ "$c_bad" -eq 0 ]
ok $? "tshark: single hop sent with TTL 255, DSCP CS6, source port >= 49152 ($c packets, $c_bad not)"

# --- (c) crafted packets from B ----------------------------------------
start bad -s 192.0.2.1 -p 192.0.2.2 -i vab --auth md5:1:crafted-key
sleep 0.3
ip netns exec $B "$py" - <<'EOF'
import hashlib, socket, struct, time

def pkt(state=1, my=0x1234, your=0, length=None, version=1, flags=0,
        auth=None, payload_len=None):
    ln = 24 + (24 if auth else 0) if length is None else length
    h = struct.pack("!BBBBIIIII", version << 5, state << 6 | flags |
                    (4 if auth else 0), 3, ln, my, your, 1000000, 1000000, 0)
    if auth:
        seq = 7
        a = struct.pack("!BBBBI", 2, 24, 1, 0, seq)
        key = auth.ljust(16, b"\0")
        d = hashlib.md5(h + a + key).digest()
        h = h + a + d
    return h[:payload_len] if payload_len else h

def send(data, ttl=255):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
    s.bind(("192.0.2.2", 49999))
    s.sendto(data, ("192.0.2.1", 3784))
    s.close()
    time.sleep(0.01)

send(pkt(auth=b"crafted-key", payload_len=10))          # short
send(pkt(auth=b"crafted-key", version=2))               # version
send(pkt(auth=b"crafted-key")[:40] + b"", )             # length > payload
send(pkt(auth=b"crafted-key", my=0))                    # my discr 0
send(pkt(auth=b"another-key"))                          # bad digest
send(pkt(auth=b"crafted-key"), ttl=254)                 # TTL 254
send(pkt(auth=b"crafted-key"))                          # good: accepted
EOF
sleep 0.2
counters bad >/dev/null
d=$(jget "$dir/bad" "' '.join('%s=%d' % (k, s['drop'][k]) for k in ('short', 'version', 'length', 'discr', 'auth', 'ttl')), 'rx=%d' % s['rx'], 'state=' + s['state']")
diag "crafted: $d"
[ "$d" = "short=1 version=1 length=1 discr=1 auth=1 ttl=1 rx=1 state=Init" ]
ok $? "crafted: each bad packet dropped for its reason and counted; the good one accepted (Init)"

echo "1..$count"
echo "# $((count - failed)) passed, $failed failed"
[ $failed -eq 0 ]
