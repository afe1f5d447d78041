#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# etrunkctl save and -b: every object kind is configured with the CLI
# (trunk options of modes backup and lacp, members, a flush-receive port,
# BFD sessions, an E-Trunk group with a binding, an RBS service and an RBP
# profile, a description with a space), saved, deleted or reset, and run
# again from the file with etrunkctl -b: save prints the same file again
# and every -j show has the same configuration. Keys are not printed. A
# failing line stops the batch and is named with its line number. apply
# makes the running configuration the file's: --check changes nothing, a
# second apply sends nothing (the monitor sees no event), a line the
# kernel refuses undoes what the lines before it changed.

source "$(dirname "$0")/lib.sh"
require_etrunk
ETRUNKCTL="$REPO_DIR/tools/etrunkctl/etrunkctl"
[ -x "$ETRUNKCTL" ] || skip "etrunkctl not built (make -C tools/etrunkctl)"
command -v jq >/dev/null || skip "jq not installed"

new_ns NS cfg
ctl() { ip netns exec "$NS" "$ETRUNKCTL" "$@"; }
# The configuration in every -j show: counters, states, ages, ifindexes (a
# trunk made again gets a new one) and what the kernel picks or counts
# dropped.
state() {
	local what
	for what in show "member show d0" "member show d1" "member show d2" \
		    "flush-receive show" "bfd show" "e-trunk show" "rbs show" \
		    "rbp show"; do
		# shellcheck disable=SC2086
		ctl -j $what | jq -S 'walk(if type == "object" then
			del(.counters, .stats, .flush_stats, .state, .remote_state,
			    .ifindex, .trunk_ifindex,
			    .last_change_ms, .state_age_ms, .peer_state, .diag,
			    .remote_diag, .tx_interval_us, .detect_time_us,
			    .peer_discr, .lacp, .switchover_age_ms, .link_failures,
			    .carrier, .active_members, .active_member, .reason,
			    .role, .links, .switchovers, .switchover_reason) |
			# a discriminator the kernel picked (above 8191)
			if (.local_discr // 0) > 8191 then .local_discr = "picked"
			else . end
			else . end)'
	done
}

ip -n "$NS" link add et0 type etrunk mode backup
ip -n "$NS" link add et1 type etrunk mode lacp
ip -n "$NS" link add br0 type bridge
for d in d0 d1 d2 p0; do ip -n "$NS" link add "$d" type dummy; done
ip -n "$NS" link set d0 master et0
ip -n "$NS" link set d1 master et0
ip -n "$NS" link set d2 master et1
ip -n "$NS" link set p0 master br0
for d in et0 et1 br0 d0 d1 d2 p0; do ip -n "$NS" link set "$d" up; done
ip -n "$NS" addr add 192.0.2.1/24 dev et0

# ---- configure every object kind ------------------------------------------

check "set et0 (backup)" ctl set et0 hash_policy layer3+4 min_links 1 \
	revertive on revert_delay 500 grat_arp 2 flush_count 3 \
	flush_interval 20 probe_interval 100 probe_missed 4 \
	probe_target 192.0.2.9,2001:db8::9 flush_key 0011
check "set et1 (lacp)" ctl set et1 lacp_rate fast lacp_select priority \
	system_priority 100 system_id 02:00:5e:00:00:11 actor_key 7 \
	port_offset 100 lacp_preempt on lacp_preempt_delay 2000
check "member set d0" ctl member set d0 priority 10 master on
check "member set d1" ctl member set d1 priority 20 admin down
check "member set d2" ctl member set d2 lacp_port_priority 5 lacp_active off
check "flush-receive p0" ctl flush-receive p0 on vlans 10,20
check "bfd add b1" ctl bfd add b1 peer 192.0.2.2 source 192.0.2.1 \
	min-tx 50 min-rx 100.5 multiplier 5 local-discr 77 shutdown
check "bfd add b2 (keyed)" ctl bfd add b2 peer 192.0.2.3 type multihop \
	source 192.0.2.1 auth keyed-sha1 key-id 3 key 0123456789
