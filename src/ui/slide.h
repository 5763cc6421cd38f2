/* slide: one item of the attract loop drawn as a whole screen: its photo or
 * backdrop, the city's lower third, and the item's own text. */
#ifndef TWINHALL_SLIDE_H
#define TWINHALL_SLIDE_H

#include <SDL.h>

#include "ui/attract.h"
#include "content/content.h"
#include "image/image_decode.h"
#include "base/layout.h"
#include "text/text.h"

struct slide_env {
	SDL_Renderer *ren;
	struct text *text;
	const struct layout *l;
	const struct content *c;
	int lang; /* index into hall.langs */
};

/* The decoded images a slide shows; a NULL texture draws a placeholder. */
struct slide_art {
	SDL_Texture *image;
	int image_w, image_h;
	SDL_Texture *flag;
	int flag_w, flag_h;
};

/* The item's main image, or NULL when it has none; box and fit say at what
 * size to decode it. */
const struct image_ref *slide_image(const struct content *c, const struct layout *l,
                                    struct attract_item it, struct rect *box, enum image_fit *fit);

/* The box a city's flag is decoded for, for the lower third. */
struct rect slide_flag_box(const struct layout *l);

/* Draws item it over the whole of the current render target. */

void slide_draw(const struct slide_env *e, struct attract_item it, const struct slide_art *art);

#endif
