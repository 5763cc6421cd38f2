#include "image/image_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bigalloc.h"
#include "base/clock_ms.h"
#include "base/work_queue.h"
#include "image/deriv_cache.h"
#include "image/image_file.h"
#include "image/image_info.h"

enum { LOADER_MAX_THREADS = 4 };

/* A job of the queue is the image_result it fills in. */
struct image_loader {
	char root[PATH_MAX];
	Uint32 wake_event;
	struct work_queue *queue;
	_Atomic(struct deriv_cache *) derivs; /* NULL: none */
	struct work_queue *warm;              /* writes derivatives; NULL: none */
	atomic_int busy;                      /* requests being decoded */
	_Atomic uint64_t quiet_from;          /* clock_ms when the last one ended */
};

enum {
	INCOMPLETE_TRIES = 5,
	INCOMPLETE_WAIT_MS = 400,
	/* A warm-up decode starts only once the loader had nothing to do for
	 * this long, so it seldom runs beside a decode somebody waits for (a
	 * decode cannot be paused: it would share the cores with that one). */
	WARM_QUIET_MS = 1500,
	WARM_LOOK_MS = 100,
	TEXTURE_SLACK = 256, /* SDL's alignment padding on top of a texture's pixels */
};

/* The format the file open as fd starts as. */
static enum image_info_format format_of(int fd)
{
	unsigned char head[32];
	ssize_t n = pread(fd, head, sizeof head, 0);
	struct image_info info;
	if (n <= 0)
		return IMAGE_INFO_NONE;
	image_info_parse(head, (size_t)n, &info);
	return info.format;
}

/* Reads and decodes r's file: a JPEG or a PNG as it is read, any other read
 * whole first. A file still being
 * copied (a JPEG without its end marker, a PNG without its last chunk) is read again a few times,
 * so a copy that is just finishing shows at once; not when q (NULL: none) is stopping. */
static void decode_into(const char *root, struct image_result *r, const struct work_queue *q)
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
		enum image_info_format format = format_of(fd);
		if (format == IMAGE_INFO_PNG)
			r->surface = image_decode_png_fd(fd, len, r->w, r->h, r->fit,
			                                 &r->incomplete, r->error, sizeof r->error);
		else if (format == IMAGE_INFO_JPEG)
			r->surface = image_decode_jpeg_fd(
			    fd, len, r->w, r->h, r->fit, &r->incomplete, r->error, sizeof r->error);
		else if (image_file_read_fd(fd, &data, &len, r->error, sizeof r->error) == 0)
			r->surface = image_decode_take(data, len, r->w, r->h, r->fit,
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
	decode_into(root, r, NULL);
	return r;
}

/* Decodes a request on a worker thread (the queue's run): read from the
 * derivative cache when it has the picture, else decoded (a neighbour's
 * kept there at once). */
static void decode(void *ctx, void *job, bool urgent)
{
	struct image_loader *l = ctx;
	struct image_result *r = job;
	struct deriv_cache *d = atomic_load(&l->derivs);
	atomic_fetch_add(&l->busy, 1);
	r->surface = deriv_cache_read(d, r->path, r->w, r->h, r->fit);
	r->derived = r->surface != NULL;
	if (!r->derived) {
		decode_into(l->root, r, l->queue);
		bool keep = r->surface && d && deriv_cache_keyed(r->path);
		if (keep && !urgent)
			deriv_cache_write(d, r->path, r->w, r->h, r->fit, r->surface, false);
		r->wants_deriv = keep && urgent;
	}
	if (r->surface) /* the texture's memory, as SDL will ask for it */
		big_prefault((size_t)r->surface->pitch * (size_t)r->surface->h + TEXTURE_SLACK);
	atomic_store(&l->quiet_from, clock_ms());
	atomic_fetch_sub(&l->busy, 1);
}

/* Whether the loader's own work has left the cores alone for a while. */
static bool loader_quiet(struct image_loader *l)
{
	uint64_t since = atomic_load(&l->quiet_from); /* before the clock: never ahead of it */
	return atomic_load(&l->busy) == 0 && work_queue_waiting(l->queue) == 0 &&
	       clock_ms() - since >= WARM_QUIET_MS;
}

/* A warm-up job (the warm queue's run): the derivative made when missing,
 * once the loader is quiet; nothing is handed back. */
static void warm_up(void *ctx, void *job, bool urgent)
{
	(void)urgent;
	struct image_loader *l = ctx;
	struct image_result *r = job;
	struct deriv_cache *d = atomic_load(&l->derivs);
	while (!loader_quiet(l)) {
		if (work_queue_stopping(l->warm))
			return;
		SDL_Delay(WARM_LOOK_MS);
	}
	if (deriv_cache_has(d, r->path, r->w, r->h, r->fit))
		return;
	decode_into(l->root, r, l->warm);
	if (r->surface)
		deriv_cache_write(d, r->path, r->w, r->h, r->fit, r->surface, true);
	SDL_FreeSurface(r->surface);
	r->surface = NULL;
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

static const struct work_queue_ops loader_ops = {.run = decode, .drop = drop, .wake = wake};

static const struct work_queue_ops warm_ops = {.run = warm_up, .drop = drop};

struct image_loader *image_loader_new(const char *root, int workers, Uint32 wake_event)
{
	struct image_loader *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	snprintf(l->root, sizeof l->root, "%s", root);
	l->wake_event = wake_event;
	atomic_store(&l->quiet_from, clock_ms()); /* the start's own decodes first */
	workers = workers < 1 ? 1 : workers > LOADER_MAX_THREADS ? LOADER_MAX_THREADS : workers;
	l->queue = work_queue_new(&loader_ops, l, workers, "decode");
	if (!l->queue)
		goto fail;
	return l;
fail:
	image_loader_free(l);
	return NULL;
}

size_t image_loader_waiting(struct image_loader *l)
{
	return work_queue_waiting(l->queue);
}

void image_loader_free(struct image_loader *l)
{
	if (!l)
		return;
	work_queue_free(l->warm);
	work_queue_free(l->queue);
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

void image_loader_use_derivs(struct image_loader *l, struct deriv_cache *d)
{
	if (!d || l->warm)
		return;
	/* One thread: warming up is never in a hurry. */
	l->warm = work_queue_new(&warm_ops, l, 1, "deriv");
	if (l->warm)
		atomic_store(&l->derivs, d);
}

void image_loader_warm(struct image_loader *l, const char *path, int w, int h, enum image_fit fit)
{
	struct request_key k = {path, w, h, fit};
	if (!l->warm || !deriv_cache_keyed(path) || work_queue_find(l->warm, same_request, &k))
		return;
	struct image_result *r = calloc(1, sizeof *r);
	if (!r)
		return;
	snprintf(r->path, sizeof r->path, "%s", path);
	r->w = w;
	r->h = h;
	r->fit = fit;
	if (!work_queue_push(l->warm, r, 0))
		free(r);
}

void image_loader_cancel(struct image_loader *l)
{
	work_queue_clear(l->queue);
	if (l->warm)
		work_queue_clear(l->warm);
}

struct image_result *image_loader_poll(struct image_loader *l)
{
	struct image_result *r;
	while (l->warm && (r = work_queue_take(l->warm))) /* done with */
		image_result_free(r);
	r = work_queue_take(l->queue);
	if (r && r->wants_deriv)
		image_loader_warm(l, r->path, r->w, r->h, r->fit);
	return r;
}

void image_result_free(struct image_result *r)
{
	if (!r)
		return;
	SDL_FreeSurface(r->surface);
	free(r);
}
