/* bigalloc: memory for image-sized buffers (textures, decoded rows, file
 * contents). A block of BIGALLOC_MIN bytes or more is a mapping of its own,
 * backed by transparent huge pages where the kernel offers them, and a
 * freed one is kept for the next request of about its size, up to
 * BIGALLOC_IDLE_MAX bytes. So showing a photo costs no page faults once the
 * hall has run a minute (a screenful of fresh 4 KiB pages is about 2000
 * faults, a frame's time on a virtual machine), and what is given back returns to the system
 * at once, so memory stays flat. Smaller requests go to malloc. Every block
 * carries a small header saying which it is: memory from these functions is
 * freed with big_free and nothing else. Thread-safe. Under AddressSanitizer
 * every block is a malloc, so overruns are still caught. */
#ifndef TWINHALL_BIGALLOC_H
#define TWINHALL_BIGALLOC_H

#include <stddef.h>

enum {
	BIGALLOC_MIN = 256 << 10,
	BIGALLOC_IDLE_MAX = 8 << 20,
};

void *big_malloc(size_t n);
void *big_calloc(size_t n, size_t size);
void *big_realloc(void *p, size_t n);
void big_free(void *p);

/* Readies a block of n bytes for the next thread that is not a worker to
 * ask for about that size: a worker calls it for the texture the main
 * thread is about to make, so the page faults of new memory are taken on
 * the worker, not in a frame. Kept like a freed block, but a worker's own
 * requests (its next decode) pass it by. An idle block that fits (readied
 * already, or freed) is readied as it is: never a second one beside it. */
void big_prefault(size_t n);

/* Marks the calling thread as a worker (see big_prefault). */
void bigalloc_worker(void);

/* The process's memory policy, set first thing in main: SDL (and SDL_ttf
 * and SDL_image through it) allocate with these functions, so textures and
 * surfaces reuse freed blocks; other libraries' large mallocs (libjpeg's,
 * FreeType's) are mappings of their own too, returned when freed, so no
 * heap grows for months. Returns SDL_SetMemoryFunctions' result. */
int bigalloc_install(void);

struct bigalloc_stats {
	size_t live_bytes, live_blocks; /* big blocks in use */
	size_t idle_bytes, idle_blocks; /* freed, kept for reuse */
	size_t reused, mapped;          /* requests served each way so far */
};

void bigalloc_stats(struct bigalloc_stats *out);

#endif
