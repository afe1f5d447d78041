// SPDX-License-Identifier: GPL-2.0
/*
 * test_election.c - the election: a table of cases, one per rule and
 * tie-break; the revert delay and the handover over time; and the
 * property the protocol rests on, over generated inputs: two devices
 * given mirrored inputs come to complementary roles (one master, one
 * backup; both backup only when neither has a link), with mirrored
 * reasons, and two simulated devices exchanging their roles converge
 * without a moment when neither carries.
 */
#include <string.h>

#include "election.h"
#include "test.h"

/* A case: zero fields take the defaults of side_init(). */
struct scase {
	const char *what;
	uint8_t lprio, rprio;		/* 0: 100 */
	uint8_t lsys, rsys;		/* last byte of the system ID; 0: 1, 2 */
	uint8_t laddr, raddr;		/* last byte of the address; 0: 1, 2 */
	uint8_t lmode, rmode;
	uint8_t lbasis, rbasis;
	uint16_t llinks, rlinks;	/* 0: 2 */
	bool lnolinks, rnolinks;
	uint64_t lbw, rbw;		/* 0: 10000 per link */
	uint8_t lrole, rrole;
	bool peer_down, liveness, starting, never_heard;
	uint8_t role, reason;		/* expected */
};

static void side_init(struct etkd_side *s, uint8_t prio, uint8_t sys,
		      uint8_t addr, uint8_t mode, uint8_t basis, uint16_t links,
		      bool nolinks, uint64_t bw, uint8_t role)
{
	memset(s, 0, sizeof(*s));
	s->priority = prio ? prio : ETKD_PRIORITY_DEFAULT;
	s->sysid[0] = 0x02;
	s->sysid[5] = sys;
	/* ::ffff:192.0.2.addr */
	s->addr[10] = 0xff;
	s->addr[11] = 0xff;
	s->addr[12] = 192;
	s->addr[14] = 2;
	s->addr[15] = addr;
	s->mode = mode;
	s->basis = basis;
	s->links = nolinks ? 0 : links ? links : 2;
	s->bandwidth = s->links ? (bw ? bw : 10000ULL * s->links) : 0;
	s->role = role;
}

static void case_input(const struct scase *c, struct etkd_elect_in *in)
{
	side_init(&in->local, c->lprio, c->lsys ? c->lsys : 1,
		  c->laddr ? c->laddr : 1, c->lmode, c->lbasis, c->llinks,
		  c->lnolinks, c->lbw, c->lrole);
	side_init(&in->remote, c->rprio, c->rsys ? c->rsys : 2,
		  c->raddr ? c->raddr : 2, c->rmode, c->rbasis, c->rlinks,
		  c->rnolinks, c->rbw, c->rrole);
	in->peer_heard = !c->never_heard;
	in->peer_up = !c->peer_down && !c->never_heard;
	in->liveness_alive = c->liveness;
	in->starting = c->starting;
}

#define M ETKD_ROLE_MASTER
#define B ETKD_ROLE_BACKUP
#define FM ETKD_MODE_FORCE_MASTER
#define FB ETKD_MODE_FORCE_BACKUP
#define LINKS ETKD_BASIS_LINKS
#define BW ETKD_BASIS_BANDWIDTH
#define R(x) ETKD_REASON_##x

