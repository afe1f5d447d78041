#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# etrunkctl rbs and rbp end to end: a remote backup service is added with
# its defaults shown (plain and -j, numbers as numbers), set and read back
# (IPv6, the key only reported as set, max-entries also in save); a profile binds a trunk over the
# service with its kinds and follows the trunk's E-Trunk binding, with a
# per-kind table; refusals carry the tool's or the kernel's message; a
# service in use is not deleted; a profile goes with its trunk; the
# monitor sees the events; and deleting works.

source "$(dirname "$0")/lib.sh"
require_etrunk
require_etrunkctl
command -v jq >/dev/null || skip "jq not installed"

new_ns NS rbs
ctl() { ip netns exec "$NS" "$ETRUNKCTL" "$@"; }
# sf NAME FILTER / pf NAME FILTER: a jq filter over the one service or
# profile of `rbs|rbp show NAME -j`.
sf() { ctl -j rbs show "$1" | jq -r ".[0] | $2"; }
pf() { ctl -j rbp show "$1" | jq -r ".[0] | $2"; }

ip -n "$NS" link add et0 type etrunk mode lacp
ip -n "$NS" link add et1 type etrunk
ip -n "$NS" link add d0 type dummy

ip netns exec "$NS" "$ETRUNKCTL" -j monitor >"$TMP/events" 2>&1 &
mon=$!
sleep 0.5

# ---- a service ------------------------------------------------------------

check "add a service" ctl rbs add pe2 peer 192.0.2.2 source 192.0.2.1
out=$(ctl rbs show pe2)
check_eq "plain: state and addresses" \
	"rbs pe2: down, peer 192.0.2.2, source 192.0.2.1, port 6787" \
	"$(head -1 <<<"$out")"
check "plain: key, hold time, keepalive, max-entries" grep -q \
	"^  key unset, hold-time 60 s, keepalive 1000 ms, max-entries 65536$" <<<"$out"
check "plain: counters" grep -q \
	"^  connects 0, errors 0, auth-failures 0$" <<<"$out"
check "plain: no sync yet" grep -q "^  no full sync yet$" <<<"$out"
check_eq "json: name" pe2 "$(sf pe2 .name)"
check_eq "json: state" down "$(sf pe2 .state)"
check_eq "json: peer" 192.0.2.2 "$(sf pe2 .peer)"
check_eq "json: source" 192.0.2.1 "$(sf pe2 .source)"
check_eq "json: port a number" 6787 "$(sf pe2 '.port | numbers')"
check_eq "json: key_set" false "$(sf pe2 .key_set)"
check_eq "json: hold_time_s" 60 "$(sf pe2 '.hold_time_s | numbers')"
check_eq "json: keepalive_ms" 1000 "$(sf pe2 .keepalive_ms)"
check_eq "json: max_entries" 65536 "$(sf pe2 '.max_entries | numbers')"
check_eq "json: connects" 0 "$(sf pe2 '.connects | numbers')"
check_eq "json: errors" 0 "$(sf pe2 .errors)"
check_eq "json: auth_failures" 0 "$(sf pe2 .auth_failures)"
check_eq "json: no sync" null "$(sf pe2 .last_sync_age_ms)"
check_eq "json: no description" null "$(sf pe2 .description)"

check "set every option" ctl rbs set pe2 peer 2001:db8::2 source 2001:db8::1 \
	port 7000 key s3cret-rbs hold-time 120 keepalive 300 max-entries 5000 \
	description "to PE2"
out=$(ctl rbs show pe2)
check "plain: IPv6 and port" grep -q \
	"peer 2001:db8::2, source 2001:db8::1, port 7000$" <<<"$out"
check "plain: key set" grep -q \
	"^  key set, hold-time 120 s, keepalive 300 ms, max-entries 5000$" <<<"$out"
check "plain: description" grep -q '^  description "to PE2"$' <<<"$out"
check_eq "the key is never shown" 0 \
	"$( (ctl rbs show pe2; ctl -j rbs show pe2) | grep -c s3cret-rbs)"
check_eq "json: key_set" true "$(sf pe2 .key_set)"
check_eq "json: port" 7000 "$(sf pe2 .port)"
check_eq "json: description" "to PE2" "$(sf pe2 .description)"
check_eq "json: max_entries" 5000 "$(sf pe2 .max_entries)"
check "save: max-entries" grep -qE "^rbs add pe2 .* max-entries 5000( |$)" \
	<<<"$(ctl save)"
check "set max-entries alone" ctl rbs set pe2 max_entries 1048576
check_eq "json: the most max_entries" 1048576 "$(sf pe2 .max_entries)"
check "save: the largest" grep -qE \
	"^rbs add pe2 .* max-entries 1048576( |$)" <<<"$(ctl save)"
check "remove the key" ctl rbs set pe2 key none
check_eq "json: no key" false "$(sf pe2 .key_set)"
check "a second service" ctl rbs add pe3 peer 192.0.2.3 source 192.0.2.1

# ---- a profile ------------------------------------------------------------

check "add a profile" ctl rbp add arp10 service pe2 backup-id 10 dev et0
out=$(ctl rbp show arp10)
check_eq "plain: profile" \
	"rbp arp10: service pe2, backup-id 10, hot, kinds arp,nd,igmp,mld" \
	"$(head -1 <<<"$out")"