check "e-trunk add 1" ctl e-trunk add 1 system-id 02:00:5e:00:00:01 \
	source 192.0.2.1 peer 192.0.2.2 priority 50 liveness 192.0.2.4 \
	port 61001 hello 500 hold-multiplier 4 revert-delay 30 \
	description "to PE2 # east" bfd-session b1 key abcd
check "e-trunk bind et0" ctl e-trunk bind et0 group 1 id 10 \
	mode force-master remote-id 7 basis links
check "rbs add s1" ctl rbs add s1 peer 192.0.2.2 source 192.0.2.1 \
	port 7000 hold-time 90 keepalive 500 max-entries 300 \
	description 'say "hi"' key k1
check "rbp add p1" ctl rbp add p1 service s1 backup-id 3 dev et0 kinds arp,nd

state >"$TMP/before"
ctl save >"$TMP/shown" 2>"$TMP/err"
check_eq "save: no error" "" "$(cat "$TMP/err")"
check "save: no key printed" bash -c "! grep -qiE 'abcd|0123456789|k1' '$TMP/shown'"
check "save: a comment where a key is set" \
	grep -q "^# e-trunk 1: a key is set (save -o FILE writes keys)" "$TMP/shown"
check "save -o FILE" ctl save -o "$TMP/saved"
sed 's/^/# /' "$TMP/saved"
check_eq "save -o: mode 0600" 600 "$(stat -c %a "$TMP/saved")"
check "save -o: the keys read back" bash -c \
	"grep -q ' key abcd' \"\$1\" && grep -q ' key 0123456789' \"\$1\" && grep -q ' key k1' \"\$1\"" \
	_ "$TMP/saved"
check "save -o: the flush key is only a comment" \
	grep -q "^# et0: a flush_key is set" "$TMP/saved"
printf 'set et0 flush_key 0011\n' >"$TMP/keyed"
ctl save -o "$TMP/keyed"
check "save -o FILE keeps the flush key FILE had (the kernel never shows it)" \
	grep -q "^set et0 .* flush_key 0011$" "$TMP/keyed"
check "and then writes no comment for it" \
	bash -c "! grep -q '^# et0: a flush_key' '$TMP/keyed'"
grep -v '^#' "$TMP/shown" >"$TMP/shown.lines"
grep -v '^#' "$TMP/saved" | sed 's/ key [^ ]*//' >"$TMP/saved.lines"
check "save -o: the same lines as save, with keys" cmp "$TMP/shown.lines" \
	"$TMP/saved.lines"

# ---- delete and reset, then run the file ------------------------------------

