#include "content/content_fields.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/index_set.h"
#include "base/marks.h"

static void add(struct content_fields_ctx *x, enum diag_level level,
                const struct yaml_doc_node *node, const char *fmt, va_list ap)
{
	char msg[900];
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	diag_add_text(x->d, level, x->file, node ? node->line : 0, node ? node->col : 0, msg);
}

void content_fields_error(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                          const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(x, DIAG_ERROR, node, fmt, ap);
	va_end(ap);
}

void content_fields_warning(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                            const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(x, DIAG_WARNING, node, fmt, ap);
	va_end(ap);
}

const char *content_fields_kind(const struct yaml_doc_node *node)
{
	switch (node->kind) {
	case YAML_DOC_SCALAR:
		return _("a single value");
	case YAML_DOC_SEQUENCE:
		return _("a list");
	case YAML_DOC_MAPPING:
		break;
	}
	return _("fields");
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static const struct content_field *find_field(const struct content_shape *s, const char *key)
{
	for (const struct content_field *f = s->fields; f->key; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

static void unknown_key(struct content_fields_ctx *x, const struct yaml_doc_node *k,
                        const struct content_shape *s)
{
	const char *best = NULL;
	size_t best_d = 3;
	for (const struct content_field *f = s->fields; f->key; f++) {
		size_t dist = edit_distance(k->str, f->key);
		if (dist < best_d && dist * 2 <= strlen(f->key)) {
			best = f->key;
			best_d = dist;
		}
	}
	if (best) {
		content_fields_error(x, k, "unknown field \"%s\" in %s; did you mean \"%s\"?",
		                     k->str, _(s->a_name), best);
		return;
	}
	char list[300] = "";
	for (const struct content_field *f = s->fields; f->key; f++) {
		size_t n = strlen(list);
		snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", f->key);
	}
	content_fields_error(x, k, "unknown field \"%s\" in %s; the fields allowed there are: %s",
	                     k->str, _(s->a_name), list);
}

struct key_query {
	const struct yaml_doc_node *map;
	const char *key;
};

static bool same_key(void *ctx, size_t i)
{
	const struct key_query *q = ctx;
	return strcmp(q->map->pairs[i].key->str, q->key) == 0;
}

/* The earlier pair of map whose (scalar) key is that of pair i, or -1 when
 * there is none; then i is added to seen, the pairs with scalar keys so far. */
static long earlier_key(struct index_set *seen, const struct yaml_doc_node *map, size_t i)
{
	struct key_query q = {map, map->pairs[i].key->str};
	uint64_t h = index_set_hash_str(q.key);
	long j = index_set_find(seen, h, same_key, &q);
	if (j < 0)
		index_set_add(seen, h, i); /* out of memory: repeats go unnoticed */
	return j;
}

/* Reports names that are not single words, unknown names and repeats. */
static void check_keys(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                       const struct content_shape *s)
{
	struct index_set *seen = index_set_new();
	for (size_t i = 0; i < map->n; i++) {
		const struct yaml_doc_node *k = map->pairs[i].key;
		if (k->kind != YAML_DOC_SCALAR) {
			content_fields_error(x, k,
			                     "a field name must be a single word such as "
			                     "name, not %s",
			                     content_fields_kind(k));
			continue;
		}
		long j = earlier_key(seen, map, i);
		if (j >= 0)
			content_fields_error(x, k, "\"%s\" is given twice in %s (first on line %d)",
			                     k->str, _(s->this_name), map->pairs[j].key->line);
		else if (!find_field(s, k->str))
			unknown_key(x, k, s);
	}
	index_set_free(seen);
}

int content_fields_check(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                         const struct content_shape *s, const char *label)
{
	if (node->kind != YAML_DOC_MAPPING) {
		const struct content_field *f = s->fields;
		content_fields_error(x, node, "%s must be fields such as %s:%s%s%s, not %s",
		                     _(label), f[0].key, f[1].key ? ", " : "",
		                     f[1].key ? f[1].key : "", f[1].key ? ":" : "",
		                     content_fields_kind(node));
		return 0;
	}
	check_keys(x, node, s);
	for (const struct content_field *f = s->fields; f->key; f++)
		if (f->required && !yaml_doc_get(node, f->key))
			content_fields_error(x, node, "%s has no \"%s\": %s", _(s->this_name),
			                     f->key, _(f->purpose));
	return 1;
}

const char *content_fields_lang_name(const char *code)
{
	static const char *const names[][2] = {
	    {"ru", N_("Russian")}, {"en", N_("English")},  {"de", N_("German")},
	    {"fr", N_("French")},  {"it", N_("Italian")},  {"zh", N_("Chinese")},
	    {"es", N_("Spanish")}, {"ja", N_("Japanese")},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], code) == 0)
			return _(names[i][1]);
	return NULL;
}

/* "English (en)" or "\"xx\"" into buf. */
static const char *lang_label(const char *code, char *buf, size_t size)
{
	const char *name = content_fields_lang_name(code);
	if (name)
		snprintf(buf, size, "%s (%s)", name, code);
	else
		snprintf(buf, size, "\"%s\"", code);
	return buf;
}

static int lang_index(const struct content_fields_ctx *x, const char *code)
{
	for (int i = 0; i < x->n_langs; i++)
		if (strcmp(x->langs[i], code) == 0)
			return i;
	return -1;
}

/* A list of the hall's languages as "ru:, en:" into buf. */
static const char *lang_list(const struct content_fields_ctx *x, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < x->n_langs; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s:", i ? ", " : "", x->langs[i]);
	}
	if (!x->n_langs)
		snprintf(buf, size, "ru:, en:");
	return buf;
}

