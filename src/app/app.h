/* app: the hall in a window: SDL set-up, the main loop, keys and signals. */
#ifndef TWINHALL_APP_H
#define TWINHALL_APP_H

#include "content/content.h"
#include "content/diag.h"
#include "app/options.h"

/* Opens the window and plays the content of dir until asked to stop,
 * following changes to dir (see live.h). When dir cannot be shown (its
 * hall.yaml has errors, or it is missing) it shows the last good content,
 * or a notice, until dir is fixed. The content is read on a thread while
 * the window opens; when that takes longer than APP_START_WAIT_MS, the
 * notice shows meanwhile, so the first frame (and READY=1) never waits on
 * the content. Returns the exit status. */
int app_run(const struct options *o, const char *dir);

/* How long the start waits for the content's first read before it shows
 * the notice instead and takes the content once it is read; how long the
 * end waits for a first read still running; and how long the freeing at
 * the end may take before the process ends without it (stop_guard). */
enum { APP_START_WAIT_MS = 2500, LEAVE_WAIT_MS = 1000, STOP_WAIT_MS = 1500 };

#endif
