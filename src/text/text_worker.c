#include "text/text_worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/bigalloc.h"
#include "base/thread_background.h"

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
	struct job *next;
};

struct text_worker {
	struct text *text; /* borrowed, shared with the render thread */
	Uint32 wake_event;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	struct job *todo, *todo_tail; /* urgent ones at the head */
	struct job *done, *done_tail;
	size_t waiting;
	bool quit, started;
};

static void job_free(struct job *j)
{
	free(j->s);
	free(j->r.key);
	SDL_FreeSurface(j->r.surface);
	free(j);
}

static void list_free(struct job *j)
{
	while (j) {
		struct job *next = j->next;
		job_free(j);
		j = next;
	}
}

static void *run(void *p)
{
	struct text_worker *w = p;
	bigalloc_worker();
	thread_background();
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->quit && !w->todo)
			pthread_cond_wait(&w->wake, &w->lock);
		if (w->quit)
			break;
		struct job *j = w->todo;
		w->todo = j->next;
		if (!w->todo)
			w->todo_tail = NULL;
		w->waiting--;
		pthread_mutex_unlock(&w->lock);
		j->r.surface = text_render_paragraph(w->text, &j->st, j->s, j->max_w, j->max_lines);
		if (j->r.surface) /* the texture's memory, as SDL will ask for it */
			big_prefault((size_t)j->r.surface->pitch * (size_t)j->r.surface->h +
			             TEXTURE_SLACK);
		pthread_mutex_lock(&w->lock);
		j->next = NULL;
		if (w->done_tail)
			w->done_tail->next = j;
		else
			w->done = j;
		w->done_tail = j;
		SDL_Event ev = {.type = w->wake_event};
		SDL_PushEvent(&ev);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct text_worker *text_worker_new(struct text *t, Uint32 wake_event)
{
	struct text_worker *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->wake_event = wake_event;
	w->text = t;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		log_warning("no text worker: text is drawn on the render thread");
		text_worker_free(w);
		return NULL;
	}
	w->started = true;
	return w;
}

void text_worker_free(struct text_worker *w)
{
	if (!w)
		return;
	if (w->started) {
		pthread_mutex_lock(&w->lock);
		w->quit = true;
		pthread_cond_signal(&w->wake);
		pthread_mutex_unlock(&w->lock);
		pthread_join(w->thread, NULL);
	}
	list_free(w->todo);
	list_free(w->done);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

bool text_worker_request(struct text_worker *w, const void *key, size_t key_len,
                         const struct text_style *st, const char *s, int max_w, int max_lines,
                         bool urgent)
{
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
	pthread_mutex_lock(&w->lock);
	bool room = w->waiting < TEXT_WORKER_MAX_WAITING;
	if (room) {
		if (urgent || !w->todo) {
			j->next = w->todo;
			w->todo = j;
			if (!w->todo_tail)
				w->todo_tail = j;
		} else {
			w->todo_tail->next = j;
			w->todo_tail = j;
		}
		w->waiting++;
	}
	pthread_mutex_unlock(&w->lock);
	if (!room)
		job_free(j);
	return room;
}

void text_worker_start(struct text_worker *w)
{
	pthread_mutex_lock(&w->lock);
	if (w->todo)
		pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

struct text_result *text_worker_poll(struct text_worker *w)
{
	pthread_mutex_lock(&w->lock);
	struct job *j = w->done;
	if (j) {
		w->done = j->next;
		if (!w->done)
			w->done_tail = NULL;
	}
	pthread_mutex_unlock(&w->lock);
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
