#include "content/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/i18n.h"
#include "base/index_set.h"
#include "base/utf8.h"

struct diag {
	struct diag_item *items;
	size_t n, cap;
	int sorted;
	struct index_set *seen; /* every item by hash, to refuse repeats */
};

struct diag *diag_new(void)
{
	return calloc(1, sizeof(struct diag));
}

void diag_free(struct diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	index_set_free(d->seen);
	free(d);
}

static int same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static uint64_t item_hash(const char *file, int line, int col, const char *msg)
{
	int pos[2] = {line, col};
	uint64_t h = hash_more(HASH_SEED, pos, sizeof pos);
	if (file)
		h = hash_more(h, file, strlen(file) + 1);
	return hash_more(h, msg, strlen(msg));
}

struct item_query {
	const struct diag *d;
	const char *file, *msg;
	int line, col;
};

static bool same_item(void *ctx, size_t i)
{
	const struct item_query *q = ctx;
	const struct diag_item *it = &q->d->items[i];
	return it->line == q->line && it->col == q->col && same_str(it->file, q->file) &&
	       strcmp(it->message, q->msg) == 0;
}

static int is_repeat(const struct diag *d, const char *file, int line, int col, const char *msg)
{
	struct item_query q = {d, file, msg, line, col};
	return index_set_find(d->seen, item_hash(file, line, col, msg), same_item, &q) >= 0;
}

/* Copies in to out as one line of valid UTF-8, whatever staff's files held
 * (found by fuzzing: a field name with a tab or an escaped newline was
 * quoted as it was, and a newline split an error in two): control
 * characters become \t, \n, \r or \xNN, and so do bytes that are not
 * UTF-8; a character that does not fit is left out whole, never cut. */
static void one_line(const char *in, char *out, size_t size)
{
	size_t o = 0, len = strlen(in);
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0;
		size_t n = utf8_decode(in + i, len - i, &cp);
		char esc[8] = "";
		if (n == 0 || cp < 0x20 || cp == 0x7f) {
			unsigned char b = (unsigned char)in[i];
			snprintf(esc, sizeof esc,
			         b == '\t'   ? "\\t"
			         : b == '\n' ? "\\n"
			         : b == '\r' ? "\\r"
			                     : "\\x%02X",
			         b);
			n = 1;
		}
		size_t w = esc[0] ? strlen(esc) : n;
		if (o + w >= size)
			break;
		memcpy(out + o, esc[0] ? esc : in + i, w);
		o += w;
		i += n;
	}
	out[o] = '\0';
}

void diag_add(struct diag *d, enum diag_level level, const char *file, int line, int col,
              const char *fmt, ...)
{
	char raw[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, _(fmt), ap);
	va_end(ap);
	diag_add_text(d, level, file, line, col, raw);
}

void diag_add_text(struct diag *d, enum diag_level level, const char *file, int line, int col,
                   const char *text)
{
	char raw[1024], msg[1024];
	int full = snprintf(raw, sizeof raw, "%s", text);
	if (full >= (int)sizeof raw) { /* cut: drop a character cut in half */
		size_t k = sizeof raw - 1, lead = k;
		while (lead > 0 && ((unsigned char)raw[lead - 1] & 0xC0) == 0x80)
			lead--;
		uint32_t cp;
		if (lead > 0 && utf8_decode(raw + lead - 1, k - (lead - 1), &cp) == 0)
			raw[lead - 1] = '\0';
	}
	one_line(raw, msg, sizeof msg);
	char name[512];
	if (file)
		one_line(file, name, sizeof name);
	if (!d || is_repeat(d, file ? name : NULL, line, col, msg))
		return;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct diag_item *items = realloc(d->items, cap * sizeof *items);
		if (!items)
			return;
		d->items = items;
		d->cap = cap;
	}
	struct diag_item *it = &d->items[d->n];
	it->level = level;
	it->file = file ? strdup(name) : NULL;
	it->line = line;
	it->col = col;
	it->message = strdup(msg);
	if (!it->message || (file && !it->file)) {
		free(it->file);
		free(it->message);
		return;
	}
	it->seq = d->n;
	if (!d->seen)
		d->seen = index_set_new();
	index_set_add(d->seen, item_hash(it->file, line, col, it->message), d->n);
	d->n++;
	d->sorted = 0;
}

size_t diag_count(const struct diag *d, enum diag_level level)
{
	size_t c = 0;
	for (size_t i = 0; d && i < d->n; i++)
		c += d->items[i].level == level;
	return c;
}

size_t diag_size(const struct diag *d)
{
	return d ? d->n : 0;
}

static int cmp_item(const void *pa, const void *pb)
{
	const struct diag_item *a = pa, *b = pb;
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sorts by position, items at one position in the order they came; the
 * set of items is made again for their new places. */
static void sort_items(struct diag *d)
{
	if (d->sorted)
		return;
	qsort(d->items, d->n, sizeof *d->items, cmp_item);
	index_set_free(d->seen);
	d->seen = index_set_new();
	for (size_t i = 0; i < d->n; i++) {
		const struct diag_item *it = &d->items[i];
		index_set_add(d->seen, item_hash(it->file, it->line, it->col, it->message), i);
	}
	d->sorted = 1;
}

const struct diag_item *diag_get(struct diag *d, size_t i)
{
	if (!d || i >= d->n)
		return NULL;
	sort_items(d);
	return &d->items[i];
}

static const char *level_name(enum diag_level level)
{
	switch (level) {
	case DIAG_ERROR:
		return _("error");
	case DIAG_WARNING:
		return _("warning");
	case DIAG_NOTE:
		return _("note");
	}
	return _("error");
}

char *diag_format(const struct diag_item *it, const char *dir, char *buf, size_t size)
{
	char path[1024] = "";
	if (it->file) {
		int has_dir = dir && *dir;
		size_t dl = has_dir ? strlen(dir) : 0;
		int slash = has_dir && dir[dl - 1] != '/';
		snprintf(path, sizeof path, "%s%s%s", has_dir ? dir : "", slash ? "/" : "",
		         it->file);
	}
	/* A problem with the whole file points at its start, so every line
	 * has the path:line:col form editors and staff expect. */
	if (it->file)
		snprintf(buf, size, "%s:%d:%d: %s: %s", path, it->line > 0 ? it->line : 1,
		         it->line > 0 && it->col > 0 ? it->col : 1, level_name(it->level),
		         it->message);
	else
		snprintf(buf, size, "%s: %s", level_name(it->level), it->message);
	return buf;
}

void diag_print(struct diag *d, FILE *out, const char *dir)
{
	char line[2048];
	for (size_t i = 0; i < diag_size(d); i++)
		fprintf(out, "%s\n", diag_format(diag_get(d, i), dir, line, sizeof line));
}

void diag_log(struct diag *d, FILE *out, const char *dir)
{
	char line[2048];
	for (size_t i = 0; i < diag_size(d); i++) {
		const struct diag_item *it = diag_get(d, i);
		int prio = it->level == DIAG_ERROR ? 3 : it->level == DIAG_WARNING ? 4 : 5;
		fprintf(out, "<%d>%s\n", prio, diag_format(it, dir, line, sizeof line));
	}
}

uint64_t diag_fingerprint(struct diag *d)
{
	char line[2048];
	uint64_t h = HASH_SEED;
	for (size_t i = 0; i < diag_size(d); i++) {
		diag_format(diag_get(d, i), "", line, sizeof line);
		h = hash_more(h, line, strlen(line) + 1);
	}
	return h;
}
