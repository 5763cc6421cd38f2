/* diag: the list of problems found in content, printed compiler-style
 * (path:line:col: error: message) for staff. */
#ifndef TWINHALL_DIAG_H
#define TWINHALL_DIAG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag_item {
	enum diag_level level;
	char *file;    /* relative to the content directory, e.g. "cities/oxford/city.yaml" */
	int line, col; /* 1-based; 0 when the problem has no position in the file */
	char *message;
	size_t seq; /* order of adding, which orders items at one position */
};

struct diag;

/* A new empty list, or NULL when out of memory. */
struct diag *diag_new(void);

/* Frees the list and its items. Accepts NULL. */
void diag_free(struct diag *d);

/* Adds one problem. file may be NULL for problems with no file. The strings
 * are copied. Identical repeats (same file, position and message) are kept
 * once. fmt is English; it is translated here (base/i18n.h). */
void diag_add(struct diag *d, enum diag_level level, const char *file, int line, int col,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The same with the message as it is: already formatted and translated. */
void diag_add_text(struct diag *d, enum diag_level level, const char *file, int line, int col,
                   const char *text);

/* Number of items of the given level. */
size_t diag_count(const struct diag *d, enum diag_level level);

/* Number of items of any level. */
size_t diag_size(const struct diag *d);

/* Item i in sorted order (file, line, col); valid until the next diag_add. */
const struct diag_item *diag_get(struct diag *d, size_t i);

/* Prints every item sorted by file and position, one per line, as
 * "DIR/file:line:col: error: message"; dir is the content directory as the
 * user named it (NULL or "" for none). */
void diag_print(struct diag *d, FILE *out, const char *dir);

/* Formats item it as one line (no newline) into buf; returns buf. */
char *diag_format(const struct diag_item *it, const char *dir, char *buf, size_t size);

/* The same lines with sd-daemon priority prefixes (<3> errors, <4>
 * warnings, <5> notes), for the journal. */
void diag_log(struct diag *d, FILE *out, const char *dir);

/* A number that is the same for the same problems in the same order. */
uint64_t diag_fingerprint(struct diag *d);

#endif
