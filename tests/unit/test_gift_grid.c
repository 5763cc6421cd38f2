/* The gift grid scrolls: with more gifts than fit, every gift can be
 * dragged into view and opened (gift 7 and later were out of reach), and
 * only the cards on screen and the rows next to them are decoded, however
 * many gifts a city has (2000 gifts took 1.6 GB). Software renderer, the
 * fixture content with gifts added to Agrigento, no window. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <unistd.h>

#include "content/content.h"
#include "nav/nav.h"
#include "test.h"
#include "text/text.h"
#include "visit/visit.h"
#include "visit/visit_private.h" /* the visit's touch targets */

enum { W = 960, H = 540 };

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;

#include "visit_world.h"

static char root[64];

/* A copy of the fixture with Agrigento's gifts made n: each added one a
 * file of its own (a hard link to the first gift's photo). */
static bool make_content(const char *dir, int n)
{
	char cmd[512], rel[128], src[256], dst[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp -r tests/fixtures/content '%s'", dir, dir);
	if (system(cmd) != 0)
		return false;
	snprintf(src, sizeof src, "%s/cities/agrigento/gifts/01-sicilian-ceramics.jpg", dir);
	snprintf(rel, sizeof rel, "cities/agrigento/city.yaml");
	for (int i = 3; i <= n; i++) {
		char entry[512];
		snprintf(dst, sizeof dst, "%s/cities/agrigento/gifts/g%04d.jpg", dir, i);
		if (link(src, dst) != 0)
			return false;
		snprintf(entry, sizeof entry,
		         "  - file: gifts/g%04d.jpg\n    title:\n      ru: Подарок %d\n"
		         "      en: Gift %d\n    description:\n      ru: Подарок.\n"
		         "      en: A gift.\n    given_by:\n      ru: Пермь\n      en: Perm\n"
		         "    year: 2018\n",
		         i, i, i);
		if (test_write_file(dir, rel, entry, "a") != 0)
			return false;
	}
	return true;
}

static void finger(struct world *w, enum gesture_input_kind k, float x, float y)
{
	struct gesture_input in = {k, 1, x, y, w->now};
	visit_input(w->v, &in);
}

/* A slow drag up by dy px from the middle of the screen (no fling). */
static void drag_up(struct world *w, float dy)
{
	float x = W / 2.0f, y = H * 0.8f;
	finger(w, GESTURE_IN_DOWN, x, y);
	for (int k = 1; k <= 20; k++) {
		w->now += 40;
		finger(w, GESTURE_IN_MOVE, x, y - dy * (float)k / 20.0f);
		world_frame(w);
	}
	w->now += 400; /* held still: no velocity left */
	finger(w, GESTURE_IN_MOVE, x, y - dy);
	finger(w, GESTURE_IN_UP, x, y - dy);
	world_run(w, 0);
}

static const struct hit_target *gift_target(struct world *w, int gift)
{
	const struct hit_list *h = &w->v->ui.hits;
	for (int i = 0; i < h->n; i++)
		if (h->t[i].id == NAV_EV_OPEN_GIFT && h->t[i].arg == gift)
			return &h->t[i];
	return NULL;
}

static int gift_targets(struct world *w)
{
	int n = 0;
	for (int i = 0; i < w->v->ui.hits.n; i++)
		n += w->v->ui.hits.t[i].id == NAV_EV_OPEN_GIFT;
	return n;
}

static void test_every_gift_reachable(void)
{
	char dir[128];
	snprintf(dir, sizeof dir, "%s/twelve", root);
	CHECK(make_content(dir, 12));
	struct world w;
	if (!world_open_dir(&w, dir, "city/agrigento/gifts"))
		return;
	world_run(&w, 0);
	world_frame(&w);
	CHECK(gift_target(&w, 0) != NULL);
	CHECK(gift_target(&w, 11) == NULL); /* below the screen */
	int drags = 0;
	while (!gift_target(&w, 11) && drags++ < 30)
		drag_up(&w, 200);
	const struct hit_target *t = gift_target(&w, 11);
	CHECK(t != NULL);
	if (t) { /* and a tap on it opens it */
		float x = (float)(t->r.x + t->r.w / 2), y = (float)(t->r.y + t->r.h / 2);
		CHECK(y >= 0 && y < H);
		finger(&w, GESTURE_IN_DOWN, x, y);
		w.now += 60;
		finger(&w, GESTURE_IN_UP, x, y);
		world_run(&w, 0);
		CHECK_INT(visit_state(w.v)->screen, NAV_GIFT);
		CHECK_INT(visit_state(w.v)->item, 11);
	}
	world_close(&w);
}

static void test_two_thousand_gifts_bounded(void)
{
	char dir[128];
	snprintf(dir, sizeof dir, "%s/many", root);
	CHECK(make_content(dir, 2000));
	struct world w;
	if (!world_open_dir(&w, dir, "city/agrigento/gifts"))
		return;
	world_run(&w, 0);
	world_frame(&w);
	/* what is on screen: a row or two, not two thousand */
	int shown = gift_targets(&w);
	CHECK(shown > 0 && shown <= 9);
	size_t textures, bytes;
	visit_images(w.v, &textures, &bytes);
	CHECK(textures <= 4 * 3 + 2); /* the rows shown and the next, and the flag */
	for (int i = 0; i < 5; i++)
		drag_up(&w, 300);
	visit_images(w.v, &textures, &bytes);
	CHECK(gift_target(&w, 0) == NULL);
	/* the cache keeps its byte budget (three screens of pixels) */
	CHECK(bytes <= 3 * (size_t)W * H * 4);
	world_close(&w);
}

int main(void)
{
	snprintf(root, sizeof root, "/tmp/twinhall-gifts-XXXXXX");
	if (!mkdtemp(root) || !world_screen_begin())
		return 1;
	RUN(test_every_gift_reachable);
	RUN(test_two_thousand_gifts_bounded);
	world_screen_end();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		return 1;
	return failures_ ? 1 : 0;
}
