#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Usage: vm.sh [--kernel FILE --modules DIR] [--mem 2G] [--smp 2]
#              [--timeout SEC] -- CMD [ARGS...]
# Run CMD as root in a throw-away QEMU guest, in the current directory,
# and exit with its status. The guest sees the host's root read-only and
# the checkout read-write at the same path (see vm-init.sh). Without
# --kernel/--modules it boots the Debian kernel of series $KERNEL from
# kernel.sh (default 6.1); a self-
# built kernel needs both (DIR is its .../lib/modules/<version> tree).
# Exit status: CMD's own if it failed; otherwise 3 if the guest kernel
# logged a problem (printed here) or died, 124 on timeout, 2 on bad usage.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
top=${here%/scripts}

usage() {
	sed -n '3,4s/^# //p' "$0" >&2
	exit 2
}
kernel='' modules='' mem=2G smp=2 timeout=2700
while [ $# -ge 2 ]; do
	case $1 in
	--kernel) kernel=$2 ;;
	--modules) modules=$2 ;;
	--mem) mem=$2 ;;
	--smp) smp=$2 ;;
	--timeout) timeout=$2 ;;
	--) break ;;
	*) usage ;;
	esac
	shift 2
done
[ "${1:-}" = -- ] && [ $# -ge 2 ] || usage
shift

mkdir -p "$top/.cache/vm"
run=$(mktemp -d "$top/.cache/vm/run.XXXXXX")
# QEMU's monitor socket (below), in /tmp: a unix socket's path has at most
# 107 bytes, which a checkout's may exceed.
mon=$(mktemp -d /tmp/etrunk-vm.XXXXXX)
trap 'rm -rf "$run" "$mon"' EXIT
if [ -z "$kernel$modules" ]; then
	k=$("$here/kernel.sh")
	kernel=$k/boot modules=$(realpath "$k/modules") initrd=$k/initramfs.cpio
else
	[ -n "$kernel" ] && [ -n "$modules" ] || usage
	modules=$(realpath "$modules") initrd=$run/initramfs.cpio
	"$here/initramfs.sh" "$modules" "$initrd"
fi

# The guest runs this with bash, hence printf %q. The serial console never
# ends its input: unless a person is typing, CMD reads /dev/null, and so
# does QEMU (which fails on a closed stdin).
{
	[ -t 0 ] || echo 'exec </dev/null'
	printf 'cd %q || exit 125\nexec' "$(pwd -P)"
	printf ' %q' "$@"
	echo
} >"$run/cmd"
[ -t 0 ] || exec </dev/null

# Debian's kernel does not boot under this host's paravirtual KVM (no
# vmx/svm exposed): emulate then. One TCG thread runs both vCPUs in turn:
# with a thread per vCPU (thread=multi), QEMU 7.2 let a vCPU execute the
# int3 of a static-key patch after the kernel had finished it (6.12-rt
# and 7.2 guests died in __netif_receive_skb_core with RIP inside the
# patched jmp, "Oops: int3", no etrunk on the stack). The same subset on
# 6.12-rt took 269 s with one thread and 274 s with two on this 2-core
# host. VM_TCG_THREAD=multi brings the other back.
accel=(-accel "tcg,thread=${VM_TCG_THREAD:-single}" -cpu max)
if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
	accel=(-accel kvm -cpu host)
fi
# Real NIC drivers beside veth: two pairs of emulated e1000 NICs, each
# pair joined by a QEMU hub as by a cable (MACs 52:54:00:e1:00:0N, nic0
# to nic1, nic2 to nic3; the guest loads e1000 when a test asks for it).
# Their links are cut and restored through QEMU's monitor, which the
# guest reaches on its second serial port (/dev/ttyS1): a chardev that
# connects to the monitor's own socket, e.g. "set_link nic0 off".
nics=()
for i in 0 1 2 3; do
	nics+=(-netdev "hubport,id=nic$i,hubid=$((i / 2))"
	       -device "e1000,netdev=nic$i,mac=52:54:00:e1:00:0$i")
done
nics+=(-chardev "socket,id=mon,path=$mon/sock,server=on,wait=off"
       -mon chardev=mon,mode=readline
       -chardev "socket,id=monc,path=$mon/sock"
       -device isa-serial,chardev=monc)
# The console is quiet (loglevel=3) so CMD's output reads well; the full
# log, in a buffer big enough to keep all of it, is checked afterwards.
# -display none, not -nographic: that one has SeaBIOS print on the serial
# console too.
rc=0
timeout --foreground -k 10 "$timeout" qemu-system-x86_64 \
	-nodefaults -no-user-config -display none -no-reboot "${accel[@]}" \
	-m "$mem" -smp "$smp" -serial stdio "${nics[@]}" \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 quiet loglevel=3 log_buf_len=8M panic=-1 vmshare=$top vmmods=$modules vmrun=$run" \
	-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=root,mount_tag=root \
	-fsdev local,id=share,path="$top",security_model=none,multidevs=remap \
	-device virtio-9p-pci,fsdev=share,mount_tag=share \
	2> >(grep -v 'is not connected to host network' >&2) || rc=$?

if [ "$rc" = 124 ]; then
	echo "vm.sh: timed out after $timeout s: QEMU killed" >&2
	exit 124
fi
if [ ! -f "$run/status" ]; then
	echo "vm.sh: the guest stopped before CMD finished (QEMU exit status $rc; a kernel panic?)" >&2
	exit 3
fi
status=$(cat "$run/status")
bad='Oops|BUG:|WARNING:|KASAN|UBSAN|possible circular locking|suspicious RCU usage'
bad="$bad|scheduling while atomic|general protection fault|kmemleak: .*suspected memory leak|Call Trace"
# A device reference leaked: a deleted device (or namespace) never goes.
bad="$bad|unregister_netdevice: waiting for"
if n=$(grep -m1 -nE "$bad" "$run/dmesg"); then
	n=${n%%:*}
	trap 'rm -rf "$mon"' EXIT # keep the log
	echo "vm.sh: the guest kernel reported a problem (full log: $run/dmesg):" >&2
	sed -n "$((n > 5 ? n - 5 : 1)),$((n + 60))p" "$run/dmesg" >&2
	# Again in short, last, where a log cut to its head and tail keeps it.
	echo "vm.sh: the problem's first lines (guest uptime, from $run/dmesg):" >&2
	sed -n "$((n > 5 ? n - 5 : 1)),$((n + 3))p" "$run/dmesg" >&2
	[ "$status" != 0 ] || status=3
fi
exit "$status"
