/* app: the hall in a window: SDL set-up, the main loop, keys and signals. */
#ifndef TWINHALL_APP_H
#define TWINHALL_APP_H

#include "content.h"
#include "options.h"

/* Opens the window and plays content c in language lang until asked to
 * stop. Returns the process exit status. */
int app_run(const struct options *o, const struct content *c, int lang);

#endif
