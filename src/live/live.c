#include "live/live.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/log.h"
#include "base/clock_ms.h"
#include "live/reload.h"
#include "live/snapshot.h"
#include "live/watch.h"
#include "text/rulebook.h"

/* After a good load, the snapshot is copied once the screen has shown it:
 * the copy's reading and writing would slow the frames of the crossfade. */
enum { SNAPSHOT_QUIET_MS = 2000 };

struct live {
	struct live_config cfg;
	char dir[4096], state[4096], snapshot[4096];
	bool have_state;
	struct content *content;
	struct diag *diag;
	uint64_t logged; /* the fingerprint of the errors last written to the journal */
	uint64_t warned; /* of the warnings of a good load last written there; 0: none */
	struct live_status status;
	struct reload *reload;
	struct watch *watch;
	void (*wake)(void *ctx);
	void *ctx;
	uint64_t t0; /* trace times count from here */
};

static void on_loaded(void *ctx)
{
	struct live *l = ctx;
	l->wake(l->ctx);
}

static void on_good(void *ctx)
{
	struct live *l = ctx;
	if (l->have_state)
		snapshot_save(l->dir, l->state);
}

static void on_changed(void *ctx)
{
	struct live *l = ctx;
	reload_request(l->reload);
}

/* Logs the errors of a load unless they are the ones logged last. */
static void log_errors(struct live *l, struct diag *d, bool kept_shown)
{
	uint64_t fp = diag_fingerprint(d);
	if (fp == l->logged)
		return;
	l->logged = fp;
	size_t n = diag_count(d, DIAG_ERROR);
	diag_log(d, stderr, l->dir);
	if (kept_shown)
		log_error(
		    ngettext("%s has %zu error; the hall keeps showing the last good content "
		             "(check with twinhall --check %s)",
		             "%s has %zu errors; the hall keeps showing the last good content "
		             "(check with twinhall --check %s)",
		             n),
		    l->dir, n, l->dir);
	else
		log_error(ngettext("%s has %zu error; the hall shows a notice until it is fixed "
		                   "(check with twinhall --check %s)",
		                   "%s has %zu errors; the hall shows a notice until it is fixed "
		                   "(check with twinhall --check %s)",
		                   n),
		          l->dir, n, l->dir);
}

/* Logs the warnings of a good load unless they are the ones logged last:
 * the hall shows the content, and staff hear of what --check warns about
 * (a caption cut with "…", a city folder not listed) where they look. */
static void log_warnings(struct live *l, struct diag *d)
{
	uint64_t fp = diag_size(d) ? diag_fingerprint(d) : 0;
	if (fp == l->warned)
		return;
	l->warned = fp;
	if (!fp)
		return;
	size_t n = diag_count(d, DIAG_WARNING);
	diag_log(d, stderr, l->dir);
	log_warning(ngettext("%s has %zu warning; the hall shows it as it is (check with "
	                     "twinhall --check %s)",
	                     "%s has %zu warnings; the hall shows it as it is (check with "
	                     "twinhall --check %s)",
	                     n),
	            l->dir, n, l->dir);
}

/* When the content on disk is broken at start: the last good snapshot. */
static void start_from_snapshot(struct live *l)
{
	char from[4096], real[4096];
	if (!l->have_state ||
	    !snapshot_info(l->state, from, sizeof from, &l->status.snapshot_saved))
		return;
	if (!realpath(l->dir, real) || strcmp(real, from) != 0) {
		log_warning("the last good copy in %s is of %s, not of %s", l->snapshot, from,
		            l->dir);
		return;
	}
	struct diag *d = diag_new();
	struct content *c = d ? rulebook_load(l->snapshot, d) : NULL;
	diag_free(d);
	if (!c) {
		log_warning("the last good copy in %s does not load either", l->snapshot);
		return;
	}
	char when[64];
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&l->status.snapshot_saved));
	log_warning("showing the last good content, saved %s, from %s", when, l->snapshot);
	l->content = c;
	l->status.from_snapshot = true;
	l->status.shown_dir = l->snapshot;
}

