/* pager: swipe paging (the Photos viewer, the gift detail). Pages 0..count-1
 * lie side by side, each page_width px wide; the visitor drags the current
 * one left or right and lets go, and it settles on a page. Pure C over plain
 * data: the position is a function of the state and the time, so it is the
 * same at any frame rate. Times are uint64_t monotonic milliseconds; a time
 * earlier than the last one counts as no time.
 *
 * The position is in pages: 1.25 is a quarter of the way from page 1 to
 * page 2. Draw page floor(pos) at x = -(pos - floor(pos)) * page_width and
 * the next one a page_width to its right, skipping pages that do not exist
 * (past either end the position goes below 0 or above count - 1 while
 * dragging). A finger moving left (negative dx, vx) brings later pages. */
#ifndef TWINHALL_PAGER_H
#define TWINHALL_PAGER_H

#include <stdbool.h>
#include <stdint.h>

#include "input/ease.h"

enum pager_mode {
	PAGER_REST, /* still on page index */
	PAGER_DRAG, /* following a finger */
	PAGER_ANIM, /* settling on page index */
};

struct pager {
	int count;   /* pages, at least 1 */
	int index;   /* the page shown at rest, or being settled on */
	float width; /* px per page */
	enum pager_mode mode;
	float drag_from; /* DRAG: the position where the drag began */
	float drag_dx;   /* DRAG: the finger's travel since then, px */
	float from;      /* ANIM: the position at t0 */
	uint64_t t0;     /* ANIM: when it began */
	uint32_t dur_ms; /* ANIM: how long it takes */
	enum ease_curve curve;
};

/* A pager at rest on page index (clamped) of count (below 1 counts as 1),
 * page_width px wide (not positive or not finite: 1). */
void pager_init(struct pager *p, int count, int index, float page_width);

/* The finger has moved dx px horizontally since the drag began; the first
 * call after a release, pager_go or pager_set begins a drag from where the
 * pages are at now. They follow 1:1, stiffly past the first and last page.
 * Non-finite dx is ignored. */
void pager_drag(struct pager *p, float dx, uint64_t now);

/* The finger lifted at vx px/s: settles on the neighbouring page when the
 * drag passed a third of a page toward it or flicked toward it at 400 px/s
 * or more, otherwise back on the page it left; never past the ends. Returns
 * the page it settles on (pager_index), easing there in 250 to 350 ms.
 * Outside a drag it changes nothing and returns pager_index. */
int pager_release(struct pager *p, float vx, uint64_t now);

/* Eases to page index (clamped) from wherever the pages are at now, in 250
 * to 350 ms; ends a drag (for a gesture CANCEL: pager_go to pager_index). */
void pager_go(struct pager *p, int index, uint64_t now);

/* Shows page index (clamped) at once, ending any drag or animation. */
void pager_set(struct pager *p, int index);

/* The position at now, in pages; exactly the index once settled. */
float pager_position(const struct pager *p, uint64_t now);

/* The page shown at rest or being settled on; during a drag, the one
 * settled on before it. */
int pager_index(const struct pager *p);

/* True while an animation runs at now (draw again soon); false at rest and
 * while dragging (redraw on each pager_drag instead). */
bool pager_moving(const struct pager *p, uint64_t now);

/* Where a tap at x on a page width px wide turns it: -1 in the left edge
 * band (the previous page), +1 in the right one (the next), 0 between.
 * The bands are band px wide, at most a third of the width each. */
int pager_edge(float x, float width, float band);

/* A new page width (ignored unless positive and finite): the position in
 * pages is kept, a drag goes on from where it shows. */
void pager_resize(struct pager *p, float page_width);

#endif
