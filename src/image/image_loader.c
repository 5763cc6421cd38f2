#include "image/image_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bigalloc.h"
#include "image/image_file.h"
#include "image/image_info.h"
#include "image/offer_board.h"
#include "base/thread_background.h"

enum { LOADER_MAX_THREADS = 4 };

struct node {
	struct image_result r;
	bool urgent; /* on screen now: before the others, and decoded with help */
	struct node *next;
};

struct image_loader {
	char root[512];
	Uint32 wake_event;
	SDL_mutex *lock;
	SDL_cond *cond;
	struct node *todo, *done;  /* FIFO lists, urgent requests first in todo */
	struct offer_board *board; /* parts of urgent decodes, for idle workers */
	struct node *busy[LOADER_MAX_THREADS];
	SDL_Thread *threads[LOADER_MAX_THREADS];
	int n_threads, n_workers; /* helpers are the threads after the workers */
	int quit;
};

struct worker_arg {
	struct image_loader *l;
	int slot; /* -1: a helper, which only takes parts of urgent decodes */
};

enum {
	INCOMPLETE_TRIES = 5,
	INCOMPLETE_WAIT_MS = 400,
	TEXTURE_SLACK = 256, /* SDL's alignment padding on top of a texture's pixels */
};

/* Whether the file open as fd starts as a PNG does. */
static bool is_png(int fd)
{
	unsigned char head[32];
	ssize_t n = pread(fd, head, sizeof head, 0);
	struct image_info info;
	if (n <= 0)
		return false;
	image_info_parse(head, (size_t)n, &info);
	return info.format == IMAGE_INFO_PNG;
}

/* Reads and decodes r's file, helped through board when not NULL: a PNG as
 * it is read, any other read whole first. A file still being copied (a
 * JPEG without its end marker, a PNG without its last chunk) is read again
 * a few times, so a copy that is just finishing shows at once. */
