// SPDX-License-Identifier: GPL-2.0
/*
 * apply.c - etrunkctl apply [--check] FILE: make the namespace's etrunk
 * configuration what FILE (in the form save writes) says, all or
 * nothing.
 *
 * 1. Check: every line is a configuration line (add, set, member add,
 *    member set, flush-receive, bfd add, e-trunk add, e-trunk bind, rbs
 *    add, rbp add), names each object once, names only groups, BFD
 *    sessions and RBS services the file defines (a member's trunk: or
 *    one that exists), and passes the command's own parser with nothing
 *    sent (nl_dry_run). --check stops here.
 * 2. Compare with what runs (save -o, keys included): a line equal to the
 *    running one changes nothing and is skipped; an object that exists is
 *    changed with its "set" (bind-set for a binding to the same group),
 *    a new one added; then the groups, sessions, services, profiles,
 *    bindings and flush-receive ports the file does not name are
 *    removed. Trunks, members, and the options the file does not set
 *    stay.
 * 3. Apply the steps in that order, each as its own command line. If the
 *    kernel refuses one, the steps made are undone in reverse (each
 *    with the running line, or the delete of what was added) and the
 *    line and the kernel's message are reported.
 *
 * A file that save -o wrote is applied a second time with no request at
 * all. The flush keys cannot be read back: a line that sets one is sent
 * each time, and a rollback cannot give an old flush key back.
 */
#include <stdbool.h>
#include <net/if.h>
#include <sys/wait.h>
#include <unistd.h>

#include "etrunkctl.h"

#define APPLY_MAX_LINES 4096

/* One configuration line: its words and the object it is about. */
struct cline {
	unsigned int lineno;
	int argc;
	char *argv[BATCH_WORDS];
	const char *kind;	/* "set", "member", "bfd", ... */
	const char *name;	/* the object's name or ID */
	int order;		/* removal order of its kind (0: never) */
};

struct cfile {
	char *text;
	struct cline *v;
	unsigned int n;
};

/* A step: the command to run, and what undoes it (argc 0: nothing). */
struct step {
	const struct cline *line;	/* of the file, for the message */
	int argc, uargc;
	char *argv[BATCH_WORDS + 2];
	char *uargv[BATCH_WORDS + 2];
};

/* The line's object; false if it is not a configuration line. */
static bool classify(struct cline *l)
{
	char **a = l->argv;

	l->order = 0;
	if (l->argc >= 2 && !strcmp(a[0], "add")) {
		l->kind = "trunk";
		l->name = a[1];
		return true;
	}
	if (l->argc >= 3 && !strcmp(a[0], "member") && !strcmp(a[1], "add")) {
		l->kind = "enslave";
		l->name = a[2];
		return true;
	}
	if (l->argc >= 2 && !strcmp(a[0], "set")) {
		l->kind = "set";
		l->name = a[1];
		return true;
	}
	if (l->argc >= 3 && !strcmp(a[0], "member") && !strcmp(a[1], "set")) {
		l->kind = "member";
		l->name = a[2];
		return true;
	}
	if (l->argc >= 3 && !strcmp(a[0], "flush-receive") &&
	    !strcmp(a[2], "on")) {
		l->kind = "flush-receive";
		l->name = a[1];
		l->order = 6;
		return true;
	}
	if (l->argc >= 3 && !strcmp(a[1], "add")) {
		/* Removed in this order: what names another object first. */
		static const struct {
			const char *kind;
			int order;
		} kinds[] = {
			{ "rbp", 1 }, { "rbs", 2 }, { "e-trunk", 4 }, { "bfd", 5 },
		};
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(kinds); i++) {
			if (!strcmp(a[0], kinds[i].kind)) {
				l->kind = kinds[i].kind;
				l->name = a[2];
				l->order = kinds[i].order;
				return true;
			}
		}
	}
	if (l->argc >= 3 && !strcmp(a[0], "e-trunk") && !strcmp(a[1], "bind")) {
		l->kind = "bind";
		l->name = a[2];
		l->order = 3;
		return true;
	}
	return false;
}

/* The value after option @opt in @l, NULL if it has none. */
static const char *opt_value(const struct cline *l, const char *opt)
{
	int i;

	for (i = 3; i + 1 < l->argc; i++)
		if (!strcmp(l->argv[i], opt))
			return l->argv[i + 1];
	return NULL;
}

static const struct cline *find(const struct cfile *f, const char *kind,
				const char *name)
{
	unsigned int i;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].kind, kind) && !strcmp(f->v[i].name, name))
			return &f->v[i];
	return NULL;
}

static bool same_line(const struct cline *a, const struct cline *b)
{
	int i;

	if (a->argc != b->argc)
		return false;
	for (i = 0; i < a->argc; i++)
		if (strcmp(a->argv[i], b->argv[i]))
			return false;
	return true;
}

