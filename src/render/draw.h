/* draw: the few shapes the hall draws besides text and images. */
#ifndef TWINHALL_DRAW_H
#define TWINHALL_DRAW_H

#include <SDL.h>
#include <stdbool.h>

#include "render/contrast.h"
#include "base/layout.h"

/* Fills r with a vertical gradient from top (alpha a_top) to bottom (a_bottom). */
void draw_gradient(SDL_Renderer *ren, struct rect r, struct rgb top, Uint8 a_top, struct rgb bottom,
                   Uint8 a_bottom);

/* Fills r with colour c fading horizontally from alpha a_left to a_right. */
void draw_gradient_h(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a_left, Uint8 a_right);

/* A scrim: body filled with c at alpha a, fading to nothing over soft px
 * above it and over soft px on the sides named (left, right), corners
 * included, so no edge shows over a photo. */
void draw_soft_box(SDL_Renderer *ren, struct rect body, int soft, bool left, bool right,
                   struct rgb c, Uint8 a);

/* Fills r with colour c at alpha a. */
void draw_fill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a);

/* Fills a circle. */
void draw_circle(SDL_Renderer *ren, int cx, int cy, int radius, struct rgb c, Uint8 a);

/* A line thick px wide through the n points xy (x0, y0, x1, y1, ...), as
 * triangles; joins are not rounded, so keep its turns gentle. */
void draw_polyline(SDL_Renderer *ren, const float *xy, int n, float thick, struct rgb c, Uint8 a);

/* Fills a rectangle with fully rounded ends (a pill). */
/* An opaque ring of radius (to the line's middle) and thickness, drawn from
 * twelve o'clock clockwise for fraction (0..1) of the way round. */
void draw_ring(SDL_Renderer *ren, int cx, int cy, int radius, int thickness, double fraction,
               struct rgb c);

void draw_pill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a);

enum draw_dir { DRAW_LEFT, DRAW_RIGHT, DRAW_DOWN };

/* A chevron (‹, › or ⌄) centred on cx, cy: arms size px long, thick px
 * wide, pointing dir. Made of filled rows (or columns) like the other
 * shapes, so the software renderer draws it at memory speed. */
void draw_chevron(SDL_Renderer *ren, int cx, int cy, int size, int thick, enum draw_dir dir,
                  struct rgb c, Uint8 a);

/* A w x h texture to draw a whole screen into and then blend whole (a
 * crossfade, a slide). It has no alpha channel: blended at one alpha, such
 * a layer takes SDL's SIMD path, about five times faster in the software
 * renderer than one with an alpha per pixel. NULL on failure. */
SDL_Texture *draw_layer_new(SDL_Renderer *ren, int w, int h);

/* Copies tex (its whole area) into dst. */
void draw_texture(SDL_Renderer *ren, SDL_Texture *tex, struct rect dst);

#endif
