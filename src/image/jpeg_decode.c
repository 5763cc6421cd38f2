#include "image/jpeg_decode.h"

#include "base/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jpeglib.h>

#include <jerror.h>

#include "image/image_info.h"
#include "image/jpeg_walk.h"

/* Rows are skipped this many iMCU rows (6 to 16 rows each) at a time: a
 * millisecond or two of work between pauses. */
enum { SKIP_STEP_IMCU_ROWS = 8 };

enum {
	READ_AHEAD = 64 << 10, /* bytes of a file read at once */
	TAIL_STEP = 4096,      /* bytes read at a time looking for the end */
};

/* Where a JPEG's bytes are: in memory (data), or in the file open as fd. */
struct jpeg_input {
	const unsigned char *data; /* NULL: read from fd */
	int fd;
	size_t len;
};

/* libjpeg's source reading the file open as fd, READ_AHEAD bytes at a
 * time, up to len; it lives in the decode's permanent pool. */
struct fd_source {
	struct jpeg_source_mgr pub;
	int fd;
	size_t len, pos; /* the next byte read from the file */
	JOCTET buf[READ_AHEAD];
};

/* One decode: libjpeg's state, our error manager and what to undo. */
struct jpeg_job {
	struct jpeg_decompress_struct cinfo;
	struct jpeg_error_mgr jerr;
	struct jpeg_progress_mgr progress;
	jmp_buf jump;
	const struct jpeg_sink *sink;
	uint32_t *row;   /* one decoded row, freed at the end */
	int ended_early; /* libjpeg ran out of data and faked an end marker */
	char *err;
	size_t err_size;
	enum jpeg_status status; /* when jumping back */
};

int jpeg_scale_for(int w, int h, int min_w, int min_h)
{
	for (int n = 1; n < 8; n++) {
		long long sw = ((long long)w * n + 7) / 8, sh = ((long long)h * n + 7) / 8;
		if (sw >= min_w && sh >= min_h)
			return n;
	}
	return 8;
}

/* Records why (fmt is English, said in the staff's language) and returns
 * to job_run's setjmp with status; never returns. */
static _Noreturn void job_fail(struct jpeg_job *job, enum jpeg_status status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(job->err, job->err_size, _(fmt), ap);
	va_end(ap);
	job->status = status;
	longjmp(job->jump, 1);
}

/* libjpeg's fatal errors come here instead of its default exit(). Said
 * in the staff's words: libjpeg's own text ("Unsupported marker type
 * 0x..") would tell them nothing. */
static void job_error_exit(j_common_ptr cinfo)
{
	struct jpeg_job *job = cinfo->client_data;
	if (cinfo->err->msg_code == JERR_NO_BACKING_STORE) /* past max_memory_to_use */
		job_fail(job, JPEG_TOO_LARGE,
		         "the JPEG needs more than %d MB to decode (a large progressive "
		         "file); save it as a baseline JPEG, or smaller",
		         JPEG_WALK_COEF_BUDGET >> 20);
	if (cinfo->err->msg_code == JERR_OUT_OF_MEMORY)
		job_fail(job, JPEG_NO_MEMORY, "out of memory decoding the JPEG");
	job_fail(job, JPEG_BROKEN,
	         "the JPEG is damaged or of a kind this hall cannot show; open it in a photo "
	         "editor and save it again as JPEG");
}

/* Warnings (recoverable corrupt data) are counted, never printed; running
 * out of data is remembered, since the end marker was seen before. */
static void job_emit_message(j_common_ptr cinfo, int level)
{
	struct jpeg_job *job = cinfo->client_data;
	if (level >= 0)
		return;
	cinfo->err->num_warnings++;
	if (cinfo->err->msg_code == JWRN_JPEG_EOF)
		job->ended_early = 1;
}

static void job_output_message(j_common_ptr cinfo)
{
	(void)cinfo;
}

static void job_progress(j_common_ptr cinfo)
{
	if (!cinfo->is_decompressor)
		return;
	j_decompress_ptr d = (j_decompress_ptr)cinfo;
	if (d->input_scan_number > JPEG_WALK_MAX_SCANS)
		job_fail(cinfo->client_data, JPEG_BROKEN,
		         "the JPEG has more than %d scans; save it again as a baseline JPEG",
		         JPEG_WALK_MAX_SCANS);
}