/* An arena copy of the scalar v, with the marks past MARKS_MAX_PER_CHAR on
 * one letter left out (and a warning naming the text what, of field key):
 * a long stack of them would cost the screen seconds to draw. */
static char *capped_copy(struct content_fields_ctx *x, const struct yaml_doc_node *v,
                         const char *what, const char *key)
{
	char *s = arena_strdup(x->a, v->str);
	size_t dropped = 0, longest = 0;
	if (s)
		marks_cap(s, strlen(s), MARKS_MAX_PER_CHAR, &dropped, &longest);
	if (dropped)
		content_fields_warning(x, v,
		                       "the %s \"%s\" has a letter with %zu accents or invisible "
		                       "marks on it (a copy from a web page can bring them); "
		                       "the screen shows only the first %d",
		                       what, key, longest, MARKS_MAX_PER_CHAR);
	return s;
}

/* The first control character in s[0..len) other than a line break: C0
 * (a tab and a zero byte too), DEL and C1 (U+0080..U+009F); -1 when none.
 * The file cannot hold them raw (the YAML reader refuses them), but an
 * escape such as "\x07" makes them, and the screen has no glyph for them. */
static long control_char(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			return c;
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			return (unsigned char)s[i + 1];
	}
	return -1;
}

/* Reads one language entry of a text; 1 when it is good. */
static int text_entry(struct content_fields_ctx *x, const char *key, const struct yaml_doc_pair *p,
                      struct i18n *out)
{
	char lbuf[64], list[64];
	const struct yaml_doc_node *k = p->key, *v = p->value;
	if (k->kind != YAML_DOC_SCALAR)
		return 0; /* reported by check_keys */
	int i = lang_index(x, k->str);
	if (x->n_langs && i < 0) {
		content_fields_error(x, k,
		                     "%s is not one of the languages listed in hall.yaml; \"%s\" "
		                     "takes only %s",
		                     lang_label(k->str, lbuf, sizeof lbuf), key,
		                     lang_list(x, list, sizeof list));
		return 0;
	}
	if (v->kind != YAML_DOC_SCALAR) {
		content_fields_error(x, v, "the %s \"%s\" must be a single line of text, not %s",
		                     lang_label(k->str, lbuf, sizeof lbuf), key,
		                     content_fields_kind(v));
		return 0;
	}
	if (v->len == 0) {
		content_fields_error(x, v, "the %s \"%s\" is empty; write the text after %s:",
		                     lang_label(k->str, lbuf, sizeof lbuf), key, k->str);
		return 0;
	}
	long cc = control_char(v->str, v->len);
	if (cc >= 0) {
		content_fields_error(x, v,
		                     "the %s \"%s\" has an invisible control character (U+%04lX), "
		                     "perhaps written as an escape such as \\x07, which the screen "
		                     "cannot show; remove it",
		                     lang_label(k->str, lbuf, sizeof lbuf), key, (unsigned long)cc);
		return 0;
	}
	if (i >= 0) {
		out->s[i] = capped_copy(x, v, lang_label(k->str, lbuf, sizeof lbuf), key);
		out->loc[i] = (struct src_loc){x->file, v->line, v->col};
	}
	return 1;
}

