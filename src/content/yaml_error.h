/* yaml_error: a YAML syntax error libyaml found, said in plain words for
 * staff and placed where the fix goes: a quoted text that is never closed
 * where its quote opened, not where libyaml gave up lines later. */
#ifndef TWINHALL_YAML_ERROR_H
#define TWINHALL_YAML_ERROR_H

#include <stddef.h>
#include <yaml.h>

#include "content/diag.h"

/* Adds one located error to d for the syntax error ps stopped at while
 * parsing the len bytes at buf (the whole file named file). */
void yaml_error_report(const yaml_parser_t *ps, const char *file, const char *buf, size_t len,
                       struct diag *d);

#endif
