#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the selftests in the test VM and end with the summary line CI reads:
# "N passed, N failed, N skipped". Counts the KTAP results of the tests;
# a test that never reported (the guest died) and a kernel problem found
# in the guest's log (vm.sh exit 3) count as failures.
#
#   check.sh [VM OPTIONS --] [TEST...]   (default: all selftests, and
#                                        etrunkd's unit tests on the host)
#
# VM OPTIONS are vm.sh's (another kernel, memory, timeout). ETRUNK_KO, if
# set, names the module the guest loads (the guest starts with a clean
# environment, so it is passed on explicitly). KERNEL picks the Debian
# kernel series (series.sh, default 6.1); for one other than the host's,
# module.sh builds the module in that release's chroot.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=${here%/scripts}
cd "$top" || exit 1

vm_opts=()
if [[ " $* " == *" -- "* ]]; then
	while [ "$1" != -- ]; do vm_opts+=("$1"); shift; done
	shift
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ "${KERNEL:-6.1}" != 6.1 ] || [ -n "${ETRUNK_KO:-}" ]; then
	ETRUNK_KO=$("$here/module.sh") || exit 1
	export ETRUNK_KO
fi

# etrunkd's protocol core: unit tests on the host (namespaces and veth
# work here), counted with the guest's, when all tests run.
unit_p=0 unit_f=0 unit_s=0
if [ $# -eq 0 ]; then
	# and the Wireshark dissector's, with tshark
	for dir in tools/etrunkd tools/wireshark; do
		make -s -C "$dir" check 2>&1 | tee "$log"
		read -r p _ f _ s _ <<<"$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" |
			tail -n1 | tr -d ,)"
		[ -n "$p" ] || { p=0 f=1 s=0; echo "# $dir: no summary"; }
		unit_p=$((unit_p + p)) unit_f=$((unit_f + f)) unit_s=$((unit_s + s))
	done
fi

cmd=(selftests/run.sh "$@")
[ -z "${ETRUNK_KO:-}" ] || cmd=(env "ETRUNK_KO=$ETRUNK_KO" "${cmd[@]}")
"$here/vm.sh" "${vm_opts[@]}" -- "${cmd[@]}" | tee "$log"
rc=${PIPESTATUS[0]}

planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log" | head -n1)
skipped=$(grep -cE '^ok [0-9]+ .*# SKIP' "$log")
passed=$(($(grep -cE '^ok [0-9]+ ' "$log") - skipped))
failed=$(grep -cE '^not ok [0-9]+ ' "$log")
missing=$((${planned:-1} - passed - failed - skipped))
if [ "$missing" -gt 0 ]; then
	echo "# $missing test(s) did not report: the guest stopped (vm.sh exit $rc)"
	failed=$((failed + missing))
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	echo "# the tests passed but the run failed (vm.sh exit $rc): see above"
	failed=1
fi
passed=$((passed + unit_p))
failed=$((failed + unit_f))
skipped=$((skipped + unit_s))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
