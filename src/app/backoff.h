/* backoff: a hall that cannot start (no screen, no monitor) waits longer
 * before each next try, so a permanent failure is a few journal lines a
 * minute, not hundreds: failed starts in a row are counted in a file of
 * the state folder, which the first frame on screen clears. */
#ifndef TWINHALL_BACKOFF_H
#define TWINHALL_BACKOFF_H

enum { BACKOFF_MAX_S = 60 };

/* Seconds to wait after the n-th failed start in a row (n from 1): none
 * after the first, then 2, 4, 8... up to BACKOFF_MAX_S. Pure. */
unsigned backoff_delay_s(unsigned n);

/* One more failed start in state_dir (NULL: not counted); the count now. */
unsigned backoff_failed(const char *state_dir);

/* The hall started: the count goes back to none. Accepts NULL. */
void backoff_clear(const char *state_dir);

#endif