static const struct scase cases[] = {
	/* The device order. */
	{ "lower system ID, same priority", .role = M, .reason = R(SYSID_TIEBREAK) },
	{ "higher system ID, same priority", .lsys = 3, .role = B,
	  .reason = R(SYSID_TIEBREAK) },
	{ "priority 10 against 100", .lprio = 10, .lsys = 9, .role = M,
	  .reason = R(HIGHER_PRIORITY) },
	{ "priority 200 against 100", .lprio = 200, .role = B,
	  .reason = R(LOWER_PRIORITY) },
	{ "priority 1 against 254", .lprio = 1, .rprio = 254, .role = M,
	  .reason = R(HIGHER_PRIORITY) },
	{ "same priority and system ID, lower address", .lsys = 2, .role = M,
	  .reason = R(ADDR_TIEBREAK) },
	{ "same priority and system ID, higher address", .lsys = 2,
	  .laddr = 7, .role = B, .reason = R(ADDR_TIEBREAK) },
	{ "identical devices (a looped hello): backup", .lsys = 2, .laddr = 2,
	  .role = B, .reason = R(ADDR_TIEBREAK) },
	{ "basis priority ignores links", .llinks = 1, .rlinks = 4, .role = M,
	  .reason = R(SYSID_TIEBREAK) },
	/* Links and bandwidth. */
	{ "basis links: 3 against 2", .lbasis = LINKS, .rbasis = LINKS,
	  .llinks = 3, .lprio = 200, .role = M, .reason = R(MORE_LINKS) },
	{ "basis links: 1 against 2 beats a better priority", .lbasis = LINKS,
	  .rbasis = LINKS, .llinks = 1, .lprio = 1, .role = B,
	  .reason = R(FEWER_LINKS) },
	{ "basis links: a tie goes to priority", .lbasis = LINKS,
	  .rbasis = LINKS, .lprio = 50, .role = M,
	  .reason = R(HIGHER_PRIORITY) },
	{ "basis links: a tie, same priority: system ID", .lbasis = LINKS,
	  .rbasis = LINKS, .lsys = 5, .role = B, .reason = R(SYSID_TIEBREAK) },
	{ "basis bandwidth: 25G against 20G", .lbasis = BW, .rbasis = BW,
	  .llinks = 1, .lbw = 25000, .role = M, .reason = R(MORE_BANDWIDTH) },
	{ "basis bandwidth: 10G against 20G beats more links and priority",
	  .lbasis = BW, .rbasis = BW, .llinks = 5, .lbw = 10000, .lprio = 1,
	  .rlinks = 2, .role = B, .reason = R(LESS_BANDWIDTH) },
	{ "basis bandwidth: a tie goes to priority", .lbasis = BW,
	  .rbasis = BW, .llinks = 1, .lbw = 20000, .rprio = 99, .role = B,
	  .reason = R(LOWER_PRIORITY) },
	{ "bases differ: the first device's (ours, links) decides",
	  .lbasis = LINKS, .rbasis = ETKD_BASIS_PRIORITY, .lprio = 10,
	  .llinks = 1, .role = B, .reason = R(FEWER_LINKS) },
	{ "bases differ: the first device's (the peer's, bandwidth) decides",
	  .lbasis = ETKD_BASIS_PRIORITY, .rbasis = BW, .rprio = 10,
	  .rlinks = 1, .role = M, .reason = R(MORE_BANDWIDTH) },
	/* No links. */
	{ "no links: backup", .lnolinks = true, .lprio = 1, .role = B,
	  .reason = R(NO_LINKS) },
	{ "no links, forced master: backup", .lnolinks = true, .lmode = FM,
	  .role = B, .reason = R(NO_LINKS) },
	{ "both no links: backup", .lnolinks = true, .rnolinks = true,
	  .role = B, .reason = R(NO_LINKS) },
	{ "the peer has no links: master", .rnolinks = true, .lprio = 200,
	  .role = M, .reason = R(PEER_NO_LINKS) },
	{ "the peer has no links, we are forced backup: master",
	  .rnolinks = true, .lmode = FB, .role = M,
	  .reason = R(PEER_NO_LINKS) },
	{ "the peer has no links and is forced master: master",
	  .rnolinks = true, .rmode = FM, .role = M,
	  .reason = R(PEER_NO_LINKS) },
	/* Forces. */
	{ "force-master against auto", .lmode = FM, .lprio = 200, .role = M,
	  .reason = R(FORCE_MASTER) },
	{ "auto against force-master", .rmode = FM, .lprio = 1, .role = B,
	  .reason = R(PEER_FORCE_MASTER) },
	{ "force-backup against auto", .lmode = FB, .lprio = 1, .role = B,
	  .reason = R(FORCE_BACKUP) },
	{ "auto against force-backup", .rmode = FB, .lprio = 200, .role = M,
	  .reason = R(PEER_FORCE_BACKUP) },
	{ "force-master against force-backup", .lmode = FM, .rmode = FB,
	  .role = M, .reason = R(FORCE_MASTER) },
	{ "force-backup against force-master: the master's force names it",
	  .lmode = FB, .rmode = FM, .role = B,
	  .reason = R(PEER_FORCE_MASTER) },
	{ "force-master on both: priority decides", .lmode = FM, .rmode = FM,
	  .lprio = 200, .role = B, .reason = R(LOWER_PRIORITY) },
	{ "force-backup on both: links decide", .lmode = FB, .rmode = FB,
	  .lbasis = LINKS, .rbasis = LINKS, .llinks = 4, .lprio = 200,
	  .role = M, .reason = R(MORE_LINKS) },
	{ "force-master with fewer links (basis links)", .lmode = FM,
	  .lbasis = LINKS, .rbasis = LINKS, .llinks = 1, .role = M,
	  .reason = R(FORCE_MASTER) },
	/* Peer down. */
	{ "peer down: master", .peer_down = true, .lprio = 200, .lrole = B,
	  .rrole = M, .role = M, .reason = R(PEER_DOWN) },
	{ "peer down, forced backup: master of what it can carry",
	  .peer_down = true, .lmode = FB, .role = M, .reason = R(PEER_DOWN) },
	{ "peer down, no links: backup", .peer_down = true, .lnolinks = true,
	  .role = B, .reason = R(NO_LINKS) },
	{ "peer never heard, hold time passed: master", .never_heard = true,
	  .role = M, .reason = R(PEER_DOWN) },
	/* Peer link lost, backup-liveness answers. */
	{ "liveness: we were backup, the peer master: stay backup",
	  .peer_down = true, .liveness = true, .lprio = 1, .lrole = B,
	  .rrole = M, .role = B, .reason = R(LIVENESS) },
	{ "liveness: we were master, the peer backup: stay master",
	  .peer_down = true, .liveness = true, .lprio = 200, .lrole = M,
	  .rrole = B, .role = M, .reason = R(PEER_DOWN) },
	{ "liveness: both backup, we come first: master", .peer_down = true,
	  .liveness = true, .lrole = B, .rrole = B, .role = M,
	  .reason = R(PEER_DOWN) },
	{ "liveness: both backup, the peer comes first: backup",
	  .peer_down = true, .liveness = true, .lprio = 200, .lrole = B,
	  .rrole = B, .role = B, .reason = R(LIVENESS) },
	{ "liveness: both master, the peer comes first: backup",
	  .peer_down = true, .liveness = true, .lsys = 9, .lrole = M,
	  .rrole = M, .role = B, .reason = R(LIVENESS) },
	{ "liveness: the peer's trunk had no link: master", .peer_down = true,
	  .liveness = true, .rnolinks = true, .lrole = B, .rrole = M,
	  .role = M, .reason = R(PEER_DOWN) },
	{ "liveness: no links ourselves: backup", .peer_down = true,
	  .liveness = true, .lnolinks = true, .lrole = M, .role = B,
	  .reason = R(NO_LINKS) },
	{ "liveness, peer never heard, role none: backup",
	  .never_heard = true, .liveness = true, .role = B,
	  .reason = R(LIVENESS) },
	{ "liveness, peer never heard, adopted master: master",
	  .never_heard = true, .liveness = true, .lrole = M, .role = M,
	  .reason = R(PEER_DOWN) },
	/* Daemon restart. */
	{ "starting: the kernel's master kept, though it would lose",
	  .starting = true, .never_heard = true, .lprio = 200, .lrole = M,
	  .role = M, .reason = R(STARTING) },
	{ "starting: the kernel's backup kept, though it would win",
	  .starting = true, .never_heard = true, .lrole = B, .role = B,
	  .reason = R(STARTING) },
	{ "starting: no role in the kernel: backup", .starting = true,
	  .never_heard = true, .role = B, .reason = R(STARTING) },
	{ "starting: no links changes nothing yet", .starting = true,
	  .never_heard = true, .lnolinks = true, .lrole = M, .role = M,
	  .reason = R(STARTING) },
};

