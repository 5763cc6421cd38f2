#include "text/rulebook.h"

#include <SDL_ttf.h>

#include "text/text.h"
#include "text/text_check.h"

/* The text of c checked with fonts opened for it and closed after: the
 * loader thread's own, never the render thread's. */
static void check_text(const struct content *c, struct diag *d)
{
	if (!TTF_WasInit()) {
		diag_add(d, DIAG_WARNING, NULL, 0, 0,
		         "the text was not checked: the fonts could not be started");
		return;
	}
	struct text *t = text_new_for(NULL, c);
	if (t)
		text_check_content(t, c, d);
	else
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "no font found (install fonts-noto-core)");
	text_free(t);
}

struct content *rulebook_load(const char *dir, struct diag *d)
{
	size_t errors = diag_count(d, DIAG_ERROR);
	struct content *c = content_load(dir, d);
	if (!c)
		return NULL;
	check_text(c, d);
	if (diag_count(d, DIAG_ERROR) == errors)
		return c;
	content_free(c);
	return NULL;
}

struct content *rulebook_load_kept(const char *dir, const struct content_store *store,
                                   const struct content *good, struct diag *d)
{
	struct content *c = content_load_kept(dir, store, good, d);
	if (!c)
		return NULL;
	size_t first = diag_size(d);
	check_text(c, d);
	if (content_keep_errors(c, d, first, good) == 0)
		return c;
	content_free(c);
	return NULL;
}
