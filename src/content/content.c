/* content: the model's small accessors; loading is in content_load.c. */
#include "content/content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

struct content *content_hold(struct content *c)
{
	if (c)
		atomic_fetch_add(&c->refs, 1);
	return c;
}

void content_free(struct content *c)
{
	if (!c || atomic_fetch_sub(&c->refs, 1) > 0)
		return;
	arena_free(c->arena);
	free(c);
}

int content_lang_index(const struct content *c, const char *code)
{
	for (int i = 0; c && code && i < c->hall.n_langs; i++)
		if (strcmp(c->hall.langs[i], code) == 0)
			return i;
	return -1;
}

const char *content_text(const struct i18n *t, int lang)
{
	if (lang >= 0 && lang < CONTENT_MAX_LANGS && t->s[lang])
		return t->s[lang];
	return t->s[0] ? t->s[0] : "";
}

void content_counts(const struct content *c, size_t *cities, size_t *photos, size_t *history,
                    size_t *gifts)
{
	size_t np = 0, nh = 0, ng = 0;
	for (size_t i = 0; i < c->hall.n_cities; i++) {
		np += c->hall.cities[i].n_photos;
		nh += c->hall.cities[i].n_history;
		ng += c->hall.cities[i].n_gifts;
	}
	if (cities)
		*cities = c->hall.n_cities;
	if (photos)
		*photos = np;
	if (history)
		*history = nh;
	if (gifts)
		*gifts = ng;
}

size_t content_font_dirs(const struct content *c, const char **out, char (*buf)[512], size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < c->hall.n_font_dirs && n < cap; i++) {
		const char *d = c->hall.font_dirs[i];
		int len = d[0] == '/' ? snprintf(buf[n], sizeof buf[n], "%s", d)
		                      : snprintf(buf[n], sizeof buf[n], "%s/%s", c->root, d);
		if (len > 0 && (size_t)len < sizeof buf[n]) { /* a cut path is another folder */
			out[n] = buf[n];
			n++;
		}
	}
	return n;
}
