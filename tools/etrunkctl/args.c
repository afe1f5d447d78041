// SPDX-License-Identifier: GPL-2.0
/*
 * args.c - etrunkctl: command line arguments (keywords, numbers, enums,
 * keys, lists) and the scalar values of a SET request (struct set_args).
 */
#include "etrunkctl.h"

bool matches(const char *arg, const char *name, const char *alias)
{
	return !strcmp(arg, name) || (alias && !strcmp(arg, alias));
}

uint32_t parse_uint(const char *key, const char *s, uint32_t max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		usage_error("%s: '%s' is not a number", key, s);
	v = strtoull(s, &end, 10);
	if (*end || errno || v > max)
		usage_error("%s: '%s' is not a number from 0 to %" PRIu32,
			    key, s, max);
	return (uint32_t)v;
}

/* A name of @tbl, or a number (so the kernel can judge any value). */
uint8_t parse_enum(const char *key, const char *s,
		   const char *const *tbl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tbl[i] && !strcmp(tbl[i], s))
			return (uint8_t)i;
	if (*s >= '0' && *s <= '9')
		return (uint8_t)parse_uint(key, s, UINT8_MAX);
	usage_error("%s: unknown value '%s'", key, s);
}

bool parse_bool(const char *key, const char *s, const char *yes,
		const char *no)
{
	if (!strcmp(s, yes))
		return true;
	if (!strcmp(s, no))
		return false;
	usage_error("%s: '%s' is neither %s nor %s", key, s, yes, no);
}

/* A number from @min to @max, checked here: @unit (" ms" or "") says of what. */
uint32_t parse_range(const char *key, const char *s, uint32_t min,
		     uint32_t max, const char *unit)
{
	errno = 0;
	if (*s >= '0' && *s <= '9') {
		char *end;
		unsigned long long v = strtoull(s, &end, 10);

		if (!*end && !errno && v >= min && v <= max)
			return (uint32_t)v;
	}
	usage_error("%s: expected %" PRIu32 " to %" PRIu32 "%s, not '%s'",
		    key, min, max, unit, s);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A flush key: "none" (0 bytes) or 1 to ETRUNK_FLUSH_KEY_MAX bytes as an
 * even number of hex digits, into @out. The message does not repeat the
 * value: it is a secret.
 */
unsigned int parse_key(const char *key, const char *s, uint8_t *out)
{
	size_t n = strlen(s), i;

	if (!strcmp(s, "none"))
		return 0;
	if (n == 0 || n % 2 || n / 2 > ETRUNK_FLUSH_KEY_MAX)
		goto bad;
	for (i = 0; i < n; i += 2) {
		int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);

		if (hi < 0 || lo < 0)
			goto bad;
		out[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	return (unsigned int)(n / 2);
bad:
	usage_error("%s: expected 1 to %d bytes in hex (an even number of hex digits), or none",
		    key, ETRUNK_FLUSH_KEY_MAX);
}

/*
 * A comma-separated list: each item (not empty, shorter than @item_max)
 * into the NUL-terminated @item for @fn, which stores it at index @i.
 * Returns the number of items; @none (if not NULL) alone means none.
 */
unsigned int parse_list(const char *key, const char *s,
			const char *none, unsigned int max,
			void (*fn)(const char *key, const char *item,
				   unsigned int i, void *out),
			void *out)
{
	char item[64];
	unsigned int n = 0;

	if (none && !strcmp(s, none))
		return 0;
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);

		if (n == max)
			usage_error("%s: at most %u values", key, max);
		if (len == 0)
			usage_error("%s: an empty value in the list", key);
		if (len >= sizeof(item))
			len = sizeof(item) - 1;	/* fn refuses it */
		memcpy(item, s, len);
		item[len] = '\0';
		fn(key, item, n++, out);
		if (!comma)
			return n;
		s = comma + 1;
	}
}

void parse_target(const char *key, const char *item, unsigned int i,
		  void *out)
{
	struct addr *a = (struct addr *)out + i;

	if (inet_pton(AF_INET, item, a->a) == 1)
		a->len = 4;
	else if (inet_pton(AF_INET6, item, a->a) == 1)
		a->len = 16;
	else
		usage_error("%s: '%s' is not an IPv4 or IPv6 address", key, item);
}

