#include "content/yaml_doc.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/utf8.h"
#include "content/yaml_colon.h"
#include "content/yaml_error.h"

struct parse {
	yaml_parser_t parser;
	const char *file;
	const char *buf;
	size_t len;
	struct arena *a;
	struct diag *d;
	/* A ':' in a plain value stopped the parse (yaml_colon may mend it):
	 * where, not yet reported. Only the first parse looks for it. */
	bool may_mend, colon;
	yaml_mark_t colon_mark;
	/* Parsing yaml_colon's copy: the values it put in quotes, and how
	 * many of them were read as values. */
	const struct yaml_colon_fix *fixes;
	size_t n_fixes, mended;
};

/* A linked list cell used while a list or mapping is being read; flattened
 * into an array when it ends. */
struct cell {
	struct cell *next;
	const struct yaml_doc_node *key, *value;
};

static void error_at_mark(struct parse *p, yaml_mark_t m, const char *msg, const char *name)
{
	diag_add(p->d, DIAG_ERROR, p->file, (int)m.line + 1, (int)m.column + 1, msg,
	         name ? name : "");
}

static int next_event(struct parse *p, yaml_event_t *ev)
{
	if (yaml_parser_parse(&p->parser, ev))
		return 1;
	if (p->may_mend && yaml_error_plain_colon(&p->parser, p->buf, p->len)) {
		p->colon = true;
		p->colon_mark = p->parser.problem_mark;
	} else {
		yaml_error_report(&p->parser, p->file, p->buf, p->len, p->d);
	}
	return 0;
}

static struct yaml_doc_node *new_node(struct parse *p, enum yaml_doc_kind kind, yaml_mark_t m)
{
	struct yaml_doc_node *n = arena_alloc(p->a, sizeof *n);
	if (!n) {
		diag_add(p->d, DIAG_ERROR, p->file, 0, 0, "out of memory while reading the file");
		return NULL;
	}
	n->kind = kind;
	n->line = (int)m.line + 1;
	n->col = (int)m.column + 1;
	return n;
}

/* Refuses anchors and tags on a node's start event; 1 when it has neither. */
static int check_props(struct parse *p, const yaml_event_t *ev, const yaml_char_t *anchor,
                       const yaml_char_t *tag)
{
	if (anchor) {
		error_at_mark(p, ev->start_mark,
		              "\"&%s\" marks a value to reuse elsewhere, which is not allowed "
		              "here; remove it and write each value out in full",
		              (const char *)anchor);
		return 0;
	}
	if (tag) {
		error_at_mark(p, ev->start_mark,
		              "\"%s\" before a value is not allowed; remove it (if the value "
		              "starts with !, put it in quotes)",
		              (const char *)tag);
		return 0;
	}
	return 1;
}

