/* yaml_doc: one YAML file parsed into a small immutable tree of values
 * (single values, lists, and fields), each with its position, for the
 * content checker. Anchors, aliases, tags, several documents and deep
 * nesting are refused. */
#ifndef TWINHALL_YAML_DOC_H
#define TWINHALL_YAML_DOC_H

#include <stddef.h>

#include "base/arena.h"
#include "content/diag.h"

enum {
	YAML_DOC_MAX_BYTES = 1024 * 1024, /* larger files are refused */
	YAML_DOC_MAX_DEPTH = 32,          /* lists and fields nested deeper are refused */
};

enum yaml_doc_kind { YAML_DOC_SCALAR, YAML_DOC_MAPPING, YAML_DOC_SEQUENCE };

struct yaml_doc_node;

/* One "key: value" entry of a mapping, in file order. */
struct yaml_doc_pair {
	const struct yaml_doc_node *key, *value;
};

struct yaml_doc_node {
	enum yaml_doc_kind kind;
	int line, col; /* 1-based, column in characters */
	/* YAML_DOC_SCALAR: the text (NUL-terminated, no NUL inside) and whether
	 * it was written plain, without quotes or | or >. */
	const char *str;
	size_t len;
	int plain;
	/* YAML_DOC_SEQUENCE: items[0..n); YAML_DOC_MAPPING: pairs[0..n). */
	size_t n;
	const struct yaml_doc_node *const *items;
	const struct yaml_doc_pair *pairs;
};

/* Parses the len bytes at buf (the whole file named file, relative to the
 * content root, used in messages); a UTF-8 byte order mark at its start is
 * skipped. Checks, in order: the size limit
 * YAML_DOC_MAX_BYTES, NUL bytes, UTF-8, then YAML syntax, anchors, aliases,
 * tags, depth, one document, not empty. Returns the root node, allocated in
 * a and living as long as it, or NULL after adding one located error to d. */
const struct yaml_doc_node *yaml_doc_parse(const char *file, const char *buf, size_t len,
                                           struct arena *a, struct diag *d);

/* The value of field key in mapping map, or NULL (also when map is not a
 * mapping). The tree's own lifetime applies. */
const struct yaml_doc_node *yaml_doc_get(const struct yaml_doc_node *map, const char *key);

#endif