/* The libjpeg colour space whose bytes read as ARGB8888 in a uint32_t. */
static J_COLOR_SPACE argb_space(void)
{
	const uint32_t probe = 1;
	unsigned char first;
	memcpy(&first, &probe, 1);
	return first == 1 ? JCS_EXT_BGRA : JCS_EXT_ARGB;
}

/* Converts n CMYK pixels at row (4 bytes each) in place to ARGB8888.
 * Without a colour profile this is the naive formula; Adobe's encoders
 * store CMYK inverted (0 is full ink), which their marker tells. */
static void cmyk_to_argb(uint32_t *row, size_t n, int adobe_inverted)
{
	const unsigned char *b = (const unsigned char *)row;
	for (size_t i = 0; i < n; i++, b += 4) {
		unsigned inv = adobe_inverted ? 0 : 255;
		unsigned c = b[0] ^ inv, m = b[1] ^ inv, y = b[2] ^ inv, k = b[3] ^ inv;
		uint32_t r = (c * k + 127) / 255, g = (m * k + 127) / 255, bl = (y * k + 127) / 255;
		row[i] = 0xFF000000u | r << 16 | g << 8 | bl;
	}
}

/* Reads the header, refuses oversized images and sets scale and colours. */
static void job_setup(struct jpeg_job *job, int min_w, int min_h)
{
	struct jpeg_decompress_struct *c = &job->cinfo;
	jpeg_read_header(c, TRUE);
	if (c->image_width > IMAGE_INFO_MAX_SIDE || c->image_height > IMAGE_INFO_MAX_SIDE ||
	    (uint64_t)c->image_width * c->image_height > IMAGE_INFO_MAX_PIXELS)
		job_fail(
		    job, JPEG_TOO_LARGE,
		    "the JPEG is %ux%u pixels; at most %d a side and %d megapixels can be shown",
		    c->image_width, c->image_height, IMAGE_INFO_MAX_SIDE,
		    IMAGE_INFO_MAX_PIXELS >> 20);
	c->scale_num =
	    (unsigned)jpeg_scale_for((int)c->image_width, (int)c->image_height, min_w, min_h);
	c->scale_denom = 8;
	int cmyk = c->jpeg_color_space == JCS_CMYK || c->jpeg_color_space == JCS_YCCK;
	c->out_color_space = cmyk ? JCS_CMYK : argb_space();
}

/* Skips rows in steps of whole iMCU rows (so each step only reads the
 * entropy-coded data), with the sink's pause between steps. */
static void job_skip(struct jpeg_job *job, int skip)
{
	struct jpeg_decompress_struct *c = &job->cinfo;
	int step = c->max_v_samp_factor * c->min_DCT_scaled_size * SKIP_STEP_IMCU_ROWS;
	while (skip > 0) {
		int n = skip < 2 * step ? skip : step;
		if (jpeg_skip_scanlines(c, (JDIMENSION)n) != (JDIMENSION)n)
			job_fail(job, JPEG_BROKEN, "the JPEG data ends before the image does");
		skip -= n;
		if (skip > 0 && job->sink->pause)
			job->sink->pause(job->sink->ctx);
	}
}

/* Decodes the rows the sink wants into it. */
static void job_read_rows(struct jpeg_job *job)
{
	struct jpeg_decompress_struct *c = &job->cinfo;
	jpeg_start_decompress(c);
	size_t w = c->output_width, h = c->output_height;
	if (c->output_components != 4)
		job_fail(job, JPEG_BROKEN, "the JPEG decoded to %d channels, not 4",
		         c->output_components);
	job->row = malloc(w * sizeof *job->row);
	int skip =
	    job->row ? job->sink->begin(job->sink->ctx, (int)w, (int)h, !jpeg_has_multiple_scans(c))
	             : -1;
	if (skip < 0)
		job_fail(job, JPEG_NO_MEMORY, "out of memory for a %zux%zu image", w, h);
	job_skip(job, skip);
	bool more = true;
	while (more && c->output_scanline < h) {
		JSAMPROW rows[1] = {(JSAMPROW)job->row};
		if (jpeg_read_scanlines(c, rows, 1) != 1)
			job_fail(job, JPEG_BROKEN, "the JPEG data ends before the image does");
		if (c->out_color_space == JCS_CMYK)
			cmyk_to_argb(job->row, w, c->saw_Adobe_marker);
		more = job->sink->row(job->sink->ctx, job->row);
	}
	if (more)
		jpeg_finish_decompress(c);
	if (job->ended_early) /* libjpeg made up the rows after the data ran out */
		job_fail(job, JPEG_BROKEN, "the JPEG data ends before the image does");
}

