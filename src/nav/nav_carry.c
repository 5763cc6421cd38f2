/* nav_carry: where a visitor stays when the content changes under them. */
#include <string.h>

#include "nav/nav.h"

static int find_city(const struct hall *h, const char *id)
{
	for (size_t i = 0; i < h->n_cities; i++)
		if (strcmp(h->cities[i].id, id) == 0)
			return (int)i;
	return NAV_NONE;
}

static int find_lang(const struct hall *h, const char *code)
{
	for (int i = 0; i < h->n_langs; i++)
		if (strcmp(h->langs[i], code) == 0)
			return i;
	return 0;
}

/* The image of item i of the section on screen sc, NULL when none. */
static const char *item_image(const struct city *c, enum nav_screen sc, int i)
{
	if (i < 0)
		return NULL;
	if (sc == NAV_PHOTOS && (size_t)i < c->n_photos)
		return c->photos[i].image.path;
	if (sc == NAV_GIFT && (size_t)i < c->n_gifts)
		return c->gifts[i].image.path;
	return NULL;
}

/* The item of c on screen sc showing image path, or keep when none does. */
static int find_item(const struct city *c, enum nav_screen sc, const char *path, int keep)
{
	for (int i = 0; path && item_image(c, sc, i); i++)
		if (strcmp(item_image(c, sc, i), path) == 0)
			return i;
	return keep;
}

static size_t section_size(const struct city *c, enum nav_screen sc)
{
	return sc == NAV_PHOTOS                    ? c->n_photos
	       : sc == NAV_HISTORY                 ? c->n_history
	       : sc == NAV_GIFTS || sc == NAV_GIFT ? c->n_gifts
	                                           : 0;
}

struct nav_state nav_carry(const struct hall *from, const struct hall *to, struct nav_state s)
{
	if (s.screen == NAV_ATTRACT)
		s.lang = 0; /* the loop plays in the default language */
	else if (s.lang >= 0 && s.lang < from->n_langs)
		s.lang = find_lang(to, from->langs[s.lang]);
	bool in_city = s.city >= 0 && (size_t)s.city < from->n_cities && s.screen != NAV_ATTRACT &&
	               s.screen != NAV_HOME;
	if (!in_city)
		return nav_repair(to, s);
	const struct city *old = &from->cities[s.city];
	const char *image = item_image(old, s.screen, s.item);
	s.city = find_city(to, old->id);
	if (s.city == NAV_NONE)
		return nav_repair(to, s); /* the city went: home */
	const struct city *now = &to->cities[s.city];
	s.item = find_item(now, s.screen, image, s.item);
	if (section_size(now, s.screen) == 0) {
		/* The section went: the city's first one left, as opening it does. */
		enum nav_screen order[] = {NAV_PHOTOS, NAV_HISTORY, NAV_GIFTS};
		for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
			if (section_size(now, order[i])) {
				s.screen = order[i];
				s.item = order[i] == NAV_PHOTOS ? 0 : NAV_NONE;
				break;
			}
		}
	}
	return nav_repair(to, s);
}
