/* reload: reads the content directory again on a thread of its own, so the
 * screen never waits on YAML or the disk. Ask as often as you like: asks
 * that come while a load runs make one more load after it, and only the
 * newest finished load is handed over (the last content wins). */
#ifndef TWINHALL_RELOAD_H
#define TWINHALL_RELOAD_H

#include <stdint.h>

#include "content/content.h"
#include "content/diag.h"

struct reload;

/* One finished load of the directory. */
struct reload_result {
	struct content *content; /* NULL when it cannot be shown */
	struct diag *diag;       /* its errors and warnings */
	uint64_t took_ms;        /* how long the load took */
	unsigned long number;    /* 1, 2, ...: which load this was */
};

/* A loader of dir (copied). done(ctx) is called on the loader's thread
 * when a result waits for reload_take; after_good(ctx), when not NULL, is
 * called there next after a good load unless another load was asked for
 * meanwhile (the place to save a snapshot, off the screen's thread). NULL
 * on failure. */
struct reload *reload_new(const char *dir, void (*done)(void *ctx), void (*after_good)(void *ctx),
                          void *ctx);

/* Makes each load call load(ctx, d), which returns the content to show or
 * NULL, its problems in d, instead of content_load(dir, d). Call before
 * the first ask. */
void reload_set_loader(struct reload *r, struct content *(*load)(void *ctx, struct diag *d),
                       void *ctx);

/* Asks for a load; from any thread (not from a signal handler). */
void reload_request(struct reload *r);

/* Makes after_good wait ms (0 at first) after a good load, and not run when
 * a load is asked for meanwhile (the next good one runs it). */
void reload_set_quiet(struct reload *r, uint64_t ms);

/* Runs after_good on the loader's thread without a load (the content was
 * loaded good before the loader started). */
void reload_after_good(struct reload *r);

/* The newest finished load, for the caller to free with
 * reload_result_free; NULL when none finished since the last take. */
struct reload_result *reload_take(struct reload *r);

/* Frees a result, its content and diag. Accepts NULL. */
void reload_result_free(struct reload_result *res);

/* Waits for a load under way, stops the thread, frees what is left.
 * Accepts NULL. */
void reload_free(struct reload *r);

#endif
