#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# etrunkctl bfd end to end: a session is added with its defaults shown
# (plain and -j, intervals in ms there and in us in JSON), set option by
# option and read back (IPv6, a device, static discriminators, decimals
# of a millisecond, authentication with the key only reported as set,
# shutdown); a multihop and a micro-BFD session are shown with their
# type, trunk and links; refusals carry the tool's or the kernel's
# message; an E-Trunk group is bound to a session (which then is not
# deleted) or owns one (e-trunk-ID, kept in step with the group's BFD
# timers, not changed directly); sessions go with their device; the
# monitor sees the BFD events; and deleting works.

source "$(dirname "$0")/lib.sh"
require_etrunk
require_etrunkctl
command -v jq >/dev/null || skip "jq not installed"

new_ns NS bfd
ctl() { ip netns exec "$NS" "$ETRUNKCTL" "$@"; }
# jf NAME FILTER: a jq filter over `bfd show NAME -j`'s one session.
jf() { ctl -j bfd show "$1" | jq -r ".[0] | $2"; }
# gf ID FILTER: likewise over `e-trunk show ID -j`'s group.
gf() { ctl -j e-trunk show "$1" | jq -r ".[0] | $2"; }

ip -n "$NS" link add et0 type etrunk mode lacp
ip -n "$NS" link add d0 type veth peer name d1

# ---- a single-hop session ---------------------------------------------------

check "add a session" ctl bfd add to-pe2 peer 192.0.2.2
out=$(ctl bfd show to-pe2)
check_eq "plain: state and type" "bfd to-pe2: down, remote down, single-hop" \
	"$(head -1 <<<"$out")"
check "plain: peer" grep -q "^  peer 192.0.2.2$" <<<"$out"
check "plain: configured intervals" grep -q \
	"configured: min-tx 300 ms, min-rx 300 ms, multiplier 3" <<<"$out"
check "plain: negotiated intervals" grep -q \
	"negotiated: tx 0 ms, detection time 0 ms" <<<"$out"
check "plain: diagnostics" grep -q "diagnostic none, remote none" <<<"$out"
check "plain: authentication" grep -q "authentication none, key unset" <<<"$out"
check "plain: last change" grep -qE "last change [0-9]+\.[0-9] s ago" <<<"$out"
check "plain: counters" grep -q \
	"packets: sent 0, received 0; drops 0, auth-failures 0; ups 0, downs 0" <<<"$out"
check "plain: a dynamic discriminator" grep -qE \
	"local-discr (819[2-9]|8[2-9][0-9][0-9]|9[0-9]{3}|[1-9][0-9]{4,})" <<<"$out"
check_eq "json: name" to-pe2 "$(jf to-pe2 .name)"
check_eq "json: type" single-hop "$(jf to-pe2 .type)"
check_eq "json: state" down "$(jf to-pe2 .state)"
check_eq "json: peer" 192.0.2.2 "$(jf to-pe2 .peer)"
check_eq "json: no source" null "$(jf to-pe2 .source)"
check_eq "json: no dev" null "$(jf to-pe2 .dev)"
check_eq "json: min_tx_us a number" 300000 "$(jf to-pe2 '.min_tx_us | numbers')"
check_eq "json: min_rx_us" 300000 "$(jf to-pe2 .min_rx_us)"
check_eq "json: multiplier" 3 "$(jf to-pe2 .multiplier)"
check_eq "json: remote discr learned" 0 "$(jf to-pe2 .remote_discr)"
check "json: local discr above 8191" test "$(jf to-pe2 .local_discr)" -gt 8191
check_eq "json: diag" none "$(jf to-pe2 .diag)"
check_eq "json: auth" none "$(jf to-pe2 .auth)"
check_eq "json: not shut down" false "$(jf to-pe2 .shutdown)"
check_eq "json: no group" null "$(jf to-pe2 .e_trunk)"
check_eq "json: counters" 0 "$(jf to-pe2 .counters.pkts_tx)"
check_eq "json: last change a number" number "$(jf to-pe2 '.last_change_ms | type')"
check_eq "json: no links" null "$(jf to-pe2 .links)"