static void test_table(void)
{
	struct etkd_elect_in in;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct etkd_verdict v;

		case_input(&cases[i], &in);
		v = etkd_elect_preferred(&in);
		ok(v.role == cases[i].role && v.reason == cases[i].reason,
		   "%s: %s (%s)", cases[i].what, etkd_role_name(v.role),
		   etkd_reason_name(v.reason));
	}
}

/* Revert and handover over time: priority 10 against the peer's 100. */
static void test_revert(void)
{
	struct etkd_revert rv = { 0 };
	struct etkd_elect_in in;
	struct etkd_verdict v;
	const struct scase winner = { .lprio = 10, .lrole = B, .rrole = M };
	const uint64_t delay = 30000;

	case_input(&winner, &in);
	v = etkd_elect(&in, delay, 1000, &rv);
	ok(v.role == B && v.reason == R(REVERT_WAIT) &&
	   etkd_revert_deadline(&rv, delay) == 31000,
	   "a better device, the peer master: waits the revert delay as backup, until 31000");
	v = etkd_elect(&in, delay, 30999, &rv);
	ok(v.role == B && v.reason == R(REVERT_WAIT),
	   "1 ms before the delay: still waiting");
	v = etkd_elect(&in, delay, 500, &rv);
	ok(v.role == B && v.reason == R(REVERT_WAIT),
	   "a clock before the start of the wait: still waiting");
	v = etkd_elect(&in, delay, 31000, &rv);
	ok(v.role == M && v.reason == R(HIGHER_PRIORITY),
	   "at the delay: master");
	in.local.role = M;
	v = etkd_elect(&in, delay, 31001, &rv);
	ok(v.role == M && !rv.waiting && !etkd_revert_deadline(&rv, delay),
	   "once master: no longer waiting");

	/* The reason going away restarts the wait. */
	memset(&rv, 0, sizeof(rv));
	case_input(&winner, &in);
	etkd_elect(&in, delay, 0, &rv);
	in.local.links = 0;
	in.local.bandwidth = 0;
	v = etkd_elect(&in, delay, 20000, &rv);
	ok(v.role == B && v.reason == R(NO_LINKS) && !rv.waiting,
	   "links lost while waiting: backup (no links), the wait is over");
	in.local.links = 2;
	in.local.bandwidth = 20000;
	v = etkd_elect(&in, delay, 25000, &rv);
	ok(v.role == B && v.reason == R(REVERT_WAIT) &&
	   etkd_revert_deadline(&rv, delay) == 55000,
	   "links back: the wait starts over (until 55000, not 30000)");
	v = etkd_elect(&in, delay, 30000, &rv);
	ok(v.role == B, "and 30000 is not enough");

	memset(&rv, 0, sizeof(rv));
	case_input(&winner, &in);
	v = etkd_elect(&in, 0, 1000, &rv);
	ok(v.role == M && v.reason == R(HIGHER_PRIORITY),
	   "revert delay 0: master at once");

	memset(&rv, 0, sizeof(rv));
	case_input(&winner, &in);
	in.remote.role = B;
	v = etkd_elect(&in, delay, 1000, &rv);
	ok(v.role == M && !rv.waiting,
	   "the peer not master (both starting out): master at once, no wait");

	{
		static const struct {
			const char *what;
			struct scase c;
			uint8_t reason;
		} failovers[] = {
			{ "peer down", { .lprio = 200, .lrole = B, .rrole = M,
					 .peer_down = true }, R(PEER_DOWN) },
			{ "the peer's links gone", { .lprio = 200, .lrole = B,
					 .rrole = M, .rnolinks = true },
			  R(PEER_NO_LINKS) },
			{ "forced master", { .lprio = 200, .lrole = B,
					     .rrole = M, .lmode = FM },
			  R(FORCE_MASTER) },
			{ "the peer forced backup", { .lprio = 200, .lrole = B,
						      .rrole = M, .rmode = FB },
			  R(PEER_FORCE_BACKUP) },
		};
		unsigned int i;

		for (i = 0; i < 4; i++) {
			memset(&rv, 0, sizeof(rv));
			case_input(&failovers[i].c, &in);
			v = etkd_elect(&in, delay, 1000, &rv);
			ok(v.role == M && v.reason == failovers[i].reason &&
			   !rv.waiting, "failover (%s): master at once",
			   failovers[i].what);
		}
	}
}