check "delete everything" bash -c "
	set -e
	ctl() { ip netns exec '$NS' '$ETRUNKCTL' \"\$@\"; }
	ctl rbp del p1; ctl rbs del s1; ctl e-trunk unbind et0; ctl e-trunk del 1
	ctl bfd del b1; ctl bfd del b2; ctl flush-receive p0 off
	ctl set et0 hash_policy layer2 min_links 0 revertive off probe_interval 0 probe_target none
	ctl set et1 lacp_rate slow actor_key 1 port_offset 0
	ctl member set d0 priority 0 master off
	ctl member set d1 admin up
	ctl member set d2 lacp_active on"
state >"$TMP/changed"
check "the state changed" bash -c "! cmp -s '$TMP/before' '$TMP/changed'"
check "etrunkctl -b saved" ctl -b "$TMP/saved"
state >"$TMP/after"
check "the same -j state after -b" diff -u "$TMP/before" "$TMP/after"
ctl save -o "$TMP/saved2"
check "save prints the same file again" cmp "$TMP/saved" "$TMP/saved2"
printf 'set et0 grat_arp 5\n' | ctl -b -
check_eq "-b - reads stdin" 5 "$(ctl -j show et0 | jq '.[0].grat_arp')"

# ---- a failing line ----------------------------------------------------------

printf '# a comment\nset et0 grat_arp 6\n\nbfd add b9 peer 192.0.2.7 multiplier 0\nset et0 grat_arp 7\n' \
	>"$TMP/bad"
check_refused "a failing line is named" "$TMP/bad:4: command failed" \
	ctl -b "$TMP/bad"
check_eq "the lines before it ran, not after" 6 "$(ctl -j show et0 | jq '.[0].grat_arp')"
printf 'set et0 description "open\n' >"$TMP/quote"
check_refused "an unterminated quote" "$TMP/quote:1: unterminated quote" \
	ctl -b "$TMP/quote"
check_refused "-b and a command" "-b takes no command" ctl -b "$TMP/bad" show

# ---- apply: all or nothing, idempotent ----------------------------------------

ctl save -o "$TMP/conf"
state >"$TMP/before"
# Change what the file says, and add what it does not name.
ctl set et0 grat_arp 9
ctl member set d0 priority 11
ctl bfd set b1 multiplier 7
ctl e-trunk set 1 priority 60
ctl rbp del p1
ctl bfd add b7 peer 192.0.2.8 source 192.0.2.1
ip -n "$NS" link del et1	# d2 is released
state >"$TMP/changed"
check "apply --check of the saved file" ctl apply --check "$TMP/conf"
state >"$TMP/checked"
check "--check changes nothing" cmp -s "$TMP/changed" "$TMP/checked"
check "apply of the saved file" ctl apply "$TMP/conf"
check_eq "it made et1 again (mode lacp), d2 its member" "lacp et1" \
	"$(ctl -j show et1 | jq -r '.[0].mode') $(ctl -j member show d2 | jq -r '.[0].trunk')"
ip -n "$NS" link set et1 up	# the network configuration's part
state >"$TMP/applied"
check "the state is the file's again" diff -u "$TMP/before" "$TMP/applied"
check_refused "what the file does not name is removed" "No such" ctl bfd show b7
ctl save -o "$TMP/conf2"
check "save prints the file again" cmp "$TMP/conf" "$TMP/conf2"

# A second apply changes nothing: no request, so no event.
ip netns exec "$NS" "$ETRUNKCTL" -j monitor >"$TMP/events" 2>&1 &
mon=$!
sleep 0.5
check "apply again" ctl apply "$TMP/conf"
ctl set et0 grat_arp 2	# one event, so the monitor surely ran
sleep 0.5
kill "$mon" 2>/dev/null
wait "$mon" 2>/dev/null
check_eq "the second apply sent nothing: the monitor saw only the set after it" \
	"trunk-changed" "$(jq -r .event "$TMP/events" | xargs)"
ctl apply "$TMP/conf"

# An error on the last line: the kernel refuses it (d0 is no trunk), the
# changes before it are undone, the line and the message are reported.
sed -e '/^set et0 /s/grat_arp [0-9]*/grat_arp 4/' -e '/^bfd add b1 /s/multiplier 5/multiplier 6/' \
	"$TMP/conf" >"$TMP/conf.bad"
echo "e-trunk bind d0 group 1 id 11" >>"$TMP/conf.bad"
n=$(wc -l <"$TMP/conf.bad")
check "the bad file changes two lines and adds one" test "$(diff "$TMP/conf" "$TMP/conf.bad" | grep -c '^>')" = 3
check_refused "the kernel's refusal of the last line" "The device is not a trunk" \
	ctl apply "$TMP/conf.bad"
check_refused "is named with its line" "$TMP/conf.bad:$n: the kernel refused the line; undoing 2 changes" \
	ctl apply "$TMP/conf.bad"
state >"$TMP/rolled"
check "the running state is as it was" diff -u "$TMP/before" "$TMP/rolled"

# Refused before anything is sent.
printf 'e-trunk bind et0 group 5 id 10\n' >"$TMP/ref"
check_refused "a binding to a group the file does not define" \
	"$TMP/ref:1: bind et0 names e-trunk 5, which the file does not define" \
	ctl apply --check "$TMP/ref"
printf 'set et0 grat_arp 3\nshow\n' >"$TMP/notcfg"
check_refused "a line that is no configuration" "$TMP/notcfg:2: 'show' is not a configuration line" \
	ctl apply "$TMP/notcfg"
printf 'set et0 grat_arp 3\nbfd add b9 peer 192.0.2.7 multiplier x\n' >"$TMP/syntax"
check_refused "a line its parser refuses" "$TMP/syntax:2: the line is refused" \
	ctl apply "$TMP/syntax"
state >"$TMP/after_refused"
check "refused files change nothing" diff -u "$TMP/before" "$TMP/after_refused"

finish
