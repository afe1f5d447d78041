// SPDX-License-Identifier: GPL-2.0
/*
 * test_bfd.c - the BFD engine without sockets: the codec and every drop
 * reason, the five authentication types (known digests, bad digests,
 * key ids, sequence windows, replays), and two sessions wired to each
 * other on a driven clock: bring-up, negotiated intervals, slow
 * transmission while not Up, jitter, Poll/Final, detection expiry,
 * AdminDown, static discriminators, TTL, Demand, demultiplexing, and
 * micro-BFD frame checksums.
 */
#include <arpa/inet.h>
#include <string.h>

#include "bfd.h"
#include "test.h"

#define MS (1000000ULL)		/* ns */

/* A valid Up packet from discriminator 1 to 2, 1 s intervals. */
static struct etkd_bfd_pkt base(void)
{
	struct etkd_bfd_pkt p = {
		.state = ETRUNK_BFD_STATE_UP, .mult = 3,
		.my_discr = 1, .your_discr = 2,
		.min_tx = 1000000, .min_rx = 1000000,
	};

	return p;
}

static enum etkd_bfd_drop decode_mod(void (*mod)(uint8_t *buf, int *len))
{
	struct etkd_bfd_pkt p = base(), d;
	uint8_t buf[ETKD_BFD_MAX_LEN + 8];
	int len = etkd_bfd_encode(&p, NULL, 0, buf, sizeof(buf));

	mod(buf, &len);
	return etkd_bfd_decode(buf, len, &d);
}

static void m_short(uint8_t *b, int *l) { (void)b; *l = 20; }
static void m_tiny(uint8_t *b, int *l) { (void)b; *l = 2; }
static void m_version(uint8_t *b, int *l) { (void)l; b[0] = 2 << 5; }
static void m_len_small(uint8_t *b, int *l) { (void)l; b[3] = 20; }
static void m_len_big(uint8_t *b, int *l) { (void)l; b[3] = 25; }
static void m_len_auth(uint8_t *b, int *l) { (void)l; b[1] |= ETKD_BFD_F_AUTH; }
static void m_mult(uint8_t *b, int *l) { (void)l; b[2] = 0; }
static void m_multipoint(uint8_t *b, int *l) { (void)l; b[1] |= ETKD_BFD_F_MULTIPOINT; }
static void m_discr(uint8_t *b, int *l) { (void)l; memset(b + 4, 0, 4); }
static void m_your(uint8_t *b, int *l) { (void)l; memset(b + 8, 0, 4); }
static void m_your_down(uint8_t *b, int *l)
{
	(void)l;
	memset(b + 8, 0, 4);
	b[1] = ETRUNK_BFD_STATE_DOWN << 6;
}
static void m_none(uint8_t *b, int *l) { (void)b; (void)l; }
static void m_extra(uint8_t *b, int *l) { (void)b; *l += 8; }

static void test_codec(void)
{
	struct etkd_bfd_pkt p = base(), d;
	uint8_t buf[ETKD_BFD_MAX_LEN];
	int len;

	p.diag = ETRUNK_BFD_DIAG_PATH_DOWN;
	p.flags = ETKD_BFD_F_POLL | ETKD_BFD_F_CPI;
	p.min_echo_rx = 7;
	len = etkd_bfd_encode(&p, NULL, 0, buf, sizeof(buf));
	ok(len == 24 && buf[0] == 0x25 && buf[1] == (0xc0 | 0x28) &&
	   buf[2] == 3 && buf[3] == 24, "codec: header bytes");
	ok(etkd_bfd_decode(buf, len, &d) == ETKD_BFD_ACCEPT &&
	   d.version == 1 && d.diag == 5 && d.state == 3 &&
	   d.flags == (ETKD_BFD_F_POLL | ETKD_BFD_F_CPI) && d.mult == 3 &&
	   d.my_discr == 1 && d.your_discr == 2 && d.min_tx == 1000000 &&
	   d.min_rx == 1000000 && d.min_echo_rx == 7,
	   "codec: decode(encode(p)) == p");
	ok(etkd_bfd_encode(&p, NULL, 0, buf, 23) < 0,
	   "codec: encode refuses a short buffer");

	ok(decode_mod(m_none) == ETKD_BFD_ACCEPT, "drop: the unmodified packet passes");
	ok(decode_mod(m_extra) == ETKD_BFD_ACCEPT,
	   "drop: a UDP payload longer than Length passes");
	ok(decode_mod(m_tiny) == ETKD_BFD_DROP_SHORT, "drop: 2 bytes: short");
	ok(decode_mod(m_short) == ETKD_BFD_DROP_SHORT, "drop: 20 bytes: short");
	ok(decode_mod(m_version) == ETKD_BFD_DROP_VERSION, "drop: version 2");
	ok(decode_mod(m_len_small) == ETKD_BFD_DROP_LENGTH, "drop: Length 20");
	ok(decode_mod(m_len_big) == ETKD_BFD_DROP_LENGTH,
	   "drop: Length beyond the payload");
	ok(decode_mod(m_len_auth) == ETKD_BFD_DROP_LENGTH,
	   "drop: A bit with Length 24 (< 26)");
	ok(decode_mod(m_mult) == ETKD_BFD_DROP_MULT, "drop: Detect Mult 0");
	ok(decode_mod(m_multipoint) == ETKD_BFD_DROP_MULTIPOINT,
	   "drop: Multipoint bit");
	ok(decode_mod(m_discr) == ETKD_BFD_DROP_DISCR, "drop: My Discriminator 0");
	ok(decode_mod(m_your) == ETKD_BFD_DROP_YOUR_DISCR,
	   "drop: Your Discriminator 0 in state Up");
	ok(decode_mod(m_your_down) == ETKD_BFD_ACCEPT,
	   "drop: Your Discriminator 0 in state Down passes");
	ok(!strcmp(etkd_bfd_drop_name(ETKD_BFD_DROP_AUTH_SEQ), "auth_seq") &&
	   !strcmp(etkd_bfd_drop_name(ETKD_BFD_DROP_SHORT), "short"),
	   "drop: names");
}

