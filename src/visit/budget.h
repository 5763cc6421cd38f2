/* budget: the bytes of textures a visit keeps, from the screen's size, so
 * a larger screen keeps as many screens' worth and a smaller one no more
 * than it shows. Plain arithmetic, no SDL. */
#ifndef TWINHALL_BUDGET_H
#define TWINHALL_BUDGET_H

#include <stddef.h>

struct budget {
	size_t images; /* decoded images (photos, flags, gifts): texture_cache */
	size_t texts;  /* rasterised text: text_cache */
};

enum {
	/* The photo shown and both neighbours, each at most a screen: a
	 * prefetched neighbour must still be there when swiped to. */
	BUDGET_IMAGE_SCREENS = 3,
	/* The texts of the place on screen and what is asked for ahead (the
	 * neighbours' captions) stay under a screen's area: text rarely
	 * overlaps itself, and a place left is kept in a layer, not as text. */
	BUDGET_TEXT_SCREENS = 1,
	/* Never less than this for text, on however small a screen: a few
	 * labels of a tiny window must not thrash. */
	BUDGET_TEXT_MIN = 2 << 20,
};

/* The budgets for a w x h screen (4 bytes a pixel); sizes below 1 count
 * as 1. */
struct budget budget_for(int w, int h);

#endif
