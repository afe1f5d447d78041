# SPDX-License-Identifier: GPL-2.0
#
# etrunk: Linux link aggregation with device-level redundancy.
#
#   make            build the module (kmod/etrunk.ko), the ip plugin and
#                   the selftest helpers, against Debian's 6.1 headers
#   make check      install what is missing, build, boot the test VM on
#                   Debian's 6.1 kernel and run every selftest (KTAP),
#                   ending with "N passed, N failed, N skipped"
#   make check-debug  the same on a debug kernel (KASAN, lockdep, kmemleak)
#                   built once from linux-source-6.1 and cached
#   make demo       the main job, shown in the VM: a two-member trunk
#                   carrying traffic while a member fails
#   make bench      pktgen: etrunk beside bonding, team and a bare veth
#   make bench-failover  the traffic gap when the master fails: etrunk
#                   1:1 beside bonding and team active-backup
#   make bench-lacp  mode lacp: convergence beside bonding 802.3ad, and
#                   the traffic gap of a role swap on a dual-homed edge
#   make bench-etrunkd  E-Trunk: the CE's traffic gap when the master PE
#                   fails (etrunkd, hello 100 ms x 3) beside a bond whose
#                   partner simply disappears; and with the E-Trunk
#                   bound to BFD (10 ms x 3)
#   make bench-bfd-load  on the host: 100 BFD sessions at 10 ms x 3 under
#                   stress-ng, flaps of etrunkd's engine beside FRR bfdd
#   make bench-rbs  remote backup: the full sync of 100,000 ARP entries
#                   (time, etrunkd's peak memory) and the latency of an
#                   incremental update to the peer
#   make lint       checkpatch --strict, W=1 and sparse builds, cppcheck
#   make lint-series  W=1 builds for the other kernel series (6.12,
#                   6.12-rt, 7.2), each in its Debian release's chroot
#   make install    module (modules_install), the ip plugin, etrunkctl
#   make deb        Debian packages etrunk and etrunk-dkms (debhelper,
#                   dh-dkms) from the checkout's files, into deb/
#   make check-deb  the packages built, installed (DKMS) and removed in a
#                   Debian 12 and a Debian 13 chroot, the module DKMS
#                   built loaded in the VM on that release's kernel
#
# Variables: KERNEL (the series make check and the benchmarks boot: 6.1, the default, 6.12,
# 6.12-rt or 7.2), KVER (the host build's kernel ABI, default: what
# linux-image-amd64 points at), KDIR (its build tree), TESTS (a subset of
# selftests for check and check-debug).

# Worked out once and exported, so the scripts need not ask apt again.
KVER := $(or $(KVER),$(shell scripts/kver.sh))
export KVER
KDIR ?= /usr/src/linux-headers-$(KVER)
TESTS ?=
# The kernel series make check boots (scripts/series.sh): 6.1 (Debian 12,
# the host's), 6.12 and 6.12-rt (Debian 13), 7.2 (sid).
KERNEL ?= 6.1
export KERNEL
# 6.1's module is built here against the host's headers; the others'
# in their release's chroot, by scripts/module.sh.
SERIES_MODULE = $(if $(filter 6.1,$(KERNEL)),module)

KBUILD = $(MAKE) -C $(KDIR) M=$(CURDIR)

all: module tools

deps:
	@scripts/deps.sh

module: deps
	$(KBUILD) modules

tools: deps
	$(MAKE) -C tools/ip
	$(MAKE) -C tools/etrunkctl
	$(MAKE) -C tools/etrunkd all san
	$(MAKE) -C selftests all

check: tools $(SERIES_MODULE)
	@scripts/check.sh $(TESTS)

# The module is built against the debug kernel's tree in a copy of its
# sources, leaving kmod/etrunk.ko the production build. By default the
# debug run takes the tests that change the module's state (the others
# would push CI past its hour); TESTS picks others, DEBUG_TESTS= all.
# 2G: the guest keeps 1.5G free, and kmemleak scans take longer with
# more memory (19 s at 2G, 31 s at 4G).
DEBUG_MOD = $(CURDIR)/.cache/debug-module
DEBUG_TESTS ?= etrunk_enslave.sh etrunk_traffic.sh etrunk_genl_trunk \
	       etrunk_genl_member etrunk_genl_group etrunk_genl_binding \
	       etrunk_genl_bfd etrunk_genl_rbs \
	       etrunk_rmmod.sh etrunk_backup.sh etrunk_probe.sh etrunk_lacp.sh

