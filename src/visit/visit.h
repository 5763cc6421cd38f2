/* visit: the hall as visitors use it, on one renderer: the attract loop,
 * waking it with a touch, the screens they explore, the way back to the
 * attract loop when they leave. Touch input goes in; frames come out. */
#ifndef TWINHALL_VISIT_H
#define TWINHALL_VISIT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "content/content.h"
#include "input/gesture.h"
#include "nav/nav.h"
#include "text/text.h"

struct visit;

enum { VISIT_HOLD_MS = 1000 };

/* A visit of content c (which must outlive it) drawn with ren and text on a
 * w x h screen with dpi dots per inch (0: unknown), starting on the attract
 * loop in language lang; wake_event is the SDL event type its image loaders
 * push. trace, when not NULL, gets one JSON line per change of place. NULL
 * on failure (said on stderr). */
struct visit *visit_new(SDL_Renderer *ren, struct text *text, const struct content *c, int lang,
                        int w, int h, float dpi, Uint32 wake_event, FILE *trace);

/* Frees everything the visit holds. Accepts NULL. */
void visit_free(struct visit *v);

/* The screen is now w x h. */
void visit_resize(struct visit *v, int w, int h);

/* How many times a place has been drawn (into a layer) so far: frames that
 * only show layers again, as a crossfade's do, do not count. */
unsigned long visit_places_drawn(const struct visit *v);

/* The content is now c (it must outlive the visit; the old one may be
 * freed once this returns). The visitor stays where they were (see
 * nav_carry); images whose files changed are decoded again, the others
 * kept. The last frame stays on screen until the new place's images are
 * decoded (at most VISIT_HOLD_MS), then it crossfades to the new content.
 * False when out of memory: the visit then keeps the old content. */
bool visit_set_content(struct visit *v, const struct content *c, uint64_t now_ms);

/* Takes in images decoded on workers (call on wake_event). */
void visit_take_images(struct visit *v);

/* A pointer input (a finger or the mouse) at its time. */
void visit_input(struct visit *v, const struct gesture_input *in);

/* Moves time on to now_ms; true when the screen must be redrawn. */
bool visit_update(struct visit *v, uint64_t now_ms);

/* When visit_update next has something to do: now_ms while something moves,
 * UINT64_MAX when nothing is scheduled. */
uint64_t visit_deadline(const struct visit *v, uint64_t now_ms);

/* Burn-in care: the frames are shown shifted by dx, dy pixels (touches
 * are shifted back); a change redraws. */
void visit_set_shift(struct visit *v, int dx, int dy);

/* Draws the current frame into the renderer's current target. */
void visit_draw(struct visit *v, uint64_t now_ms);

/* Back to the start of the attract loop in the starting language, letting
 * go of the layers, the loop's slides and cached text and images (the
 * screen goes dark for the night, or wakes from it). */
void visit_sleep(struct visit *v, uint64_t now_ms);

/* Goes straight to place s (for --at): no transition. */
void visit_goto(struct visit *v, const struct nav_state *s);

/* True while images for the current frame are still being decoded, or its
 * text rasterised by the text worker. */
bool visit_loading(const struct visit *v);

/* True while the screen still shows an earlier frame: the place drawn last
 * waits for its text, or a crossfade waits at its start for the new place's
 * text (or, after a reload, its images). */
bool visit_holding(const struct visit *v);

/* The image textures held now and their bytes. */
void visit_images(const struct visit *v, size_t *textures, size_t *bytes);

/* The text textures held now and their bytes. */
void visit_texts(const struct visit *v, size_t *textures, size_t *bytes);

struct deriv_cache;

/* Reads pictures from d at the sizes this screen shows them and keeps them
 * there (texture_cache_use_derivs), for content loaded through the store;
 * every photo and gift picture of the content is written there in the
 * background, now and after each new content. d is borrowed: it must
 * outlive the visit. Call once, after visit_new. */
void visit_use_derivs(struct visit *v, struct deriv_cache *d);

/* How many images were made textures from the derivative cache so far
 * (since the last new image cache). */
size_t visit_images_derived(const struct visit *v);

/* The current place. */
const struct nav_state *visit_state(const struct visit *v);

#endif