static void test_handover(void)
{
	struct etkd_revert rv = { 0 };
	struct etkd_elect_in in;
	struct etkd_verdict v;
	const struct scase loser = { .lprio = 200, .lrole = M, .rrole = B };

	case_input(&loser, &in);
	v = etkd_elect(&in, 30000, 0, &rv);
	ok(v.role == M && v.reason == R(HANDOVER),
	   "master that loses, the peer not yet master: stays master (handover)");
	in.remote.role = M;
	v = etkd_elect(&in, 30000, 0, &rv);
	ok(v.role == B && v.reason == R(LOWER_PRIORITY),
	   "the peer says master: backup");

	case_input(&loser, &in);
	in.local.mode = FB;
	in.local.priority = 1;
	v = etkd_elect(&in, 30000, 0, &rv);
	ok(v.role == M && v.reason == R(HANDOVER),
	   "forced backup while master: hands over make-before-break too");

	case_input(&loser, &in);
	in.local.links = 0;
	in.local.bandwidth = 0;
	v = etkd_elect(&in, 30000, 0, &rv);
	ok(v.role == B && v.reason == R(NO_LINKS),
	   "a master without links does not wait for the peer");

	case_input(&loser, &in);
	in.peer_up = false;
	in.liveness_alive = true;
	in.remote.role = B;
	v = etkd_elect(&in, 30000, 0, &rv);
	ok(v.role == M && v.reason == R(PEER_DOWN),
	   "peer down: no handover rule");
}

