/* hints: the cues that tell a visitor what can be done: arrows at the
 * edges of a paged screen, "more below" on a scrolled one, the way out of
 * a zoom, and the count-down before the hall goes back to its loop. */
#ifndef TWINHALL_HINTS_H
#define TWINHALL_HINTS_H

#include "ui/ui.h"

/* The width of the edge bands a tap turns the page in (pager_edge). */
int hints_edge_band(const struct ui *ui);

/* Round arrows at the left and right edges, at the height of centre_y:
 * only toward pages that exist (item of count). Taps on them are edge
 * taps (the screen turns the page), so they register no target. */
void hints_page_arrows(struct ui *ui, int item, int count, int centre_y);

/* "More below" with a downward chevron, centred on the bottom edge of a
 * scrolled area ending at bottom; returns the pill's rectangle (a tap
 * there scrolls on). */
struct rect hints_more_below(struct ui *ui, int bottom);

/* The pill that ends a zoom, at the bottom centre; returns its rectangle
 * (the screen takes the tap). */
struct rect hints_zoom_out(struct ui *ui);

/* The count-down before the hall goes back to its loop, secs left,
 * across the middle of the screen. */
void hints_idle_warning(struct ui *ui, int secs);

#endif
