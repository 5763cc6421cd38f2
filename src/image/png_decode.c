#include "image/png_decode.h"

#include "base/i18n.h"

#include <png.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/bigalloc.h"
#include "image/image_info.h"

enum { READ_AHEAD = 64 << 10 }; /* bytes of the file read at once */

/* Where the file's bytes come from: memory, or a file read ahead. */
struct png_source {
	const unsigned char *data; /* NULL: read from fd */
	int fd;
	size_t len, pos;       /* the file's length; the next byte libpng reads */
	size_t ahead, ahead_n; /* buf holds bytes [ahead, ahead + ahead_n) */
	unsigned char buf[READ_AHEAD];
};

/* One decode: libpng's state, what the rows become and what to undo. */
struct png_job {
	png_structp png;
	png_infop info;
	struct resize *r;
	struct png_source src;
	png_uint_32 w, h;
	bool indexed; /* rows are palette indices */
	int channels; /* of a row libpng gives: 1 grey/index, 2 grey+alpha, 3, 4 */
	int passes;   /* 7 when interlaced */
	size_t rowbytes;
	uint8_t *row; /* one row as libpng gives it */
	uint32_t *argb;
	uint8_t *held; /* interlaced: the rows the resize takes */
	uint32_t palette[256];
	enum png_decode_status status; /* when libpng jumps back */
};

/* Bytes [pos, pos + n) of the file into out; -1 when it has fewer. */
static int source_read(struct png_source *s, unsigned char *out, size_t n)
{
	if (n > s->len - s->pos)
		return -1;
	if (s->data) {
		memcpy(out, s->data + s->pos, n);
		s->pos += n;
		return 0;
	}
	while (n > 0) {
		if (s->pos < s->ahead || s->pos >= s->ahead + s->ahead_n) {
			size_t want = s->len - s->pos < READ_AHEAD ? s->len - s->pos : READ_AHEAD;
			ssize_t got = pread(s->fd, s->buf, want, (off_t)s->pos);
			if (got <= 0) /* shorter than it was: being written */
				return -1;
			s->ahead = s->pos;
			s->ahead_n = (size_t)got;
		}
		size_t off = s->pos - s->ahead, k = s->ahead_n - off;
		if (k > n)
			k = n;
		memcpy(out, s->buf + off, k);
		out += k;
		n -= k;
		s->pos += k;
	}
	return 0;
}

/* Records status and returns to job_run's setjmp; never returns. */
static _Noreturn void job_fail(struct png_job *job, enum png_decode_status status)
{
	job->status = status;
	png_longjmp(job->png, 1);
}

/* libpng's errors: its own words ("IDAT: invalid distance too far back")
 * would tell staff nothing; the status says which of ours to give. */
static void job_error(png_structp png, png_const_charp msg)
{
	(void)msg;
	struct png_job *job = png_get_error_ptr(png);
	job_fail(job, job->status != PNG_DECODE_OK ? job->status : PNG_DECODE_BROKEN);
}

static void job_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static void job_read(png_structp png, png_bytep out, size_t n)
{
	struct png_job *job = png_get_io_ptr(png);
	if (source_read(&job->src, out, n) != 0)
		job_fail(job, PNG_DECODE_INCOMPLETE);
}

/* The palette as ARGB8888, alpha from tRNS. SDL_image kept a palette whose
 * one transparent entry became a colour key, and SDL turned that key into
 * alpha 0 with the entry's colour: the same pixels. Indices past the
 * palette are opaque black, as libpng's own expansion makes them. */
static void job_palette(struct png_job *job)
{
	png_colorp pal = NULL;
	png_bytep trans = NULL;
	png_color_16p trans_colour = NULL;
	int n = 0, n_trans = 0;
	png_get_PLTE(job->png, job->info, &pal, &n);
	if (png_get_valid(job->png, job->info, PNG_INFO_tRNS))
		png_get_tRNS(job->png, job->info, &trans, &n_trans, &trans_colour);
	for (int i = 0; i < 256; i++) {
		uint32_t a = trans && i < n_trans ? trans[i] : 0xFFu;
		job->palette[i] = a << 24;
		if (pal && i < n)
			job->palette[i] |=
			    (uint32_t)pal[i].red << 16 | (uint32_t)pal[i].green << 8 | pal[i].blue;
	}
}