/* Mirror of a reason: what the other side must report. */
static uint8_t mirror(uint8_t r)
{
	switch (r) {
	case R(NO_LINKS): return R(PEER_NO_LINKS);
	case R(PEER_NO_LINKS): return R(NO_LINKS);
	case R(FORCE_MASTER): return R(PEER_FORCE_MASTER);
	case R(PEER_FORCE_MASTER): return R(FORCE_MASTER);
	case R(FORCE_BACKUP): return R(PEER_FORCE_BACKUP);
	case R(PEER_FORCE_BACKUP): return R(FORCE_BACKUP);
	case R(HIGHER_PRIORITY): return R(LOWER_PRIORITY);
	case R(LOWER_PRIORITY): return R(HIGHER_PRIORITY);
	case R(MORE_LINKS): return R(FEWER_LINKS);
	case R(FEWER_LINKS): return R(MORE_LINKS);
	case R(MORE_BANDWIDTH): return R(LESS_BANDWIDTH);
	case R(LESS_BANDWIDTH): return R(MORE_BANDWIDTH);
	case R(PEER_DOWN): return R(LIVENESS);
	case R(LIVENESS): return R(PEER_DOWN);
	}
	return r;	/* the tie-breaks name the same field on both sides */
}

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rnd(unsigned int n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state % n;
}

/* A side drawn from small ranges, so that ties are common. */
static void random_side(struct etkd_side *s, uint8_t addr)
{
	static const uint8_t prios[] = { 1, 99, 100, 100, 254 };
	static const uint64_t speeds[] = { 0, 1000, 10000, 10000, 25000 };

	memset(s, 0, sizeof(*s));
	s->priority = prios[rnd(5)];
	s->sysid[0] = 0x02;
	s->sysid[5] = rnd(3);
	s->addr[15] = addr;
	s->mode = rnd(__ETKD_MODE_MAX);
	s->basis = rnd(__ETKD_BASIS_MAX);
	s->role = rnd(__ETKD_ROLE_MAX);
	s->links = rnd(4);
	s->bandwidth = s->links * speeds[rnd(5)];
	if (s->links && !s->bandwidth)
		s->bandwidth = 1;
}

static void random_pair(struct etkd_elect_in *a, struct etkd_elect_in *b)
{
	memset(a, 0, sizeof(*a));
	/* Two ends of one peer link: different addresses, in either order. */
	if (rnd(2)) {
		random_side(&a->local, 1);
		random_side(&a->remote, 2);
	} else {
		random_side(&a->local, 2);
		random_side(&a->remote, 1);
	}
	a->peer_heard = true;
	a->peer_up = true;
	*b = *a;
	b->local = a->remote;
	b->remote = a->local;
}

/* Both sides' verdicts must be complementary, or both backup with no
 * link on either side.
 */
static bool complementary(const struct etkd_elect_in *a,
			  struct etkd_verdict va, struct etkd_verdict vb)
{
	if (!a->local.links && !a->remote.links)
		return va.role == B && vb.role == B;
	return (va.role == M) != (vb.role == M);
}

static void test_symmetry(void)
{
	unsigned int i, bad_role = 0, bad_reason = 0, bad_live = 0;
	unsigned int masters = 0, n = 200000;
	unsigned int seen[__ETKD_REASON_MAX] = { 0 };
	struct etkd_elect_in a, b;

	for (i = 0; i < n; i++) {
		struct etkd_verdict va, vb;

		random_pair(&a, &b);
		va = etkd_elect_preferred(&a);
		vb = etkd_elect_preferred(&b);
		seen[va.reason]++;
		masters += va.role == M;
		if (!complementary(&a, va, vb) && bad_role++ < 5)
			diag("roles: local %s (%s), peer %s (%s)",
			     etkd_role_name(va.role),
			     etkd_reason_name(va.reason),
			     etkd_role_name(vb.role),
			     etkd_reason_name(vb.reason));
		/* Both without links both say no-links. */
		if ((a.local.links || a.remote.links) &&
		    vb.reason != mirror(va.reason) && bad_reason++ < 5)
			diag("reasons: %s against %s",
			     etkd_reason_name(va.reason),
			     etkd_reason_name(vb.reason));

		/* The peer link lost, liveness answering on both sides, the
		 * same last-known roles: still complementary.
		 */
		a.peer_up = false;
		b.peer_up = false;
		a.liveness_alive = true;
		b.liveness_alive = true;
		va = etkd_elect_preferred(&a);
		vb = etkd_elect_preferred(&b);
		if (!complementary(&a, va, vb) && bad_live++ < 5)
			diag("liveness: local %s (%s, was %s), peer %s (%s, was %s)",
			     etkd_role_name(va.role),
			     etkd_reason_name(va.reason),
			     etkd_role_name(a.local.role),
			     etkd_role_name(vb.role),
			     etkd_reason_name(vb.reason),
			     etkd_role_name(a.remote.role));
	}
	ok(!bad_role, "%u mirrored inputs, peer up: complementary roles",
	   n);
	ok(!bad_reason, "... and mirrored reasons");
	ok(!bad_live, "... and with the peer link lost but liveness answering: complementary");
	ok(masters > n / 3 && masters < n * 2 / 3,
	   "... master in %u of %u, about half", masters, n);
	for (i = R(NO_LINKS); i <= R(LESS_BANDWIDTH); i++) {
		if (i == R(PEER_DOWN) || i == R(LIVENESS))
			continue;
		if (!seen[i])
			diag("reason %s never generated", etkd_reason_name(i));
		bad_role += !seen[i];
	}
	ok(!bad_role, "... every peer-up reason was generated");
}

