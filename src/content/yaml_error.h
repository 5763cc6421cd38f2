/* yaml_error: a YAML syntax error libyaml found, said in plain words for
 * staff and placed where the fix goes: a quoted text that is never closed
 * where its quote opened, not where libyaml gave up lines later; a text
 * with ": " in it with the line as it should be written. */
#ifndef TWINHALL_YAML_ERROR_H
#define TWINHALL_YAML_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "content/diag.h"

/* Adds one located error to d for the syntax error ps stopped at while
 * parsing the len bytes at buf (the whole file named file). */
void yaml_error_report(const yaml_parser_t *ps, const char *file, const char *buf, size_t len,
                       struct diag *d);

/* Whether ps stopped at a ':' in a plain value, as in `caption: Пермь:
 * вид с реки`, and not at the end of a quoted text that ran on: what
 * yaml_colon may mend. */
bool yaml_error_plain_colon(const yaml_parser_t *ps, const char *buf, size_t len);

/* Adds the error for such a ':' at m in buf: the line as it should be
 * written when yaml_colon knows it, else what the usual causes are. */
void yaml_error_colon(const char *file, const char *buf, size_t len, yaml_mark_t m, struct diag *d);

#endif
