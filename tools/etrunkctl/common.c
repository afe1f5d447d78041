// SPDX-License-Identifier: GPL-2.0
/*
 * common.c - etrunkctl: what every object shares: enum names, errors,
 * the netlink start, attribute checks, the text table and line printers,
 * address and time formatting.
 */
#include "etrunkctl.h"

/* The name of an enum value, or the number of one this tool does not know. */
const char *enum_str(const char *const *tbl, size_t n, unsigned int v,
		     char *buf, size_t len)
{
	if (v < n && tbl[v])
		return tbl[v];
	snprintf(buf, len, "%u", v);
	return buf;
}

void json_enum(const char *key, const char *const *tbl, size_t n,
	       unsigned int v)
{
	if (v < n && tbl[v])
		json_string(key, tbl[v]);
	else
		json_uint(key, v);
}

void __attribute__((format(printf, 1, 2), noreturn))
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("etrunkctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see 'etrunkctl help')\n", stderr);
	exit(EXIT_USAGE);
}

/* A failed request: the kernel's message if it gave one, else strerror. */
void __attribute__((noreturn)) nl_fail(const struct nl *nl, int err)
{
	if (nl->errmsg[0])
		fprintf(stderr, "etrunkctl: %s\n", nl->errmsg);
	else
		fprintf(stderr, "etrunkctl: %s\n", strerror(-err));
	exit(EXIT_FAIL);
}

void __attribute__((noreturn)) out_of_memory(void)
{
	fputs("etrunkctl: out of memory\n", stderr);
	exit(EXIT_FAIL);
}

void nl_start(struct nl *nl)
{
	int err = nl_open(nl);

	if (err == -ENOENT) {
		fputs("etrunkctl: no generic netlink family \"" ETRUNK_GENL_NAME
		      "\": is the etrunk module loaded?\n", stderr);
		exit(EXIT_FAIL);
	}
	if (err)
		nl_fail(nl, err);
}

/*
 * The type of a known attribute that is well formed, else MNL_TYPE_UNSPEC:
 * attributes of a newer kernel, and malformed ones, are skipped.
 */
unsigned int attr_known(const struct nlattr *a,
			const enum mnl_attr_data_type *types,
			unsigned int max)
{
	unsigned int type = mnl_attr_get_type(a);

	if (type > max || types[type] == MNL_TYPE_UNSPEC ||
	    mnl_attr_validate(a, types[type]) < 0)
		return 0;
	return type;
}

void copy_name(char *dst, const struct nlattr *a)
{
	snprintf(dst, IFNAMSIZ, "%s", mnl_attr_get_str(a));
}

/* A 6-byte MAC attribute; false (and zeros) if it is not 6 bytes. */
bool get_mac(const struct nlattr *a, uint8_t mac[6])
{
	if (mnl_attr_get_payload_len(a) != 6) {
		memset(mac, 0, 6);
		return false;
	}
	memcpy(mac, mnl_attr_get_payload(a), 6);
	return true;
}

bool genl_msg_ok(const struct nlmsghdr *nlh, uint16_t family)
{
	return nlh->nlmsg_type == family &&
	       mnl_nlmsg_get_payload_len(nlh) >= sizeof(struct genlmsghdr);
}

void table_init(struct table *tb, unsigned int rows,
		const char *const *head, unsigned int ncol)
{
	unsigned int c;

	memset(tb, 0, sizeof(*tb));
	tb->ncol = ncol;
	tb->cell = calloc(rows ? rows : 1, sizeof(*tb->cell));
	if (!tb->cell)
		out_of_memory();
	for (c = 0; c < ncol; c++) {
		tb->head[c] = head[c];
		tb->width[c] = strlen(head[c]);
	}
}

void table_set(struct table *tb, unsigned int row, unsigned int col,
	       const char *s)
{
	size_t len;

	snprintf(tb->cell[row][col], sizeof(tb->cell[row][col]), "%s", s);
	len = strlen(tb->cell[row][col]);
	if (len > tb->width[col])
		tb->width[col] = len;
	if (row >= tb->nrow)
		tb->nrow = row + 1;
}

