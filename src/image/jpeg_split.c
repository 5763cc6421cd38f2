#include "image/jpeg_split.h"

#include <stdio.h>
#include <string.h>

#include "base/frame_signal.h"
#include "base/i18n.h"

enum {
	/* A smaller decode is over too soon for a second thread to matter. */
	SPLIT_MIN_PIXELS = 2000000,
	/* This thread makes the top 78% of the output rows, the helper the
	 * rest, so both end together: skipping a row costs the helper 0.56 of
	 * decoding it (a 24 MP baseline photo at 3/8), and the helper, sharing the render
	 * thread's core and pausing while frames are drawn, runs about 1.2
	 * times slower (make bench, 2 cores). */
	SPLIT_TOP_PERMILLE = 780,
	/* An offer nobody took by a fifth of the rows is taken back: a helper
	 * starting later would end after this thread alone. */
	SPLIT_WAIT_PERMILLE = 200,
};

enum split_state {
	SPLIT_NONE,    /* decoded by this thread alone from the start */
	SPLIT_OFFERED, /* the lower band is up on the board */
	SPLIT_HELPED,  /* a helper makes the lower band */
	SPLIT_ALONE,   /* nobody came: this thread makes both bands */
};

struct split {
	struct resize *r;
	struct offer_board *board;
	bool urgent; /* offers its lower part; else helps with others' */
	const unsigned char *data;
	size_t len;
	int min_w, min_h;
	enum split_state state;
	int dec_w, dec_h; /* the decoded size */
	int settle_row;   /* the decoded row by which an offer is settled */
	struct offer offer;
	enum jpeg_status helper_status;
	char helper_err[200];
};

/* Takes the offer back, or leaves the lower band to the helper that has it. */
static void settle(struct split *s)
{
	if (offer_board_take_back(s->board, &s->offer)) {
		s->state = SPLIT_ALONE;
	} else {
		s->state = SPLIT_HELPED;
		resize_drop_band(s->r);
	}
}

static int split_begin(void *ctx, int w, int h, bool one_scan)
{
	struct split *s = ctx;
	int skip = resize_begin(s->r, w, h);
	if (skip < 0 || !s->board || !s->urgent || !one_scan || (long)w * h < SPLIT_MIN_PIXELS)
		return skip;
	struct resize *r = s->r;
	if (resize_split(r, (int)((long)r->out_h * SPLIT_TOP_PERMILLE / 1000)) != 0)
		return skip;
	s->dec_w = w;
	s->dec_h = h;
	s->settle_row = r->crop.y + (int)((long)r->crop.h * SPLIT_WAIT_PERMILLE / 1000);
	if (s->settle_row > r->crop.y + r->first[1]) /* before any row of the lower band */
		s->settle_row = r->crop.y + r->first[1];
	s->state = SPLIT_OFFERED;
	offer_board_post(s->board, &s->offer);
	return skip;
}

static bool split_row(void *ctx, const uint32_t *row)
{
	struct split *s = ctx;
	if (s->state == SPLIT_OFFERED && s->r->y >= s->settle_row)
		settle(s);
	else if (s->board && !s->urgent)
		offer_board_help(s->board);        /* a photo on screen before this one */
	frame_signal_wait_below(FRAME_TRANSITION); /* not while a transition's frame is drawn */
	return resize_row(s->r, row);
}

/* The helper's sink: the lower band only, into the same result. */
struct part {
	struct split *s;
	struct resize band;
};

static int part_begin(void *ctx, int w, int h, bool one_scan)
{
	struct part *p = ctx;
	(void)one_scan;
	if (w != p->s->dec_w || h != p->s->dec_h)
		return -1;
	return resize_begin_band(&p->band, p->s->r, p->s->r->split);
}

/* Not while a frame is drawn. */
static void part_pause(void *ctx)
{
	(void)ctx;
	frame_signal_wait_below(FRAME_DRAWING); /* a helper: not while any frame is drawn */
}

static bool part_row(void *ctx, const uint32_t *row)
{
	struct part *p = ctx;
	part_pause(p);
	return resize_row(&p->band, row);
}

/* The offer's work, on the helper's thread. */
static void help(void *ctx)
{
	struct part p = {.s = ctx};
	struct jpeg_sink sink = {part_begin, part_row, &p, part_pause};
	struct split *s = p.s;
	s->helper_status = jpeg_decode(s->data, s->len, s->min_w, s->min_h, &sink, s->helper_err,
	                               sizeof s->helper_err);
	if (s->helper_status == JPEG_OK && !resize_complete(&p.band)) {
		s->helper_status = JPEG_BROKEN;
		snprintf(s->helper_err, sizeof s->helper_err, "%s",
		         _("the image ends before all its rows"));
	}
	resize_free(&p.band);
}

enum jpeg_status jpeg_split_decode(const unsigned char *data, size_t len, int min_w, int min_h,
                                   struct resize *r, struct offer_board *board, bool urgent,
                                   char *err, size_t err_size)
{
	struct split s = {.r = r,
	                  .board = board,
	                  .urgent = urgent,
	                  .data = data,
	                  .len = len,
	                  .min_w = min_w,
	                  .min_h = min_h,
	                  .offer = {.run = help}};
	s.offer.ctx = &s;
	struct jpeg_sink sink = {split_begin, split_row, &s, NULL};
	enum jpeg_status st = jpeg_decode(data, len, min_w, min_h, &sink, err, err_size);
	if (s.state == SPLIT_OFFERED) /* ended (or failed) before settling */
		settle(&s);
	if (s.state == SPLIT_HELPED) {
		offer_board_wait(board, &s.offer);
		if (st == JPEG_OK && s.helper_status != JPEG_OK) {
			st = s.helper_status;
			snprintf(err, err_size, "%s", s.helper_err);
		}
	}
	return st;
}