void parse_vid(const char *key, const char *item, unsigned int i,
	       void *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(item, &end, 10);
	if (*item < '0' || *item > '9' || *end || errno || v < 1 || v > 4094)
		usage_error("%s: expected VLAN IDs from 1 to 4094 separated by commas, or all, not '%s'",
			    key, item);
	((uint16_t *)out)[i] = (uint16_t)v;
}

void put_name(struct nlmsghdr *nlh, uint16_t type, const char *name)
{
	if (!mnl_attr_put_strz_check(nlh, NL_SEND_SIZE, type, name))
		usage_error("device name too long: '%.32s...'", name);
}

/* A keyword's value: the next argument, which must exist. */
const char *value_of(int argc, char **argv, int i)
{
	if (i + 1 >= argc)
		usage_error("%s needs a value", argv[i]);
	return argv[i + 1];
}

void once(struct set_args *a, unsigned int attr, const char *key)
{
	if (a->seen & BIT64(attr))
		usage_error("%s given twice", key);
	a->seen |= BIT64(attr);
}

bool given(const struct set_args *a, unsigned int attr)
{
	return a->seen & BIT64(attr);
}

/* The scalar values; the others are put by put_set_extra(). */
void put_set_args(struct nlmsghdr *nlh, const struct set_args *a,
		  const enum mnl_attr_data_type *types, unsigned int max)
{
	unsigned int i;

	for (i = 0; i <= max; i++) {
		if (!given(a, i))
			continue;
		switch (types[i]) {
		case MNL_TYPE_U8:
			mnl_attr_put_u8(nlh, i, a->u8[i]);
			break;
		case MNL_TYPE_U16:
			mnl_attr_put_u16(nlh, i, a->u16[i]);
			break;
		case MNL_TYPE_U32:
			mnl_attr_put_u32(nlh, i, a->u32[i]);
			break;
		default:
			break;
		}
	}
}

/* The key and the lists of a trunk or flush-receive request. */
void put_set_extra(struct nlmsghdr *nlh, const struct set_args *a)
{
	struct nlattr *nest;
	unsigned int i;

	if (given(a, ETRUNK_A_FLUSH_KEY))
		mnl_attr_put(nlh, ETRUNK_A_FLUSH_KEY, a->key_len, a->key);
	if (given(a, ETRUNK_A_LACP_SYSTEM))
		mnl_attr_put(nlh, ETRUNK_A_LACP_SYSTEM, sizeof(a->mac), a->mac);
	if (given(a, ETRUNK_A_PROBE_TARGETS)) {
		nest = mnl_attr_nest_start(nlh, ETRUNK_A_PROBE_TARGETS);
		for (i = 0; i < a->n_targets; i++)
			mnl_attr_put(nlh, ETRUNK_A_PROBE_TARGET,
				     a->targets[i].len, a->targets[i].a);
		mnl_attr_nest_end(nlh, nest);
	}
	if (given(a, ETRUNK_A_FLUSH_VLANS)) {
		nest = mnl_attr_nest_start(nlh, ETRUNK_A_FLUSH_VLANS);
		for (i = 0; i < a->n_vlans; i++)
			mnl_attr_put_u16(nlh, ETRUNK_VLAN_A_VID, a->vlans[i]);
		mnl_attr_nest_end(nlh, nest);
	}
}

/* "flush_key HEX|none", for set and flush-receive. */
void set_key(struct set_args *a, const char *key, const char *val)
{
	once(a, ETRUNK_A_FLUSH_KEY, key);
	a->key_len = parse_key(key, val, a->key);
}

/* An interval in ms (up to three decimals) as us, from @min to @max us. */
uint32_t parse_ms(const char *key, const char *s, uint32_t min,
		  uint32_t max)
{
	unsigned long long us = 0;
	const char *p = s;
	int decimals = 0;

	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		us = us * 10 + (unsigned long long)(*p - '0');
		if (us > max)
			goto bad;
	}
	us *= 1000;
	if (*p == '.') {
		unsigned long long scale = 100;

		for (p++; *p >= '0' && *p <= '9'; p++, decimals++) {
			if (decimals == 3)
				goto bad;
			us += (unsigned long long)(*p - '0') * scale;
			scale /= 10;
		}
		if (!decimals)
			goto bad;
	}
	if (*p || us < min || us > max)
		goto bad;
	return (uint32_t)us;
bad:
	{
		char lo[24], hi[24];

		usage_error("%s: expected %s to %s ms (at most 3 decimals), not '%s'",
			    key, ms_str(min, lo, sizeof(lo)),
			    ms_str(max, hi, sizeof(hi)), s);
	}
}
