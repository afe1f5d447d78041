/* SPDX-License-Identifier: GPL-2.0 */
/*
 * json.h - a small streaming JSON writer for etrunkctl's -j output, in
 * iproute2's style: compact on one line, or with -p indented by four
 * spaces. Values are written in order; a key is given inside objects and
 * NULL inside arrays and at the top level. A top-level value ends with a
 * newline.
 */
#ifndef ETRUNKCTL_JSON_H
#define ETRUNKCTL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

void json_init(FILE *f, bool pretty);
void json_open_object(const char *key);
void json_close_object(void);
void json_open_array(const char *key);
void json_close_array(void);
void json_string(const char *key, const char *value);
void json_uint(const char *key, uint64_t value);
void json_bool(const char *key, bool value);
void json_null(const char *key);

#endif
