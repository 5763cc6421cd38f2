#include "text/font_stream.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
	WINDOWS = 4,       /* kept at once: the tables and the glyphs read in turn */
	WINDOW = 16 << 10, /* bytes each */
	ALIGN = 4 << 10,   /* a window starts on a page */
};

struct window {
	Sint64 off; /* where its bytes start in the file; -1: empty */
	size_t len;
	unsigned char bytes[WINDOW];
};

struct font_stream {
	int fd;
	Sint64 size, pos;
	size_t next; /* the window filled next */
	struct window w[WINDOWS];
};

static struct font_stream *of(SDL_RWops *rw)
{
	return rw->hidden.unknown.data1;
}

static Sint64 stream_size(SDL_RWops *rw)
{
	return of(rw)->size;
}

static Sint64 stream_seek(SDL_RWops *rw, Sint64 offset, int whence)
{
	struct font_stream *s = of(rw);
	Sint64 to = whence == RW_SEEK_SET   ? offset
	            : whence == RW_SEEK_CUR ? s->pos + offset
	                                    : s->size + offset;
	if (to < 0)
		return SDL_SetError("font: seek before the start");
	s->pos = to;
	return to;
}

/* The window holding the byte at pos, read in when none does; NULL at
 * the end of the file or on an error. */
static const struct window *window_at(struct font_stream *s, Sint64 pos)
{
	for (size_t i = 0; i < WINDOWS; i++)
		if (s->w[i].off >= 0 && pos >= s->w[i].off &&
		    pos < s->w[i].off + (Sint64)s->w[i].len)
			return &s->w[i];
	struct window *w = &s->w[s->next];
	s->next = (s->next + 1) % WINDOWS;
	w->off = pos - pos % ALIGN;
	ssize_t n = pread(s->fd, w->bytes, sizeof w->bytes, (off_t)w->off);
	if (n <= 0 || pos >= w->off + n) {
		w->off = -1;
		return NULL;
	}
	w->len = (size_t)n;
	return w;
}

static size_t stream_read(SDL_RWops *rw, void *ptr, size_t size, size_t maxnum)
{
	struct font_stream *s = of(rw);
	if (size == 0 || maxnum > (size_t)-1 / size)
		return 0;
	size_t want = size * maxnum, got = 0;
	unsigned char *out = ptr;
	if (want > WINDOW) { /* a whole table: straight into the caller's buffer */
		while (got < want) {
			ssize_t n =
			    pread(s->fd, out + got, want - got, (off_t)(s->pos + (Sint64)got));
			if (n <= 0)
				break;
			got += (size_t)n;
		}
	} else {
		while (got < want) {
			const struct window *w = window_at(s, s->pos + (Sint64)got);
			if (!w)
				break;
			size_t at = (size_t)(s->pos + (Sint64)got - w->off);
			size_t n = w->len - at < want - got ? w->len - at : want - got;
			memcpy(out + got, w->bytes + at, n);
			got += n;
		}
	}
	s->pos += (Sint64)got;
	return got / size;
}

static size_t stream_write(SDL_RWops *rw, const void *ptr, size_t size, size_t num)
{
	(void)rw;
	(void)ptr;
	(void)size;
	(void)num;
	SDL_SetError("font: read only");
	return 0;
}

static int stream_close(SDL_RWops *rw)
{
	if (!rw)
		return 0;
	struct font_stream *s = of(rw);
	if (s)
		close(s->fd);
	free(s);
	SDL_FreeRW(rw);
	return 0;
}

SDL_RWops *font_stream_open(const char *path)
{
	struct font_stream *s = calloc(1, sizeof *s);
	SDL_RWops *rw = s ? SDL_AllocRW() : NULL;
	struct stat st;
	int fd = rw ? open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) : -1;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		SDL_SetError("cannot open %s", path);
		if (fd >= 0)
			close(fd);
		if (rw)
			SDL_FreeRW(rw);
		free(s);
		return NULL;
	}
	s->fd = fd;
	s->size = (Sint64)st.st_size;
	for (size_t i = 0; i < WINDOWS; i++)
		s->w[i].off = -1;
	rw->size = stream_size;
	rw->seek = stream_seek;
	rw->read = stream_read;
	rw->write = stream_write;
	rw->close = stream_close;
	rw->type = SDL_RWOPS_UNKNOWN;
	rw->hidden.unknown.data1 = s;
	return rw;
}