static void decode_into(const char *root, struct image_result *r, struct offer_board *board,
                        bool urgent)
{
	for (int i = 0; i < INCOMPLETE_TRIES; i++) {
		void *data = NULL;
		size_t len = 0;
		int fd;
		if (i)
			SDL_Delay(INCOMPLETE_WAIT_MS);
		if (image_file_open(root, r->path, &fd, &len, r->error, sizeof r->error) != 0)
			return;
		if (is_png(fd))
			r->surface = image_decode_png_fd(fd, len, r->w, r->h, r->fit, board,
			                                 &r->incomplete, r->error, sizeof r->error);
		else if (image_file_read_fd(fd, &data, &len, r->error, sizeof r->error) == 0)
			r->surface = image_decode_take(data, len, r->w, r->h, r->fit, board, urgent,
			                               &r->incomplete, r->error, sizeof r->error);
		close(fd);
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
	decode_into(root, r, NULL, false);
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
		while (!l->quit && (slot < 0 || !l->todo) && !offer_board_waiting(l->board))
			SDL_CondWait(l->cond, l->lock);
		if (l->quit)
			break;
		if (offer_board_waiting(l->board)) { /* a part of a photo on screen */
			SDL_UnlockMutex(l->lock);
			offer_board_help(l->board);
			SDL_LockMutex(l->lock);
			continue;
		}
		if (slot < 0 || !l->todo) /* another thread took the part first */
			continue;
		struct node *n = l->todo;
		l->todo = n->next;
		l->busy[slot] = n;
		SDL_UnlockMutex(l->lock);
		decode_into(l->root, &n->r, l->n_threads > 1 ? l->board : NULL, n->urgent);
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

/* A part was put up on the board: idle workers look. */
static void wake_workers(void *arg)
{
	struct image_loader *l = arg;
	SDL_LockMutex(l->lock);
	SDL_CondBroadcast(l->cond);
	SDL_UnlockMutex(l->lock);
}

struct image_loader *image_loader_new(const char *root, int workers, int helpers, Uint32 wake_event)
{
	struct image_loader *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	snprintf(l->root, sizeof l->root, "%s", root);
	l->wake_event = wake_event;
	l->lock = SDL_CreateMutex();
	l->cond = SDL_CreateCond();
	l->board = offer_board_new(wake_workers, l);
	if (!l->lock || !l->cond || !l->board)
		goto fail;
	workers = workers < 1 ? 1 : workers > LOADER_MAX_THREADS ? LOADER_MAX_THREADS : workers;
	helpers = helpers < 0 ? 0 : helpers > LOADER_MAX_THREADS - workers ? 0 : helpers;
	for (int i = 0; i < workers + helpers; i++) {
		struct worker_arg *arg = malloc(sizeof *arg);
		if (!arg)
			goto fail;
		*arg = (struct worker_arg){l, i < workers ? i : -1};
		l->threads[i] =
		    SDL_CreateThread(worker, i < workers ? "decode" : "decode-help", arg);
		if (!l->threads[i]) {
			free(arg);
			goto fail;
		}
		l->n_threads++;
		l->n_workers += i < workers;
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
	if (l->board) /* a helper held by a frame never ended would wait at every row */
		offer_board_hold(l->board, OFFER_HOLD_NONE);
	for (int i = 0; i < l->n_threads; i++)
		SDL_WaitThread(l->threads[i], NULL);
	free_list(l->todo);
	free_list(l->done);
	offer_board_free(l->board);
	SDL_DestroyCond(l->cond);
	SDL_DestroyMutex(l->lock);
	free(l);
}

static int same_request(const struct image_result *r, const char *path, int w, int h,
                        enum image_fit fit)
{
	return r->w == w && r->h == h && r->fit == fit && strcmp(r->path, path) == 0;
}

/* The request waiting in todo, or being decoded (*busy set), or NULL. */
static struct node *find_pending(struct image_loader *l, const char *path, int w, int h,
                                 enum image_fit fit, bool *busy)
{
	*busy = false;
	for (struct node *n = l->todo; n; n = n->next)
		if (same_request(&n->r, path, w, h, fit))
			return n;
	*busy = true;
	for (int i = 0; i < l->n_workers; i++)
		if (l->busy[i] && same_request(&l->busy[i]->r, path, w, h, fit))
			return l->busy[i];
	return NULL;
}

/* Puts n in todo: an urgent one after the other urgent ones, before the
 * rest; any other at the end. */
static void enqueue(struct image_loader *l, struct node *n)
{
	struct node **at = &l->todo;
	while (*at && (!n->urgent || (*at)->urgent))
		at = &(*at)->next;
	n->next = *at;
	*at = n;
}

/* Takes n out of todo. */
static void unqueue(struct image_loader *l, struct node *n)
{
	for (struct node **at = &l->todo; *at; at = &(*at)->next)
		if (*at == n) {
			*at = n->next;
			return;
		}
}

void image_loader_request(struct image_loader *l, const char *path, int w, int h,
                          enum image_fit fit, uint64_t tag, bool urgent)
{
	SDL_LockMutex(l->lock);
	bool busy;
	struct node *n = find_pending(l, path, w, h, fit, &busy);
	if (n && !busy && urgent && !n->urgent) { /* now on screen: moves up */
		unqueue(l, n);
		n->urgent = true;
		enqueue(l, n);
	} else if (!n && (n = calloc(1, sizeof *n))) {
		snprintf(n->r.path, sizeof n->r.path, "%s", path);
		n->r.w = w;
		n->r.h = h;
		n->r.fit = fit;
		n->r.tag = tag;
		n->urgent = urgent;
		enqueue(l, n);
		SDL_CondBroadcast(l->cond); /* a helper waits on it too */
	}
	SDL_UnlockMutex(l->lock);
}

void image_loader_hold(struct image_loader *l, enum offer_hold h)
{
	offer_board_hold(l->board, h);
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
