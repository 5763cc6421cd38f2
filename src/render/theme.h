/* theme: the hall's colours, in one place so contrast can be checked. */
#ifndef TWINHALL_THEME_H
#define TWINHALL_THEME_H

#include "render/contrast.h"

struct theme {
	struct rgb backdrop_top, backdrop_bottom; /* behind items with no photo */
	struct rgb scrim;                         /* under text over photos */
	struct rgb text;                          /* names, captions */
	struct rgb text_soft;                     /* secondary lines */
	struct rgb accent;                        /* "twin city since", years */
	struct rgb warn;                          /* suspended or ended links */
	struct rgb placeholder;                   /* where an image could not be shown */
};

extern const struct theme theme;

#endif
