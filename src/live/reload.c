#include "live/reload.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "base/clock_ms.h"
#include "base/thread_background.h"
#include "text/rulebook.h"

struct reload {
	char *dir;
	void (*done)(void *ctx);
	void (*after_good)(void *ctx);
	void *ctx;
	struct content *(*load)(void *ctx, struct diag *d); /* NULL: content_load */
	void *load_ctx;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool asked, stopping;        /* under lock */
	bool good_asked;             /* under lock: run after_good without a load */
	uint64_t good_quiet_ms;      /* under lock: after_good waits this long */
	struct reload_result *ready; /* under lock: the newest finished load */
	unsigned long loads;         /* the loader thread's own count */
};

void reload_result_free(struct reload_result *res)
{
	if (!res)
		return;
	content_free(res->content);
	diag_free(res->diag);
	free(res);
}

static struct reload_result *load_once(struct reload *r)
{
	struct reload_result *res = calloc(1, sizeof *res);
	if (!res)
		return NULL;
	uint64_t t0 = clock_ms();
	res->diag = diag_new();
	if (res->diag)
		res->content =
		    r->load ? r->load(r->load_ctx, res->diag) : rulebook_load(r->dir, res->diag);
	res->took_ms = clock_ms() - t0;
	res->number = ++r->loads;
	if (!res->diag) {
		free(res);
		return NULL;
	}
	return res;
}

/* Waits (under the lock) for the quiet time after a good load, cut short by
 * an ask or a stop: the snapshot's copying then runs while the screen is
 * still, not in the frames that show the new content. */
static void quiet(struct reload *r)
{
	uint64_t until = clock_ms() + r->good_quiet_ms;
	while (!r->asked && !r->stopping && clock_ms() < until) {
		uint64_t ns = (until - clock_ms()) * 1000000u;
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ns += (uint64_t)ts.tv_nsec;
		ts.tv_sec += (time_t)(ns / 1000000000u);
		ts.tv_nsec = (long)(ns % 1000000000u);
		pthread_cond_timedwait(&r->wake, &r->lock, &ts);
	}
}

static void *run(void *arg)
{
	struct reload *r = arg;
	thread_background();
	pthread_mutex_lock(&r->lock);
	for (;;) {
		while (!r->asked && !r->good_asked && !r->stopping)
			pthread_cond_wait(&r->wake, &r->lock);
		if (r->stopping)
			break;
		if (!r->asked) { /* the content given at start was good */
			r->good_asked = false;
			pthread_mutex_unlock(&r->lock);
			r->after_good(r->ctx);
			pthread_mutex_lock(&r->lock);
			continue;
		}
		r->asked = false;
		r->good_asked = false;
		pthread_mutex_unlock(&r->lock);

		struct reload_result *res = load_once(r);
		if (!res)
			log_error("out of memory reloading %s", r->dir);

		pthread_mutex_lock(&r->lock);
		if (res) {
			reload_result_free(r->ready); /* a newer load replaces it */
			r->ready = res;
		}
		bool good = res && res->content;
		pthread_mutex_unlock(&r->lock);
		if (res)
			r->done(r->ctx); /* res may be taken and freed from here on */

		pthread_mutex_lock(&r->lock);
		if (good && r->after_good)
			quiet(r);
		if (good && r->after_good && !r->asked && !r->stopping) {
			pthread_mutex_unlock(&r->lock);
			r->after_good(r->ctx);
			pthread_mutex_lock(&r->lock);
		}
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

struct reload *reload_new(const char *dir, void (*done)(void *ctx), void (*after_good)(void *ctx),
                          void *ctx)
{
	struct reload *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->dir = strdup(dir);
	r->done = done;
	r->after_good = after_good;
	r->ctx = ctx;
	pthread_mutex_init(&r->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&r->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (!r->dir || pthread_create(&r->thread, NULL, run, r) != 0) {
		log_error("cannot start the content loader thread");
		pthread_mutex_destroy(&r->lock);
		pthread_cond_destroy(&r->wake);
		free(r->dir);
		free(r);
		return NULL;
	}
	return r;
}

void reload_set_loader(struct reload *r, struct content *(*load)(void *ctx, struct diag *d),
                       void *ctx)
{
	pthread_mutex_lock(&r->lock);
	r->load = load;
	r->load_ctx = ctx;
	pthread_mutex_unlock(&r->lock);
}

void reload_request(struct reload *r)
{
	pthread_mutex_lock(&r->lock);
	r->asked = true;
	pthread_cond_signal(&r->wake);
	pthread_mutex_unlock(&r->lock);
}

void reload_set_quiet(struct reload *r, uint64_t ms)
{
	pthread_mutex_lock(&r->lock);
	r->good_quiet_ms = ms;
	pthread_mutex_unlock(&r->lock);
}

void reload_after_good(struct reload *r)
{
	if (!r->after_good)
		return;
	pthread_mutex_lock(&r->lock);
	r->good_asked = true;
	pthread_cond_signal(&r->wake);
	pthread_mutex_unlock(&r->lock);
}

struct reload_result *reload_take(struct reload *r)
{
	pthread_mutex_lock(&r->lock);
	struct reload_result *res = r->ready;
	r->ready = NULL;
	pthread_mutex_unlock(&r->lock);
	return res;
}

void reload_free(struct reload *r)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->lock);
	r->stopping = true;
	pthread_cond_signal(&r->wake);
	pthread_mutex_unlock(&r->lock);
	pthread_join(r->thread, NULL);
	reload_result_free(r->ready);
	pthread_mutex_destroy(&r->lock);
	pthread_cond_destroy(&r->wake);
	free(r->dir);
	free(r);
}
