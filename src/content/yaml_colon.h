/* yaml_colon: a plain text with ": " in it, such as `caption: Пермь: вид с
 * реки`, which YAML refuses ("mapping values are not allowed here"), taken
 * as the text staff meant where that is unambiguous: the value is plain
 * (no quotes, no | or >), all of it on the one line after `key: ` (after
 * any "- "), and no line below goes on with it. In a copy of the file such
 * values are put in single quotes; yaml_doc parses the copy and makes sure
 * each of them was read as a value, or keeps to the refusal. */
#ifndef TWINHALL_YAML_COLON_H
#define TWINHALL_YAML_COLON_H

#include <stdbool.h>
#include <stddef.h>

/* Where a value put in quotes starts: 1-based line, column in characters
 * (the same in the file and in the copy). */
struct yaml_colon_fix {
	int line, col;
};

/* A copy of the len bytes at buf with every such value in quotes, its
 * length in *out_len, and where those values start in (*fixes)[0..*n), in
 * the order of the lines; the caller frees the copy and *fixes. NULL (and
 * *n 0) when there is no such value, or out of memory. */
char *yaml_colon_quote(const char *buf, size_t len, size_t *out_len, struct yaml_colon_fix **fixes,
                       size_t *n);

/* Line line (1-based) of buf as it should be written, from its key on,
 * with its value in double quotes (single when the value has a double
 * quote or a backslash), into out; the value's column in *col. False when that line has
 * no such value, or the line does not fit in out. */
bool yaml_colon_fixed_line(const char *buf, size_t len, int line, char *out, size_t size, int *col);

#endif
