#include "content/content_city.h"

#include <string.h>

#include "base/i18n.h"

#define SHAPE(var, this_name, a_name, ...)                                                         \
	static const struct content_field var##_fields[] = {__VA_ARGS__, {NULL, 0, NULL}};         \
	static const struct content_shape var = {this_name, a_name, var##_fields}

SHAPE(city_shape, "city.yaml", "city.yaml",
      {"name", 1, N_("the city's name, one line per language")},
      {"native_name", 1, N_("the name in the city's own language and script")},
      {"country", 1, N_("the country, one line per language")},
      {"flag", 1, N_("the flag image, such as flag.png")},
      {"location", 1, N_("lat: and lon: of the city on the map")},
      {"twinned_since", 1, N_("year: and signed: of the twinning")}, {"status", 0, NULL},
      {"photos", 0, NULL}, {"history", 0, NULL}, {"gifts", 0, NULL});
SHAPE(location_shape, "\"location\"", "\"location\"",
      {"lat", 1, N_("the latitude, such as 49.261")},
      {"lon", 1, N_("the longitude, such as 6.143")});
SHAPE(twinned_shape, "\"twinned_since\"", "\"twinned_since\"",
      {"year", 1, N_("the year the twinning was signed")},
      {"signed", 1, N_("what was signed, one line per language")});
SHAPE(status_shape, "\"status\"", "\"status\"", {"state", 1, N_("active, suspended or ended")},
      {"year", 0, NULL}, {"note", 0, NULL});
SHAPE(photo_shape, N_("this photo"), N_("a photo"), {"file", 1, N_("which image to show")},
      {"caption", 1, N_("the text shown with the photo, one line per language")}, {"year", 0, NULL},
      {"credit", 0, NULL});
SHAPE(history_shape, N_("this history entry"), N_("a history entry"),
      {"year", 1, N_("the year it happened")},
      {"text", 1, N_("what happened, one line per language")});
SHAPE(gift_shape, N_("this gift"), N_("a gift"), {"file", 1, N_("which image to show")},
      {"title", 1, N_("the gift's name, one line per language")},
      {"description", 1, N_("a description, one line per language")},
      {"given_by", 1, N_("who gave it, one line per language")}, {"year", 0, NULL});

static void read_status(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                        struct city *c)
{
	static const char *const states[] = {"active", "suspended", "ended"};
	const struct yaml_doc_node *v = yaml_doc_get(root, "status");
	c->status = LINK_ACTIVE;
	for (int i = 0; i < CONTENT_MAX_LANGS; i++)
		c->status_note.s[i] = "";
	if (!v || (v->kind == YAML_DOC_SCALAR && strcmp(v->str, "active") == 0))
		return;
	if (v->kind == YAML_DOC_SCALAR) {
		content_fields_error(x, v,
		                     "\"status\" must be the word active, or fields such as "
		                     "state: ended, year: and note:, not \"%s\"",
		                     v->str);
		return;
	}
	if (!content_fields_check(x, v, &status_shape, "\"status\""))
		return;
	const struct yaml_doc_node *st = yaml_doc_get(v, "state");
	if (!st)
		return;
	size_t i = 0;
	while (i < 3 && !(st->kind == YAML_DOC_SCALAR && strcmp(st->str, states[i]) == 0))
		i++;
	if (i == 3) {
		content_fields_error(
		    x, st, "\"state\" must be active, suspended or ended, not %s%s%s",
		    st->kind == YAML_DOC_SCALAR ? "\"" : "",
		    st->kind == YAML_DOC_SCALAR ? st->str : content_fields_kind(st),
		    st->kind == YAML_DOC_SCALAR ? "\"" : "");
		return;
	}
	c->status = (enum link_status)i;
	if (c->status == LINK_ACTIVE)
		return;
	bool ended = c->status == LINK_ENDED;
	if (!yaml_doc_get(v, "year") && ended)
		content_fields_error(x, v,
		                     "\"status\" has no \"year\": when the twinning was ended");
	else if (!yaml_doc_get(v, "year"))
		content_fields_error(x, v,
		                     "\"status\" has no \"year\": when the twinning was suspended");
	if (!yaml_doc_get(v, "note") && ended)
		content_fields_error(x, v,
		                     "\"status\" has no \"note\": why it was ended, one line per "
		                     "language");
	else if (!yaml_doc_get(v, "note"))
		content_fields_error(
		    x, v,
		    "\"status\" has no \"note\": why it was suspended, one line per "
		    "language");
	content_fields_int(x, v, "year", 1900, 2100, &c->status_year);
	content_fields_text(x, v, "note", &c->status_note);
}

/* The items of list field key, or NULL (also when absent); reports a
 * value that is not a list. */
static const struct yaml_doc_node *list_field(struct content_fields_ctx *x,
                                              const struct yaml_doc_node *root, const char *key,
                                              const char *first)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, key);
	if (v && v->kind != YAML_DOC_SEQUENCE) {
		if (v->kind == YAML_DOC_SCALAR && v->len == 0 && v->plain)
			return NULL; /* "photos:" with nothing after it: an empty list */
		content_fields_error(x, v,
		                     "\"%s\" must be a list, each item starting with \"- %s:\", "
		                     "not %s",
		                     key, first, content_fields_kind(v));
		return NULL;
	}
	return v;
}

/* Errors so far. */
static size_t errors(const struct content_fields_ctx *x)
{
	return diag_count(x->d, DIAG_ERROR);
}

/* The screen photos are judged for: most halls' (a 4K screen shows a
 * 1920 x 1080 photo as sharp as most viewers can tell). A photo that must
 * be enlarged more than PHOTO_MAX_ENLARGE times to cover it looks blurred. */