struct live *live_start(const struct live_config *cfg, struct content *c, struct diag *d,
                        void (*wake)(void *ctx), void *ctx)
{
	struct live *l = calloc(1, sizeof *l);
	if (!l) {
		content_free(c);
		diag_free(d);
		return NULL;
	}
	l->cfg = *cfg;
	l->t0 = clock_ms();
	snprintf(l->dir, sizeof l->dir, "%s", cfg->dir);
	l->have_state = snapshot_state_dir(cfg->state_dir, l->state, sizeof l->state) == 0;
	snapshot_path(l->state, l->snapshot, sizeof l->snapshot);
	l->content = c;
	l->diag = d;
	l->wake = wake;
	l->ctx = ctx;
	l->status.dir = l->dir;
	l->status.shown_dir = l->dir;
	l->status.loaded = time(NULL);
	if (c && diag_size(d))
		l->warned = diag_fingerprint(d); /* the caller printed them */
	if (!c) {
		l->logged = diag_fingerprint(d); /* the caller printed them */
		l->status.last_rejected = true;
		start_from_snapshot(l);
	}
	l->reload = reload_new(l->dir, on_loaded, on_good, l);
	if (l->reload) /* the copy waits out the crossfade to the new content */
		reload_set_quiet(l->reload, SNAPSHOT_QUIET_MS);
	struct watch_config wc = {.quiet_ms = cfg->quiet_ms, .poll_s = cfg->poll_s};
	l->watch = l->reload ? watch_start(l->dir, &wc, on_changed, l) : NULL;
	if (!l->watch) {
		live_stop(l);
		return NULL;
	}
	l->status.polling = watch_polls(l->watch);
	if (c)
		reload_after_good(l->reload); /* save the snapshot, off this thread */
	return l;
}

void live_stop(struct live *l)
{
	if (!l)
		return;
	watch_stop(l->watch);
	reload_free(l->reload);
	content_free(l->content);
	diag_free(l->diag);
	free(l);
}

const struct content *live_content(const struct live *l)
{
	return l->content;
}

struct diag *live_diag(const struct live *l)
{
	return l->diag;
}

const struct live_status *live_status(const struct live *l)
{
	return &l->status;
}

void live_request(struct live *l)
{
	reload_request(l->reload);
}

static void trace(struct live *l, const struct reload_result *res)
{
	if (!l->cfg.trace)
		return;
	size_t cities = 0, photos = 0, history = 0, gifts = 0;
	if (res->content) {
		content_counts(res->content, &cities, &photos, &history, &gifts);
		fprintf(l->cfg.trace,
		        "{\"reload\":\"ok\",\"t\":%llu,\"took_ms\":%llu,\"cities\":%zu,"
		        "\"photos\":%zu,\"history\":%zu,\"gifts\":%zu}\n",
		        (unsigned long long)(clock_ms() - l->t0), (unsigned long long)res->took_ms,
		        cities, photos, history, gifts);
	} else {
		fprintf(l->cfg.trace, "{\"reload\":\"rejected\",\"t\":%llu,\"errors\":%zu}\n",
		        (unsigned long long)(clock_ms() - l->t0),
		        diag_count(res->diag, DIAG_ERROR));
	}
	fflush(l->cfg.trace);
}

enum live_change live_take(struct live *l, struct content **old)
{
	*old = NULL;
	struct reload_result *res = reload_take(l->reload);
	if (!res)
		return LIVE_NOTHING;
	trace(l, res);
	l->status.reloads++;
	l->status.last_load = time(NULL);
	l->status.last_rejected = res->content == NULL;
	diag_free(l->diag);
	l->diag = res->diag;
	res->diag = NULL;
	if (!res->content) {
		log_errors(l, l->diag, l->content != NULL);
		reload_result_free(res);
		return LIVE_REJECTED;
	}
	size_t cities, photos, history, gifts;
	content_counts(res->content, &cities, &photos, &history, &gifts);
	if (l->logged || l->status.from_snapshot)
		log_notice("%s is valid again", l->dir);
	log_info("reloaded %s in %llu ms: %zu cities, %zu photos, %zu history "
	         "entries, %zu gifts",
	         l->dir, (unsigned long long)res->took_ms, cities, photos, history, gifts);
	l->logged = 0;
	log_warnings(l, l->diag);
	*old = l->content;
	l->content = res->content;
	res->content = NULL;
	reload_result_free(res);
	l->status.from_snapshot = false;
	l->status.shown_dir = l->dir;
	l->status.loaded = time(NULL);
	return LIVE_NEW;
}
