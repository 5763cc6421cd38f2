/* slide: one item of the attract loop drawn as a whole screen: its photo or
 * backdrop, the city's lower third, and the item's own text. */
#ifndef TWINHALL_SLIDE_H
#define TWINHALL_SLIDE_H

#include <SDL.h>
#include <stddef.h>

#include "base/layout.h"
#include "content/content.h"
#include "image/image_decode.h"
#include "text/text.h"
#include "ui/attract.h"
#include "ui/ui.h"

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

/* Draws item it over the whole of the current render target with ui's
 * renderer, layout, content and language (ui->nav.lang), its text through
 * ui's text cache (ui_label): rasterised here only when not in yet. */
void slide_draw(struct ui *ui, struct attract_item it, const struct slide_art *art);

/* Asks ui's text worker for every text slide_draw will draw for item it
 * (ui_label_prefetch), so the slide can be drawn later without a raster. */
void slide_prefetch(struct ui *ui, struct attract_item it);

/* How many of the texts slide_draw would draw for it with art the text
 * worker is still drawing: 0 when the slide can be drawn without a
 * raster on this thread of anything asked for ahead. */
size_t slide_pending(struct ui *ui, struct attract_item it, const struct slide_art *art);

#endif
