// SPDX-License-Identifier: GPL-2.0
/*
 * obj.c - etrunkctl: what the configuration objects of the namespace
 * (E-Trunk groups, BFD sessions, RBS services, RBP profiles) share: a
 * request naming one object in its nest, the list of a GET reply or a
 * dump, "show [NAME]" and "del NAME". Each object gives its struct
 * obj_type: its attribute, how to put its name and parse and print one.
 */
#include "etrunkctl.h"

/* Grow an array of @size-byte elements that holds @n to hold one more. */
void *grow(void *v, unsigned int n, unsigned int *cap, unsigned int first,
	   size_t size)
{
	unsigned int new_cap;

	if (n < *cap)
		return v;
	new_cap = *cap ? 2 * *cap : first;
	v = realloc(v, new_cap * size);
	if (!v)
		out_of_memory();
	*cap = new_cap;
	return v;
}

struct obj_list {
	const struct obj_type *type;
	uint16_t family;
	unsigned int n, cap;
	char *v;	/* n objects of type->size bytes */
};

static int obj_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct obj_list *l = data;
	const struct nlattr *a;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != l->type->attr)
			continue;
		l->v = grow(l->v, l->n, &l->cap, 4, l->type->size);
		memset(l->v + l->n * l->type->size, 0, l->type->size);
		l->type->parse(a, l->v + l->n++ * l->type->size);
	}
	return MNL_CB_OK;
}

struct nlattr *obj_request(struct nl *nl, struct nlmsghdr **nlh,
			   const struct obj_type *type, uint8_t cmd,
			   uint16_t flags, const char *name)
{
	struct nlattr *nest;

	*nlh = nl_request(nl, cmd, flags);
	nest = mnl_attr_nest_start(*nlh, type->attr);
	nest->nla_type |= NLA_F_NESTED;
	type->put_name(*nlh, name);
	return nest;
}

/* Send the request, a nest closed, and stop with the kernel's message. */
static void obj_talk(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb,
		     void *data)
{
	int err = nl_talk(nl, nlh, cb, data);

	if (err)
		nl_fail(nl, err);
	nl_close(nl);
}

/* The GET reply for @name, or the dump of all when it is NULL, into @l. */
static void obj_fetch(const struct obj_type *type, const char *name,
		      struct obj_list *l)
{
	struct nlmsghdr *nlh;
	struct nl nl;

	nl_start(&nl);
	l->type = type;
	l->family = nl.family;
	if (name)
		mnl_attr_nest_end(nlh, obj_request(&nl, &nlh, type, type->get_cmd,
						   NLM_F_ACK, name));
	else
		nlh = nl_request(&nl, type->get_cmd, NLM_F_DUMP);
	obj_talk(&nl, nlh, obj_list_cb, l);
}

static void obj_list_free(struct obj_list *l)
{
	unsigned int i;

	for (i = 0; l->type->release && i < l->n; i++)
		l->type->release(l->v + i * l->type->size);
	free(l->v);
}

int obj_show(const struct obj_type *type, const char *name)
{
	struct obj_list l = { 0 };
	unsigned int i;

	obj_fetch(type, name, &l);
	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
	}
	for (i = 0; i < l.n; i++) {
		void *obj = l.v + i * type->size;

		if (json) {
			json_open_object(NULL);
			type->json(obj);
			json_close_object();
			continue;
		}
		if (i)
			putchar('\n');
		type->print(obj);
	}
	if (json)
		json_close_array();
	obj_list_free(&l);
	return 0;
}

struct obj_key {
	const struct obj_type *type;
	uint16_t key_attr;
	uint8_t *buf;
	size_t size, len;
};

static int obj_key_cb(const struct nlmsghdr *nlh, void *data)
{
	struct obj_key *k = data;
	const struct nlattr *a, *b;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != k->type->attr)
			continue;
		mnl_attr_for_each_nested(b, a) {
			if (mnl_attr_get_type(b) != k->key_attr ||
			    mnl_attr_get_payload_len(b) > k->size)
				continue;
			k->len = mnl_attr_get_payload_len(b);
			memcpy(k->buf, mnl_attr_get_payload(b), k->len);
		}
	}
	return MNL_CB_OK;
}

/*
 * The key of object @name with the admin-only GET_x_KEY command @cmd:
 * attribute @key_attr of the reply into @buf (at most @size bytes).
 * Returns its length, 0 for none.
 */
size_t obj_key(const struct obj_type *type, uint8_t cmd, const char *name,
	       uint16_t key_attr, uint8_t *buf, size_t size)
{
	struct obj_key k = { type, key_attr, buf, size, 0 };
	struct nlmsghdr *nlh;
	struct nl nl;

	nl_start(&nl);
	mnl_attr_nest_end(nlh, obj_request(&nl, &nlh, type, cmd, NLM_F_ACK,
					   name));
	obj_talk(&nl, nlh, obj_key_cb, &k);
	return k.len;
}

/* save: every object of @type as the command lines that make it. */
void obj_save(const struct obj_type *type)
{
	struct obj_list l = { 0 };
	unsigned int i;

	obj_fetch(type, NULL, &l);
	for (i = 0; i < l.n; i++)
		type->save(l.v + i * type->size);
	obj_list_free(&l);
}

/* Close the request's nest, send it, stop with the kernel's message. */
int obj_send(struct nl *nl, struct nlmsghdr *nlh, struct nlattr *nest)
{
	mnl_attr_nest_end(nlh, nest);
	obj_talk(nl, nlh, NULL, NULL);
	return 0;
}

int obj_del(const struct obj_type *type, uint8_t cmd, const char *name)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;

	nl_start(&nl);
	nest = obj_request(&nl, &nlh, type, cmd, NLM_F_ACK, name);
	return obj_send(&nl, nlh, nest);
}
