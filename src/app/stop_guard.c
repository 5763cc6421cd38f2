#include "app/stop_guard.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"

struct stop_guard {
	pthread_mutex_t lock;
	pthread_cond_t done_cond; /* on the monotonic clock */
	struct timespec until;
	int status;
	bool done; /* under lock */
	pthread_t thread;
};

static void *run(void *arg)
{
	struct stop_guard *g = arg;
	pthread_mutex_lock(&g->lock);
	int e = 0;
	while (!g->done && e != ETIMEDOUT)
		e = pthread_cond_timedwait(&g->done_cond, &g->lock, &g->until);
	bool done = g->done;
	pthread_mutex_unlock(&g->lock);
	if (done)
		return NULL;
	log_warning("the background work did not end in time; the hall stops without it");
	_exit(g->status);
}

struct stop_guard *stop_guard_arm(uint64_t ms, int status)
{
	struct stop_guard *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->status = status;
	clock_gettime(CLOCK_MONOTONIC, &g->until);
	g->until.tv_sec += (time_t)(ms / 1000);
	g->until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (g->until.tv_nsec >= 1000000000L) {
		g->until.tv_sec++;
		g->until.tv_nsec -= 1000000000L;
	}
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&g->done_cond, &attr);
	pthread_condattr_destroy(&attr);
	pthread_mutex_init(&g->lock, NULL);
	/* The calling thread's class is inherited: the main thread's, ordinary. */
	if (pthread_create(&g->thread, NULL, run, g) != 0) {
		pthread_cond_destroy(&g->done_cond);
		pthread_mutex_destroy(&g->lock);
		free(g);
		return NULL;
	}
	return g;
}

void stop_guard_done(struct stop_guard *g)
{
	if (!g)
		return;
	pthread_mutex_lock(&g->lock);
	g->done = true;
	pthread_cond_signal(&g->done_cond);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->thread, NULL);
	pthread_cond_destroy(&g->done_cond);
	pthread_mutex_destroy(&g->lock);
	free(g);
}
