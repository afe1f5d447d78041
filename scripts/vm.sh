#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Usage: vm.sh [--kernel FILE --modules DIR] [--mem 2G] [--smp 2]
#              [--timeout SEC] -- CMD [ARGS...]
# Run CMD as root in a throw-away QEMU guest, in the current directory,
# and exit with its status. The guest sees the host's root read-only and
# the checkout read-write at the same path (see vm-init.sh). Without
# --kernel/--modules it boots the Debian kernel from kernel.sh; a self-
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
kernel='' modules='' mem=2G smp=2 timeout=1500
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
trap 'rm -rf "$run"' EXIT
if [ -z "$kernel$modules" ]; then
	k=$("$here/kernel.sh")
	kernel=$k/vmlinux modules=$k/root/lib/modules/${k##*/} initrd=$k/initramfs.cpio
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
# vmx/svm exposed): emulate then.
accel=(-accel 'tcg,thread=multi' -cpu max)
if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
	accel=(-accel kvm -cpu host)
fi
# The console is quiet (loglevel=3) so CMD's output reads well; the full
# log, in a buffer big enough to keep all of it, is checked afterwards.
# -display none, not -nographic: that one has SeaBIOS print on the serial
# console too.
rc=0
timeout --foreground -k 10 "$timeout" qemu-system-x86_64 \
	-nodefaults -no-user-config -display none -no-reboot "${accel[@]}" \
	-m "$mem" -smp "$smp" -serial stdio \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 quiet loglevel=3 log_buf_len=8M panic=-1 vmshare=$top vmmods=$modules vmrun=$run" \
	-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=root,mount_tag=root \
	-fsdev local,id=share,path="$top",security_model=none,multidevs=remap \
	-device virtio-9p-pci,fsdev=share,mount_tag=share || rc=$?

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
if n=$(grep -m1 -nE "$bad" "$run/dmesg"); then
	n=${n%%:*}
	trap - EXIT # keep the log
	echo "vm.sh: the guest kernel reported a problem (full log: $run/dmesg):" >&2
	sed -n "$((n > 5 ? n - 5 : 1)),$((n + 60))p" "$run/dmesg" >&2
	[ "$status" != 0 ] || status=3
fi
exit "$status"
