/* text_check: what --check says about the content's text as the screen will
 * draw it: characters no font has (errors: they would show as boxes) and
 * texts longer than the space the screens give them at the reference size
 * 1920x1080 (warnings: they will end with "…"). */
#ifndef TWINHALL_TEXT_CHECK_H
#define TWINHALL_TEXT_CHECK_H

#include "content/content.h"
#include "content/diag.h"
#include "text/text.h"

/* The reference screen the fit warnings are computed for. */
enum { TEXT_CHECK_W = 1920, TEXT_CHECK_H = 1080 };

/* Checks every text of c with the fonts of t, adding problems to d. */
void text_check_content(struct text *t, const struct content *c, struct diag *d);

#endif