/*
 * Two devices, each running etkd_elect() once a second on the other's
 * role from its last hello, from random configurations and starting
 * roles: after both have run once, some device always carries (no both
 * backup while a side has links), both master lasts at most one round
 * (the handover), and they settle on the preferred roles within the
 * revert delay and two rounds.
 */
static void test_simulation(void)
{
	unsigned int i, round, bad_gap = 0, bad_dual = 0, bad_settle = 0;
	unsigned int reverts = 0, handovers = 0, n = 20000;

	for (i = 0; i < n; i++) {
		struct etkd_revert ra = { 0 }, rb = { 0 };
		struct etkd_elect_in a, b;
		struct etkd_verdict va, vb, pa;
		unsigned int dual = 0, rounds;
		uint64_t delay = rnd(6) * 1000;

		random_pair(&a, &b);
		rounds = delay / 1000 + 3;
		for (round = 1; round <= rounds; round++) {
			uint64_t now = round * 1000;

			va = etkd_elect(&a, delay, now, &ra);
			vb = etkd_elect(&b, delay, now, &rb);
			reverts += va.reason == R(REVERT_WAIT);
			handovers += va.reason == R(HANDOVER);
			/* Exchange hellos. */
			a.local.role = va.role;
			b.remote.role = va.role;
			b.local.role = vb.role;
			a.remote.role = vb.role;
			if ((a.local.links || a.remote.links) &&
			    va.role == B && vb.role == B && bad_gap++ < 5)
				diag("case %u round %u: both backup", i, round);
			dual = va.role == M && vb.role == M ? dual + 1 : 0;
			if (dual > 1 && bad_dual++ < 5)
				diag("case %u round %u: both master again", i,
				     round);
		}
		pa = etkd_elect_preferred(&a);
		if ((va.role != pa.role || !complementary(&a, va, vb)) &&
		    bad_settle++ < 5)
			diag("case %u: settled on %s/%s, preferred %s", i,
			     etkd_role_name(va.role), etkd_role_name(vb.role),
			     etkd_role_name(pa.role));
	}
	ok(!bad_gap, "%u simulated pairs: never both backup while one can carry",
	   n);
	ok(!bad_dual, "... both master for one round at most (make-before-break)");
	ok(!bad_settle, "... settled on the preferred roles within delay + 2 rounds");
	ok(reverts && handovers, "... through %u revert waits and %u handovers",
	   reverts, handovers);
}

static void test_names(void)
{
	unsigned int i, j, bad = 0;

	for (i = 0; i < __ETKD_REASON_MAX; i++) {
		if (!strcmp(etkd_reason_name(i), "unknown"))
			bad++;
		for (j = 0; j < i; j++)
			bad += !strcmp(etkd_reason_name(i),
				       etkd_reason_name(j));
	}
	ok(!bad && !strcmp(etkd_reason_name(__ETKD_REASON_MAX), "unknown") &&
	   !strcmp(etkd_role_name(M), "master") &&
	   !strcmp(etkd_role_name(9), "unknown"),
	   "every reason has its own name");
}

int main(void)
{
	test_start();
	test_table();
	test_revert();
	test_handover();
	test_symmetry();
	test_simulation();
	test_names();
	return test_end();
}