check "set every option" ctl bfd set to-pe2 peer 2001:db8::2 \
	source 2001:db8::1 dev d0 local-discr 42 remote-discr 43 \
	min-tx 3.3 min-rx 1000 multiplier 5 auth keyed-sha1 key-id 7 \
	key s3cret-pass shutdown
out=$(ctl bfd show to-pe2)
check "plain: addresses, device, shutdown" grep -q \
	"peer 2001:db8::2, source 2001:db8::1, dev d0, shutdown" <<<"$out"
check "plain: discriminators" grep -q \
	"local-discr 42, peer-discr 0, remote-discr 43" <<<"$out"
check "plain: decimals of a millisecond" grep -q \
	"configured: min-tx 3.3 ms, min-rx 1000 ms, multiplier 5" <<<"$out"
check "plain: authentication" grep -q \
	"authentication keyed-sha1 key-id 7, key set" <<<"$out"
check_eq "json: min_tx_us" 3300 "$(jf to-pe2 .min_tx_us)"
check_eq "json: min_rx_us" 1000000 "$(jf to-pe2 .min_rx_us)"
check_eq "json: dev" d0 "$(jf to-pe2 .dev)"
check_eq "json: local discr" 42 "$(jf to-pe2 .local_discr)"
check_eq "json: shutdown" true "$(jf to-pe2 .shutdown)"
check_eq "json: auth" keyed-sha1 "$(jf to-pe2 .auth)"
check_eq "json: key set" true "$(jf to-pe2 .key_set)"
check "the key is never shown" bash -c \
	"! ip netns exec $NS $ETRUNKCTL -j bfd show | grep -q s3cret"
check "no-shutdown, no source, no device" ctl bfd set to-pe2 no-shutdown \
	source none dev none peer 192.0.2.2
check_eq "json: source gone" null "$(jf to-pe2 .source)"
check_eq "json: dev gone" null "$(jf to-pe2 .dev)"
check_eq "json: not shut down" false "$(jf to-pe2 .shutdown)"

# ---- multihop and micro-BFD ---------------------------------------------------

check "add a multihop session" ctl bfd add mh peer 198.51.100.2 \
	source 192.0.2.1 type multihop
check_eq "json: multihop" multihop "$(jf mh .type)"
check "add a micro-BFD session" ctl bfd add micro type micro dev et0 \
	peer 192.0.2.2 source 192.0.2.1
out=$(ctl bfd show micro)
check "plain: micro on its trunk" grep -q "peer 192.0.2.2, source 192.0.2.1, trunk et0" <<<"$out"
check "plain: no member sessions yet" grep -q "no member sessions yet" <<<"$out"
check_eq "json: micro's trunk" et0 "$(jf micro .dev)"
check_eq "json: micro has no local discr" null "$(jf micro .local_discr)"
check_eq "json: micro links" 0 "$(jf micro '.links | length')"
check_eq "dump: three in creation order" "to-pe2 mh micro" \
	"$(ctl -j bfd show | jq -r '[.[].name] | join(" ")')"

# ---- refusals -----------------------------------------------------------------

check_refused "no peer (tool)" "which peer?" ctl bfd add x source 192.0.2.1
check_refused "min-tx 0.5 ms (tool)" "expected 1 to 60000 ms" \
	ctl bfd set to-pe2 min-tx 0.5
check_refused "four decimals (tool)" "at most 3 decimals" \
	ctl bfd set to-pe2 min-tx 1.0001
check_refused "local-discr 8192 (tool)" "expected 1 to 8191" \
	ctl bfd set to-pe2 local-discr 8192
check_refused "unknown auth (tool)" "unknown value" ctl bfd set to-pe2 auth md5
check_refused "a bad name (kernel)" "A session name is 1 to 31 letters" \
	ctl bfd add 'a b' peer 192.0.2.2
check_refused "name taken (kernel)" "A BFD session of this name exists" \
	ctl bfd add mh peer 192.0.2.2
check_refused "families (kernel)" "The addresses of a session must be of one family" \
	ctl bfd add x peer 192.0.2.2 source 2001:db8::1
check_refused "multihop without source (kernel)" \
	"A multihop session needs a source address" \
	ctl bfd add x peer 192.0.2.2 type multihop
check_refused "micro on a veth (kernel)" "The device is not a trunk" \
	ctl bfd add x peer 192.0.2.2 source 192.0.2.1 type micro dev d0