check "plain: trunk, not bound" grep -q \
	"^  trunk et0, not bound to an e-trunk$" <<<"$out"
check "plain: the table's head" grep -qE \
	"^  kind +sent +received +installed +removed +entries +failed$" <<<"$out"
check "plain: a row per kind" grep -qE "^  mld +0 +0 +0 +0 +0 +0$" <<<"$out"
check_eq "json: service" pe2 "$(pf arp10 .service)"
check_eq "json: backup_id" 10 "$(pf arp10 '.backup_id | numbers')"
check_eq "json: type" hot "$(pf arp10 .type)"
check_eq "json: kinds" "arp nd igmp mld" "$(pf arp10 '.kinds | join(" ")')"
check_eq "json: dev" et0 "$(pf arp10 .dev)"
check_eq "json: no e-trunk" null "$(pf arp10 .e_trunk)"
check_eq "json: stats" 0 "$(pf arp10 '.stats.nd.installed | numbers')"
check_eq "json: failed" 0 "$(pf arp10 '.stats.nd.failed | numbers')"
check "set kinds" ctl rbp set arp10 kinds arp,nd
check_eq "json: kinds after set" "arp nd" "$(pf arp10 '.kinds | join(" ")')"
check_eq "json: stats of the kinds" "arp nd" \
	"$(pf arp10 '.stats | keys_unsorted | join(" ")')"

# The profile follows its trunk's E-Trunk binding.
check "an e-trunk" ctl e-trunk add 1 system-id 02:00:00:00:00:01 \
	source 192.0.2.1 peer 192.0.2.2
check "bind et0" ctl e-trunk bind et0 group 1 id 20
check "plain: the binding" grep -q "^  trunk et0, e-trunk 1, trunk id 20$" \
	<<<"$(ctl rbp show arp10)"
check_eq "json: e_trunk" 1 "$(pf arp10 .e_trunk)"
check_eq "json: trunk_id" 20 "$(pf arp10 .trunk_id)"

# ---- refusals -------------------------------------------------------------

check_refused "no source (tool)" "which source?" ctl rbs add x peer 192.0.2.9
check_refused "hold-time (tool)" "expected 0 to 3600 s" ctl rbs set pe2 hold-time 3601
check_refused "max-entries 0 (tool)" "max-entries: expected 1 to 1048576" \
	ctl rbs set pe2 max-entries 0
check_refused "max-entries beyond (tool)" "max-entries: expected 1 to 1048576" \
	ctl rbs set pe2 max-entries 1048577
check_refused "unknown kind (tool)" "expected arp, nd, igmp and mld" \
	ctl rbp set arp10 kinds arp,ipx
check_refused "no trunk (tool)" "which trunk?" ctl rbp add x service pe2 backup-id 1
check_refused "a bad name (kernel)" "A name is 1 to 31 letters" \
	ctl rbs add 'a b' peer 192.0.2.9 source 192.0.2.1
check_refused "families (kernel)" "The addresses of a service must be of one family" \
	ctl rbs add x peer 192.0.2.9 source 2001:db8::1
check_refused "peer and port taken (kernel)" \
	"Another service has this peer address and port" \
	ctl rbs add x peer 2001:db8::2 source 2001:db8::1 port 7000
check_refused "no such service (kernel)" "No such remote backup service" \
	ctl rbp add x service nope backup-id 1 dev et0
check_refused "not a trunk (kernel)" "The device is not a trunk" \
	ctl rbp add x service pe2 backup-id 1 dev d0
check_refused "backup id taken (kernel)" \
	"Another profile of the service has this backup id" \
	ctl rbp add x service pe2 backup-id 10 dev et1
check_refused "service in use (kernel)" "Profiles use the service; delete them first" \
	ctl rbs del pe2

# ---- deletion -------------------------------------------------------------

check "a profile on et1" ctl rbp add on-et1 service pe3 backup-id 1 dev et1 \
	kinds all type hot
check "delete et1" ip -n "$NS" link del et1
check "the profile went with et1" bash -c \
	"! ip netns exec $NS $ETRUNKCTL rbp show on-et1 >/dev/null 2>&1"
check "delete pe3, free again" ctl rbs del pe3
check "delete the profile" ctl rbp del arp10
check "delete the service" ctl rbs del pe2
check_eq "no services left" 0 "$(ctl -j rbs show | jq length)"
check_eq "no profiles left" 0 "$(ctl -j rbp show | jq length)"

sleep 0.5
kill "$mon" 2>/dev/null
wait "$mon" 2>/dev/null
check_eq "monitor: rbs-added" "pe2 pe3" \
	"$(jq -r 'select(.event == "rbs-added") | .rbs.name' "$TMP/events" | xargs)"
check_eq "monitor: rbp-removed (device, then del)" "on-et1 arp10" \
	"$(jq -r 'select(.event == "rbp-removed") | .rbp.name' "$TMP/events" | xargs)"
check_eq "monitor: rbs-removed" "pe3 pe2" \
	"$(jq -r 'select(.event == "rbs-removed") | .rbs.name' "$TMP/events" | xargs)"

finish
