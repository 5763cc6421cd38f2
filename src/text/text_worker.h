/* text_worker: a thread that rasterises text, so the render thread finds a
 * place's captions ready instead of spending most of a frame on a
 * paragraph. The main thread asks for a text under a key,
 * goes on drawing, and picks the finished surface up later (woken by an
 * SDL event). text_cache builds on it. */
#ifndef TWINHALL_TEXT_WORKER_H
#define TWINHALL_TEXT_WORKER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

struct text_worker;

struct text_result {
	void *key; /* the request's key, key_len bytes */
	size_t key_len;
	SDL_Surface *surface; /* as text_render_paragraph makes it; NULL: nothing to draw */
};

/* Starts the thread, rasterising with the fonts of t (borrowed: it must
 * outlive the worker; the render thread may go on using it). wake_event is
 * pushed whenever a result is ready. NULL on failure (said on stderr). */
struct text_worker *text_worker_new(struct text *t, Uint32 wake_event);

/* Stops the thread (after the text in progress) and frees every request
 * and result. Accepts NULL. */
void text_worker_free(struct text_worker *w);

/* Asks for s in style st wrapped to max_w in at most max_lines lines, under
 * key (copied). An urgent request (text a frame is waiting for) goes before
 * the others. Work begins at text_worker_start. False when out of memory
 * or when too many are waiting. */
bool text_worker_request(struct text_worker *w, const void *key, size_t key_len,
                         const struct text_style *st, const char *s, int max_w, int max_lines,
                         bool urgent);

/* Sets the worker on what was asked for: called when a frame is drawn, so
 * it rasterises between frames rather than beside the drawing of one. */
void text_worker_start(struct text_worker *w);

/* Takes one finished result, or NULL when none is ready; the caller frees
 * it with text_result_free. */
struct text_result *text_worker_poll(struct text_worker *w);

/* Frees a result, its key and its surface. Accepts NULL. */
void text_result_free(struct text_result *r);

#endif
