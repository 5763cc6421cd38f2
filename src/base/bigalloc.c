#include "base/bigalloc.h"

#include <SDL.h>
#include <malloc.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/perf_switch.h"

#if defined(__SANITIZE_ADDRESS__)
#define BIGALLOC_PLAIN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BIGALLOC_PLAIN 1
#endif
#endif
#ifndef BIGALLOC_PLAIN
#define BIGALLOC_PLAIN 0
#endif

enum {
	HUGE_PAGE = 2 << 20,
	MAP_ROUND = 64 << 10,
	IDLE_SLOTS = 8,
};

/* In front of every block. map is 0 for a malloc'd one; otherwise the
 * mapping's length, the header at its start. Two words keep the block
 * 16-byte aligned, as malloc's are. */
struct header {
	size_t size; /* asked for */
	size_t map;
};

struct idle {
	void *base;
	size_t map;
	bool warm; /* pre-faulted by a worker for another thread */
};

static struct {
	pthread_mutex_t lock;
	struct idle idle[IDLE_SLOTS]; /* oldest first */
	int n_idle;
	struct bigalloc_stats st;
} pool = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Set on threads that pre-fault for others (bigalloc_worker). */
static _Thread_local bool worker_thread;

static void *payload(struct header *h)
{
	return h + 1;
}

static struct header *header_of(void *p)
{
	return (struct header *)p - 1;
}

/* The mapping length of a block of n bytes. */
static size_t map_length(size_t n)
{
	return (n + sizeof(struct header) + MAP_ROUND - 1) / MAP_ROUND * MAP_ROUND;
}

/* A fresh zeroed mapping of map bytes; large ones start on a huge page so
 * the kernel can back them with huge pages. NULL when refused. */
static void *map_new(size_t map)
{
	if (map < HUGE_PAGE) {
		void *p =
		    mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		return p == MAP_FAILED ? NULL : p;
	}
	size_t span = map + HUGE_PAGE;
	uint8_t *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	uint8_t *start = (uint8_t *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	if (start > p)
		munmap(p, (size_t)(start - p));
	size_t tail = (size_t)(p + span - (start + map));
	if (tail)
		munmap(start + map, tail);
	madvise(start, map, MADV_HUGEPAGE); /* a hint; fine when refused */
	return start;
}

/* The index of the smallest idle mapping of at least map bytes and not
 * much more, -1 when none; warm ones only when with_warm. Lock held. */
static int fitting_idle(size_t map, bool with_warm)
{
	int best = -1;
	for (int i = 0; i < pool.n_idle; i++) {
		size_t m = pool.idle[i].map;
		if (pool.idle[i].warm && !with_warm)
			continue;
		if (m >= map && m - map <= map / 4 + MAP_ROUND &&
		    (best < 0 || m < pool.idle[best].map))
			best = i;
	}
	return best;
}

/* Takes the smallest idle mapping of at least map bytes and not much more;
 * its length in *got. A worker leaves the warm ones to other threads. Lock
 * held. */
static void *take_idle(size_t map, size_t *got)
{
	int best = fitting_idle(map, !worker_thread);
	if (best < 0)
		return NULL;
	void *base = pool.idle[best].base;
	*got = pool.idle[best].map;
	pool.st.idle_bytes -= *got;
	pool.st.idle_blocks--;
	memmove(&pool.idle[best], &pool.idle[best + 1],
	        sizeof pool.idle[0] * (size_t)(pool.n_idle - best - 1));
	pool.n_idle--;
	return base;
}

/* Removes cold idle blocks, oldest first, until idle_bytes + map fits in
 * BIGALLOC_IDLE_MAX; they go into drop (room for IDLE_SLOTS), their count
 * returned. Warm ones stay: the main thread is about to take them. Lock
 * held. */
static int trim_idle(size_t map, struct idle *drop)
{
	int n = 0;
	for (int i = 0; i < pool.n_idle && pool.st.idle_bytes + map > BIGALLOC_IDLE_MAX;) {
		if (pool.idle[i].warm) {
			i++;
			continue;
		}
		drop[n++] = pool.idle[i];
		pool.st.idle_bytes -= pool.idle[i].map;
		pool.st.idle_blocks--;
		memmove(&pool.idle[i], &pool.idle[i + 1],
		        sizeof pool.idle[0] * (size_t)(pool.n_idle - i - 1));
		pool.n_idle--;
	}
	return n;
}

static void *big_block(size_t n, int zero)
{
	size_t map = map_length(n);
	size_t got = 0;
	struct idle drop[IDLE_SLOTS];
	int n_drop = 0;
	pthread_mutex_lock(&pool.lock);
	void *base = take_idle(map, &got);
	if (base)
		pool.st.reused++;
	else /* growing: the idle blocks are given back first, so peaks stay low */
		n_drop = trim_idle(map, drop);
	pthread_mutex_unlock(&pool.lock);
	for (int i = 0; i < n_drop; i++)
		munmap(drop[i].base, drop[i].map);
	if (base && zero)
		memset(base, 0, sizeof(struct header) + n);
	bool fresh = !base;
	if (fresh) {
		base = map_new(map);
		if (!base)
			return NULL;
		got = map;
	}
	struct header *h = base;
	*h = (struct header){n, got};
	pthread_mutex_lock(&pool.lock);
	pool.st.mapped += fresh;
	pool.st.live_bytes += got;
	pool.st.live_blocks++;
	pthread_mutex_unlock(&pool.lock);
	return payload(h);
}

static void *small_block(size_t n, int zero)
{
	struct header *h = zero ? calloc(1, sizeof *h + n) : malloc(sizeof *h + n);
	if (!h)
		return NULL;
	*h = (struct header){n, 0};
	return payload(h);
}

static void *block(size_t n, int zero)
{
	if (n > SIZE_MAX - HUGE_PAGE - sizeof(struct header))
		return NULL;
	if (n == 0)
		n = 1;
	bool big = n >= BIGALLOC_MIN && !BIGALLOC_PLAIN && perf_on(PERF_BIGALLOC);
	return big ? big_block(n, zero) : small_block(n, zero);
}

void *big_malloc(size_t n)
{
	return block(n, 0);
}

void *big_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return block(n * size, 1);
}