static void fd_init(j_decompress_ptr c)
{
	(void)c;
}

/* The next bytes of the file; past its end (or when it reads short: being
 * written), an end marker, with the warning libjpeg's own memory source
 * gives, so the decode is told the data ran out. */
static boolean fd_fill(j_decompress_ptr c)
{
	struct fd_source *s = (struct fd_source *)c->src;
	size_t want = s->len - s->pos < READ_AHEAD ? s->len - s->pos : READ_AHEAD;
	ssize_t got = want ? pread(s->fd, s->buf, want, (off_t)s->pos) : 0;
	if (got <= 0) {
		WARNMS(c, JWRN_JPEG_EOF);
		static const JOCTET eoi[2] = {0xFF, JPEG_EOI};
		s->pub.next_input_byte = eoi;
		s->pub.bytes_in_buffer = 2;
		return TRUE;
	}
	s->pos += (size_t)got;
	s->pub.next_input_byte = s->buf;
	s->pub.bytes_in_buffer = (size_t)got;
	return TRUE;
}

/* Skips n bytes: those in the buffer, then the file's without reading them. */
static void fd_skip(j_decompress_ptr c, long n)
{
	struct fd_source *s = (struct fd_source *)c->src;
	if (n <= 0)
		return;
	if ((size_t)n <= s->pub.bytes_in_buffer) {
		s->pub.next_input_byte += n;
		s->pub.bytes_in_buffer -= (size_t)n;
		return;
	}
	size_t rest = (size_t)n - s->pub.bytes_in_buffer;
	s->pub.bytes_in_buffer = 0;
	s->pos = rest < s->len - s->pos ? s->pos + rest : s->len;
}

static void fd_term(j_decompress_ptr c)
{
	(void)c;
}

/* Makes in the decode's source: libjpeg's own for memory, else an
 * fd_source. */
static void job_source(struct jpeg_job *job, const struct jpeg_input *in)
{
	j_decompress_ptr c = &job->cinfo;
	if (in->data) {
		jpeg_mem_src(c, in->data, (unsigned long)in->len);
		return;
	}
	struct fd_source *s = (*c->mem->alloc_small)((j_common_ptr)c, JPOOL_PERMANENT, sizeof *s);
	s->pub = (struct jpeg_source_mgr){
	    .init_source = fd_init,
	    .fill_input_buffer = fd_fill,
	    .skip_input_data = fd_skip,
	    .resync_to_restart = jpeg_resync_to_restart,
	    .term_source = fd_term,
	};
	s->fd = in->fd;
	s->len = in->len;
	s->pos = 0;
	c->src = &s->pub;
}

/* Runs the decode; on any libjpeg error comes back here through job_fail.
 * All state lives in *job, not in locals, so nothing is lost by longjmp. */
static enum jpeg_status job_run(struct jpeg_job *job, const struct jpeg_input *in, int min_w,
                                int min_h)
{
	if (setjmp(job->jump)) {
		jpeg_destroy_decompress(&job->cinfo);
		free(job->row);
		return job->status;
	}
	job->cinfo.err = jpeg_std_error(&job->jerr);
	job->jerr.error_exit = job_error_exit;
	job->jerr.emit_message = job_emit_message;
	job->jerr.output_message = job_output_message;
	job->cinfo.client_data = job; /* jpeg_create_decompress keeps it */
	jpeg_create_decompress(&job->cinfo);
	/* Whole-image coefficients beyond the budget fail (libjpeg-turbo has no
	 * backing store), as the content check refuses them: no decode of a
	 * hostile progressive file takes half a gigabyte. The budget is for
	 * those arrays; the rest libjpeg needs is a few rows. */
	job->cinfo.mem->max_memory_to_use = JPEG_WALK_COEF_BUDGET + (8 << 20);
	job->progress.progress_monitor = job_progress;
	job->cinfo.progress = &job->progress;
	job_source(job, in);
	job_setup(job, min_w, min_h);
	job_read_rows(job);
	jpeg_destroy_decompress(&job->cinfo);
	free(job->row);
	return JPEG_OK;
}

