/* content_fields: typed readers for the fields of hall.yaml and city.yaml,
 * shared by the content_load*.c files (internal to the content loader).
 * Every reader reports its own problems, located, to the diag list, and
 * returns 1 when it stored a good value. */
#ifndef TWINHALL_CONTENT_FIELDS_H
#define TWINHALL_CONTENT_FIELDS_H

#include <stdint.h>

#include "base/arena.h"
#include "content/content.h"
#include "content/diag.h"
#include "content/yaml_doc.h"

/* What is being read: the model arena, the problem list, the YAML file (path
 * relative to the content root) and its folder, the open content root, and
 * the hall's languages (n_langs 0 while unknown: texts are then checked for
 * shape only). */
struct content_fields_ctx {
	struct arena *a;
	struct diag *d;
	const char *file;
	const char *dir;
	int root_fd;
	int n_langs;
	const char (*langs)[CONTENT_LANG_CODE];
	const struct content_store *store; /* NULL: files are read where they are */
	size_t item_errors; /* errors in the photos and gifts left out of the model */
};

/* Opens the file at the root-relative path (safe_path_open), through x's
 * store when it has one: *fd is then the kept copy, and its name is put
 * in kept (else kept is set to ""). A safe_path_err. */
int content_fields_open(struct content_fields_ctx *x, const char *path, int *fd, char *kept,
                        size_t kept_size);

/* One allowed field of a group of fields; purpose completes "has no ...". */
struct content_field {
	const char *key;
	int required;
	const char *purpose;
};

/* A group of fields (the hall file, a photo...): names for messages ("this
 * photo", "a photo") and its fields, ending with a {NULL} entry. */
struct content_shape {
	const char *this_name, *a_name;
	const struct content_field *fields;
};

/* Adds an error at node's position in the current file. */
void content_fields_error(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                          const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The same as a warning. */
void content_fields_warning(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                            const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Checks that node is fields of shape: reports a list or single value,
 * unknown and repeated field names, missing required fields. label names
 * the node in messages ("\"location\"", "each photo"). Returns 1 when node
 * is a mapping (whatever else was wrong in it). */
int content_fields_check(struct content_fields_ctx *x, const struct yaml_doc_node *node,
                         const struct content_shape *shape, const char *label);

/* "a list", "a single value" or "fields" for node's kind. Static storage. */
const char *content_fields_kind(const struct yaml_doc_node *node);

/* Reads field key of map as a text in every language into *out. */
int content_fields_text(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                        const char *key, struct i18n *out);

/* Reads field key of map as a text in every language, or as one line that
 * is the same in all of them (a name, such as a photographer's): each
 * out->s[i] is then that one copy. */
int content_fields_text_or_line(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                                const char *key, struct i18n *out);

/* Reads field key of map as a non-empty single line of text (arena copy). */
int content_fields_string(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                          const char *key, const char **out);

/* Reads field key of map as a whole number in min..max. */
int content_fields_int(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                       const char *key, long min, long max, int *out);

/* Reads field key of map as a number (sign and fraction allowed) in min..max. */
int content_fields_number(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                          const char *key, double min, double max, double *out);

/* Reads field key of map as a path of an image, relative to the YAML file's
 * folder, and checks the file: inside the content folder, a JPEG, PNG or
 * WebP of acceptable size. Fills *out (path and location arena-owned). */
int content_fields_image(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                         const char *key, struct image_ref *out);

/* Parses s as a strict decimal whole number (optional -, digits only). */
int content_fields_parse_int(const char *s, long *out);

/* Parses s as a strict decimal number: optional sign, digits, optional
 * fraction; no exponent, no spaces, independent of the locale. */
int content_fields_parse_number(const char *s, double *out);

/* The English name of a language code ("English" for "en"), or NULL. */
const char *content_fields_lang_name(const char *code);

#endif
