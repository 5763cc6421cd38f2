#include "image_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bigalloc.h"
#include "image_file.h"
#include "thread_background.h"

enum { LOADER_MAX_THREADS = 4 };

struct node {
	struct image_result r;
	struct node *next;
};

struct image_loader {
	char root[512];
	Uint32 wake_event;
	SDL_mutex *lock;
	SDL_cond *cond;
	struct node *todo, *done; /* FIFO lists */
	struct node *busy[LOADER_MAX_THREADS];
	SDL_Thread *threads[LOADER_MAX_THREADS];
	int n_threads;
	int quit;
};

struct worker_arg {
	struct image_loader *l;
	int slot;
};

enum {
	INCOMPLETE_TRIES = 5,
	INCOMPLETE_WAIT_MS = 400,
	TEXTURE_SLACK = 256, /* SDL's alignment padding on top of a texture's pixels */
};

/* Reads and decodes r's file. A JPEG still being copied (no end marker) is
 * read again a few times, so a copy that is just finishing shows at once. */
static void decode_into(const char *root, struct image_result *r)
{
	for (int i = 0; i < INCOMPLETE_TRIES; i++) {
		void *data = NULL;
		size_t len = 0;
		if (i)
			SDL_Delay(INCOMPLETE_WAIT_MS);
		if (image_file_read(root, r->path, &data, &len, r->error, sizeof r->error) != 0)
			return;
		r->surface = image_decode_take(data, len, r->w, r->h, r->fit, &r->incomplete,
		                               r->error, sizeof r->error);
		if (!r->incomplete)
			return;
	}
}

struct image_result *image_load_now(const char *root, const char *path, int w, int h,
                                    enum image_fit fit)
{
	struct image_result *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	snprintf(r->path, sizeof r->path, "%s", path);
	r->w = w;
	r->h = h;
	r->fit = fit;
	decode_into(root, r);
	return r;
}

static void append(struct node **list, struct node *n)
{
	n->next = NULL;
	while (*list)
		list = &(*list)->next;
	*list = n;
}

static int worker(void *p)
{
	struct worker_arg *arg = p;
	struct image_loader *l = arg->l;
	int slot = arg->slot;
	free(arg);
	bigalloc_worker();
	thread_background();
	SDL_LockMutex(l->lock);
	for (;;) {
		while (!l->quit && !l->todo)
			SDL_CondWait(l->cond, l->lock);
		if (l->quit)
			break;
		struct node *n = l->todo;
		l->todo = n->next;
		l->busy[slot] = n;
		SDL_UnlockMutex(l->lock);
		decode_into(l->root, &n->r);
		if (n->r.surface) /* the texture's memory, as SDL will ask for it */
			big_prefault((size_t)n->r.surface->pitch * (size_t)n->r.surface->h +
			             TEXTURE_SLACK);
		SDL_LockMutex(l->lock);
		l->busy[slot] = NULL;
		append(&l->done, n);
		SDL_Event ev = {.type = l->wake_event};
		SDL_PushEvent(&ev);
	}
	SDL_UnlockMutex(l->lock);
	return 0;
}

struct image_loader *image_loader_new(const char *root, int threads, Uint32 wake_event)
{
	struct image_loader *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	snprintf(l->root, sizeof l->root, "%s", root);
	l->wake_event = wake_event;
	l->lock = SDL_CreateMutex();
	l->cond = SDL_CreateCond();
	if (!l->lock || !l->cond)
		goto fail;
	threads = threads < 1 ? 1 : threads > LOADER_MAX_THREADS ? LOADER_MAX_THREADS : threads;
	for (int i = 0; i < threads; i++) {
		struct worker_arg *arg = malloc(sizeof *arg);
		if (!arg)
			goto fail;
		*arg = (struct worker_arg){l, i};
		l->threads[i] = SDL_CreateThread(worker, "decode", arg);
		if (!l->threads[i]) {
			free(arg);
			goto fail;
		}
		l->n_threads++;
	}
	return l;
fail:
	image_loader_free(l);
	return NULL;
}

static void free_list(struct node *n)
{
	while (n) {
		struct node *next = n->next;
		SDL_FreeSurface(n->r.surface);
		free(n);
		n = next;
	}
}

void image_loader_free(struct image_loader *l)
{
	if (!l)
		return;
	if (l->lock) {
		SDL_LockMutex(l->lock);
		l->quit = 1;
		SDL_CondBroadcast(l->cond);
		SDL_UnlockMutex(l->lock);
	}
	for (int i = 0; i < l->n_threads; i++)
		SDL_WaitThread(l->threads[i], NULL);
	free_list(l->todo);
	free_list(l->done);
	SDL_DestroyCond(l->cond);
	SDL_DestroyMutex(l->lock);
	free(l);
}

static int same_request(const struct image_result *r, const char *path, int w, int h,
                        enum image_fit fit)
{
	return r->w == w && r->h == h && r->fit == fit && strcmp(r->path, path) == 0;
}

static int is_pending(struct image_loader *l, const char *path, int w, int h, enum image_fit fit)
{
	for (struct node *n = l->todo; n; n = n->next)
		if (same_request(&n->r, path, w, h, fit))
			return 1;
	for (int i = 0; i < l->n_threads; i++)
		if (l->busy[i] && same_request(&l->busy[i]->r, path, w, h, fit))
			return 1;
	return 0;
}

void image_loader_request(struct image_loader *l, const char *path, int w, int h,
                          enum image_fit fit, uint64_t tag)
{
	SDL_LockMutex(l->lock);
	if (!is_pending(l, path, w, h, fit)) {
		struct node *n = calloc(1, sizeof *n);
		if (n) {
			snprintf(n->r.path, sizeof n->r.path, "%s", path);
			n->r.w = w;
			n->r.h = h;
			n->r.fit = fit;
			n->r.tag = tag;
			append(&l->todo, n);
			SDL_CondSignal(l->cond);
		}
	}
	SDL_UnlockMutex(l->lock);
}

void image_loader_cancel(struct image_loader *l)
{
	SDL_LockMutex(l->lock);
	free_list(l->todo);
	l->todo = NULL;
	SDL_UnlockMutex(l->lock);
}

struct image_result *image_loader_poll(struct image_loader *l)
{
	SDL_LockMutex(l->lock);
	struct node *n = l->done;
	if (n)
		l->done = n->next;
	SDL_UnlockMutex(l->lock);
	/* The result is the node's first member, so freeing it frees the node. */
	return n ? &n->r : NULL;
}

void image_result_free(struct image_result *r)
{
	if (!r)
		return;
	SDL_FreeSurface(r->surface);
	free(r);
}
