#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the Debian packages etrunk (the tools) and etrunk-dkms (the
# module's source for DKMS) with dpkg-buildpackage, from the checkout's
# tracked files in a copy under .cache/deb/, and put the .deb files in
# deb/ (emptied first). Run lintian on them unless NO_LINTIAN is set: an
# error fails the build. Prints the paths of the packages.
#
#   deb.sh [OUTDIR]      (default: deb/ in the checkout)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/deb}
work=$top/.cache/deb
cd "$top"

rm -rf "$work"
mkdir -p "$work/src" "$out"
rm -f "$out"/*.deb
# Tracked and new (not ignored) files: no build products, no caches.
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/src"
(cd "$work/src" && dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1) || {
	tail -n 40 "$work/build.log" >&2
	echo "deb.sh: dpkg-buildpackage failed (log: $work/build.log)" >&2
	exit 1
}
mv "$work"/*.deb "$out"/
if [ -z "${NO_LINTIAN:-}" ]; then
	# Errors fail; warnings are printed for the reader.
	if ! lintian --fail-on error "$out"/*.deb; then
		echo "deb.sh: lintian reports errors" >&2
		exit 1
	fi
fi
ls "$out"/*.deb