/* Gives back a block of a mapping of its own: kept idle (warm: for a thread
 * that is not a worker) or unmapped. */
static void release(struct header *h, bool warm)
{
	size_t map = h->map;
	struct idle drop[IDLE_SLOTS + 1]; /* unmapped after the lock is let go */
	int n_drop = 0;
	pthread_mutex_lock(&pool.lock);
	pool.st.live_bytes -= map;
	pool.st.live_blocks--;
	if (map > BIGALLOC_IDLE_MAX) {
		drop[n_drop++] = (struct idle){h, map, false};
	} else {
		/* Keep it; the oldest idle ones go back until it fits. */
		while (pool.n_idle == IDLE_SLOTS || pool.st.idle_bytes + map > BIGALLOC_IDLE_MAX) {
			drop[n_drop++] = pool.idle[0];
			memmove(&pool.idle[0], &pool.idle[1],
			        sizeof pool.idle[0] * (IDLE_SLOTS - 1));
			pool.n_idle--;
			pool.st.idle_bytes -= drop[n_drop - 1].map;
			pool.st.idle_blocks--;
		}
		pool.idle[pool.n_idle++] = (struct idle){h, map, warm};
		pool.st.idle_bytes += map;
		pool.st.idle_blocks++;
	}
	pthread_mutex_unlock(&pool.lock);
	for (int i = 0; i < n_drop; i++)
		munmap(drop[i].base, drop[i].map);
}

void big_free(void *p)
{
	if (!p)
		return;
	struct header *h = header_of(p);
	if (h->map)
		release(h, false);
	else
		free(h);
}

void big_prefault(size_t n)
{
	if (n < BIGALLOC_MIN || n > SIZE_MAX - HUGE_PAGE - sizeof(struct header) ||
	    BIGALLOC_PLAIN || !perf_on(PERF_BIGALLOC))
		return;
	/* An idle block that fits is readied as it is: its pages were touched
	 * when it was last used, and a second block beside it would be one
	 * photo's worth more at the peak. */
	pthread_mutex_lock(&pool.lock);
	int i = fitting_idle(map_length(n), true);
	if (i >= 0)
		pool.idle[i].warm = true;
	pthread_mutex_unlock(&pool.lock);
	if (i >= 0)
		return;
	void *p = big_malloc(n);
	if (!p)
		return;
	struct header *h = header_of(p);
	for (size_t off = 0; off < h->map; off += 4096) /* the faults, taken here */
		((volatile uint8_t *)h)[off] = 0;
	release(h, true);
}

void bigalloc_worker(void)
{
	worker_thread = true;
}

void *big_realloc(void *p, size_t n)
{
	if (!p)
		return big_malloc(n);
	struct header *h = header_of(p);
	if (!h->map && (n < BIGALLOC_MIN || BIGALLOC_PLAIN || !perf_on(PERF_BIGALLOC))) {
		if (n > SIZE_MAX - sizeof *h)
			return NULL;
		struct header *g = realloc(h, sizeof *g + (n ? n : 1));
		if (!g)
			return NULL;
		g->size = n;
		return payload(g);
	}
	if (h->map && sizeof *h + n <= h->map) { /* still fits its mapping */
		h->size = n;
		return p;
	}
	void *q = big_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, h->size < n ? h->size : n);
	big_free(p);
	return q;
}

int bigalloc_install(void)
{
	if (!perf_on(PERF_BIGALLOC))
		return 0; /* the audit's baseline: SDL's and libc's own */
	mallopt(M_MMAP_THRESHOLD, BIGALLOC_MIN);
	return SDL_SetMemoryFunctions(big_malloc, big_calloc, big_realloc, big_free);
}

void bigalloc_stats(struct bigalloc_stats *out)
{
	pthread_mutex_lock(&pool.lock);
	*out = pool.st;
	pthread_mutex_unlock(&pool.lock);
}
