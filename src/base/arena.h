/* arena: one allocation region per loaded content set; freeing it frees all. */
#ifndef TWINHALL_ARENA_H
#define TWINHALL_ARENA_H

#include <stddef.h>

struct arena;

/* A new empty arena, or NULL when out of memory. */
struct arena *arena_new(void);

/* Frees the arena and every block handed out by it. Accepts NULL. */
void arena_free(struct arena *a);

/* Zeroed memory of size bytes, aligned for any type, living as long as the
 * arena. NULL when out of memory (the arena stays usable). */
void *arena_alloc(struct arena *a, size_t size);

/* A copy of the first len bytes of s plus a terminating NUL, owned by the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* A NUL-terminated copy of s owned by the arena. */
char *arena_strdup(struct arena *a, const char *s);

/* Bytes handed out so far (for the staff panel and tests). */
size_t arena_used(const struct arena *a);

#endif
