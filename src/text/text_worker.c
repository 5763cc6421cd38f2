#include "text/text_worker.h"

#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/bigalloc.h"
#include "base/work_queue.h"

/* Requests waiting at most; a screen asks for a few dozen texts. */
enum {
	TEXT_WORKER_MAX_WAITING = 256,
	TEXTURE_SLACK = 256, /* SDL's alignment padding on top of a texture's pixels */
};

struct job {
	struct text_result r;
	struct text_style st;
	char *s;
	int max_w, max_lines;
};

struct text_worker {
	struct text *text; /* borrowed, shared with the render thread */
	Uint32 wake_event;
	struct work_queue *queue;
};

static void job_free(struct job *j)
{
	free(j->s);
	free(j->r.key);
	SDL_FreeSurface(j->r.surface);
	free(j);
}

static void run(void *ctx, void *job, bool urgent)
{
	struct text_worker *w = ctx;
	struct job *j = job;
	(void)urgent;
	j->r.surface = text_render_paragraph(w->text, &j->st, j->s, j->max_w, j->max_lines);
	if (j->r.surface) /* the texture's memory, as SDL will ask for it */
		big_prefault((size_t)j->r.surface->pitch * (size_t)j->r.surface->h + TEXTURE_SLACK);
}

static void drop(void *ctx, void *job)
{
	(void)ctx;
	job_free(job);
}

static void wake(void *ctx)
{
	struct text_worker *w = ctx;
	SDL_Event ev = {.type = w->wake_event};
	SDL_PushEvent(&ev);
}

static const struct work_queue_ops text_ops = {.run = run, .drop = drop, .wake = wake};

struct text_worker *text_worker_new(struct text *t, Uint32 wake_event)
{
	struct text_worker *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->wake_event = wake_event;
	w->text = t;
	w->queue = work_queue_new(&text_ops, w, 1, "text");
	if (!w->queue) {
		log_warning("no text worker: text is drawn on the render thread");
		free(w);
		return NULL;
	}
	return w;
}

void text_worker_free(struct text_worker *w)
{
	if (!w)
		return;
	work_queue_free(w->queue);
	free(w);
}

bool text_worker_request(struct text_worker *w, const void *key, size_t key_len,
                         const struct text_style *st, const char *s, int max_w, int max_lines,
                         bool urgent)
{
	if (work_queue_waiting(w->queue) >= TEXT_WORKER_MAX_WAITING)
		return false;
	struct job *j = calloc(1, sizeof *j);
	if (!j)
		return false;
	j->r.key = malloc(key_len ? key_len : 1);
	j->s = strdup(s);
	if (!j->r.key || !j->s) {
		job_free(j);
		return false;
	}
	memcpy(j->r.key, key, key_len);
	j->r.key_len = key_len;
	j->st = *st;
	j->max_w = max_w;
	j->max_lines = max_lines;
	/* Quiet: the worker starts at text_worker_start, between frames. */
	unsigned flags = WORK_QUEUE_QUIET | (urgent ? WORK_QUEUE_URGENT : 0);
	if (work_queue_push(w->queue, j, flags))
		return true;
	job_free(j);
	return false;
}

void text_worker_start(struct text_worker *w)
{
	work_queue_kick(w->queue);
}

struct text_result *text_worker_poll(struct text_worker *w)
{
	struct job *j = work_queue_take(w->queue);
	if (!j)
		return NULL;
	/* The result is the job's first member: the job is freed through it. */
	free(j->s);
	j->s = NULL;
	return &j->r;
}

void text_result_free(struct text_result *r)
{
	if (r)
		job_free((struct job *)r);
}
