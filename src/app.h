/* app: the hall in a window: SDL set-up, the main loop, keys and signals. */
#ifndef TWINHALL_APP_H
#define TWINHALL_APP_H

#include "content.h"
#include "diag.h"
#include "options.h"

/* Opens the window and plays *c (loaded from dir) until asked to stop.
 * When *c is NULL (the content has errors, listed in d) it shows a notice
 * instead and tries loading dir again every APP_RETRY_MS; *c then holds the
 * content it loaded, which the caller frees. Returns the exit status. */
int app_run(const struct options *o, const char *dir, struct content **c, struct diag *d);

enum { APP_RETRY_MS = 10000 };

#endif
