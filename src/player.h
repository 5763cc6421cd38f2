/* player: plays the attract loop on a window's renderer: asks the loader
 * for the next item's images ahead of time, composes each item once into a
 * screen-sized texture, and crossfades between two of them. */
#ifndef TWINHALL_PLAYER_H
#define TWINHALL_PLAYER_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "text.h"

struct player;

/* A player for content c (which must outlive it) drawing with ren and text,
 * in language lang, on a w x h screen; wake_event is the SDL event type the
 * image loader pushes. NULL on failure (said on stderr). */
struct player *player_new(SDL_Renderer *ren, struct text *text, const struct content *c, int lang,
                          int w, int h, Uint32 wake_event);

/* Stops the loader and frees every texture. Accepts NULL. */
void player_free(struct player *p);

/* The screen is now w x h: lay out anew and compose again. */
void player_resize(struct player *p, int w, int h);

/* Takes in decoded images (call on wake_event). */
void player_take_images(struct player *p);

/* Moves the loop on to now_ms; true when the screen must be redrawn. */
bool player_update(struct player *p, uint64_t now_ms);

/* When player_update next has something to do: now_ms during a fade (every
 * frame), the end of the hold otherwise, UINT64_MAX while waiting on images. */
uint64_t player_deadline(const struct player *p, uint64_t now_ms);

/* Draws the current picture (the renderer target must be the window). */
void player_draw(struct player *p, uint64_t now_ms);

#endif
