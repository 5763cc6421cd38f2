/* tint: translucent fills of one colour drawn as blends of a texture of
 * that colour. The software renderer blends a texture at one alpha on its
 * SIMD path but fills a translucent rectangle a pixel at a time: a caption
 * scrim costs about a fifth as a texture (docs/performance.md). Render
 * thread only. */
#ifndef TWINHALL_TINT_H
#define TWINHALL_TINT_H

#include <SDL.h>

#include "render/contrast.h"
#include "base/layout.h"

/* The texture of the colour last asked for; zeroed is empty. */
struct tint {
	SDL_Texture *tex;
	struct rgb c;
	int w; /* its width: the widest fill so far */
};

/* Fills r with colour c, its alpha going from a_top at the top row to
 * a_bottom at the bottom one (equal for an even tint), as bands of one
 * alpha. Falls back to a plain fill when the texture cannot be made. */
void tint_draw(struct tint *t, SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a_top,
               Uint8 a_bottom);

/* Lets go of the texture (before its renderer goes, or after a reset). */
void tint_free(struct tint *t);

#endif
