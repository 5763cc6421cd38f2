/* clock_ms: the monotonic clock in milliseconds, for threads that do not
 * use SDL's (the watcher, the loader). 64 bits: never wraps. */
#ifndef TWINHALL_CLOCK_MS_H
#define TWINHALL_CLOCK_MS_H

#include <stdint.h>

uint64_t clock_ms(void);

#endif
