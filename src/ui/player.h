/* player: plays the attract loop on a window's renderer: asks the loader
 * for the next item's images and the text worker for its text ahead of
 * time, composes each item once into a screen-sized texture, and
 * crossfades between two of them. */
#ifndef TWINHALL_PLAYER_H
#define TWINHALL_PLAYER_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "content/content.h"
#include "render/texture_cache.h"
#include "text/text.h"
#include "text/text_cache.h"

struct player;

/* A player for content c drawing with ren and the fonts text, its text
 * from the cache texts and its images from the cache images (all borrowed
 * and outliving it), in language lang, on a w x h screen; asleep (see
 * player_sleep) until first updated. NULL when out of memory. */
struct player *player_new(SDL_Renderer *ren, struct text *text, struct text_cache *texts,
                          struct texture_cache *images, const struct content *c, int lang, int w,
                          int h);

/* Stops the loader and frees every texture. Accepts NULL. */
void player_free(struct player *p);

/* The screen is now w x h: lay out anew and compose again. */
void player_resize(struct player *p, int w, int h);

/* Moves the loop on to now_ms; true when the screen must be redrawn. */
bool player_update(struct player *p, uint64_t now_ms);

/* When player_update next has something to do: now_ms during a fade (every
 * frame), the end of the hold otherwise, UINT64_MAX while waiting on images. */
uint64_t player_deadline(const struct player *p, uint64_t now_ms);

/* Lets go of the composed slides while the loop is not seen; they are
 * composed again when it is. */
void player_sleep(struct player *p);

/* Draws the current picture (the renderer target must be the window). */

void player_draw(struct player *p, uint64_t now_ms);

#endif
