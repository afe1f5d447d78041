#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
# /init of the test guest, started by scripts/vm.sh, which passes on the
# kernel command line: vmshare (the checkout, shared read-write), vmmods
# (the guest's lib/modules/<version> tree) and vmrun (a run directory in
# the checkout holding the command to run, "cmd"). The host's root is
# shared read-only; CMD runs in a chroot of it, so every host tool is
# there. Its exit status and the kernel log are left in $vmrun. Needs the
# host's /bin/busybox (busybox-static) for the last steps.
# shellcheck disable=SC2154 # vmshare, vmmods, vmrun: set by the kernel
/bin/busybox --install -s /bin
export PATH=/bin

die() {
	echo "vm-init: $*" >&2
	poweroff -f
}
p9() { mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,"$3" "$1" "$2"; }

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
# A kernel with 9p built in mounts at once; otherwise load the modules.
if ! p9 root /newroot ro,cache=loose 2>/dev/null; then
	for m in /mods/*.ko; do
		insmod "$m" || die "insmod $m failed"
	done
	p9 root /newroot ro,cache=loose || die "cannot mount the host root"
fi

r=/newroot
mount -t proc proc $r/proc
mount -t sysfs sys $r/sys
mount -t debugfs debugfs $r/sys/kernel/debug
mount -t devtmpfs dev $r/dev
mkdir -p $r/dev/pts $r/dev/shm
mount -t devpts devpts $r/dev/pts
mount -t tmpfs shm $r/dev/shm
# Bind the modules before /tmp & co. are covered, in case they live there.
mount -t tmpfs modules $r/lib/modules
mkdir $r/lib/modules/"$(uname -r)"
mount --bind "$r$vmmods" $r/lib/modules/"$(uname -r)" || die "cannot bind $vmmods"
# Writable scratch; /var/run links to /run (ip netns needs /run/netns).
for d in /tmp /run /var/tmp; do
	mount -t tmpfs tmp $r$d
done
mkdir -p "$r$vmshare"
p9 share "$r$vmshare" cache=mmap || die "cannot mount $vmshare"
ip link set lo up
stty -onlcr # no CR before each LF in the output reaching the host

# PID 1 enters the chroot itself: kernel threads share its root, so the
# helpers they start (modprobe, for module autoloading) run in it too.
exec chroot $r /bin/busybox sh -c '
	env -i HOME=/tmp TERM=linux \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		bash "$vmrun/cmd"
	rc=$?
	dmesg >"$vmrun/dmesg"
	echo $rc >"$vmrun/status"
	sync
	echo 0 >/proc/sys/kernel/printk # not even "reboot: Power down"
	busybox poweroff -f'
