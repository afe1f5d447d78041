#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run etrunk selftests and print KTAP, like the kernel's kselftest runner:
# each test's own output as "# " lines, then "ok N name", "not ok N name"
# or "ok N name # SKIP". Loads the module from ETRUNK_KO (default: the
# checkout's kmod/etrunk.ko) unless it is loaded. Exits 1 if a test failed.
# On a kernel with kmemleak (the debug kernel of `make check-debug`), a
# test also fails if it leaked memory etrunk allocated, and may take four
# times the timeout in settings (KASAN and lockdep slow everything down).
#
#   run.sh [TEST...]     (default: every test in the Makefile)

set -u
cd "$(dirname "$0")" || exit 1
export ETRUNK_KO=${ETRUNK_KO:-$(cd .. && pwd)/kmod/etrunk.ko}
timeout=$(sed -n 's/^timeout=//p' settings)
kmemleak=/sys/kernel/debug/kmemleak
if [ -e $kmemleak ]; then
	timeout=$((timeout * 4))
else
	kmemleak=
fi

# Print what kmemleak finds left over from the last test; fail if a report
# involves etrunk: a frame in it, or an address no symbol covers any more,
# i.e. in a module since removed (here: etrunk, by etrunk_rmmod.sh).
# Reported objects are then cleared, so none is reported twice.
#   leaks END   (END: when the test ended, in seconds since the epoch)
leaks()
{
	local all n wait

	# An object is reported once unchanged between two scans, and only
	# if older than 5 s when the second began. A scan takes 20 s here, so
	# the wait is rarely needed.
	if ! echo scan 2>/dev/null >$kmemleak; then
		echo "kmemleak: scan failed (disabled? see the kernel log)"
		return 1
	fi
	wait=$(($1 + 6 - $(date +%s)))
	[ "$wait" -le 0 ] || sleep "$wait"
	echo scan >$kmemleak
	all=$(cat $kmemleak)
	echo clear >$kmemleak
	[ -n "$all" ] || return 0
	echo "$all"
	n=$(awk '/^unreferenced object/ { n += ours; ours = 0 }
		/\[etrunk\]$/ || /\] 0x[0-9a-f]+$/ { ours = 1 }
		END { print n + ours }' <<<"$all")
	echo "kmemleak: $n of these reports involve etrunk"
	[ "$n" = 0 ]
}

# The etrunk_genl_* programs are one suite split by object: under
# kmemleak, a run of them in a row is checked once, after the last (a
# check takes about 40 s); a leak fails that last one.
genl_prog()
{
	case "$1" in etrunk_genl_*) return 0 ;; esac
	return 1
}

[ $# -gt 0 ] || set -- $(make -s list)
[ -d /sys/module/etrunk ] || insmod "$ETRUNK_KO" ||
	echo "# could not load $ETRUNK_KO"

echo "KTAP version 1"
echo "1..$#"
n=0 pass=0 fail=0 skip=0
tests=("$@")
for t in "$@"; do
	next=${tests[$n + 1]:-}
	n=$((n + 1))
	start=$(date +%s)
	timeout "$timeout" "./$t" 2>&1 | sed -u 's/^/# /'
	rc=${PIPESTATUS[0]}
	end=$(date +%s)
	echo "# $t: $((end - start)) s"
	if [ -n "$kmemleak" ] && genl_prog "$t" && genl_prog "$next"; then
		echo "# $t: kmemleak check after $next"
	elif [ -n "$kmemleak" ]; then
		leaks "$end" 2>&1 | sed -u 's/^/# /'
		[ "${PIPESTATUS[0]}" = 0 ] || case $rc in 0 | 4) rc=leak ;; esac
		echo "# $t: kmemleak check $(($(date +%s) - end)) s"
	fi
	case $rc in
	0)	pass=$((pass + 1)); echo "ok $n selftests: etrunk: $t" ;;
	4)	skip=$((skip + 1)); echo "ok $n selftests: etrunk: $t # SKIP" ;;
	124)	fail=$((fail + 1)); echo "not ok $n selftests: etrunk: $t # TIMEOUT ${timeout}s" ;;
	leak)	fail=$((fail + 1)); echo "not ok $n selftests: etrunk: $t # kmemleak" ;;
	*)	fail=$((fail + 1)); echo "not ok $n selftests: etrunk: $t # exit=$rc" ;;
	esac
done
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:$skip error:0"
[ "$fail" = 0 ]
