/* The allocator for image-sized buffers: a freed block serves the next
 * request of about its size; the idle blocks stay under their cap and are
 * given back before the process grows; a block a worker readied for the
 * main thread is left to it, and readying beside an idle block that fits
 * readies that one; contents survive realloc and calloc zeroes. */
#include <SDL.h>
#include <stdint.h>
#include <string.h>

#include "base/bigalloc.h"
#include "test.h"

static int failures_;

enum { MB = 1 << 20 };

static struct bigalloc_stats stats(void)
{
	struct bigalloc_stats s;
	bigalloc_stats(&s);
	return s;
}

/* Frees every idle block: a fresh map bigger than the cap gives them all
 * back before it is made. */
static void empty_idle(void)
{
	big_free(big_malloc(BIGALLOC_IDLE_MAX + MB));
}

static void test_freed_block_is_reused(void)
{
	empty_idle();
	struct bigalloc_stats s0 = stats();
	char *a = big_malloc(3 * MB);
	CHECK(a != NULL);
	memset(a, 7, 3 * MB);
	big_free(a);
	CHECK_INT(stats().idle_blocks, s0.idle_blocks + 1);
	char *b = big_malloc(3 * MB - 1000); /* about the same size */
	CHECK(b == a);
	CHECK_INT(stats().reused, s0.reused + 1);
	CHECK_INT(stats().mapped, s0.mapped + 1);
	char *c = big_calloc(1, 3 * MB - 2000); /* reused, yet zeroed */
	CHECK(c != NULL);
	size_t nonzero = 0;
	for (size_t i = 0; c && i < 3 * MB - 2000; i++)
		nonzero += c[i] != 0;
	CHECK_INT(nonzero, 0);
	big_free(b);
	big_free(c);
	/* Much smaller requests do not take a big idle block. */
	char *d = big_malloc(1 * MB);
	CHECK(d != a);
	big_free(d);
}

static void test_idle_stays_under_cap(void)
{
	void *p[6];
	for (int i = 0; i < 6; i++)
		p[i] = big_malloc(3 * MB);
	for (int i = 0; i < 6; i++)
		big_free(p[i]);
	struct bigalloc_stats s = stats();
	CHECK(s.idle_bytes <= BIGALLOC_IDLE_MAX);
	CHECK(s.idle_blocks >= 1);
	/* Growing gives idle blocks back first. */
	void *big = big_malloc(BIGALLOC_IDLE_MAX); /* no idle block is that large */
	CHECK(big != NULL);
	CHECK_INT(stats().idle_blocks, 0);
	big_free(big);
}

static void *warm_block;

/* A worker readies a block, then asks for one of the same size itself. */
static int worker(void *arg)
{
	(void)arg;
	bigalloc_worker();
	big_prefault(2 * MB);
	struct bigalloc_stats s = stats();
	warm_block = big_malloc(2 * MB); /* its own next decode: not the warm one */
	CHECK_INT(stats().reused, s.reused);
	return 0;
}

static void test_warm_block_is_left_for_main(void)
{
	empty_idle();
	SDL_Thread *t = SDL_CreateThread(worker, "worker", NULL);
	CHECK(t != NULL);
	SDL_WaitThread(t, NULL);
	struct bigalloc_stats s = stats();
	CHECK_INT(s.idle_blocks, 1); /* the warm block, kept */
	void *mine = big_malloc(2 * MB);
	CHECK_INT(stats().reused, s.reused + 1); /* the main thread gets it */
	CHECK(mine != warm_block);
	big_free(mine);
	big_free(warm_block);
}

/* A worker readies a block twice (two photos decoded, the first one's
 * texture written over an old one, so its block was never taken). */
static int worker_twice(void *arg)
{
	(void)arg;
	bigalloc_worker();
	big_prefault(2 * MB);
	struct bigalloc_stats s = stats();
	big_prefault(2 * MB - 1000);
	CHECK_INT(stats().mapped, s.mapped); /* the first is readied again, not a second */
	return 0;
}

static void test_one_readied_block_at_a_time(void)
{
	empty_idle();
	struct bigalloc_stats s0 = stats();
	SDL_Thread *t = SDL_CreateThread(worker_twice, "worker", NULL);
	CHECK(t != NULL);
	SDL_WaitThread(t, NULL);
	struct bigalloc_stats s = stats();
	CHECK_INT(s.mapped, s0.mapped + 1);
	CHECK_INT(s.idle_blocks, 1);
	void *mine = big_malloc(2 * MB); /* the main thread still gets it */
	CHECK_INT(stats().reused, s.reused + 1);
	big_free(mine);
	/* A freed block that fits is readied as it is, too. */
	t = SDL_CreateThread(worker_twice, "worker", NULL);
	SDL_WaitThread(t, NULL);
	CHECK_INT(stats().mapped, s.mapped);
	CHECK_INT(stats().idle_blocks, 1);
}

static void test_realloc_keeps_contents(void)
{
	unsigned char *p = big_malloc(1000);
	for (int i = 0; i < 1000; i++)
		p[i] = (unsigned char)i;
	p = big_realloc(p, 2 * MB); /* from malloc to a mapping */
	CHECK(p != NULL);
	int bad = 0;
	for (int i = 0; p && i < 1000; i++)
		bad += p[i] != (unsigned char)i;
	p[2 * MB - 1] = 1;
	p = big_realloc(p, 5 * MB); /* to a larger mapping */
	for (int i = 0; p && i < 1000; i++)
		bad += p[i] != (unsigned char)i;
	CHECK(p && p[2 * MB - 1] == 1);
	CHECK_INT(bad, 0);
	big_free(p);
	struct bigalloc_stats s = stats();
	CHECK_INT(s.live_blocks, 0);
	CHECK_INT(s.live_bytes, 0);
}

int main(void)
{
	RUN(test_freed_block_is_reused);
	RUN(test_idle_stays_under_cap);
	RUN(test_warm_block_is_left_for_main);
	RUN(test_one_readied_block_at_a_time);
	RUN(test_realloc_keeps_contents);
	return failures_ != 0;
}