static struct etkd_bfd_auth mkauth(uint8_t type, uint8_t id, const char *key)
{
	struct etkd_bfd_auth a = { .type = type, .key_id = id };

	a.key_len = strlen(key);
	memcpy(a.key, key, a.key_len);
	return a;
}

static void hex(const uint8_t *p, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

/* Digests computed independently (Python hashlib) over the same bytes. */
static void test_auth_vectors(void)
{
	struct etkd_bfd_pkt p = base();
	struct etkd_bfd_auth a = mkauth(ETRUNK_BFD_AUTH_KEYED_MD5, 7, "secret");
	uint8_t buf[ETKD_BFD_MAX_LEN];
	char h[64];
	int len;

	len = etkd_bfd_encode(&p, &a, 1, buf, sizeof(buf));
	hex(buf + 32, 16, h);
	ok(len == 48 && buf[24] == 2 && buf[25] == 24 && buf[26] == 7 &&
	   !strcmp(h, "c6fd8474da0b160e1d751b80a864d53e"),
	   "auth: keyed MD5 digest matches an independent one (%s)", h);
	a = mkauth(ETRUNK_BFD_AUTH_KEYED_SHA1, 7, "secret");
	len = etkd_bfd_encode(&p, &a, 1, buf, sizeof(buf));
	hex(buf + 32, 20, h);
	ok(len == 52 && buf[24] == 4 && buf[25] == 28 &&
	   !strcmp(h, "f6488feb065b6647e086bda6713fda49cc1d7ba3"),
	   "auth: keyed SHA1 digest matches an independent one (%s)", h);
	a = mkauth(ETRUNK_BFD_AUTH_SIMPLE, 9, "pass");
	len = etkd_bfd_encode(&p, &a, 1, buf, sizeof(buf));
	ok(len == 31 && buf[25] == 7 && buf[26] == 9 &&
	   !memcmp(buf + 27, "pass", 4), "auth: simple password section");
	a = mkauth(ETRUNK_BFD_AUTH_KEYED_MD5, 1, "12345678901234567");
	ok(etkd_bfd_auth_valid(&a) && etkd_bfd_encode(&p, &a, 1, buf,
						     sizeof(buf)) < 0,
	   "auth: a 17-byte MD5 key refused");
}

static enum etkd_bfd_drop check_auth(const struct etkd_bfd_auth *tx,
				     const struct etkd_bfd_auth *rx_cfg,
				     uint32_t seq, uint8_t mult,
				     struct etkd_bfd_auth_rx *rx, int corrupt)
{
	struct etkd_bfd_pkt p = base(), d;
	uint8_t buf[ETKD_BFD_MAX_LEN];
	enum etkd_bfd_drop why;
	int len;

	p.mult = mult;
	len = etkd_bfd_encode(&p, tx, seq, buf, sizeof(buf));
	if (len < 0)
		return __ETKD_BFD_DROP_MAX;
	if (corrupt >= 0)
		buf[corrupt] ^= 0x40;
	why = etkd_bfd_decode(buf, len, &d);
	if (why)
		return why;
	return etkd_bfd_auth_check(buf, &d, rx_cfg, rx);
}

static void test_auth_type(uint8_t type, const char *name)
{
	struct etkd_bfd_auth a = mkauth(type, 5, "sixteen byte key");
	struct etkd_bfd_auth other = a, none = { 0 };
	struct etkd_bfd_auth_rx rx = { 0 };
	bool met = type == ETRUNK_BFD_AUTH_METICULOUS_MD5 ||
		   type == ETRUNK_BFD_AUTH_METICULOUS_SHA1;
	enum etkd_bfd_drop w;

	ok(check_auth(&a, &a, 100, 3, &rx, -1) == ETKD_BFD_ACCEPT,
	   "%s: a good packet accepted", name);
	/* A password does not cover the packet; a digest does. */
	w = check_auth(&a, &a, 101, 3, &rx, 20);
	ok(w == (type == ETRUNK_BFD_AUTH_SIMPLE ? ETKD_BFD_ACCEPT :
						  ETKD_BFD_DROP_AUTH),
	   "%s: a changed byte in the mandatory section: %s", name,
	   etkd_bfd_drop_name(w));
	rx.last = 100;
	ok(check_auth(&a, &a, 101, 3, &rx, 40) == ETKD_BFD_DROP_AUTH,
	   "%s: a changed byte in the digest/password: auth", name);
	other.key[0] ^= 1;
	ok(check_auth(&other, &a, 101, 3, &rx, -1) == ETKD_BFD_DROP_AUTH,
	   "%s: another key: auth", name);
	other = a;
	other.key_id = 6;
	ok(check_auth(&other, &a, 101, 3, &rx, -1) == ETKD_BFD_DROP_AUTH,
	   "%s: another key id: auth", name);
	ok(check_auth(&none, &a, 101, 3, &rx, -1) == ETKD_BFD_DROP_AUTH_MISMATCH,
	   "%s: no A bit while configured: auth_mismatch", name);
	ok(check_auth(&a, &none, 101, 3, &rx, -1) == ETKD_BFD_DROP_AUTH_MISMATCH,
	   "%s: A bit while not configured: auth_mismatch", name);
	other = a;
	other.type = type == ETRUNK_BFD_AUTH_SIMPLE ? ETRUNK_BFD_AUTH_KEYED_MD5 :
						      ETRUNK_BFD_AUTH_SIMPLE;
	ok(check_auth(&other, &a, 101, 3, &rx, -1) == ETKD_BFD_DROP_AUTH,
	   "%s: another auth type: auth", name);
	if (type == ETRUNK_BFD_AUTH_SIMPLE)
		return;
	ok(rx.last == 100, "%s: failures do not move the window", name);
	w = check_auth(&a, &a, 100, 3, &rx, -1);
	ok(w == (met ? ETKD_BFD_DROP_AUTH_SEQ : ETKD_BFD_ACCEPT),
	   "%s: the same sequence number: %s", name, etkd_bfd_drop_name(w));
	ok(check_auth(&a, &a, 99, 3, &rx, -1) == ETKD_BFD_DROP_AUTH_SEQ,
	   "%s: an older sequence number (replay): auth_seq", name);
	ok(check_auth(&a, &a, 100 + 9, 3, &rx, -1) == ETKD_BFD_ACCEPT,
	   "%s: last + 3 * Detect Mult accepted", name);
	ok(check_auth(&a, &a, 109 + 10, 3, &rx, -1) == ETKD_BFD_DROP_AUTH_SEQ,
	   "%s: last + 3 * Detect Mult + 1 refused", name);
	rx.last = 0xfffffffe;
	ok(check_auth(&a, &a, 1, 3, &rx, -1) == ETKD_BFD_ACCEPT && rx.last == 1,
	   "%s: the window wraps at 2^32", name);
	rx.known = false;
	ok(check_auth(&a, &a, 12345, 3, &rx, -1) == ETKD_BFD_ACCEPT,
	   "%s: any number while the sequence is not known", name);
}

/* Two sessions joined by a wire with 1 ms of latency on a driven clock. */
struct wire {
	struct etkd_bfd_session a, b;
	uint64_t now;
	bool cut_ab, cut_ba;	/* drop a->b, b->a */
	struct {
		uint8_t buf[ETKD_BFD_MAX_LEN];
		int len;
		uint64_t at;
		bool to_b;
	} q[64];
	int nq;
	unsigned int states_a, states_b;	/* state change events seen */
	uint8_t last_flags_a;			/* flags of a's last packet */
	int finals_b, polls_a;
};

static struct etkd_bfd_cfg mkcfg(uint32_t ld, uint32_t tx_ms, uint32_t rx_ms,
				 uint8_t mult)
{
	struct etkd_bfd_cfg c = {
		.type = ETRUNK_BFD_SINGLE_HOP, .local_discr = ld,
		.min_tx = tx_ms * 1000, .min_rx = rx_ms * 1000, .mult = mult,
	};

	return c;
}

static void send_from(struct wire *w, bool from_a)
{
	struct etkd_bfd_session *s = from_a ? &w->a : &w->b;
	uint8_t buf[ETKD_BFD_MAX_LEN];
	int len = etkd_bfd_build_tx(s, buf, sizeof(buf), w->now);

	if (len < 0)
		return;
	if (from_a) {
		w->last_flags_a = buf[1] & 0x3f;
		if (buf[1] & ETKD_BFD_F_POLL)
			w->polls_a++;
	} else if (buf[1] & ETKD_BFD_F_FINAL) {
		w->finals_b++;
	}
	if ((from_a && w->cut_ab) || (!from_a && w->cut_ba) || w->nq == 64)
		return;
	memcpy(w->q[w->nq].buf, buf, len);
	w->q[w->nq].len = len;
	w->q[w->nq].at = w->now + MS;
	w->q[w->nq].to_b = from_a;
	w->nq++;
}

static void events(struct wire *w, bool on_a, unsigned int ev)
{
	if (ev & ETKD_BFD_EV_STATE) {
		if (on_a)
			w->states_a++;
		else
			w->states_b++;
	}
	if (ev & ETKD_BFD_EV_TX)
		send_from(w, on_a);
}

/* Run the pair until @until (ns). */
static void run(struct wire *w, uint64_t until)
{
	for (;;) {
		uint64_t t = until, ta = etkd_bfd_next_deadline(&w->a);
		uint64_t tb = etkd_bfd_next_deadline(&w->b);
		enum etkd_bfd_drop why;
		int i, qi = -1;

		for (i = 0; i < w->nq; i++)
			if (w->q[i].at <= t) {
				t = w->q[i].at;
				qi = i;
			}
		if (ta < t) {
			t = ta;
			qi = -1;
		}
		if (tb < t) {
			t = tb;
			qi = -1;
		}
		if (t >= until) {
			w->now = until;
			return;
		}
		if (t > w->now)
			w->now = t;
		if (qi >= 0) {
			bool to_b = w->q[qi].to_b;
			uint8_t buf[ETKD_BFD_MAX_LEN];
			int len = w->q[qi].len;

			memcpy(buf, w->q[qi].buf, len);
			w->q[qi] = w->q[--w->nq];
			events(w, !to_b, etkd_bfd_rx(to_b ? &w->b : &w->a, buf,
						     len, 255, w->now, &why));
		} else if (ta <= tb) {
			events(w, true, etkd_bfd_on_timer(&w->a, w->now));
		} else {
			events(w, false, etkd_bfd_on_timer(&w->b, w->now));
		}
	}
}

static void wire_init(struct wire *w, const struct etkd_bfd_cfg *ca,
		      const struct etkd_bfd_cfg *cb)
{
	memset(w, 0, sizeof(*w));
	w->now = 1000 * MS;
	etkd_bfd_session_init(&w->a, ca, w->now);
	etkd_bfd_session_init(&w->b, cb, w->now);
}

static void test_bringup(void)
{
	struct etkd_bfd_cfg ca = mkcfg(11, 50, 200, 3), cb = mkcfg(22, 100, 30, 5);
	uint8_t buf[ETKD_BFD_MAX_LEN];
	struct etkd_bfd_pkt p;
	struct wire w;

	ok(etkd_bfd_cfg_valid(&ca) == 0, "config valid");
	ca.local_discr = 0;
	ok(etkd_bfd_cfg_valid(&ca) < 0, "config: discriminator 0 refused");
	ca = mkcfg(11, 50, 200, 3);
	ca.min_tx = 999;
	ok(etkd_bfd_cfg_valid(&ca) < 0, "config: interval below the minimum");
	ca = mkcfg(11, 50, 200, 3);

	wire_init(&w, &ca, &cb);
	ok(w.a.state == ETRUNK_BFD_STATE_DOWN &&
	   etkd_bfd_next_deadline(&w.a) < w.now + 100 * MS,
	   "a new session is Down with a packet due within 100 ms");
	etkd_bfd_build_tx(&w.a, buf, sizeof(buf), w.now);
	etkd_bfd_decode(buf, 24, &p);
	ok(p.min_tx == 1000000 && p.min_rx == 200000 && p.your_discr == 0 &&
	   p.state == ETRUNK_BFD_STATE_DOWN,
	   "6.8.3: Desired Min TX advertised as 1 s while not Up (got %u)",
	   p.min_tx);
	wire_init(&w, &ca, &cb);
	run(&w, w.now + 110 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_UP && w.b.state == ETRUNK_BFD_STATE_UP,
	   "both Up within 110 ms: first packets within 100 (%s, %s)", etkd_bfd_state_name(w.a.state),
	   etkd_bfd_state_name(w.b.state));
	ok(w.a.cnt.ups == 1 && w.b.cnt.ups == 1 && w.a.remote_discr == 22 &&
	   w.b.remote_discr == 11, "ups counted, discriminators learned");
	run(&w, w.now + 2000 * MS);
	/* a: tx max(50, 30) = 50, detect 5 * max(200, 100) = 1000;
	 * b: tx max(100, 200) = 200, detect 3 * max(30, 50) = 150.
	 */
	ok(w.a.tx_interval == 50000 && w.a.detect_time == 1000000,
	   "a: tx %u us (50000), detect %u us (1000000)", w.a.tx_interval,
	   w.a.detect_time);
	ok(w.b.tx_interval == 200000 && w.b.detect_time == 150000,
	   "b: tx %u us (200000), detect %u us (150000)", w.b.tx_interval,
	   w.b.detect_time);
	ok(w.a.adv_tx == 50000 && !w.a.poll && !w.b.poll &&
	   w.a.cnt.polls >= 1 && w.b.cnt.polls >= 1,
	   "the Poll of going Up (1 s -> configured) completed on both");
	ok(w.a.cnt.tx >= 2000 / 50 && w.a.cnt.tx <= 2000 * 100 / 75 / 50 + 6,
	   "a sent %llu packets in 2 s at 50 ms with jitter",
	   (unsigned long long)w.a.cnt.tx);
	/* Down -> Init -> Up, or Down -> Up for the one that hears Init
	 * first.
	 */
	ok(w.a.cnt.drops == 0 && w.b.cnt.drops == 0 &&
	   w.states_a + w.states_b >= 3 && w.states_a <= 2 && w.states_b <= 2,
	   "no drops, one or two state changes each (%u, %u)",
	   w.states_a, w.states_b);
}

static void test_jitter(void)
{
	struct etkd_bfd_cfg c = mkcfg(1, 100, 100, 3);
	struct etkd_bfd_session s;
	uint8_t buf[ETKD_BFD_MAX_LEN];
	uint64_t now = 5000 * MS, d;
	int i, mult;

	for (mult = 3; mult >= 1; mult -= 2) {
		uint64_t lo = UINT64_MAX, hi = 0;

		c.mult = mult;
		etkd_bfd_session_init(&s, &c, now);
		for (i = 0; i < 2000; i++) {
			etkd_bfd_build_tx(&s, buf, sizeof(buf), now);
			d = s.tx_at - now;
			lo = d < lo ? d : lo;
			hi = d > hi ? d : hi;
		}
		/* Not Up: the interval is 1 s. */
		if (mult == 3)
			ok(lo >= 750 * MS && lo < 760 * MS && hi <= 1000 * MS &&
			   hi > 990 * MS, "jitter: 75-100%% (%llu-%llu ms)",
			   (unsigned long long)(lo / MS),
			   (unsigned long long)(hi / MS));
		else
			ok(lo >= 750 * MS && hi <= 900 * MS && hi > 890 * MS,
			   "jitter with Detect Mult 1: 75-90%% (%llu-%llu ms)",
			   (unsigned long long)(lo / MS),
			   (unsigned long long)(hi / MS));
	}
}

static void test_poll(void)
{
	struct etkd_bfd_cfg ca = mkcfg(11, 50, 50, 3), cb = mkcfg(22, 50, 50, 3);
	uint32_t det_b;
	struct wire w;
	int polls, finals;
	unsigned int ev;

	wire_init(&w, &ca, &cb);
	run(&w, w.now + 1000 * MS);
	ok(w.a.tx_interval == 50000 && w.b.tx_interval == 50000,
	   "poll: both at 50 ms");
	/* Increase a's tx: the old rate stays until the Final. */
	ca.min_tx = 300000;
	w.cut_ba = true;	/* hold back b's Final */
	ev = etkd_bfd_reconfigure(&w.a, &ca, w.now);
	events(&w, true, ev);
	ok(w.a.poll && w.a.adv_tx == 300000 && w.a.use_tx == 50000 &&
	   w.a.tx_interval == 50000 && (w.last_flags_a & ETKD_BFD_F_POLL),
	   "poll: a larger tx is advertised with P but not used before the Final");
	w.cut_ba = false;
	polls = w.polls_a;
	finals = w.finals_b;
	run(&w, w.now + 5 * MS);
	ok(!w.a.poll && w.a.tx_interval == 300000 &&
	   w.b.detect_time == 3 * 300000 && finals < w.finals_b &&
	   polls == w.polls_a, "poll: b answered F at once; a now at %u us, "
	   "b detects in %u us", w.a.tx_interval, w.b.detect_time);
	run(&w, w.now + 2000 * MS);
	ok(!(w.last_flags_a & ETKD_BFD_F_POLL) && w.a.state == ETRUNK_BFD_STATE_UP &&
	   w.b.state == ETRUNK_BFD_STATE_UP && w.a.cnt.downs == 0 &&
	   w.b.cnt.downs == 0, "poll: no flap, P cleared");

	/* Decrease a's rx: b's detection of a... a keeps the old rx for its
	 * own detection until the Final.
	 */
	ca.min_rx = 20000;
	w.cut_ba = true;
	events(&w, true, etkd_bfd_reconfigure(&w.a, &ca, w.now));
	ok(w.a.use_rx == 50000 && w.a.detect_time == 3 * 50000,
	   "poll: a smaller rx is not used for detection before the Final "
	   "(%u us)", w.a.detect_time);
	w.cut_ba = false;
	run(&w, w.now + 500 * MS);
	det_b = w.b.tx_interval;
	ok(w.a.use_rx == 20000 && w.a.detect_time == 3 * 50000 &&
	   det_b == 50000 && w.a.cnt.downs == 0,
	   "poll: after the Final a uses rx 20 ms (detect %u us = 3 x b's tx)",
	   w.a.detect_time);

	/* A Poll from the peer is answered with F, without P, at once. */
	{
		struct etkd_bfd_pkt p = base(), d;
		uint8_t buf[ETKD_BFD_MAX_LEN];
		enum etkd_bfd_drop why;
		int len;

		p.my_discr = 22;
		p.your_discr = 11;
		p.flags = ETKD_BFD_F_POLL;
		p.min_tx = 50000;
		p.min_rx = 20000;
		w.a.poll = true;	/* even while our own Poll runs */
		len = etkd_bfd_encode(&p, NULL, 0, buf, sizeof(buf));
		ev = etkd_bfd_rx(&w.a, buf, len, 255, w.now, &why);
		len = etkd_bfd_build_tx(&w.a, buf, sizeof(buf), w.now);
		etkd_bfd_decode(buf, len, &d);
		ok((ev & ETKD_BFD_EV_TX) && (d.flags & ETKD_BFD_F_FINAL) &&
		   !(d.flags & ETKD_BFD_F_POLL),
		   "poll: a received P asks for a packet at once, with F and not P");
		len = etkd_bfd_build_tx(&w.a, buf, sizeof(buf), w.now);
		etkd_bfd_decode(buf, len, &d);
		ok(!(d.flags & ETKD_BFD_F_FINAL) && (d.flags & ETKD_BFD_F_POLL),
		   "poll: the next packet carries our P and no F");
	}
}

static void test_detect(void)
{
	struct etkd_bfd_cfg ca = mkcfg(11, 20, 20, 3), cb = mkcfg(22, 20, 20, 3);
	uint64_t cut;
	struct wire w;

	wire_init(&w, &ca, &cb);
	run(&w, w.now + 1000 * MS);
	cut = w.now;
	w.cut_ba = true;
	run(&w, w.a.last_rx + 59 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_UP,
	   "detect: still Up 59 ms after the last packet");
	run(&w, w.now + 2 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_DOWN &&
	   w.a.diag == ETRUNK_BFD_DIAG_DETECT_EXPIRED &&
	   w.a.changed_at - cut <= 61 * MS && w.a.cnt.downs == 1,
	   "detect: a Down (diag %s) %llu ms after the cut (detect 60 ms)",
	   etkd_bfd_diag_name(w.a.diag),
	   (unsigned long long)((w.a.changed_at - cut) / MS));
	run(&w, w.now + 5 * MS);
	ok(w.b.state == ETRUNK_BFD_STATE_DOWN &&
	   w.b.diag == ETRUNK_BFD_DIAG_NEIGHBOR_DOWN,
	   "detect: b told by a's Down: diag %s", etkd_bfd_diag_name(w.b.diag));
	ok(w.a.remote_discr == 0 && w.a.detect_time == 0,
	   "detect: a forgot the peer (6.8.1)");
	w.cut_ba = false;
	run(&w, w.now + 3000 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_UP && w.b.state == ETRUNK_BFD_STATE_UP &&
	   w.a.cnt.ups == 2, "detect: back Up once the link is back");
}

static void test_admin(void)
{
	struct etkd_bfd_cfg ca = mkcfg(11, 20, 20, 3), cb = mkcfg(22, 20, 20, 3);
	struct wire w;

	wire_init(&w, &ca, &cb);
	run(&w, w.now + 1000 * MS);
	ca.admin_down = true;
	events(&w, true, etkd_bfd_reconfigure(&w.a, &ca, w.now));
	run(&w, w.now + 10 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_ADMIN_DOWN &&
	   w.a.diag == ETRUNK_BFD_DIAG_ADMIN_DOWN &&
	   w.b.state == ETRUNK_BFD_STATE_DOWN &&
	   w.b.diag == ETRUNK_BFD_DIAG_NEIGHBOR_DOWN,
	   "admin: a AdminDown (diag 7), b Down (neighbor-down)");
	run(&w, w.now + 3000 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_ADMIN_DOWN &&
	   w.b.state == ETRUNK_BFD_STATE_DOWN && w.a.cnt.drop[ETKD_BFD_DROP_ADMIN_DOWN],
	   "admin: stays down; a drops what it receives");
	ca.admin_down = false;
	events(&w, true, etkd_bfd_reconfigure(&w.a, &ca, w.now));
	run(&w, w.now + 3000 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_UP && w.b.state == ETRUNK_BFD_STATE_UP,
	   "admin: both Up again after admin up");
	ok(etkd_bfd_reconfigure(&w.a, &(struct etkd_bfd_cfg){ 0 }, w.now) < 0 &&
	   w.a.state == ETRUNK_BFD_STATE_UP, "reconfigure refuses mult 0");
}

/* Static remote discriminator to learned while Up: our next packet still
 * names the peer (a Your Discriminator 0 from Up is discarded, 6.8.6).
 */
static void test_static_to_learned(void)
{
	struct etkd_bfd_cfg ca = mkcfg(11, 20, 20, 3), cb = mkcfg(22, 20, 20, 3);
	uint8_t buf[ETKD_BFD_MAX_LEN];
	enum etkd_bfd_drop why;
	struct wire w;
	int len;

	ca.remote_discr = 22;
	wire_init(&w, &ca, &cb);
	run(&w, w.now + 1000 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_UP && w.b.state == ETRUNK_BFD_STATE_UP,
	   "static remote discriminator: both Up");
	ca.remote_discr = 0;
	events(&w, true, etkd_bfd_reconfigure(&w.a, &ca, w.now));
	len = etkd_bfd_build_tx(&w.a, buf, sizeof(buf), w.now);
	ok(len > 0 && buf[8] == 0 && buf[9] == 0 && buf[10] == 0 &&
	   buf[11] == 22 && w.a.state == ETRUNK_BFD_STATE_UP,
	   "static to learned: the next packet still says Your Discriminator 22");
	etkd_bfd_rx(&w.b, buf, len, 255, w.now, &why);
	ok(why == ETKD_BFD_ACCEPT, "and the peer accepts it");
	run(&w, w.now + 1000 * MS);
	ok(w.a.state == ETRUNK_BFD_STATE_UP && w.b.state == ETRUNK_BFD_STATE_UP &&
	   !w.b.cnt.drops, "both stay Up, the peer drops nothing");
}

/* One packet from "the peer" into @s; the drop reason. */
static enum etkd_bfd_drop feed(struct etkd_bfd_session *s,
			       const struct etkd_bfd_pkt *p, int ttl)
{
	uint8_t buf[ETKD_BFD_MAX_LEN];
	enum etkd_bfd_drop why;
	int len = etkd_bfd_encode(p, &s->cfg.auth, 1, buf, sizeof(buf));

	etkd_bfd_rx(s, buf, len, ttl, 1000 * MS, &why);
	return why;
}

static void test_rx_checks(void)
{
	struct etkd_bfd_cfg c = mkcfg(11, 20, 20, 3);
	struct etkd_bfd_pkt p = base();
	struct etkd_bfd_session s;
	uint8_t buf[8] = { 0x20 };
	enum etkd_bfd_drop why;

	p.state = ETRUNK_BFD_STATE_DOWN;
	p.my_discr = 22;
	p.your_discr = 0;
	etkd_bfd_session_init(&s, &c, 1000 * MS);
	ok(feed(&s, &p, 254) == ETKD_BFD_DROP_TTL, "single hop: TTL 254 dropped");
	ok(feed(&s, &p, 255) == ETKD_BFD_ACCEPT &&
	   s.state == ETRUNK_BFD_STATE_INIT, "single hop: TTL 255 accepted (Init)");
	p.your_discr = 12;
	ok(feed(&s, &p, 255) == ETKD_BFD_DROP_YOUR_DISCR,
	   "Your Discriminator not ours dropped");
	p.your_discr = 11;
	p.flags = ETKD_BFD_F_DEMAND;
	ok(feed(&s, &p, 255) == ETKD_BFD_DROP_DEMAND, "D bit dropped (no Demand mode)");
	p.flags = 0;
	etkd_bfd_rx(&s, buf, sizeof(buf), 255, 1000 * MS, &why);
	ok(why == ETKD_BFD_DROP_SHORT, "short packet dropped");
	ok(s.cnt.drops == 4 && s.cnt.drop[ETKD_BFD_DROP_TTL] == 1 &&
	   s.cnt.drop[ETKD_BFD_DROP_DEMAND] == 1 && s.cnt.rx == 1 &&
	   s.cnt.auth_failures == 0, "drops counted by reason");

	c.type = ETRUNK_BFD_MULTIHOP;
	etkd_bfd_session_init(&s, &c, 1000 * MS);
	p.your_discr = 0;
	ok(feed(&s, &p, 7) == ETKD_BFD_ACCEPT, "multihop: TTL 7 accepted");

	c = mkcfg(11, 20, 20, 3);
	c.remote_discr = 33;
	etkd_bfd_session_init(&s, &c, 1000 * MS);
	ok(feed(&s, &p, 255) == ETKD_BFD_DROP_REMOTE_DISCR &&
	   s.cnt.drop[ETKD_BFD_DROP_REMOTE_DISCR] == 1,
	   "static: a peer with another discriminator dropped and counted");
	p.my_discr = 33;
	ok(feed(&s, &p, 255) == ETKD_BFD_ACCEPT && s.remote_discr == 33,
	   "static: the configured one accepted");
	etkd_bfd_session_init(&s, &c, 1000 * MS);
	{
		uint8_t b2[ETKD_BFD_MAX_LEN];
		struct etkd_bfd_pkt d;

		etkd_bfd_build_tx(&s, b2, sizeof(b2), 1000 * MS);
		etkd_bfd_decode(b2, 24, &d);
		ok(d.your_discr == 33,
		   "static: Your Discriminator sent before the peer is heard");
	}

	c = mkcfg(11, 20, 20, 3);
	c.auth = mkauth(ETRUNK_BFD_AUTH_METICULOUS_SHA1, 1, "k");
	etkd_bfd_session_init(&s, &c, 1000 * MS);
	p.my_discr = 22;
	ok(feed(&s, &p, 255) == ETKD_BFD_ACCEPT, "auth session: accepted");
	ok(feed(&s, &p, 255) == ETKD_BFD_DROP_AUTH_SEQ &&
	   s.cnt.auth_failures == 1 && s.cnt.drops == 0,
	   "auth session: a replay counts as an auth failure");
	etkd_bfd_on_timer(&s, s.auth_reset_at);
	ok(!s.auth_rx.known, "auth session: the sequence is forgotten after 2 "
	   "detection times without packets");

	/* The peer asks for no packets: none are scheduled (6.8.7). */
	c = mkcfg(11, 20, 20, 3);
	etkd_bfd_session_init(&s, &c, 1000 * MS);
	p = base();
	p.state = ETRUNK_BFD_STATE_DOWN;
	p.my_discr = 22;
	p.your_discr = 0;
	p.min_rx = 0;
	feed(&s, &p, 255);
	etkd_bfd_build_tx(&s, (uint8_t[ETKD_BFD_MAX_LEN]){ 0 }, ETKD_BFD_MAX_LEN,
			  1000 * MS);
	ok(s.tx_at == ETKD_BFD_NEVER,
	   "Required Min RX 0: no periodic transmission");
}

static struct sockaddr_storage sa(const char *ip)
{
	struct sockaddr_storage ss = { 0 };

	if (strchr(ip, ':')) {
		ss.ss_family = AF_INET6;
		inet_pton(AF_INET6, ip, &((struct sockaddr_in6 *)&ss)->sin6_addr);
	} else {
		ss.ss_family = AF_INET;
		inet_pton(AF_INET, ip, &((struct sockaddr_in *)&ss)->sin_addr);
	}
	return ss;
}

static void test_lookup(void)
{
	struct etkd_bfd_session s1, s2, s3, *tab[4] = { &s1, NULL, &s2, &s3 };
	struct etkd_bfd_cfg c = mkcfg(100, 20, 20, 3);
	struct etkd_bfd_pkt p = base();
	struct etkd_bfd_rxinfo info = { .ttl = 255 };
	uint8_t buf[ETKD_BFD_MAX_LEN];
	int len;

	c.peer = sa("192.0.2.1");
	etkd_bfd_session_init(&s1, &c, 0);
	c.local_discr = 200;
	c.peer = sa("192.0.2.2");
	c.ifindex = 5;
	etkd_bfd_session_init(&s2, &c, 0);
	c.local_discr = 300;
	c.type = ETRUNK_BFD_MULTIHOP;
	c.ifindex = 0;
	etkd_bfd_session_init(&s3, &c, 0);

	p.your_discr = 200;
	len = etkd_bfd_encode(&p, NULL, 0, buf, sizeof(buf));
	info.from = sa("192.0.2.2");
	info.ifindex = 5;
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_SINGLE_HOP, buf, len, &info) == &s2,
	   "lookup: by Your Discriminator");
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_MULTIHOP, buf, len, &info) == NULL,
	   "lookup: not across types");
	info.from = sa("192.0.2.9");
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_SINGLE_HOP, buf, len, &info) ==
	   NULL && s2.cnt.drop[ETKD_BFD_DROP_SOURCE] == 1,
	   "lookup: our discriminator from another address: dropped, counted");
	info.from = sa("192.0.2.2");
	info.ifindex = 7;
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_SINGLE_HOP, buf, len, &info) ==
	   NULL && s2.cnt.drop[ETKD_BFD_DROP_SOURCE] == 2,
	   "lookup: our discriminator on another interface (single hop): dropped");
	p.your_discr = 300;
	len = etkd_bfd_encode(&p, NULL, 0, buf, sizeof(buf));
	info.from = sa("198.51.100.7");
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_MULTIHOP, buf, len, &info) ==
	   NULL && s3.cnt.drop[ETKD_BFD_DROP_SOURCE] == 1 &&
	   s3.state == ETRUNK_BFD_STATE_DOWN && !s3.cnt.rx,
	   "lookup: multihop, our discriminator from a spoofer: dropped");
	info.from = sa("192.0.2.2");
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_MULTIHOP, buf, len, &info) == &s3,
	   "lookup: multihop, from the peer on any interface");
	p.your_discr = 0;
	p.state = ETRUNK_BFD_STATE_DOWN;
	len = etkd_bfd_encode(&p, NULL, 0, buf, sizeof(buf));
	info.from = sa("192.0.2.2");
	info.ifindex = 5;
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_SINGLE_HOP, buf, len, &info) == &s2,
	   "lookup: by address and interface");
	info.ifindex = 6;
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_SINGLE_HOP, buf, len, &info) == NULL,
	   "lookup: the wrong interface");
	info.from = sa("::ffff:192.0.2.1");
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_SINGLE_HOP, buf, len, &info) == &s1,
	   "lookup: an IPv4-mapped sender");
	info.from = sa("192.0.2.2");
	ok(etkd_bfd_lookup(tab, 4, ETRUNK_BFD_MULTIHOP, buf, len, &info) == &s3,
	   "lookup: multihop by address, any interface");
}

