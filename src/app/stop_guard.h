/* stop_guard: a stop that nothing can hold up. Once the hall has decided
 * to stop, what is left is freeing, and freeing joins the threads that
 * decode pictures, lay out text and watch the folder. Those run in the
 * idle class (base/thread_background.h): while every core is busy with
 * ordinary work they get almost no CPU, and a join waited seconds for a
 * decode whose picture nobody would see. The guard is a thread of ordinary
 * priority: if the freeing is not done in time it ends the process with
 * the status already decided (_exit), as systemd's kill would later, but
 * at once and saying so in the journal. */
#ifndef TWINHALL_STOP_GUARD_H
#define TWINHALL_STOP_GUARD_H

#include <stdint.h>

struct stop_guard;

/* Starts the guard: in ms from now the process ends with status unless
 * stop_guard_done was called. NULL when no thread could be started: the
 * freeing then goes on unguarded, as before. */
struct stop_guard *stop_guard_arm(uint64_t ms, int status);

/* The freeing is done: the guard ends without ending the process, and is
 * freed. Accepts NULL. */
void stop_guard_done(struct stop_guard *g);

#endif
