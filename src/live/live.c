#include "live/live.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock_ms.h"
#include "base/i18n.h"
#include "base/log.h"
#include "live/reload.h"
#include "live/snapshot.h"
#include "live/store.h"
#include "live/watch.h"
#include "text/rulebook.h"

struct live {
	struct live_config cfg;
	char dir[4096], state[4096], snapshot[4096];
	bool have_state;
	struct store *store; /* NULL: no state directory; files read where they are */
	struct content *content;
	struct diag *diag;
	/* The loader's (the main thread's until the loader starts): the last
	 * content shown or to be shown, which loads keep cities from, and
	 * whether the snapshot holds it (then the store may be swept). */
	struct content *good;
	bool snapshot_ok;
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

static void on_changed(void *ctx)
{
	struct live *l = ctx;
	reload_request(l->reload);
}

/* c will be shown: later loads keep cities from it, and it is the
 * snapshot. */
static void remember(struct live *l, struct content *c)
{
	content_free(l->good);
	l->good = content_hold(c);
	l->snapshot_ok = l->store && snapshot_save(c, l->dir, l->state) == 0;
}

/* The folder loaded through the store, its broken cities from good (NULL:
 * none); the index of what the store learnt written after. */
static struct content *load_folder(struct live *l, const struct content *good, struct diag *d)
{
	struct content *c = rulebook_load_kept(l->dir, store_hook(l->store), good, d);
	if (l->store)
		store_commit(l->store);
	return c;
}

/* The loader thread's load (reload_set_loader). */
static struct content *load(void *ctx, struct diag *d)
{
	struct live *l = ctx;
	if (l->snapshot_ok)
		store_sweep(l->store); /* what the content shown does not use */
	struct content *c = load_folder(l, l->good, d);
	if (c)
		remember(l, c);
	return c;
}

/* What is shown of c: the folder as it is, or with cities as they were. */
static void set_shown(struct live *l, const struct content *c)
{
	size_t kept = 0, trimmed = 0;
	for (size_t i = 0; i < c->hall.n_cities; i++) {
		kept += c->hall.cities[i].origin == CITY_KEPT;
		trimmed += c->hall.cities[i].origin == CITY_TRIMMED;
	}
	l->status.kept = kept;
	l->status.left_out = c->cities_listed - c->hall.n_cities;
	l->status.shown =
	    kept || trimmed || l->status.left_out ? LIVE_SHOWN_PART : LIVE_SHOWN_CURRENT;
	l->status.shown_dir = l->dir;
	l->status.loaded = time(NULL);
}

/* Logs the errors of a load unless they are the ones logged last. */
static void log_errors(struct live *l, struct diag *d)
{
	uint64_t fp = diag_fingerprint(d);
	size_t n = diag_count(d, DIAG_ERROR);
	if (fp == l->logged || !n)
		return;
	l->logged = fp;
	diag_log(d, stderr, l->dir);
	if (l->status.shown == LIVE_SHOWN_NONE)
		log_error(ngettext("%s has %zu error; the hall shows a notice until it is fixed "
		                   "(check with twinhall --check %s)",
		                   "%s has %zu errors; the hall shows a notice until it is fixed "
		                   "(check with twinhall --check %s)",
		                   n),
		          l->dir, n, l->dir);
	else if (l->status.shown == LIVE_SHOWN_PART)
		log_error(
		    ngettext("%s has %zu error; the hall shows the rest: a city with errors "
		             "stays as it last was good, or is shown without what has errors, "
		             "or left out (check with twinhall --check %s)",
		             "%s has %zu errors; the hall shows the rest: a city with errors "
		             "stays as it last was good, or is shown without what has errors, "
		             "or left out (check with twinhall --check %s)",
		             n),
		    l->dir, n, l->dir);
	else
		log_error(
		    ngettext("%s has %zu error; the hall keeps showing the last good content "
		             "(check with twinhall --check %s)",
		             "%s has %zu errors; the hall keeps showing the last good content "
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

/* The last good copy, when it is of this folder; NULL when none. */
static struct content *load_snapshot(struct live *l)
{
	char from[4096], want[4096];
	if (!l->store || !snapshot_info(l->state, from, sizeof from, &l->status.snapshot_saved))
		return NULL;
	snapshot_from(l->dir, want, sizeof want);
	if (strcmp(from, want) != 0) {
		log_warning("the last good copy in %s is of another folder, %s: not used",
		            l->snapshot, from);
		return NULL;
	}
	struct diag *d = diag_new();
	struct content *c =
	    d ? rulebook_load_kept(l->snapshot, store_hook(l->store), NULL, d) : NULL;
	diag_free(d);
	if (!c)
		log_warning("the last good copy in %s does not load either", l->snapshot);
	return c;
}

/* The first load, on the caller's thread: the folder, its broken cities
 * from the last good copy; the copy alone when the folder cannot be shown.
 * The copy is read only when the folder has errors: a whole folder
 * needs none of it, and a start waits for this load. */
static void first_load(struct live *l)
{
	struct content *snap = NULL;
	l->diag = diag_new();
	struct content *c = l->diag ? load_folder(l, NULL, l->diag) : NULL;
	if (l->diag && (!c || diag_count(l->diag, DIAG_ERROR))) {
		snap = load_snapshot(l);
		if (snap) { /* again, with the copy's cities for the broken ones */
			content_free(c);
			diag_free(l->diag);
			l->diag = diag_new();
			c = l->diag ? load_folder(l, snap, l->diag) : NULL;
		}
	}
	if (c) {
		l->content = c;
		set_shown(l, c);
		remember(l, c);
	} else if (snap) {
		char when[64];
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&l->status.snapshot_saved));
		log_warning("showing the last good content, saved %s, from %s", when, l->snapshot);
		l->content = content_hold(snap);
		l->good = content_hold(snap);
		l->snapshot_ok = true;
		l->status.shown = LIVE_SHOWN_SNAPSHOT;
		l->status.shown_dir = l->snapshot;
		l->status.loaded = time(NULL);
	}
	content_free(snap);
	if (l->diag && diag_count(l->diag, DIAG_ERROR)) {
		l->status.last_rejected = c == NULL;
		log_errors(l, l->diag);
	} else if (l->diag) {
		log_warnings(l, l->diag);
	}
}

struct live *live_start(const struct live_config *cfg, void (*wake)(void *ctx), void *ctx)
{
	struct live *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->cfg = *cfg;
	l->t0 = clock_ms();
	snprintf(l->dir, sizeof l->dir, "%s", cfg->dir);
	l->have_state = snapshot_state_dir(cfg->state_dir, l->state, sizeof l->state) == 0;
	snapshot_path(l->state, l->snapshot, sizeof l->snapshot);
	l->store = l->have_state ? store_open(l->state) : NULL;
	l->wake = wake;
	l->ctx = ctx;
	l->status.dir = l->dir;
	l->status.shown_dir = l->dir;
	first_load(l);
	l->reload = reload_new(l->dir, on_loaded, NULL, l);
	if (l->reload)
		reload_set_loader(l->reload, load, l);
	struct watch_config wc = {.quiet_ms = cfg->quiet_ms, .poll_s = cfg->poll_s};
	l->watch = l->reload ? watch_start(l->dir, &wc, on_changed, l) : NULL;
	if (!l->watch) {
		live_stop(l);
		return NULL;
	}
	return l;
}

void live_stop(struct live *l)
{
	if (!l)
		return;
	watch_stop(l->watch);
	reload_free(l->reload);
	content_free(l->content);
	content_free(l->good);
	diag_free(l->diag);
	store_free(l->store);
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

const struct live_status *live_status(struct live *l)
{
	l->status.watch = l->watch ? watch_state(l->watch) : WATCH_STOPPED;
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
		size_t errors = diag_count(res->diag, DIAG_ERROR);
		/* "partial": cities with errors kept as they were, or left out */
		fprintf(l->cfg.trace,
		        "{\"reload\":\"%s\",\"t\":%llu,\"took_ms\":%llu,\"cities\":%zu,"
		        "\"photos\":%zu,\"history\":%zu,\"gifts\":%zu,\"errors\":%zu}\n",
		        errors ? "partial" : "ok", (unsigned long long)(clock_ms() - l->t0),
		        (unsigned long long)res->took_ms, cities, photos, history, gifts, errors);
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
		if (l->status.shown != LIVE_SHOWN_NONE && l->status.shown != LIVE_SHOWN_SNAPSHOT)
			l->status.shown = LIVE_SHOWN_KEPT;
		log_errors(l, l->diag);
		reload_result_free(res);
		return LIVE_REJECTED;
	}
	bool was_bad = l->logged || l->status.shown != LIVE_SHOWN_CURRENT;
	unsigned long long took = (unsigned long long)res->took_ms;
	*old = l->content;
	l->content = res->content;
	res->content = NULL;
	reload_result_free(res);
	set_shown(l, l->content);
	size_t cities, photos, history, gifts, errors = diag_count(l->diag, DIAG_ERROR);
	content_counts(l->content, &cities, &photos, &history, &gifts);
	if (!errors && was_bad)
		log_notice("%s is valid again", l->dir);
	log_info("reloaded %s in %llu ms: %zu cities, %zu photos, %zu history "
	         "entries, %zu gifts",
	         l->dir, took, cities, photos, history, gifts);
	if (errors) {
		log_errors(l, l->diag);
	} else {
		l->logged = 0;
		log_warnings(l, l->diag);
	}
	return LIVE_NEW;
}