static uint16_t fold(const uint8_t *p, size_t n, uint32_t sum)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += p[i] << 8 | p[i + 1];
	if (n & 1)
		sum += p[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static void test_micro_frame(void)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 1 };
	static const uint8_t dmac[6] = ETRUNK_BFD_MICRO_MAC;
	struct sockaddr_storage s4 = sa("192.0.2.1"), d4 = sa("192.0.2.2");
	struct sockaddr_storage s6 = sa("2001:db8::1"), d6 = sa("2001:db8::2");
	uint8_t f[ETKD_BFD_MICRO_FRAME_MAX], pl[24] = { 0x20, 0x40, 3, 24 };
	uint32_t ps;
	int n;

	n = etkd_bfd_micro_build(f, sizeof(f), mac, &s4, &d4, pl, sizeof(pl));
	ps = fold(f + 26, 8, 0) + 17 + 32;
	ok(n == 14 + 20 + 8 + 24 && !memcmp(f, dmac, 6) &&
	   f[12] == 0x08 && f[14 + 8] == 255 && f[15] == 0xc0 &&
	   fold(f + 14, 20, 0) == 0xffff &&
	   f[36] == 6784 >> 8 && f[37] == (6784 & 0xff) &&
	   fold(f + 34, 32, ps) == 0xffff,
	   "micro: IPv4 frame to 01:00:5e:90:00:01, TTL 255, CS6, checksums");
	n = etkd_bfd_micro_build(f, sizeof(f), mac, &s6, &d6, pl, sizeof(pl));
	ps = fold(f + 22, 32, 0) + 17 + 32;
	ok(n == 14 + 40 + 8 + 24 && f[12] == 0x86 && f[14 + 7] == 255 &&
	   fold(f + 54, 32, ps) == 0xffff,
	   "micro: IPv6 frame, hop limit 255, UDP checksum");
	ok(etkd_bfd_micro_build(f, sizeof(f), mac, &s4, &d6, pl, 24) < 0,
	   "micro: mixed families refused");
}

int main(void)
{
	test_start();
	test_codec();
	test_auth_vectors();
	test_auth_type(ETRUNK_BFD_AUTH_SIMPLE, "simple");
	test_auth_type(ETRUNK_BFD_AUTH_KEYED_MD5, "keyed MD5");
	test_auth_type(ETRUNK_BFD_AUTH_METICULOUS_MD5, "meticulous MD5");
	test_auth_type(ETRUNK_BFD_AUTH_KEYED_SHA1, "keyed SHA1");
	test_auth_type(ETRUNK_BFD_AUTH_METICULOUS_SHA1, "meticulous SHA1");
	test_bringup();
	test_jitter();
	test_poll();
	test_detect();
	test_admin();
	test_static_to_learned();
	test_rx_checks();
	test_lookup();
	test_micro_frame();
	return test_end();
}
