/* notice: the calm screen shown while the content cannot be shown (it has
 * errors and there is nothing good to fall back to): a word for visitors
 * in both languages, and for staff what is wrong and how to check it. */
#ifndef TWINHALL_NOTICE_H
#define TWINHALL_NOTICE_H

#include <SDL.h>

#include "content/diag.h"
#include "text/text.h"

struct notice;

/* A notice drawing with ren and the fonts text (both borrowed, outliving
 * it), its text kept as textures between frames. NULL when out of memory. */
struct notice *notice_new(SDL_Renderer *ren, struct text *text);

/* Frees the notice and its textures. Accepts NULL. */
void notice_free(struct notice *n);

/* Lets go of the textures (the renderer lost them); drawn again as needed. */
void notice_forget(struct notice *n);

/* Draws the notice over the whole w x h render target; d holds the content
 * problems (staff are told how many, and where to read them: the public
 * sees no file paths). */
void notice_draw(struct notice *n, int w, int h, struct diag *d);

#endif