static int text_node(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                     const char *key, struct i18n *out)
{
	char list[64], lbuf[64];
	if (node->kind != YAML_DOC_MAPPING) {
		content_fields_error(x, node, "\"%s\" needs one line per language (%s), not %s",
		                     key, lang_list(x, list, sizeof list),
		                     content_fields_kind(node));
		return 0;
	}
	int ok = 1;
	struct index_set *seen = index_set_new();
	for (size_t i = 0; i < node->n; i++) {
		const struct yaml_doc_node *k = node->pairs[i].key;
		long j = k->kind == YAML_DOC_SCALAR ? earlier_key(seen, node, i) : -1;
		if (j >= 0) {
			content_fields_error(
			    x, k, "\"%s\" gives the %s text twice (first on line %d)", key,
			    lang_label(k->str, lbuf, sizeof lbuf), node->pairs[j].key->line);
			ok = 0;
		}
		if (k->kind != YAML_DOC_SCALAR) {
			content_fields_error(x, k, "a language must be a code such as en, not %s",
			                     content_fields_kind(k));
			ok = 0;
		}
		ok &= text_entry(x, key, &node->pairs[i], out);
	}
	index_set_free(seen);
	for (int i = 0; i < x->n_langs; i++)
		if (!out->s[i] && !yaml_doc_get(node, x->langs[i])) {
			content_fields_error(x, node, "\"%s\" has no %s text", key,
			                     lang_label(x->langs[i], lbuf, sizeof lbuf));
			ok = 0;
		}
	return ok;
}

int content_fields_text(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                        const char *key, struct i18n *out)
{
	const struct yaml_doc_node *node = yaml_doc_get(map, key);
	memset(out, 0, sizeof *out);
	return node ? text_node(x, node, key, out) : 0;
}

int content_fields_text_or_line(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                                const char *key, struct i18n *out)
{
	const struct yaml_doc_node *node = yaml_doc_get(map, key);
	memset(out, 0, sizeof *out);
	if (!node || node->kind == YAML_DOC_MAPPING)
		return node ? text_node(x, node, key, out) : 0;
	const char *one = NULL;
	if (!content_fields_string(x, map, key, &one))
		return 0;
	for (int i = 0; i < x->n_langs && i < CONTENT_MAX_LANGS; i++) {
		out->s[i] = one;
		out->loc[i] = (struct src_loc){x->file, node->line, node->col};
	}
	return 1;
}

int content_fields_string(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                          const char *key, const char **out)
{
	const struct yaml_doc_node *v = yaml_doc_get(map, key);
	if (!v)
		return 0;
	if (v->kind != YAML_DOC_SCALAR) {
		content_fields_error(x, v, "\"%s\" must be a single line of text, not %s", key,
		                     content_fields_kind(v));
		return 0;
	}
	if (v->len == 0) {
		content_fields_error(x, v, "\"%s\" is empty; write the text after %s:", key, key);
		return 0;
	}
	*out = capped_copy(x, v, "text", key);
	return *out != NULL;
}
