/* derivs: the hall's cache of pictures at the screen's size
 * (image/deriv_cache.h) opened where this PC keeps caches, and what it
 * did said in the journal when the hall stops. */
#ifndef TWINHALL_DERIVS_H
#define TWINHALL_DERIVS_H

struct deriv_cache;

/* The cache in $CACHE_DIRECTORY (systemd) or under $HOME, or NULL (said
 * in the journal): photos are then decoded from their originals. */
struct deriv_cache *derivs_open(void);

/* Says what the cache did in this run, then closes it. Accepts NULL. */
void derivs_close(struct deriv_cache *d);

#endif