/* Reads n bytes at offset at of in into buf; how many it read. */
static size_t input_read(void *ctx, void *buf, size_t n, uint64_t at)
{
	const struct jpeg_input *in = ctx;
	if (at >= in->len)
		return 0;
	if (n > in->len - at)
		n = in->len - (size_t)at;
	if (in->data) {
		memcpy(buf, in->data + at, n);
		return n;
	}
	ssize_t got = pread(in->fd, buf, n, (off_t)at);
	return got > 0 ? (size_t)got : 0;
}

/* The length of in without trailing 0x00 padding; its last two bytes
 * before that into last (zeros when it is shorter). */
static size_t unpadded_len(const struct jpeg_input *in, unsigned char last[2])
{
	unsigned char buf[TAIL_STEP];
	size_t end = in->len;
	last[0] = last[1] = 0;
	while (end > 0) {
		size_t n = end < TAIL_STEP ? end : TAIL_STEP;
		if (input_read((void *)in, buf, n, end - n) != n)
			return 0;
		size_t k = n;
		while (k > 0 && buf[k - 1] == 0x00)
			k--;
		if (k == 0) {
			end -= n;
			continue;
		}
		end -= n - k;
		last[1] = buf[k - 1];
		if (k >= 2)
			last[0] = buf[k - 2];
		else if (end >= 2 && input_read((void *)in, last, 1, end - 2) != 1)
			return 0;
		return end;
	}
	return 0;
}

/* jpeg_decode of in. */
static enum jpeg_status decode(struct jpeg_input in, int min_w, int min_h,
                               const struct jpeg_sink *sink, char *err, size_t err_size)
{
	unsigned char head[2] = {0, 0}, last[2];
	size_t end = unpadded_len(&in, last);
	if (end < 2) {
		snprintf(err, err_size, _("the file is empty, perhaps still being copied"));
		return JPEG_INCOMPLETE;
	}
	if (input_read(&in, head, 2, 0) != 2 || head[0] != 0xFF || head[1] != 0xD8) {
		snprintf(err, err_size, _("the file is not a JPEG"));
		return JPEG_BROKEN;
	}
	if (end < 4 || last[0] != 0xFF || last[1] != 0xD9) {
		/* More after the image (a phone's trailer, a motion photo's
		 * video), or a file still being copied: the markers tell. */
		struct jpeg_walk w;
		enum jpeg_walk_err e = jpeg_walk(input_read, &in, in.len, true, &w);
		if (e == JPEG_WALK_CUT || e == JPEG_WALK_IO) {
			snprintf(err, err_size,
			         _("the JPEG has no end marker, perhaps still being copied"));
			return JPEG_INCOMPLETE;
		}
		if (e == JPEG_WALK_SCANS) {
			snprintf(
			    err, err_size,
			    _("the JPEG has more than %d scans; save it again as a baseline JPEG"),
			    JPEG_WALK_MAX_SCANS);
			return JPEG_BROKEN;
		}
		if (e == JPEG_WALK_OK)
			in.len = (size_t)w.end; /* libjpeg sees the image alone */
	}
	static const struct jpeg_job empty;
	struct jpeg_job job = empty;
	job.err = err;
	job.err_size = err_size;
	job.sink = sink;
	return job_run(&job, &in, min_w, min_h);
}

enum jpeg_status jpeg_decode(const unsigned char *data, size_t len, int min_w, int min_h,
                             const struct jpeg_sink *sink, char *err, size_t err_size)
{
	return decode((struct jpeg_input){data, -1, data ? len : 0}, min_w, min_h, sink, err,
	              err_size);
}

enum jpeg_status jpeg_decode_fd(int fd, size_t len, int min_w, int min_h,
                                const struct jpeg_sink *sink, char *err, size_t err_size)
{
	return decode((struct jpeg_input){NULL, fd, len}, min_w, min_h, sink, err, err_size);
}
