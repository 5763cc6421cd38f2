/* layout: where everything goes on a screen of a given size. Pure
 * arithmetic, resolution-independent: sizes are designed at 1080 px on the
 * short side and scaled by layout.u. */
#ifndef TWINHALL_LAYOUT_H
#define TWINHALL_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

struct rect {
	int x, y, w, h;
};

/* The size of the reading texts: as designed, or LAYOUT_LARGE_PCT percent
 * of it for a visitor who asked for larger text. Buttons keep their size. */
enum layout_text { LAYOUT_TEXT_NORMAL, LAYOUT_TEXT_LARGE };
enum { LAYOUT_LARGE_PCT = 130 };

struct layout {
	int w, h;
	bool portrait;
	double u; /* pixels per design pixel: short side / 1080 */
	enum layout_text text;
	int text_pct; /* percent of the designed size reading texts are drawn at */
	int margin;
	/* Font pixel sizes: reading texts at text_pct; a button's label at size_button. */
	int size_hall, size_name, size_sub, size_body, size_small, size_year, size_heading;
	int size_button;
	/* The lines a photo's caption and the line under it (year, credit) may
	 * take on the photo screen: more in large text, so nothing is cut. */
	int caption_lines, credit_lines;
	int gap;             /* vertical gap between text blocks */
	struct rect photo;   /* where photos are drawn, covering it */
	struct rect panel;   /* where the lower-third text lives: scrim at full strength */
	int scrim_top;       /* y where the scrim starts from transparent */
	uint8_t scrim_alpha; /* scrim strength behind text, 0..255 */
	struct rect stage;   /* the area above the panel for history and gift items */
	struct rect topbar;  /* the hall title strip */
	int flag_h;          /* flag height in the city header (4:3 flags) */
	int text_w;          /* the widest a text line may be in the panel */
};

/* The layout for a w x h screen (each at least 16), texts as designed. */
struct layout layout_compute(int w, int h);

/* The same with its reading texts at the size text says. */
struct layout layout_compute_text(int w, int h, enum layout_text text);

/* The part of a src_w x src_h image to show so that it covers dst without
 * distortion, centred (a crop rectangle in image coordinates). */
struct rect layout_cover(int src_w, int src_h, struct rect dst);

/* The largest rectangle of the image's aspect ratio inside dst, centred. */
struct rect layout_contain(int src_w, int src_h, struct rect dst);

/* The row of buttons (design px): LAYOUT_BUTTON_H tall, LAYOUT_BAR_EDGE
 * from the screen's edge (the top's, or the bottom's in reach mode), with
 * LAYOUT_BAR_ROOM clear between it and what is drawn above it. */
enum { LAYOUT_BUTTON_H = 80, LAYOUT_BAR_EDGE = 40, LAYOUT_BAR_ROOM = 24 };

/* In reach mode, the lowest y content may reach above the row of buttons. */
int layout_reach_bottom(const struct layout *l);

/* Pixels for a design size d (at 1080 px short side), never below 1. */
int layout_px(const struct layout *l, double d);

/* Pixels for a reading text of design size d: layout_px of d at text_pct. */
int layout_text_px(const struct layout *l, double d);

#endif
