#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Test the Debian packages the way a user installs them, for one Debian
# release (bookworm = Debian 12, trixie = Debian 13):
#
#   1. a chroot of that release (mmdebstrap, cached as a tarball under
#      ${ETRUNK_CACHE:-/var/cache/etrunk}/pkg/), unpacked afresh;
#   2. the packages built inside it with dpkg-buildpackage, from the
#      checkout's files (the tools link against that release's libraries);
#   3. `apt-get install ./etrunk*.deb`: DKMS builds etrunk.ko for the
#      release's kernel headers;
#   4. that release's kernel (its linux-image package, fetched with
#      apt-get download in the chroot, unpacked, never installed) boots in
#      the test VM, loads the module DKMS built and runs
#      selftests/deb_smoke.sh with the release's own ip and etrunkctl;
#   5. `apt-get purge` removes the module, the DKMS tree and the tools.
#
# Prints one KTAP-like line per step and ends with
# "N passed, N failed, N skipped"; exits non-zero if a step failed.
#
#   deb-test.sh RELEASE...
set -u
here=$(cd "$(dirname "$0")" && pwd -P)
top=${here%/scripts}
cache=${ETRUNK_CACHE:-/var/cache/etrunk}/pkg
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $*"; }
notok() { fail=$((fail + 1)); echo "not ok - $*"; }

# What the chroot needs: building the packages, DKMS and the headers of
# the release's kernel, and ip for the smoke test.
pkgs=build-essential,debhelper,dh-dkms,dkms,libmnl-dev,libssl-dev,linux-headers-amd64,iproute2,kmod,make,gcc,libc6-dev,fakeroot

base_tarball() {
	local rel=$1 tar=$cache/$1.tar
	if [ ! -f "$tar" ]; then
		local m
		m=$("$here/mirror.sh") || return 1
		echo "# deb-test.sh: making the $rel chroot (once)" >&2
		rm -f "$tar.tmp"
		mmdebstrap --variant=apt --format=tar --include="$pkgs" \
			--aptopt='Acquire::Check-Valid-Until "false"' \
			"$rel" "$tar.tmp" "$m" >"$cache/$rel.mmdebstrap.log" 2>&1 || {
			tail -n 20 "$cache/$rel.mmdebstrap.log" >&2
			return 1
		}
		mv "$tar.tmp" "$tar"
	fi
	echo "$tar"
}

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
	DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }

mount_root() {
	mount --bind /proc "$root/proc" && mount --bind /dev "$root/dev" &&
		mount --bind /sys "$root/sys"
}
umount_root() {
	local d
	for d in sys dev proc; do
		mountpoint -q "$root/$d" && umount -l "$root/$d"
	done
	return 0
}

