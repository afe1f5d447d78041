#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run etrunk selftests and print KTAP, like the kernel's kselftest runner:
# each test's own output as "# " lines, then "ok N name", "not ok N name"
# or "ok N name # SKIP". Loads the module from ETRUNK_KO (default: the
# checkout's kmod/etrunk.ko) unless it is loaded. Exits 1 if a test failed.
#
#   run.sh [TEST...]     (default: every test in the Makefile)

set -u
cd "$(dirname "$0")" || exit 1
export ETRUNK_KO=${ETRUNK_KO:-$(cd .. && pwd)/kmod/etrunk.ko}
timeout=$(sed -n 's/^timeout=//p' settings)

[ $# -gt 0 ] || set -- $(make -s list)
[ -d /sys/module/etrunk ] || insmod "$ETRUNK_KO" ||
	echo "# could not load $ETRUNK_KO"

echo "KTAP version 1"
echo "1..$#"
n=0 pass=0 fail=0 skip=0
for t in "$@"; do
	n=$((n + 1))
	start=$(date +%s)
	timeout "$timeout" "./$t" 2>&1 | sed -u 's/^/# /'
	rc=${PIPESTATUS[0]}
	echo "# $t: $(($(date +%s) - start)) s"
	case $rc in
	0)	pass=$((pass + 1)); echo "ok $n selftests: etrunk: $t" ;;
	4)	skip=$((skip + 1)); echo "ok $n selftests: etrunk: $t # SKIP" ;;
	124)	fail=$((fail + 1)); echo "not ok $n selftests: etrunk: $t # TIMEOUT ${timeout}s" ;;
	*)	fail=$((fail + 1)); echo "not ok $n selftests: etrunk: $t # exit=$rc" ;;
	esac
done
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:$skip error:0"
[ "$fail" = 0 ]
