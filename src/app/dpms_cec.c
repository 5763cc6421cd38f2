#include "base/i18n.h"
#include "app/dpms.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/cec_link.h"
#include "base/log.h"

/* How long closing at exit waits for the thread (the TV switched back on
 * takes a second or two); past it the thread is left to end with the
 * program, which never hangs on a TV that does not answer. */
#define CEC_STOP_WAIT_S 5

enum cec_phase {
	CEC_LOOKING, /* loading libcec and opening the adapter */
	CEC_READY,   /* the adapter is open: set is obeyed */
	CEC_MISSING, /* no library or no adapter: the screen is only drawn black */
	CEC_FAILED,  /* a command failed: the screen is only drawn black from now on */
};

/* Who frees the context: whoever closes it, or the thread itself when
 * closing stopped waiting for it. */
enum cec_life {
	CEC_RUNNING,  /* the thread runs; closing will free c */
	CEC_ENDED,    /* the thread has ended; closing frees c */
	CEC_ORPHANED, /* closing left without waiting: the thread frees c */
};

struct cec_ctx {
	pthread_t thread;
	enum cec_life life;
	pthread_mutex_t lock; /* guards everything below */
	pthread_cond_t wake;  /* want_on or quit changed */
	enum cec_phase phase;
	bool want_on; /* what the hall wants */
	bool tv_on;   /* what the TV was last told (on when the hall starts) */
	bool quit;
	char library[1024]; /* "": libcec.so.6 */
	char said[320];     /* READY: the adapter; MISSING, FAILED: why */
};

static void set_phase(struct cec_ctx *c, enum cec_phase phase, const char *said)
{
	pthread_mutex_lock(&c->lock);
	c->phase = phase;
	snprintf(c->said, sizeof c->said, "%s", said);
	pthread_mutex_unlock(&c->lock);
}

/* Waits until the TV must change; its new state in *on, or false to end. */
static bool next_command(struct cec_ctx *c, bool *on)
{
	pthread_mutex_lock(&c->lock);
	while (!c->quit && c->want_on == c->tv_on)
		pthread_cond_wait(&c->wake, &c->lock);
	*on = c->want_on;
	bool go = c->want_on != c->tv_on; /* at quit, the last wish first */
	pthread_mutex_unlock(&c->lock);
	return go;
}

static void ctx_free(struct cec_ctx *c)
{
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

/* The thread's last act: it frees c itself when nobody waits for it. */
static void *finish(struct cec_ctx *c)
{
	pthread_mutex_lock(&c->lock);
	bool orphan = c->life == CEC_ORPHANED;
	c->life = CEC_ENDED;
	pthread_mutex_unlock(&c->lock);
	if (orphan)
		ctx_free(c);
	return NULL;
}

static void *run(void *arg)
{
	struct cec_ctx *c = arg;
	char what[256] = "", why[256] = "";
	struct cec_link *l = cec_link_open(c->library[0] ? c->library : NULL, true, what,
	                                   sizeof what, why, sizeof why);
	if (!l) {
		set_phase(c, CEC_MISSING, why);
		log_warning("screen power: HDMI-CEC is not available (%s): when the hall is "
		            "closed the screen is only drawn black",
		            why);
		return finish(c);
	}
	set_phase(c, CEC_READY, what);
	log_info("screen power: HDMI-CEC through the adapter %s", what);
	bool on;
	while (next_command(c, &on)) {
		if (cec_link_set(l, on, why, sizeof why) != 0) {
			set_phase(c, CEC_FAILED, why);
			log_warning("screen power: HDMI-CEC failed (%s): the screen is only drawn "
			            "black from now on",
			            why);
			break;
		}
		pthread_mutex_lock(&c->lock);
		c->tv_on = on;
		pthread_mutex_unlock(&c->lock);
	}
	cec_link_close(l);
	return finish(c);
}

void *dpms_cec_start(const char *library)
{
	struct cec_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->want_on = c->tv_on = true;
	snprintf(c->library, sizeof c->library, "%s", library ? library : "");
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	if (pthread_create(&c->thread, NULL, run, c) != 0) {
		ctx_free(c);
		return NULL;
	}
	return c;
}

static int cec_set(void *ctx, bool on, char *why, size_t why_size)
{
	struct cec_ctx *c = ctx;
	(void)why;
	(void)why_size;
	pthread_mutex_lock(&c->lock);
	bool gone = c->phase == CEC_MISSING || c->phase == CEC_FAILED;
	if (!gone) {
		c->want_on = on;
		pthread_cond_signal(&c->wake);
	}
	pthread_mutex_unlock(&c->lock);
	return gone ? 1 : 0;
}

/* Tells the thread to end, after the last state asked for, and waits for
 * it at most wait_s seconds; past that (or with 0) the thread is left to
 * end and free c by itself. */
static void stop(struct cec_ctx *c, int wait_s)
{
	pthread_mutex_lock(&c->lock);
	c->quit = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	if (wait_s > 0) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += wait_s;
		if (pthread_timedjoin_np(c->thread, NULL, &until) == 0) {
			ctx_free(c);
			return;
		}
	}
	pthread_mutex_lock(&c->lock);
	bool ended = c->life == CEC_ENDED;
	if (!ended) {
		pthread_detach(c->thread); /* under the lock: finish has not run yet */
		c->life = CEC_ORPHANED;
	}
	pthread_mutex_unlock(&c->lock);
	if (ended) {
		pthread_join(c->thread, NULL);
		ctx_free(c);
	} else if (wait_s > 0) {
		log_warning("screen power: HDMI-CEC did not finish within %d s: the program "
		            "ends without waiting for it",
		            wait_s);
	}
}

static void cec_close(void *ctx)
{
	if (ctx)
		stop(ctx, CEC_STOP_WAIT_S);
}

static void cec_drop(void *ctx)
{
	if (ctx)
		stop(ctx, 0);
}

static void cec_describe(void *ctx, char *buf, size_t size)
{
	struct cec_ctx *c = ctx;
	pthread_mutex_lock(&c->lock);
	switch (c->phase) {
	case CEC_LOOKING:
		snprintf(buf, size, _("HDMI-CEC (looking for the adapter)"));
		break;
	case CEC_READY:
		snprintf(buf, size, _("HDMI-CEC through the adapter %s"), c->said);
		break;
	case CEC_MISSING:
	case CEC_FAILED:
		snprintf(buf, size, _("none (HDMI-CEC: %s): the screen is only drawn black"),
		         c->said);
		break;
	}
	pthread_mutex_unlock(&c->lock);
}

const struct dpms_impl dpms_cec = {
    .name = N_("HDMI-CEC"),
    .open = NULL,
    .set = cec_set,
    .close = cec_close,
    .drop = cec_drop,
    .describe = cec_describe,
};