# The release's kernel for the VM: the image package of the version whose
# headers the chroot has, unpacked and depmod'ed, cached.
release_kernel() {
	local kver=$1 dir=$cache/kernel-$1
	if [ ! -d "$dir/root" ]; then
		rm -rf --one-file-system "$dir" && mkdir -p "$dir/dl" || return 1
		# mmdebstrap leaves no package lists in the chroot.
		in_root apt-get update -qq >&2 &&
			in_root sh -c "cd /tmp && apt-get download -qq linux-image-$kver" >&2 || return 1
		mv "$root"/tmp/linux-image-*.deb "$dir/dl/" && dpkg -x "$dir"/dl/*.deb "$dir/root.tmp" || return 1
		local m=$dir/root.tmp/lib/modules
		[ -d "$m/$kver" ] || m=$dir/root.tmp/usr/lib/modules
		depmod -b "${m%/lib/modules}" "$kver" && rm -r "$dir/dl" && mv "$dir/root.tmp" "$dir/root" || return 1
	fi
	echo "$dir"
}

test_release() {
	local rel=$1 tar kver ko kdir vmlinuz moddir
	mkdir -p "$cache"
	tar=$(base_tarball "$rel") || { notok "$rel: chroot"; return; }
	root=$cache/$rel.root
	umount_root 2>/dev/null
	rm -rf --one-file-system "$root" && mkdir -p "$root" && tar -xf "$tar" -C "$root" || { notok "$rel: chroot unpacked"; return; }
	mount_root || { notok "$rel: chroot mounts"; return; }
	trap umount_root EXIT

	# 2. build inside the chroot
	mkdir -p "$root/build/src"
	(cd "$top" && git ls-files -z --cached --others --exclude-standard |
		xargs -0 cp --parents -t "$root/build/src")
	if in_root sh -c 'cd /build/src && dpkg-buildpackage -us -uc -b' >"$cache/$rel.build.log" 2>&1; then
		ok "$rel: dpkg-buildpackage -us -uc -b"
	else
		tail -n 30 "$cache/$rel.build.log"
		notok "$rel: dpkg-buildpackage -us -uc -b"
		return
	fi

	# 3. install: DKMS builds the module for the chroot's headers
	kver=$(basename "$(ls -d "$root"/usr/src/linux-headers-*-amd64 | head -n1)")
	kver=${kver#linux-headers-}
	if in_root sh -c 'cd /build && apt-get install -y --no-install-recommends ./etrunk_*.deb ./etrunk-dkms_*.deb' \
		>"$cache/$rel.install.log" 2>&1; then
		ok "$rel: apt-get install ./etrunk*.deb"
	else
		tail -n 30 "$cache/$rel.install.log"
		notok "$rel: apt-get install ./etrunk*.deb"
		return
	fi
	ko=$(ls "$root"/lib/modules/"$kver"/updates/dkms/etrunk.ko* 2>/dev/null | head -n1)
	if [ -n "$ko" ] && in_root dkms status etrunk | grep -q "$kver.*installed"; then
		ok "$rel: DKMS built and installed etrunk.ko for $kver"
	else
		in_root dkms status
		notok "$rel: DKMS built and installed etrunk.ko for $kver"
		return
	fi
	if [ -x "$root/usr/sbin/etrunkctl" ] && [ -x "$root/usr/sbin/etrunkd" ] &&
		[ -f "$root/usr/lib/x86_64-linux-gnu/ip/link_etrunk.so" ] &&
		[ -f "$root/usr/lib/systemd/system/etrunkd.service" ] &&
		[ -f "$root/usr/lib/systemd/system/etrunk-config.service" ] &&
		[ -f "$root/usr/share/man/man8/etrunkctl.8.gz" ]; then
		ok "$rel: tools, ip plugin, unit and man pages installed"
	else
		notok "$rel: tools, ip plugin, unit and man pages installed"
	fi

	# 4. the release's kernel boots in the VM with the module DKMS built
	kdir=$(release_kernel "$kver") || { notok "$rel: linux-image-$kver fetched"; return; }
	vmlinuz=$(ls "$kdir"/root/boot/vmlinuz-"$kver")
	moddir=$kdir/root/lib/modules/$kver
	[ -d "$moddir" ] || moddir=$kdir/root/usr/lib/modules/$kver
	if "$here/vm.sh" --kernel "$vmlinuz" --modules "$moddir" --timeout 600 -- \
		selftests/deb_smoke.sh "$root" "$ko"; then
		ok "$rel: smoke test on $kver (trunk carries traffic, etrunkctl show, ip -d link show)"
	else
		notok "$rel: smoke test on $kver"
	fi

	# 5. removal leaves nothing of ours
	if in_root apt-get purge -y etrunk etrunk-dkms >"$cache/$rel.purge.log" 2>&1 &&
		! ls "$root"/lib/modules/"$kver"/updates/dkms/etrunk.ko* >/dev/null 2>&1 &&
		! ls -d "$root"/usr/src/etrunk-* >/dev/null 2>&1 && [ ! -e "$root/var/lib/dkms/etrunk" ] &&
		[ ! -e "$root/usr/sbin/etrunkctl" ] && [ ! -e "$root/usr/sbin/etrunkd" ] &&
		[ ! -e "$root/usr/lib/x86_64-linux-gnu/ip/link_etrunk.so" ]; then
		ok "$rel: apt-get purge removes the module, the DKMS tree and the tools"
	else
		tail -n 20 "$cache/$rel.purge.log"
		notok "$rel: apt-get purge removes the module, the DKMS tree and the tools"
	fi
	umount_root
	trap - EXIT
	rm -rf --one-file-system "$root"
}

[ $# -gt 0 ] || { echo "usage: $0 RELEASE..." >&2; exit 2; }
for rel in "$@"; do
	test_release "$rel"
done
echo "$pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]
