/* app: the hall in a window: SDL set-up, the main loop, keys and signals. */
#ifndef TWINHALL_APP_H
#define TWINHALL_APP_H

#include "content/content.h"
#include "content/diag.h"
#include "app/options.h"

/* Opens the window and plays the content of dir until asked to stop,
 * following changes to dir (see live.h). When dir cannot be shown (its
 * hall.yaml has errors, or it is missing) it shows the last good content,
 * or a notice, until dir is fixed. Returns the exit status. */
int app_run(const struct options *o, const char *dir);

#endif