/* Whether n is a value yaml_colon put in quotes: plain as staff wrote it. */
static bool mended(struct parse *p, const struct yaml_doc_node *n)
{
	size_t lo = 0, hi = p->n_fixes;
	while (lo < hi) { /* the fixes are in the order of their lines */
		size_t mid = lo + (hi - lo) / 2;
		if (p->fixes[mid].line < n->line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == p->n_fixes || p->fixes[lo].line != n->line || p->fixes[lo].col != n->col)
		return false;
	p->mended++;
	return true;
}

static struct yaml_doc_node *read_scalar(struct parse *p, const yaml_event_t *ev)
{
	if (!check_props(p, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return NULL;
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	if (memchr(v, '\0', len)) {
		error_at_mark(p, ev->start_mark,
		              "this value contains a zero character (\\0); remove it%s", NULL);
		return NULL;
	}
	struct yaml_doc_node *n = new_node(p, YAML_DOC_SCALAR, ev->start_mark);
	if (!n)
		return NULL;
	n->str = arena_strndup(p->a, v, len);
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE || mended(p, n);
	return n->str ? n : NULL;
}

static struct yaml_doc_node *read_node(struct parse *p, const yaml_event_t *ev, int depth);

/* Reads one node from a fresh event into *out; 0 when the collection ended
 * (end_type seen) or -1 on error, 1 when a node was read. */
static int read_child(struct parse *p, yaml_event_type_t end_type, int depth,
                      const struct yaml_doc_node **out)
{
	yaml_event_t ev;
	if (!next_event(p, &ev))
		return -1;
	int r = 0;
	if (ev.type != end_type) {
		*out = read_node(p, &ev, depth);
		r = *out ? 1 : -1;
	}
	yaml_event_delete(&ev);
	return r;
}

static int flatten(struct parse *p, struct yaml_doc_node *n, struct cell *head, size_t count)
{
	n->n = count;
	if (count == 0)
		return 1;
	const struct yaml_doc_node **items = NULL;
	struct yaml_doc_pair *pairs = NULL;
	if (n->kind == YAML_DOC_SEQUENCE)
		items = arena_alloc(p->a, count * sizeof *items);
	else
		pairs = arena_alloc(p->a, count * sizeof *pairs);
	if (!items && !pairs)
		return 0;
	/* The list was built newest first. */
	for (size_t i = count; head; head = head->next) {
		i--;
		if (items)
			items[i] = head->value;
		else
			pairs[i] = (struct yaml_doc_pair){head->key, head->value};
	}
	n->items = items;
	n->pairs = pairs;
	return 1;
}

static struct yaml_doc_node *read_collection(struct parse *p, const yaml_event_t *ev, int depth,
                                             int is_map)
{
	if (depth > YAML_DOC_MAX_DEPTH) {
		error_at_mark(p, ev->start_mark,
		              "lists and fields are nested more than 32 levels deep here; "
		              "the content never needs that many, check the file%s",
		              NULL);
		return NULL;
	}
	const yaml_char_t *anchor =
	    is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
	const yaml_char_t *tag = is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
	if (!check_props(p, ev, anchor, tag))
		return NULL;
	struct yaml_doc_node *n =
	    new_node(p, is_map ? YAML_DOC_MAPPING : YAML_DOC_SEQUENCE, ev->start_mark);
	yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
	struct cell *head = NULL;
	size_t count = 0;
	for (;;) {
		const struct yaml_doc_node *key = NULL, *value = NULL;
		int r = read_child(p, end, depth + 1, is_map ? &key : &value);
		if (r == 0)
			break;
		if (r < 0 || (is_map && read_child(p, end, depth + 1, &value) != 1))
			return NULL;
		struct cell *c = arena_alloc(p->a, sizeof *c);
		if (!c || !n)
			return NULL;
		*c = (struct cell){head, key, value};
		head = c;
		count++;
	}
	return n && flatten(p, n, head, count) ? n : NULL;
}

static struct yaml_doc_node *read_node(struct parse *p, const yaml_event_t *ev, int depth)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return read_scalar(p, ev);
	case YAML_SEQUENCE_START_EVENT:
		return read_collection(p, ev, depth, 0);
	case YAML_MAPPING_START_EVENT:
		return read_collection(p, ev, depth, 1);
	case YAML_ALIAS_EVENT:
		error_at_mark(p, ev->start_mark,
		              "\"*%s\" refers to a value given elsewhere, which is not allowed "
		              "here; write the value out in full",
		              (const char *)ev->data.alias.anchor);
		return NULL;
	default:
		error_at_mark(p, ev->start_mark, "unexpected structure in the file%s", NULL);
		return NULL;
	}
}

/* Checks the raw bytes before libyaml sees them: libyaml stops at a NUL as if
 * the file ended there, and reports bad UTF-8 without a line. */
static int prescan(struct parse *p)
{
	if (p->len > YAML_DOC_MAX_BYTES) {
		diag_add(p->d, DIAG_ERROR, p->file, 0, 0,
		         "the file is larger than 1 MiB; content files are much smaller, so this "
		         "is probably the wrong file");
		return 0;
	}
	const char *nul = memchr(p->buf, '\0', p->len);
	struct utf8_pos pos;
	if (!utf8_validate(p->buf, nul ? (size_t)(nul - p->buf) : p->len, &pos)) {
		diag_add(p->d, DIAG_ERROR, p->file, pos.line, pos.col,
		         "the text here is not UTF-8; save the file as UTF-8 in the text editor");
		return 0;
	}
	if (nul) {
		pos = utf8_position(p->buf, (size_t)(nul - p->buf));
		diag_add(p->d, DIAG_ERROR, p->file, pos.line, pos.col,
		         "the file contains a zero byte here; it may be saved as UTF-16 or not be "
		         "a text file: save it as UTF-8 text");
		return 0;
	}
	return 1;
}

/* Expects the event type want next; 1 when it came. */
static int expect(struct parse *p, yaml_event_type_t want, yaml_event_t *ev)
{
	if (!next_event(p, ev))
		return 0;
	if (ev->type == want)
		return 1;
	yaml_event_delete(ev);
	return 0;
}

static const struct yaml_doc_node *read_document(struct parse *p)
{
	yaml_event_t ev;
	const struct yaml_doc_node *root = NULL;
	if (!expect(p, YAML_STREAM_START_EVENT, &ev))
		return NULL;
	yaml_event_delete(&ev);
	if (!next_event(p, &ev))
		return NULL;
	if (ev.type == YAML_STREAM_END_EVENT) {
		diag_add(p->d, DIAG_ERROR, p->file, 1, 1,
		         "the file is empty; it should contain fields such as name: value");
		goto fail;
	}
	yaml_event_delete(&ev);
	if (read_child(p, YAML_DOCUMENT_END_EVENT, 1, &root) != 1 ||
	    !expect(p, YAML_DOCUMENT_END_EVENT, &ev))
		return NULL;
	yaml_event_delete(&ev);
	if (!next_event(p, &ev))
		return NULL;
	if (ev.type != YAML_STREAM_END_EVENT) {
		error_at_mark(p, ev.start_mark,
		              "a second document starts here; a file holds one document only: "
		              "remove the line with ---%s",
		              NULL);
		goto fail;
	}
	yaml_event_delete(&ev);
	return root;
fail:
	yaml_event_delete(&ev);
	return NULL;
}

/* Parses p's bytes; NULL after reporting (or, when p->may_mend, after
 * noting a ':' to mend). */
static const struct yaml_doc_node *parse_text(struct parse *p)
{
	if (!yaml_parser_initialize(&p->parser)) {
		diag_add(p->d, DIAG_ERROR, p->file, 0, 0, "out of memory while reading the file");
		return NULL;
	}
	yaml_parser_set_encoding(&p->parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p->parser, (const unsigned char *)p->buf, p->len);
	const struct yaml_doc_node *root = read_document(p);
	yaml_parser_delete(&p->parser);
	return root;
}

/* Whether the copy's error e is the file's own: on a line the copy did not
 * change, after every quoted value before it was read as a value. */
static bool own_error(const struct parse *p, const struct diag_item *e)
{
	size_t before = 0;
	for (size_t i = 0; i < p->n_fixes; i++) {
		if (p->fixes[i].line == e->line)
			return false;
		before += p->fixes[i].line < e->line;
	}
	return e->line > 0 && p->mended == before;
}

/* The file read again with yaml_colon's quotes, when every value it quoted
 * is read as a value. NULL otherwise, after reporting the copy's error when
 * it is the file's own (a problem further on), else the first parse's. */
static const struct yaml_doc_node *parse_mended(const struct parse *first)
{
	struct parse p = {.file = first->file, .a = first->a, .d = diag_new()};
	struct yaml_colon_fix *fixes;
	char *copy = yaml_colon_quote(first->buf, first->len, &p.len, &fixes, &p.n_fixes);
	p.buf = copy;
	p.fixes = fixes;
	const struct yaml_doc_node *root = copy && p.d ? parse_text(&p) : NULL;
	const struct diag_item *e = diag_get(p.d, 0);
	bool own = !root && e && own_error(&p, e);
	if (root && p.mended != p.n_fixes)
		root = NULL; /* a quote went inside a | text or a quoted one */
	if (own)
		diag_add(first->d, e->level, first->file, e->line, e->col, "%s", e->message);
	else if (!root)
		yaml_error_colon(first->file, first->buf, first->len, first->colon_mark, first->d);
	diag_free(p.d);
	free(fixes);
	free(copy);
	return root;
}

const struct yaml_doc_node *yaml_doc_parse(const char *file, const char *buf, size_t len,
                                           struct arena *a, struct diag *d)
{
	/* Windows Notepad starts a UTF-8 file with a byte order mark. It is no
	 * part of the text: without it, columns on the first line are the ones
	 * staff see, and the mending and error hints read the same bytes as
	 * libyaml. (CRLF line ends need nothing: libyaml reads them as one.) */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	struct parse p = {.file = file, .buf = buf, .len = len, .a = a, .d = d, .may_mend = true};
	if (!prescan(&p))
		return NULL;
	const struct yaml_doc_node *root = parse_text(&p);
	if (root || !p.colon)
		return root;
	return parse_mended(&p);
}

const struct yaml_doc_node *yaml_doc_get(const struct yaml_doc_node *map, const char *key)
{
	if (!map || map->kind != YAML_DOC_MAPPING)
		return NULL;
	for (size_t i = 0; i < map->n; i++) {
		const struct yaml_doc_node *k = map->pairs[i].key;
		if (k->kind == YAML_DOC_SCALAR && strcmp(k->str, key) == 0)
			return map->pairs[i].value;
	}
	return NULL;
}
