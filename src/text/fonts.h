/* fonts: the font files of each text face as a chain, the face's own Noto
 * font first, then Noto CJK of the same weight for what it lacks; and the
 * open TTF_Fonts per (face, place in the chain, size). A struct fonts is
 * used by one thread at a time; several threads may each have their own. */
#ifndef TWINHALL_FONTS_H
#define TWINHALL_FONTS_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/text.h"

enum { FONTS_CHAIN_MAX = 3 };

struct fonts;

/* Finds every face's files, looking first in the directories dirs (n of
 * them, may be 0), then assets/fonts beside the program, the installed
 * assets, and Debian's Noto directories. NULL, said on stderr, when a face's
 * own font is missing; a missing fallback only shortens its chain. */
struct fonts *fonts_new(const char *const *dirs, size_t n);

/* Closes every font. Accepts NULL. */
void fonts_free(struct fonts *f);

/* How many fonts face's chain has (at least 1). */
int fonts_chain_length(const struct fonts *f, enum text_face face);

/* Font slot of face's chain at px, opened on first use and kept; NULL when
 * the slot does not exist or cannot be opened. Each slot is one font whose
 * size this sets: the pointer is for use at px until the next call. */
TTF_Font *fonts_get(struct fonts *f, enum text_face face, int slot, int px);

/* Whether slot of face's chain has a glyph for cp. */
bool fonts_covers(struct fonts *f, enum text_face face, int slot, uint32_t cp);

/* The file of a slot, for messages. */
const char *fonts_path(const struct fonts *f, enum text_face face, int slot);

#endif
