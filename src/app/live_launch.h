/* live_launch: live_start on a thread of its own. live_start reads the
 * content (and the last good copy) before it returns, which takes as long
 * as the folder makes it take (a hung share, a folder of junk); the window,
 * its first frame, READY=1 and the watchdog's pings must not wait for it. */
#ifndef TWINHALL_LIVE_LAUNCH_H
#define TWINHALL_LIVE_LAUNCH_H

#include <stdbool.h>
#include <stdint.h>

#include "live/live.h"

struct live_launch;

/* Starts live_start(cfg, wake, wake_ctx) on a thread (cfg's strings are
 * copied). done(done_ctx) is called on that thread once live_start has
 * returned, unless live_launch_free came first. NULL when no thread could
 * be started. */
struct live_launch *live_launch_start(const struct live_config *cfg, void (*wake)(void *ctx),
                                      void *wake_ctx, void (*done)(void *ctx), void *done_ctx);

/* Waits at most ms for live_start to return; true when it has. */
bool live_launch_wait(struct live_launch *l, uint64_t ms);

/* Once live_start has returned: true, and its live (NULL when it failed)
 * in *live, the caller's now; false while it runs or after a first take. */
bool live_launch_take(struct live_launch *l, struct live **live);

/* Lets go. A live_start still running is left to finish, and the live it
 * makes is stopped there; done is not called any more. Accepts NULL. */
void live_launch_free(struct live_launch *l);

#endif