static void table_line(const struct table *tb, const char *indent,
		       const char *const *cells)
{
	unsigned int c;

	fputs(indent, stdout);
	for (c = 0; c < tb->ncol; c++) {
		if (c + 1 < tb->ncol)
			printf("%-*s  ", (int)tb->width[c], cells[c]);
		else
			printf("%s\n", cells[c]);
	}
}

/* Print the table and free its cells. */
void table_print(struct table *tb, const char *indent)
{
	unsigned int r, c;

	table_line(tb, indent, tb->head);
	for (r = 0; r < tb->nrow; r++) {
		const char *cells[COLUMNS];

		for (c = 0; c < tb->ncol; c++)
			cells[c] = tb->cell[r][c];
		table_line(tb, indent, cells);
	}
	free(tb->cell);
	tb->cell = NULL;
}

const char *addr_str(const struct addr *p, char *buf, size_t len)
{
	if (!inet_ntop(p->len == 4 ? AF_INET : AF_INET6, p->a, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

void __attribute__((format(printf, 2, 3)))
line_add(struct line *l, const char *fmt, ...)
{
	va_list ap;

	fputs(l->sep, stdout);
	l->sep = ", ";
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void line_end(const struct line *l)
{
	if (strcmp(l->sep, ", ") == 0)
		putchar('\n');
}

const char *mac_str(const uint8_t *a, char *buf, size_t len)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 a[0], a[1], a[2], a[3], a[4], a[5]);
	return buf;
}

void get_addr(const struct nlattr *a, struct addr *p)
{
	uint16_t len = mnl_attr_get_payload_len(a);

	if (len == 4 || len == 16) {
		p->len = (uint8_t)len;
		memcpy(p->a, mnl_attr_get_payload(a), len);
	}
}

/* An interval in us as ms, with the decimals it needs: 300, 3.3, 0.05. */
const char *ms_str(uint32_t us, char *buf, size_t len)
{
	size_t n;

	if (us % 1000 == 0) {
		snprintf(buf, len, "%" PRIu32, us / 1000);
		return buf;
	}
	snprintf(buf, len, "%" PRIu32 ".%03" PRIu32, us / 1000, us % 1000);
	n = strlen(buf);
	while (n && buf[n - 1] == '0')
		buf[--n] = '\0';
	return buf;
}

/* Milliseconds as seconds with one decimal: 12.3. */
const char *secs_str(uint64_t ms, char *buf, size_t len)
{
	snprintf(buf, len, "%" PRIu64 ".%" PRIu64, ms / 1000, ms % 1000 / 100);
	return buf;
}

/* Milliseconds as seconds with two decimals: 0.41. */
const char *secs2_str(uint64_t ms, char *buf, size_t len)
{
	snprintf(buf, len, "%" PRIu64 ".%02" PRIu64, ms / 1000, ms % 1000 / 10);
	return buf;
}

/*
 * save: " KEY VALUE" on the current line, the value in double quotes
 * (with \" and \\) when it is empty or holds a space, a quote, a
 * backslash or a '#', as etrunkctl -b reads it back.
 */
void save_str(const char *key, const char *value)
{
	const char *p;

	printf(" %s ", key);
	if (*value && !strpbrk(value, " \t\"\\#")) {
		fputs(value, stdout);
		return;
	}
	putchar('"');
	for (p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			putchar('\\');
		putchar(*p);
	}
	putchar('"');
}

void save_uint(const char *key, uint64_t value)
{
	printf(" %s %" PRIu64, key, value);
}

void save_addr(const char *key, const struct addr *a)
{
	char buf[INET6_ADDRSTRLEN];

	save_str(key, a->len ? addr_str(a, buf, sizeof(buf)) : "none");
}
