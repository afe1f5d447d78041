// SPDX-License-Identifier: GPL-2.0
/*
 * json.c - a small streaming JSON writer (see json.h).
 */
#include <inttypes.h>
#include <stdlib.h>

#include "json.h"

#define JSON_MAX_DEPTH 16

static FILE *out;
static bool pretty;
static int depth;
/* Whether the container at each depth has no element yet. */
static bool empty[JSON_MAX_DEPTH + 1];

void json_init(FILE *f, bool indent)
{
	out = f;
	pretty = indent;
	depth = 0;
}

static void indent_line(void)
{
	int i;

	fputc('\n', out);
	for (i = 0; i < depth; i++)
		fputs("    ", out);
}

static void put_string(const char *s)
{
	const unsigned char *p;

	fputc('"', out);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

/* What goes before a value: a comma, the indentation, the key. */
static void begin_value(const char *key)
{
	if (depth > 0) {
		if (!empty[depth])
			fputc(',', out);
		empty[depth] = false;
		if (pretty)
			indent_line();
	}
	if (key && depth > 0) {
		put_string(key);
		fputs(pretty ? ": " : ":", out);
	}
}

static void end_value(void)
{
	if (depth == 0)
		fputc('\n', out);
}

static void open_container(const char *key, char c)
{
	begin_value(key);
	fputc(c, out);
	if (depth == JSON_MAX_DEPTH)
		abort();
	empty[++depth] = true;
}

static void close_container(char c)
{
	bool was_empty = empty[depth];

	depth--;
	if (pretty && !was_empty)
		indent_line();
	fputc(c, out);
	end_value();
}

void json_open_object(const char *key)
{
	open_container(key, '{');
}

void json_close_object(void)
{
	close_container('}');
}

void json_open_array(const char *key)
{
	open_container(key, '[');
}

void json_close_array(void)
{
	close_container(']');
}

void json_string(const char *key, const char *value)
{
	begin_value(key);
	put_string(value);
	end_value();
}

void json_uint(const char *key, uint64_t value)
{
	begin_value(key);
	fprintf(out, "%" PRIu64, value);
	end_value();
}

void json_bool(const char *key, bool value)
{
	begin_value(key);
	fputs(value ? "true" : "false", out);
	end_value();
}

void json_null(const char *key)
{
	begin_value(key);
	fputs("null", out);
	end_value();
}
