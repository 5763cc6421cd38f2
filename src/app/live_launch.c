#include "app/live_launch.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct live_launch {
	pthread_mutex_t lock;
	pthread_cond_t finished_cond;
	struct live_config cfg;
	char *dir, *state_dir; /* cfg's strings, owned */
	void (*wake)(void *ctx);
	void *wake_ctx;
	void (*done)(void *ctx);
	void *done_ctx;
	struct live *live; /* under lock from here on */
	bool finished, taken;
	int owners; /* the caller and the thread: the last one out frees it */
};

static void release(struct live_launch *l)
{
	pthread_mutex_lock(&l->lock);
	bool last = --l->owners == 0;
	pthread_mutex_unlock(&l->lock);
	if (!last)
		return;
	if (!l->taken)
		live_stop(l->live); /* nobody wants it any more */
	pthread_cond_destroy(&l->finished_cond);
	pthread_mutex_destroy(&l->lock);
	free(l->dir);
	free(l->state_dir);
	free(l);
}

static void *run(void *arg)
{
	struct live_launch *l = arg;
	struct live *live = live_start(&l->cfg, l->wake, l->wake_ctx);
	pthread_mutex_lock(&l->lock);
	l->live = live;
	l->finished = true;
	pthread_cond_broadcast(&l->finished_cond);
	if (l->done) /* still wanted: the caller has not let go */
		l->done(l->done_ctx);
	pthread_mutex_unlock(&l->lock);
	release(l);
	return NULL;
}

struct live_launch *live_launch_start(const struct live_config *cfg, void (*wake)(void *ctx),
                                      void *wake_ctx, void (*done)(void *ctx), void *done_ctx)
{
	struct live_launch *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->cfg = *cfg;
	l->dir = strdup(cfg->dir);
	l->state_dir = cfg->state_dir ? strdup(cfg->state_dir) : NULL;
	if (!l->dir || (cfg->state_dir && !l->state_dir) ||
	    pthread_mutex_init(&l->lock, NULL) != 0) {
		free(l->dir);
		free(l->state_dir);
		free(l);
		return NULL;
	}
	l->cfg.dir = l->dir;
	l->cfg.state_dir = l->state_dir;
	l->wake = wake;
	l->wake_ctx = wake_ctx;
	l->done = done;
	l->done_ctx = done_ctx;
	l->owners = 2;
	pthread_condattr_t attr; /* waits on the monotonic clock, not the wall's */
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&l->finished_cond, &attr);
	pthread_condattr_destroy(&attr);
	pthread_t t;
	if (pthread_create(&t, NULL, run, l) != 0) {
		l->owners = 1;
		l->taken = true; /* nothing to stop */
		release(l);
		return NULL;
	}
	pthread_detach(t); /* a read hung in the file system must not hold up the exit */
	return l;
}

bool live_launch_wait(struct live_launch *l, uint64_t ms)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += (time_t)(ms / 1000);
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&l->lock);
	int e = 0;
	while (!l->finished && e != ETIMEDOUT)
		e = pthread_cond_timedwait(&l->finished_cond, &l->lock, &until);
	bool finished = l->finished;
	pthread_mutex_unlock(&l->lock);
	return finished;
}

bool live_launch_take(struct live_launch *l, struct live **live)
{
	pthread_mutex_lock(&l->lock);
	bool ok = l->finished && !l->taken;
	if (ok) {
		*live = l->live;
		l->taken = true;
	}
	pthread_mutex_unlock(&l->lock);
	return ok;
}

void live_launch_free(struct live_launch *l)
{
	if (!l)
		return;
	pthread_mutex_lock(&l->lock);
	l->done = NULL;
	pthread_mutex_unlock(&l->lock);
	release(l);
}
