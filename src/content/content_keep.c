#include "content/content_keep.h"

#include "content/content_hall.h"

#include <stdio.h>
#include <string.h>

/* s copied into a; NULL stays NULL. Sets *bad when out of memory. */
static const char *dup(struct arena *a, const char *s, bool *bad)
{
	if (!s)
		return NULL;
	const char *d = arena_strdup(a, s);
	*bad |= d == NULL;
	return d;
}

static void copy_loc(struct arena *a, struct src_loc *l, bool *bad)
{
	l->file = dup(a, l->file, bad);
}

static void copy_text(struct arena *a, struct i18n *t, bool *bad)
{
	for (int i = 0; i < CONTENT_MAX_LANGS; i++) {
		t->s[i] = dup(a, t->s[i], bad);
		copy_loc(a, &t->loc[i], bad);
	}
}

static void copy_image(struct arena *a, struct image_ref *r, bool *bad)
{
	bool same = r->file == r->path;
	r->path = dup(a, r->path, bad);
	r->file = same ? r->path : dup(a, r->file, bad);
	copy_loc(a, &r->loc, bad);
}

/* A copy in a of the n items of size bytes at p; NULL when n is 0. */
static void *copy_list(struct arena *a, const void *p, size_t n, size_t size, bool *bad)
{
	if (!n)
		return NULL;
	void *d = arena_alloc(a, n * size);
	if (d)
		memcpy(d, p, n * size);
	*bad |= d == NULL;
	return d;
}

int content_keep_copy_city(struct arena *a, const struct city *from, struct city *to)
{
	bool bad = false;
	*to = *from;
	to->id = dup(a, from->id, &bad);
	to->yaml = dup(a, from->yaml, &bad);
	to->native_name = dup(a, from->native_name, &bad);
	copy_text(a, &to->name, &bad);
	copy_text(a, &to->country, &bad);
	copy_text(a, &to->twinned_what, &bad);
	copy_text(a, &to->status_note, &bad);
	copy_image(a, &to->flag, &bad);
	struct photo *p = copy_list(a, from->photos, from->n_photos, sizeof *p, &bad);
	for (size_t i = 0; p && i < from->n_photos; i++) {
		copy_image(a, &p[i].image, &bad);
		copy_text(a, &p[i].caption, &bad);
		copy_text(a, &p[i].credit, &bad);
	}
	struct history_entry *h = copy_list(a, from->history, from->n_history, sizeof *h, &bad);
	for (size_t i = 0; h && i < from->n_history; i++)
		copy_text(a, &h[i].text, &bad);
	struct gift *g = copy_list(a, from->gifts, from->n_gifts, sizeof *g, &bad);
	for (size_t i = 0; g && i < from->n_gifts; i++) {
		copy_image(a, &g[i].image, &bad);
		copy_text(a, &g[i].title, &bad);
		copy_text(a, &g[i].description, &bad);
		copy_text(a, &g[i].given_by, &bad);
	}
	to->photos = p;
	to->history = h;
	to->gifts = g;
	return bad ? -1 : 0;
}

/* good's city of id when its texts are in hall's languages; else NULL. */
static const struct city *good_city(const struct content *good, const struct hall *hall,
                                    const char *id)
{
	if (!good || good->hall.n_langs != hall->n_langs ||
	    memcmp(good->hall.langs, hall->langs, sizeof hall->langs) != 0)
		return NULL;
	for (size_t i = 0; i < good->hall.n_cities; i++)
		if (strcmp(good->hall.cities[i].id, id) == 0)
			return &good->hall.cities[i];
	return NULL;
}

int content_keep_errors(struct content *c, struct diag *d, size_t first, const struct content *good)
{
	bool broken[CONTENT_HALL_MAX_CITIES] = {0};
	bool any = false;
	for (size_t i = 0; i < diag_size(d); i++) {
		const struct diag_item *it = diag_get(d, i); /* sorted: seq tells the new */
		if (it->level != DIAG_ERROR || it->seq < first)
			continue;
		size_t k = 0;
		for (; k < c->hall.n_cities && k < CONTENT_HALL_MAX_CITIES; k++) {
			char rel[128];
			snprintf(rel, sizeof rel, "cities/%s/city.yaml", c->hall.cities[k].id);
			if (it->file && strcmp(it->file, rel) == 0)
				break;
		}
		if (k == c->hall.n_cities || k == CONTENT_HALL_MAX_CITIES)
			return -1; /* hall.yaml's, or of no file */
		broken[k] = any = true;
		((struct city *)&c->hall.cities[k])->origin = CITY_NEW; /* not shown trimmed */
	}
	if (!any)
		return 0;
	return content_keep_cities(c->arena, &c->hall, broken, good, d) > 0 ? 0 : -1;
}

long content_keep_cities(struct arena *a, struct hall *hall, const bool *broken,
                         const struct content *good, struct diag *d)
{
	struct city *cities = (struct city *)hall->cities;
	size_t n = 0;
	for (size_t i = 0; i < hall->n_cities; i++) {
		const struct city *g = broken[i] ? good_city(good, hall, cities[i].id) : NULL;
		char rel[128];
		snprintf(rel, sizeof rel, "cities/%s/city.yaml", cities[i].id);
		if (g && content_keep_copy_city(a, g, &cities[n]) != 0)
			return -1;
		if (g) {
			cities[n++].origin = CITY_KEPT;
		} else if (!broken[i]) {
			cities[n++] = cities[i];
		} else if (cities[i].origin == CITY_TRIMMED) {
			diag_add(d, DIAG_WARNING, rel, 0, 0,
			         "until its errors are fixed, the city \"%s\" is shown without the "
			         "photos and gifts that have them",
			         cities[i].id);
			cities[n++] = cities[i];
		} else {
			diag_add(d, DIAG_WARNING, rel, 0, 0,
			         "until its errors are fixed, the city \"%s\" is not shown",
			         cities[i].id);
		}
	}
	hall->n_cities = n;
	return (long)n;
}
