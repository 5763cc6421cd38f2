/* draw: the few shapes the hall draws besides text and images. */
#ifndef TWINHALL_DRAW_H
#define TWINHALL_DRAW_H

#include <SDL.h>

#include "contrast.h"
#include "layout.h"

/* Fills r with a vertical gradient from top (alpha a_top) to bottom (a_bottom). */
void draw_gradient(SDL_Renderer *ren, struct rect r, struct rgb top, Uint8 a_top, struct rgb bottom,
                   Uint8 a_bottom);

/* Fills r with colour c at alpha a. */
void draw_fill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a);

/* Fills a circle. */
void draw_circle(SDL_Renderer *ren, int cx, int cy, int radius, struct rgb c, Uint8 a);

/* Fills a rectangle with fully rounded ends (a pill). */
void draw_pill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a);

/* Copies tex (its whole area) into dst. */
void draw_texture(SDL_Renderer *ren, SDL_Texture *tex, struct rect dst);

#endif
