#include "content/yaml_doc.h"

#include <string.h>
#include <yaml.h>

#include "base/utf8.h"
#include "content/yaml_error.h"

struct parse {
	yaml_parser_t parser;
	const char *file;
	const char *buf;
	size_t len;
	struct arena *a;
	struct diag *d;
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
	yaml_error_report(&p->parser, p->file, p->buf, p->len, p->d);
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
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
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

const struct yaml_doc_node *yaml_doc_parse(const char *file, const char *buf, size_t len,
                                           struct arena *a, struct diag *d)
{
	struct parse p = {.file = file, .buf = buf, .len = len, .a = a, .d = d};
	if (!prescan(&p))
		return NULL;
	if (!yaml_parser_initialize(&p.parser)) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory while reading the file");
		return NULL;
	}
	yaml_parser_set_encoding(&p.parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p.parser, (const unsigned char *)buf, len);
	const struct yaml_doc_node *root = read_document(&p);
	yaml_parser_delete(&p.parser);
	return root;
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