check_refused "a discriminator taken (kernel)" \
	"Another session has this local discriminator" \
	ctl bfd add x peer 192.0.2.2 local-discr 42
check_refused "a type without key (kernel)" "The authentication type needs a key" \
	ctl bfd add x peer 192.0.2.2 auth keyed-md5
check_refused "an MD5 key of 17 bytes (kernel)" "The key is too long" \
	ctl bfd add x peer 192.0.2.2 auth keyed-md5 key 12345678901234567
check_refused "no such session (kernel)" "No such BFD session" ctl bfd del x

# ---- E-Trunk groups -----------------------------------------------------------

check "add a group" ctl e-trunk add 1 system-id 02:00:5e:00:00:01 \
	source 192.0.2.1 peer 192.0.2.2
check_eq "json: group bfd off" false "$(gf 1 .bfd)"
check_eq "json: group not bound" null "$(gf 1 .bfd_session)"
check_eq "json: group bfd min tx" 300000 "$(gf 1 .bfd_min_tx_us)"
check "bind the group to a session" ctl e-trunk set 1 bfd-session to-pe2
check_eq "json: bound" to-pe2 "$(gf 1 .bfd_session)"
check "plain: bound" grep -q "bfd session to-pe2" <<<"$(ctl e-trunk show 1)"
check_refused "a bound session is not deleted" \
	"E-Trunk group 1 is bound to the session" ctl bfd del to-pe2
check_refused "no such session to bind" "No such BFD session" \
	ctl e-trunk set 1 bfd-session nosuch
check "unbind" ctl e-trunk set 1 bfd-session none
check_eq "json: unbound" null "$(gf 1 .bfd_session)"
check "the group's own session" ctl e-trunk set 1 bfd on bfd-min-tx 50 \
	bfd-min-rx 100.5 bfd-multiplier 4
out=$(ctl e-trunk show 1)
check "plain: bfd on" grep -q \
	"bfd on (session e-trunk-1), min-tx 50 ms, min-rx 100.5 ms, multiplier 4" <<<"$out"
check_eq "json: own session's group" 1 "$(jf e-trunk-1 .e_trunk)"
check_eq "json: own session's min tx" 50000 "$(jf e-trunk-1 .min_tx_us)"
check_eq "json: own session's min rx" 100500 "$(jf e-trunk-1 .min_rx_us)"
check_eq "json: own session's source" 192.0.2.1 "$(jf e-trunk-1 .source)"
check "plain: the owner" grep -q "e-trunk 1's own" <<<"$(ctl bfd show e-trunk-1)"
check_refused "the own session is the group's" \
	"The session belongs to E-Trunk group 1" ctl bfd set e-trunk-1 multiplier 9
check "the group's timers follow" ctl e-trunk set 1 bfd-multiplier 6
check_eq "json: own session's multiplier" 6 "$(jf e-trunk-1 .multiplier)"
check "bfd off" ctl e-trunk set 1 bfd off
check_refused "own session gone" "No such BFD session" ctl bfd show e-trunk-1

# ---- events, devices, deletion -----------------------------------------------

ip netns exec "$NS" "$ETRUNKCTL" -j monitor >"$TMP/events" 2>&1 &
mon=$!
sleep 0.5
check "a session on d0" ctl bfd add on-d0 peer 192.0.2.9 dev d0
check "delete d0" ip -n "$NS" link del d0
check "the session went with d0" wait_until 5 bash -c \
	"! ip netns exec $NS $ETRUNKCTL bfd show on-d0 >/dev/null 2>&1"
check "delete a session" ctl bfd del mh
sleep 0.5
kill "$mon" 2>/dev/null
wait "$mon" 2>/dev/null
check_eq "monitor: bfd-added" on-d0 \
	"$(jq -r 'select(.event == "bfd-added") | .bfd.name' "$TMP/events" | head -1)"
check_eq "monitor: bfd-removed (device, then del)" "on-d0 mh" \
	"$(jq -r 'select(.event == "bfd-removed") | .bfd.name' "$TMP/events" | xargs)"
check_eq "remaining sessions" "to-pe2 micro" \
	"$(ctl -j bfd show | jq -r '[.[].name] | join(" ")')"

finish