enum { PHOTO_SCREEN_W = 1920, PHOTO_SCREEN_H = 1080 };
#define PHOTO_MAX_ENLARGE 1.5

static void photo_size(struct content_fields_ctx *x, const struct yaml_doc_node *it,
                       const struct image_ref *im)
{
	int lo = im->width < im->height ? im->width : im->height;
	int hi = im->width < im->height ? im->height : im->width;
	if (lo <= 0)
		return;
	double by = (double)PHOTO_SCREEN_W / hi > (double)PHOTO_SCREEN_H / lo
	                ? (double)PHOTO_SCREEN_W / hi
	                : (double)PHOTO_SCREEN_H / lo;
	if (by > PHOTO_MAX_ENLARGE)
		content_fields_warning(
		    x, yaml_doc_get(it, "file"),
		    "this photo is only %d x %d pixels: the screen shows it %.1f "
		    "times enlarged, blurred; use one of at least 1920 x 1280",
		    im->width, im->height, by);
}

static void read_photos(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                        struct city *c)
{
	const struct yaml_doc_node *v = list_field(x, root, "photos", "file");
	struct photo *p = v && v->n ? arena_alloc(x->a, v->n * sizeof *p) : NULL;
	if (!p) {
		const struct yaml_doc_node *where = yaml_doc_get(root, "photos");
		content_fields_warning(x, where ? where : root,
		                       "this city has no photos; the attract loop shows only its "
		                       "flag and facts");
		return;
	}
	size_t n = 0; /* a photo with errors is left out (content_load_kept) */
	for (size_t i = 0; i < v->n; i++) {
		const struct yaml_doc_node *it = v->items[i];
		size_t before = errors(x);
		struct photo ph = {0};
		if (content_fields_check(x, it, &photo_shape, N_("each photo"))) {
			if (content_fields_image(x, it, "file", &ph.image))
				photo_size(x, it, &ph.image);
			content_fields_text(x, it, "caption", &ph.caption);
			content_fields_int(x, it, "year", 1800, 2100, &ph.year);
			content_fields_text_or_line(x, it, "credit", &ph.credit);
		}
		if (errors(x) == before)
			p[n++] = ph;
		else
			x->item_errors += errors(x) - before;
	}
	c->photos = p;
	c->n_photos = n;
}

static void read_history(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                         struct city *c)
{
	const struct yaml_doc_node *v = list_field(x, root, "history", "year");
	struct history_entry *h = v && v->n ? arena_alloc(x->a, v->n * sizeof *h) : NULL;
	if (!h)
		return;
	for (size_t i = 0; i < v->n; i++) {
		const struct yaml_doc_node *it = v->items[i];
		if (!content_fields_check(x, it, &history_shape, N_("each history entry")))
			continue;
		content_fields_int(x, it, "year", 1000, 2100, &h[i].year);
		content_fields_text(x, it, "text", &h[i].text);
		if (i > 0 && h[i].year && h[i - 1].year > h[i].year)
			content_fields_warning(
			    x, yaml_doc_get(it, "year"),
			    "%d comes after %d: history is shown in the order it "
			    "is written, oldest first; move this entry up",
			    h[i].year, h[i - 1].year);
	}
	c->history = h;
	c->n_history = v->n;
}

static void read_gifts(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                       struct city *c)
{
	const struct yaml_doc_node *v = list_field(x, root, "gifts", "file");
	struct gift *g = v && v->n ? arena_alloc(x->a, v->n * sizeof *g) : NULL;
	if (!g)
		return;
	size_t n = 0; /* a gift with errors is left out (content_load_kept) */
	for (size_t i = 0; i < v->n; i++) {
		const struct yaml_doc_node *it = v->items[i];
		size_t before = errors(x);
		struct gift gf = {0};
		if (content_fields_check(x, it, &gift_shape, N_("each gift"))) {
			content_fields_image(x, it, "file", &gf.image);
			content_fields_text(x, it, "title", &gf.title);
			content_fields_text(x, it, "description", &gf.description);
			content_fields_text(x, it, "given_by", &gf.given_by);
			content_fields_int(x, it, "year", 1800, 2100, &gf.year);
		}
		if (errors(x) == before)
			g[n++] = gf;
		else
			x->item_errors += errors(x) - before;
	}
	c->gifts = g;
	c->n_gifts = n;
}

void content_city_read(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                       struct city *c)
{
	if (!content_fields_check(x, root, &city_shape, "city.yaml"))
		return;
	content_fields_text(x, root, "name", &c->name);
	content_fields_string(x, root, "native_name", &c->native_name);
	content_fields_text(x, root, "country", &c->country);
	content_fields_image(x, root, "flag", &c->flag);
	const struct yaml_doc_node *loc = yaml_doc_get(root, "location");
	if (loc && content_fields_check(x, loc, &location_shape, "\"location\"")) {
		content_fields_number(x, loc, "lat", -90, 90, &c->lat);
		content_fields_number(x, loc, "lon", -180, 180, &c->lon);
	}
	const struct yaml_doc_node *tw = yaml_doc_get(root, "twinned_since");
	if (tw && content_fields_check(x, tw, &twinned_shape, "\"twinned_since\"")) {
		content_fields_int(x, tw, "year", 1900, 2100, &c->twinned_year);
		content_fields_text(x, tw, "signed", &c->twinned_what);
	}
	read_status(x, root, c);
	read_photos(x, root, c);
	read_history(x, root, c);
	read_gifts(x, root, c);
}