/* Reads the header, refuses oversized images and sets the transformations
 * to SDL_image's: 8 bits a sample (the high byte), grey scaled to 0..255, no
 * gamma. Grey with a tRNS colour gets alpha (SDL_image made a two-byte
 * pixel of it that it then read as RGB565: noise). An RGB tRNS colour is
 * left opaque, as SDL_image's colour key on RGB never reached the pixels. */
static void job_setup(struct png_job *job)
{
	int depth, type, interlace;
	png_read_info(job->png, job->info);
	png_get_IHDR(job->png, job->info, &job->w, &job->h, &depth, &type, &interlace, NULL, NULL);
	if (job->w > IMAGE_INFO_MAX_SIDE || job->h > IMAGE_INFO_MAX_SIDE ||
	    (uint64_t)job->w * job->h > IMAGE_INFO_MAX_PIXELS)
		job_fail(job, PNG_DECODE_TOO_LARGE);
	bool trns = png_get_valid(job->png, job->info, PNG_INFO_tRNS) != 0;
	png_set_strip_16(job->png);
	png_set_packing(job->png);
	if (type == PNG_COLOR_TYPE_GRAY) {
		png_set_expand_gray_1_2_4_to_8(job->png);
		if (trns)
			png_set_tRNS_to_alpha(job->png);
	}
	job->indexed = type == PNG_COLOR_TYPE_PALETTE;
	if (job->indexed)
		job_palette(job);
	job->passes = png_set_interlace_handling(job->png);
	png_read_update_info(job->png, job->info);
	job->channels = png_get_channels(job->png, job->info);
	job->rowbytes = png_get_rowbytes(job->png, job->info);
	if (job->rowbytes != (size_t)job->w * (size_t)job->channels)
		job_fail(job, PNG_DECODE_BROKEN);
	job->r->alpha = trns || (type & PNG_COLOR_MASK_ALPHA);
}

/* Row src, as libpng gives it, into job->argb. */
static void job_convert(struct png_job *job, const uint8_t *src)
{
	uint32_t *out = job->argb;
	for (png_uint_32 x = 0; x < job->w; x++, src += job->channels) {
		if (job->indexed)
			out[x] = job->palette[src[0]];
		else if (job->channels == 1)
			out[x] = 0xFF000000u | src[0] * 0x010101u;
		else if (job->channels == 2)
			out[x] = (uint32_t)src[1] << 24 | src[0] * 0x010101u;
		else
			out[x] = (job->channels == 4 ? (uint32_t)src[3] << 24 : 0xFF000000u) |
			         (uint32_t)src[0] << 16 | (uint32_t)src[1] << 8 | src[2];
	}
}

/* Rows first .. end of an interlaced file. Adam7 sends every row in up to
 * seven passes, the last with half the pixels, so no row is whole before
 * the last pass: those the resize takes are held until then (rows above
 * and below a crop are read into one scratch row), within the cap. */
static void job_rows_interlaced(struct png_job *job, int first)
{
	int end = job->r->crop.y + job->r->end;
	if (end > (int)job->h)
		end = (int)job->h;
	size_t n = end > first ? (size_t)(end - first) : 0;
	if (n * job->rowbytes > PNG_DECODE_INTERLACED_MAX_BYTES)
		job_fail(job, PNG_DECODE_TOO_LARGE);
	job->held = big_calloc(n ? n : 1, job->rowbytes);
	if (!job->held)
		job_fail(job, PNG_DECODE_NO_MEMORY);
	for (int pass = 0; pass < job->passes; pass++)
		for (int y = 0; y < (int)job->h; y++) {
			bool held = y >= first && y < end;
			png_read_row(job->png,
			             held ? job->held + (size_t)(y - first) * job->rowbytes
			                  : job->row,
			             NULL);
		}
	bool more = true;
	for (int y = first; more && y < end; y++) {
		job_convert(job, job->held + (size_t)(y - first) * job->rowbytes);
		more = resize_row(job->r, job->argb);
	}
}

