/* screenshot: renders one frame headless (no display needed) to a PNG. */
#ifndef TWINHALL_SCREENSHOT_H
#define TWINHALL_SCREENSHOT_H

#include "content/content.h"
#include "content/diag.h"
#include "app/options.h"

/* Renders the state o->at of content c at o->size_w x o->size_h in language
 * lang (an index) into o->screenshot. Returns the process exit status: 0,
 * 2 for a bad --at, 1 when rendering or writing failed (said on stderr). */
int screenshot_run(const struct options *o, const struct content *c, int lang);

/* Renders the notice shown while the content has the problems d
 * (--at notice) into o->screenshot. Returns 0, or 1 when that failed. */
int screenshot_notice(const struct options *o, struct diag *d);

/* --at panel: the staff panel over content c (NULL: none could be shown)
 * loaded from dir with problems d, at a fixed time and uptime. */
int screenshot_panel(const struct options *o, const char *dir, const struct content *c,
                     struct diag *d);

/* Parses "attract" (the first slide) or "attract/N" (the Nth slide,
 * counted from 1 as photos/N is) into the loop position (0 for the
 * first). Returns 0, or -1 when the state is not one we know. */
int screenshot_parse_at(const char *at, unsigned long long *seq);

#endif