check-debug: tools
	@d=$$(scripts/debug-kernel.sh) && \
	rm -rf $(DEBUG_MOD) && mkdir -p $(DEBUG_MOD) && \
	cp -r Kbuild kmod uapi $(DEBUG_MOD)/ && \
	$(MAKE) -C $$d/linux M=$(DEBUG_MOD) clean && \
	$(MAKE) -C $$d/linux M=$(DEBUG_MOD) modules && \
	ETRUNK_KO=$(DEBUG_MOD)/kmod/etrunk.ko scripts/check.sh \
		--kernel $$d/bzImage --modules $$d/modules --mem 2G --timeout 3600 \
		-- $(or $(TESTS),$(DEBUG_TESTS))

demo: module tools
	@scripts/vm.sh -- scripts/demo.sh

# The benchmarks boot KERNEL's series like check, with the module built
# for it (scripts/module.sh).
bench_vm = ko=$$(scripts/module.sh) && scripts/vm.sh --timeout $(1) -- env ETRUNK_KO=$$ko $(2)

bench: $(SERIES_MODULE) tools
	@$(call bench_vm,900,bench/pktgen.sh)

bench-failover: $(SERIES_MODULE) tools
	@$(call bench_vm,900,bench/failover.sh)

bench-lacp: $(SERIES_MODULE) tools
	@$(call bench_vm,900,bench/lacp.sh)

bench-etrunkd: $(SERIES_MODULE) tools
	@$(call bench_vm,1800,bench/etrunkd.sh)

# On the host, not in the guest: a user-space protocol benchmark whose
# timing TCG would spoil (namespaces, root).
bench-bfd-load: tools
	@bench/bfd_load.sh

bench-rbs: $(SERIES_MODULE) tools
	@$(call bench_vm,1200,bench/rbs.sh)

# Warnings are errors here: a clean rebuild so every file is compiled
# (and checked by sparse) with W=1.
lint: deps
	@mkdir -p .cache
	$(KBUILD) clean
	$(KBUILD) W=1 C=2 modules 2>&1 | tee .cache/lint-kbuild.log
	@! grep -E '(warning|error):' .cache/lint-kbuild.log || \
		{ echo "lint: the module build has warnings" >&2; exit 1; }
	$(MAKE) -C tools/ip clean all
	$(MAKE) -C tools/etrunkctl clean all
	$(MAKE) -C tools/etrunkd clean all
	$(MAKE) -C selftests clean all
	@scripts/lint.sh

# W=1 on the other series, each built in its release's chroot (a warning
# fails it), as make lint does on 6.1.
SERIES_OTHER = 6.12 6.12-rt 7.2
lint-series:
	@set -e; for k in $(SERIES_OTHER); do \
		set -- $$(scripts/series.sh $$k); \
		kver=$$(KERNEL=$$k scripts/kernel.sh); kver=$${kver##*/}; \
		echo "lint-series: W=1 build for $$kver ($$1 chroot)"; \
		scripts/chroot-build.sh $$1 $$kver .cache/lint-$$k W=1; \
	done

install: module tools
	$(KBUILD) modules_install
	$(MAKE) -C tools/ip install
	$(MAKE) -C tools/etrunkctl install
	$(MAKE) -C tools/etrunkd install
	$(MAKE) -C tools/wireshark install

# From the tracked files as they are in the work tree (uncommitted edits
# included), in a copy, so the build leaves the checkout alone.
deb:
	@scripts/deps.sh debhelper dh-dkms dkms libmnl-dev libssl-dev lintian
	@scripts/deb.sh

DEB_RELEASES ?= bookworm trixie
check-deb:
	@scripts/deps.sh mmdebstrap
	@scripts/deb-test.sh $(DEB_RELEASES)

clean:
	$(KBUILD) clean
	$(MAKE) -C tools/ip clean
	$(MAKE) -C tools/etrunkctl clean
	$(MAKE) -C tools/etrunkd clean
	$(MAKE) -C selftests clean

.PHONY: all deps module tools check check-debug demo bench bench-failover bench-lacp bench-etrunkd bench-bfd-load \
	bench-rbs lint lint-series install clean deb check-deb