/* Decodes the rows the resize wants into it, one at a time. */
static void job_rows(struct png_job *job)
{
	job->row = malloc(job->rowbytes);
	job->argb = malloc((size_t)job->w * sizeof *job->argb);
	int first = job->row && job->argb ? resize_begin(job->r, (int)job->w, (int)job->h) : -1;
	if (first < 0)
		job_fail(job, PNG_DECODE_NO_MEMORY);
	if (job->passes > 1) {
		job_rows_interlaced(job, first);
		return;
	}
	for (int y = 0; y < first; y++) /* above a crop: decoded, not kept */
		png_read_row(job->png, job->row, NULL);
	bool more = true;
	for (int y = first; more && y < (int)job->h; y++) {
		png_read_row(job->png, job->row, NULL);
		job_convert(job, job->row);
		more = resize_row(job->r, job->argb);
	}
}

/* Runs the decode; libpng's errors come back to the setjmp here, and all
 * state lives in *job, so the cleanup after it always runs. As SDL_image
 * did, what follows the image data is not read (a broken text chunk after
 * the pixels does not hide them). */
static enum png_decode_status job_run(struct png_job *job)
{
	job->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, job, job_error, job_warning);
	job->info = job->png ? png_create_info_struct(job->png) : NULL;
	if (!job->info) {
		png_destroy_read_struct(job->png ? &job->png : NULL, NULL, NULL);
		return PNG_DECODE_NO_MEMORY;
	}
	if (setjmp(png_jmpbuf(job->png)) == 0) {
		png_set_read_fn(job->png, job, job_read);
		job_setup(job);
		job_rows(job);
	}
	png_destroy_read_struct(&job->png, &job->info, NULL);
	free(job->row);
	free(job->argb);
	big_free(job->held);
	return job->status;
}

/* The words for staff for status, about a PNG of w x h. */
static void explain(enum png_decode_status status, png_uint_32 w, png_uint_32 h, int passes,
                    char *err, size_t err_size)
{
	switch (status) {
	case PNG_DECODE_OK:
		break;
	case PNG_DECODE_INCOMPLETE:
		snprintf(err, err_size, "%s", _("the PNG file ends early (still being copied?)"));
		break;
	case PNG_DECODE_BROKEN:
		snprintf(err, err_size, "%s",
		         _("the PNG picture is damaged; open it in a photo editor and save it "
		           "again"));
		break;
	case PNG_DECODE_TOO_LARGE:
		if (passes > 1)
			snprintf(err, err_size,
			         _("the PNG is interlaced and %ux%u pixels, too large to decode "
			           "here; save it again without interlacing"),
			         (unsigned)w, (unsigned)h);
		else
			snprintf(err, err_size,
			         _("the PNG is %ux%u pixels; at most %d a side and %d megapixels "
			           "can be shown"),
			         (unsigned)w, (unsigned)h, IMAGE_INFO_MAX_SIDE,
			         IMAGE_INFO_MAX_PIXELS >> 20);
		break;
	case PNG_DECODE_NO_MEMORY:
		snprintf(err, err_size, "%s", _("out of memory decoding the image"));
		break;
	}
}

/* png_decode_* of the file in data[0..len), or when data is NULL, in the
 * first len bytes of fd. */
static enum png_decode_status decode(const unsigned char *data, int fd, size_t len,
                                     struct resize *r, char *err, size_t err_size)
{
	struct png_job *job = calloc(1, sizeof *job);
	if (!job) {
		explain(PNG_DECODE_NO_MEMORY, 0, 0, 0, err, err_size);
		return PNG_DECODE_NO_MEMORY;
	}
	job->src.data = data;
	job->src.fd = fd;
	job->src.len = len;
	job->r = r;
	enum png_decode_status status = job_run(job);
	explain(status, job->w, job->h, job->passes, err, err_size);
	free(job);
	return status;
}

enum png_decode_status png_decode_mem(const unsigned char *data, size_t len, struct resize *r,
                                      char *err, size_t err_size)
{
	static const unsigned char none[1];
	return decode(data ? data : none, -1, data ? len : 0, r, err, err_size);
}

enum png_decode_status png_decode_fd(int fd, size_t len, struct resize *r, char *err,
                                     size_t err_size)
{
	return decode(NULL, fd, len, r, err, err_size);
}
