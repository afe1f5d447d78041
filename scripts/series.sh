#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The kernel series the tests can run on (make check KERNEL=...), and
# where each comes from. Prints "SUITE FLAVOUR" for a series:
#   6.1      bookworm amd64      Debian 12, the host's own (the default)
#   6.12     trixie   amd64      Debian 13
#   6.12-rt  trixie   rt-amd64   Debian 13, PREEMPT_RT
#   7.2      sid      amd64      Debian unstable
# The kernel itself is whatever the release's linux-headers-FLAVOUR
# metapackage points at when its chroot is made (so it follows Debian).
set -eu
case ${1:-6.1} in
6.1) echo "bookworm amd64" ;;
6.12) echo "trixie amd64" ;;
6.12-rt) echo "trixie rt-amd64" ;;
7.2) echo "sid amd64" ;;
*)
	echo "series.sh: unknown KERNEL=$1 (one of 6.1, 6.12, 6.12-rt, 7.2)" >&2
	exit 2
	;;
esac
