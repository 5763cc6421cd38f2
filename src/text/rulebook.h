/* rulebook: the content's one rule book. A content folder is loaded and
 * checked field by field (content_load), then its text as the screens will
 * draw it, with fonts (text_check). --check, the hall's first load and
 * every reload go through here, so the hall and --check give the same
 * errors and the same warnings for the same files. */
#ifndef TWINHALL_RULEBOOK_H
#define TWINHALL_RULEBOOK_H

#include "content/content.h"
#include "content/diag.h"

/* The content of folder dir, or NULL when it has an error; every problem
 * found, errors and warnings, is added to d. The text is checked with
 * fonts of the call's own (from hall.yaml's font_dirs), opened and closed
 * here, so any one thread may call it while SDL_ttf is started (TTF_Init);
 * when it is not, a warning says the text was not checked. */
struct content *rulebook_load(const char *dir, struct diag *d);

/* The same rules for the live hall (content_load_kept): errors, of the
 * text too, are kept to their city, which stays as it is in good or is
 * left out; NULL only when hall.yaml (or the hall's own text) has one. */
struct content *rulebook_load_kept(const char *dir, const struct content_store *store,
                                   const struct content *good, struct diag *d);

#endif
