#include "image/image_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bigalloc.h"
#include "base/work_queue.h"
#include "image/image_file.h"
#include "image/image_info.h"
#include "image/offer_board.h"

enum { LOADER_MAX_THREADS = 4 };

/* A job of the queue is the image_result it fills in. */
struct image_loader {
	char root[PATH_MAX];
	Uint32 wake_event;
	struct offer_board *board; /* parts of urgent decodes, for idle threads */
	struct work_queue *queue;
	int n_threads; /* workers and helpers */
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
 * a few times, so a copy that is just finishing shows at once; not when q
 * (NULL: none) is stopping. */
static void decode_into(const char *root, struct image_result *r, struct offer_board *board,
                        bool urgent, const struct work_queue *q)
{
	for (int i = 0; i < INCOMPLETE_TRIES; i++) {
		void *data = NULL;
		size_t len = 0;
		int fd;
		if (i && q && work_queue_stopping(q))
			return;
		if (i)
			SDL_Delay(INCOMPLETE_WAIT_MS);
		if (image_file_open(root, r->path, &fd, &len, r->error, sizeof r->error) != 0)
			return;
		if (is_png(fd))
			r->surface = image_decode_png_fd(fd, len, r->w, r->h, r->fit,
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
	decode_into(root, r, NULL, false, NULL);
	return r;
}

/* Decodes a request on a worker thread (the queue's run). */
static void decode(void *ctx, void *job, bool urgent)
{
	struct image_loader *l = ctx;
	struct image_result *r = job;
	decode_into(l->root, r, l->n_threads > 1 ? l->board : NULL, urgent, l->queue);
	if (r->surface) /* the texture's memory, as SDL will ask for it */
		big_prefault((size_t)r->surface->pitch * (size_t)r->surface->h + TEXTURE_SLACK);
}

static void drop(void *ctx, void *job)
{
	(void)ctx;
	image_result_free(job);
}

static void wake(void *ctx)
{
	struct image_loader *l = ctx;
	SDL_Event ev = {.type = l->wake_event};
	SDL_PushEvent(&ev);
}

/* Before any request: a part of a photo on screen, put up on the board. */
static bool help(void *ctx)
{
	struct image_loader *l = ctx;
	return offer_board_help(l->board);
}

static const struct work_queue_ops loader_ops = {
    .run = decode, .drop = drop, .wake = wake, .assist = help};

/* A part was put up on the board: idle threads look. */
static void wake_workers(void *arg)
{
	struct image_loader *l = arg;
	work_queue_kick(l->queue);
}

struct image_loader *image_loader_new(const char *root, int workers, int helpers, Uint32 wake_event)
{
	struct image_loader *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	snprintf(l->root, sizeof l->root, "%s", root);
	l->wake_event = wake_event;
	l->board = offer_board_new(wake_workers, l);
	if (!l->board)
		goto fail;
	workers = workers < 1 ? 1 : workers > LOADER_MAX_THREADS ? LOADER_MAX_THREADS : workers;
	helpers = helpers < 0 ? 0 : helpers > LOADER_MAX_THREADS - workers ? 0 : helpers;
	l->n_threads = workers + helpers;
	/* The board posts only from a decode, so only once l->queue is set. */
	l->queue = work_queue_new(&loader_ops, l, workers, helpers, "decode");
	if (!l->queue)
		goto fail;
	return l;
fail:
	image_loader_free(l);
	return NULL;
}

void image_loader_free(struct image_loader *l)
{
	if (!l)
		return;
	work_queue_free(l->queue);
	offer_board_free(l->board);
	free(l);
}

struct request_key {
	const char *path;
	int w, h;
	enum image_fit fit;
};

static bool same_request(const void *job, const void *key)
{
	const struct image_result *r = job;
	const struct request_key *k = key;
	return r->w == k->w && r->h == k->h && r->fit == k->fit && strcmp(r->path, k->path) == 0;
}

void image_loader_request(struct image_loader *l, const char *path, int w, int h,
                          enum image_fit fit, uint64_t tag, bool urgent)
{
	struct request_key k = {path, w, h, fit};
	struct image_result *r = work_queue_find(l->queue, same_request, &k);
	if (r) { /* waiting or being decoded; now on screen: moves up if waiting */
		if (urgent)
			work_queue_promote(l->queue, r);
		return;
	}
	r = calloc(1, sizeof *r);
	if (!r)
		return;
	snprintf(r->path, sizeof r->path, "%s", path);
	r->w = w;
	r->h = h;
	r->fit = fit;
	r->tag = tag;
	if (!work_queue_push(l->queue, r, urgent ? WORK_QUEUE_URGENT : 0))
		free(r);
}

void image_loader_cancel(struct image_loader *l)
{
	work_queue_clear(l->queue);
}

struct image_result *image_loader_poll(struct image_loader *l)
{
	return work_queue_take(l->queue);
}

void image_result_free(struct image_result *r)
{
	if (!r)
		return;
	SDL_FreeSurface(r->surface);
	free(r);
}