/* Read and split @file ("-": stdin) into @f; its errors say FILE:LINE. */
static int read_config(const char *file, struct cfile *f)
{
	size_t size = 0;
	unsigned int lineno = 0;
	char *line, *next;
	FILE *in;

	memset(f, 0, sizeof(*f));
	in = strcmp(file, "-") ? fopen(file, "r") : stdin;
	if (!in || (getdelim(&f->text, &size, '\0', in) < 0 && ferror(in))) {
		fprintf(stderr, "etrunkctl: %s: %s\n", file, strerror(errno));
		return EXIT_FAIL;
	}
	if (in != stdin)
		fclose(in);
	f->v = calloc(APPLY_MAX_LINES, sizeof(*f->v));
	if (!f->v) {
		fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	for (line = f->text; line && *line; line = next) {
		struct cline *l = &f->v[f->n];

		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		l->argc = split_line(line, l->argv);
		if (l->argc < 0) {
			fprintf(stderr, "etrunkctl: %s:%u: unterminated quote or too many words\n",
				file, lineno);
			return EXIT_USAGE;
		}
		if (!l->argc)
			continue;
		l->lineno = lineno;
		if (!classify(l)) {
			fprintf(stderr, "etrunkctl: %s:%u: '%s' is not a configuration line (add, set, member add, member set, flush-receive ... on, bfd add, e-trunk add, e-trunk bind, rbs add, rbp add)\n",
				file, lineno, l->argv[0]);
			return EXIT_USAGE;
		}
		if (find(f, l->kind, l->name)) {
			fprintf(stderr, "etrunkctl: %s:%u: %s %s is configured twice\n",
				file, lineno, l->kind, l->name);
			return EXIT_USAGE;
		}
		if (++f->n == APPLY_MAX_LINES) {
			fprintf(stderr, "etrunkctl: %s: more than %d lines\n",
				file, APPLY_MAX_LINES - 1);
			return EXIT_USAGE;
		}
	}
	return 0;
}

/* Run one command line in a child (its failure exits it), as -b does;
 * its messages go to stderr. Returns its exit status.
 */
static int run_child(int argc, char **argv, bool dry)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	if (!pid) {
		nl_dry_run = dry;
		exit(run(argc, argv));
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return EXIT_FAIL;
	return WEXITSTATUS(status);
}

/* The references a file makes must be to objects it defines. */
static int check_refs(const char *file, const struct cfile *f)
{
	static const struct {
		const char *kind, *opt, *target;
	} refs[] = {
		{ "bind", "group", "e-trunk" },
		{ "e-trunk", "bfd-session", "bfd" },
		{ "rbp", "service", "rbs" },
	};
	unsigned int i, r;

	for (i = 0; i < f->n; i++) {
		const char *t = f->v[i].argc == 5 ? f->v[i].argv[4] : "";

		if (!strcmp(f->v[i].kind, "enslave") && !find(f, "trunk", t) &&
		    !if_nametoindex(t)) {
			fprintf(stderr, "etrunkctl: %s:%u: member %s names trunk %s, which the file does not add\n",
				file, f->v[i].lineno, f->v[i].name, t);
			return EXIT_USAGE;
		}
		for (r = 0; r < ARRAY_SIZE(refs); r++) {
			const char *v;

			if (strcmp(f->v[i].kind, refs[r].kind))
				continue;
			v = opt_value(&f->v[i], refs[r].opt);
			if (!v || !strcmp(v, "none") || find(f, refs[r].target, v))
				continue;
			fprintf(stderr, "etrunkctl: %s:%u: %s %s names %s %s, which the file does not define\n",
				file, f->v[i].lineno, f->v[i].kind, f->v[i].name,
				refs[r].target, v);
			return EXIT_USAGE;
		}
	}
	return 0;
}

/* The running configuration, as save -o writes it (keys included). */
static int read_running(struct cfile *run_cfg)
{
	char path[] = "/tmp/etrunkctl-apply.XXXXXX";
	char *argv[] = { "save", "-o", path, NULL };
	int fd = mkstemp(path), err;

	if (fd < 0) {
		fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	close(fd);
	err = run_child(3, argv, false);
	if (!err)
		err = read_config(path, run_cfg);
	unlink(path);
	return err;
}

/* Copy @l's words into @argv from @at, with @verb in place of word @at's
 * (NULL: keep it); returns the word count.
 */
static int words(char **argv, const struct cline *l, int at, const char *verb)
{
	int i;

	for (i = 0; i < l->argc; i++)
		argv[i] = l->argv[i];
	if (verb)
		argv[at] = (char *)verb;
	return l->argc;
}

/* @l without its "group ID" words, as bind-set: into @argv. */
static int bind_set_words(char **argv, const struct cline *l)
{
	int i, n = 0;

	for (i = 0; i < l->argc; i++) {
		if (i >= 3 && !strcmp(l->argv[i], "group") && i + 1 < l->argc) {
			i++;
			continue;
		}
		argv[n++] = l->argv[i];
	}
	argv[1] = "bind-set";
	return n;
}

/* The command that removes @l's object, into @argv. */
static int remove_words(char **argv, const struct cline *l)
{
	if (!strcmp(l->kind, "trunk")) {
		argv[0] = "del";
		argv[1] = l->argv[1];
		return 2;
	}
	if (!strcmp(l->kind, "enslave")) {
		argv[0] = "member";
		argv[1] = "del";
		argv[2] = l->argv[2];
		return 3;
	}
	argv[0] = l->argv[0];
	if (!strcmp(l->kind, "flush-receive")) {
		argv[1] = l->argv[1];
		argv[2] = "off";
		return 3;
	}
	argv[1] = !strcmp(l->kind, "bind") ? "unbind" : "del";
	argv[2] = l->argv[2];
	return 3;
}

/* An object's line into what changes it where it exists: "bfd add" and
 * the like into their "set", a binding into bind-set; the others (set,
 * member set, add and member add of a device, flush-receive) as they are.
 */
static int set_words(char **argv, const struct cline *l)
{
	if (!strcmp(l->kind, "bind"))
		return bind_set_words(argv, l);
	if (l->order && strcmp(l->kind, "flush-receive"))
		return words(argv, l, 1, "set");
	return words(argv, l, 0, NULL);
}

/* The steps from @run_cfg to @f, into @s; returns their number. */
static unsigned int plan(const struct cfile *f, const struct cfile *run_cfg,
			 struct step *s)
{
	unsigned int i, n = 0;
	int order;

	for (i = 0; i < f->n; i++) {
		const struct cline *l = &f->v[i], *r;

		r = find(run_cfg, l->kind, l->name);
		if (r && same_line(l, r))
			continue;
		s[n].line = l;
		if (!r) {
			/* set or member set of a device that is none: the
			 * kernel says so, nothing to undo.
			 */
			s[n].argc = words(s[n].argv, l, 0, NULL);
			if (strcmp(l->kind, "set") && strcmp(l->kind, "member"))
				s[n].uargc = remove_words(s[n].uargv, l);
		} else if (!strcmp(l->kind, "bind") &&
			   strcmp(opt_value(l, "group") ?: "",
				  opt_value(r, "group") ?: "")) {
			/* Another group: unbind, then bind. */
			s[n].argc = remove_words(s[n].argv, l);
			s[n].uargc = words(s[n].uargv, r, 0, NULL);
			n++;
			s[n].line = l;
			s[n].argc = words(s[n].argv, l, 0, NULL);
			s[n].uargc = remove_words(s[n].uargv, l);
		} else {
			s[n].argc = set_words(s[n].argv, l);
			s[n].uargc = set_words(s[n].uargv, r);
		}
		n++;
	}
	/* What runs and the file does not name, dependents first. */
	for (order = 1; order <= 6; order++) {
		for (i = 0; i < run_cfg->n; i++) {
			const struct cline *r = &run_cfg->v[i];

			if (r->order != order || find(f, r->kind, r->name))
				continue;
			s[n].line = NULL;
			s[n].argc = remove_words(s[n].argv, r);
			s[n].uargc = words(s[n].uargv, r, 0, NULL);
			n++;
		}
	}
	return n;
}

static void print_words(FILE *out, int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		fprintf(out, "%s%s", i ? " " : "", argv[i]);
}

/* apply [--check] FILE */
int cmd_apply(int argc, char **argv)
{
	struct cfile f, running;
	bool check = false;
	struct step *s;
	unsigned int i, n;
	int err;

	if (argc >= 1 && !strcmp(argv[0], "--check")) {
		check = true;
		argc--;
		argv++;
	}
	if (argc != 1)
		usage_error("apply takes [--check] FILE");
	err = read_config(argv[0], &f);
	if (!err)
		err = check_refs(argv[0], &f);
	for (i = 0; !err && i < f.n; i++) {
		err = run_child(f.v[i].argc, f.v[i].argv, true);
		if (err)
			fprintf(stderr, "etrunkctl: %s:%u: the line is refused\n",
				argv[0], f.v[i].lineno);
	}
	if (err || check)
		return err;

	err = read_running(&running);
	if (err)
		return err;
	/* At most two steps a line, and one per running object. */
	s = calloc(2 * f.n + running.n + 1, sizeof(*s));
	if (!s) {
		fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	n = plan(&f, &running, s);
	for (i = 0; i < n; i++) {
		err = run_child(s[i].argc, s[i].argv, false);
		if (!err)
			continue;
		if (s[i].line)
			fprintf(stderr, "etrunkctl: %s:%u: the kernel refused the line; undoing %u change%s\n",
				argv[0], s[i].line->lineno, i, i == 1 ? "" : "s");
		else
			fprintf(stderr, "etrunkctl: %s: removing %s %s failed; undoing %u change%s\n",
				argv[0], s[i].argv[0], s[i].argv[2], i,
				i == 1 ? "" : "s");
		while (i--) {
			if (!s[i].uargc || !run_child(s[i].uargc, s[i].uargv, false))
				continue;
			fputs("etrunkctl: could not undo: ", stderr);
			print_words(stderr, s[i].argc, s[i].argv);
			fputc('\n', stderr);
		}
		return err;
	}
	return 0;
}
