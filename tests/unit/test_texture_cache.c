/* The texture cache on a software renderer (no window, no display), with
 * images written to a temporary folder: a first get is LOADING, the wake
 * event brings READY at the right size, failures stick without new reads,
 * the budget holds across frames, and results for cleared entries are
 * dropped. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "render/texture_cache.h"

enum { WAIT_MS = 5000 };

static int failures_;
static SDL_Surface *target;
static SDL_Renderer *ren;
static Uint32 wake;
static int wakes; /* wake events seen: one for every decode done */
static char dir[] = "/tmp/twinhall-texture-cache.XXXXXX";

static struct texture_cache_stats stats(const struct texture_cache *c)
{
	struct texture_cache_stats s;
	texture_cache_stats(c, &s);
	return s;
}

/* Waits (at most WAIT_MS) until nothing is loading, taking results on each
 * wake event; returns how many takes reported a change. */
static int wait_idle(struct texture_cache *c)
{
	int changes = 0;
	Uint64 end = SDL_GetTicks64() + WAIT_MS;
	while (stats(c).loading > 0 && SDL_GetTicks64() < end) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, 100) && ev.type == wake) {
			wakes++;
			changes += texture_cache_take(c);
		}
	}
	return changes;
}

/* Takes what arrives for ms more (c may be NULL); returns whether anything
 * changed. Decodes asked for twice would show as extra wake events. */
static bool settle(struct texture_cache *c, int ms)
{
	SDL_Event ev;
	bool changed = false;
	Uint64 end = SDL_GetTicks64() + (Uint64)ms;
	while (SDL_GetTicks64() < end)
		if (SDL_WaitEventTimeout(&ev, 20) && ev.type == wake) {
			wakes++;
			changed |= c && texture_cache_take(c);
		}
	return changed;
}

static enum texture_state state_of(struct texture_cache *c, const char *path, int w, int h,
                                   enum image_fit fit, int *tw, int *th)
{
	enum texture_state st;
	texture_cache_get(c, path, w, h, fit, tw, th, &st);
	return st;
}

static void test_loads_off_thread_to_size(void)
{
	settle(NULL, 50); /* events left by an earlier test */
	wakes = 0;
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	int tw = -1, th = -1;
	enum texture_state st;
	CHECK(texture_cache_get(c, "wide.png", 64, 64, IMAGE_COVER, &tw, &th, &st) == NULL);
	CHECK_INT(st, TEXTURE_LOADING);
	CHECK_INT(tw, 0);
	for (int i = 0; i < 10; i++) /* asked for once, not on every call */
		CHECK_INT(state_of(c, "wide.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	CHECK_INT(state_of(c, "tall.jpg", 64, 64, IMAGE_CONTAIN, &tw, &th), TEXTURE_LOADING);
	CHECK_INT(stats(c).misses, 2);
	CHECK_INT(stats(c).loading, 2);
	CHECK(wait_idle(c) >= 1);
	SDL_Texture *t = texture_cache_get(c, "wide.png", 64, 64, IMAGE_COVER, &tw, &th, &st);
	CHECK(t != NULL);
	CHECK_INT(st, TEXTURE_READY);
	CHECK_INT(tw, 64);
	CHECK_INT(th, 64);
	int qw = 0, qh = 0;
	SDL_QueryTexture(t, NULL, NULL, &qw, &qh);
	CHECK_INT(qw, 64);
	CHECK_INT(qh, 64);
	CHECK_INT(state_of(c, "tall.jpg", 64, 64, IMAGE_CONTAIN, &tw, &th), TEXTURE_READY);
	CHECK_INT(th, 64); /* 120 x 160 into 64 x 64: 48 x 64 */
	CHECK_INT(tw, 48);
	CHECK_INT(stats(c).misses, 2);
	CHECK_INT(stats(c).textures, 2);
	CHECK_INT(stats(c).bytes, 64 * 64 * 4 + 48 * 64 * 4);
	CHECK(!settle(c, 200));
	CHECK_INT(wakes, 2); /* no decode was asked for twice */
	texture_cache_free(c);
}

static void test_failure_sticks_until_clear(void)
{
	settle(NULL, 50); /* events left by an earlier test */
	wakes = 0;
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	int tw, th;
	CHECK_INT(state_of(c, "missing.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	CHECK_INT(state_of(c, "broken.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	CHECK(wait_idle(c) >= 1);
	for (int frame = 0; frame < 5; frame++) {
		CHECK_INT(state_of(c, "missing.png", 64, 64, IMAGE_COVER, &tw, &th),
		          TEXTURE_FAILED);
		CHECK_INT(state_of(c, "broken.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_FAILED);
		texture_cache_frame(c);
	}
	CHECK_INT(stats(c).misses, 2);
	CHECK_INT(stats(c).failed, 2);
	CHECK_INT(stats(c).textures, 0);
	CHECK(!settle(c, 200));
	CHECK_INT(wakes, 2); /* not read again */
	texture_cache_clear(c);
	CHECK_INT(stats(c).failed, 0);
	CHECK_INT(state_of(c, "missing.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	CHECK_INT(stats(c).misses, 3);
	wait_idle(c);
	CHECK_INT(state_of(c, "missing.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_FAILED);
	texture_cache_free(c);
}

static int save_png(int w, int h, Uint8 r, Uint8 g, Uint8 b, const char *name);

/* Issue 20, point 3: an image that failed once (its folder renamed away
 * for a moment) is read again after a reload, which forgets failures;
 * pictures that are READY stay. */
static void test_failure_retried_after_reload(void)
{
	settle(NULL, 50);
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	int tw, th;
	CHECK_INT(state_of(c, "later.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	CHECK_INT(state_of(c, "wide.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	wait_idle(c);
	CHECK_INT(state_of(c, "later.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_FAILED);
	CHECK_INT(save_png(8, 8, 0, 0, 255, "later.png"), 0); /* the file is back */
	CHECK_INT(state_of(c, "later.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_FAILED);
	CHECK_INT(texture_cache_retry_failed(c), 1);
	CHECK_INT(state_of(c, "later.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	wait_idle(c);
	CHECK_INT(state_of(c, "later.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_READY);
	CHECK_INT(state_of(c, "wide.png", 32, 32, IMAGE_COVER, &tw, &th), TEXTURE_READY);
	CHECK_INT(stats(c).failed, 0);
	texture_cache_free(c);
}

/* Writes the first n bytes of tall.jpg as name: a JPEG still being copied. */
static void save_truncated_jpeg(const char *name, long n)
{
	char from[128], to[128], buf[512];
	snprintf(from, sizeof from, "%s/tall.jpg", dir);
	snprintf(to, sizeof to, "%s/%s", dir, name);
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	CHECK(in && out);
	size_t got = in ? fread(buf, 1, (size_t)n, in) : 0;
	if (out)
		fwrite(buf, 1, got, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

/* A changed file is decoded again at every size it is used; meanwhile,
 * and when the new file is still being copied, the old picture is given.
 * Failed entries of it are forgotten; other files and a path that only
 * begins the same are left alone. */
static void test_refresh_a_changed_file(void)
{
	settle(NULL, 50);
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	int tw, th;
	CHECK_INT(save_png(100, 50, 9, 9, 9, "changed.png"), 0);
	state_of(c, "changed.png", 64, 64, IMAGE_CONTAIN, &tw, &th);
	state_of(c, "changed.png", 32, 32, IMAGE_CONTAIN, &tw, &th);
	state_of(c, "broken.png", 64, 64, IMAGE_COVER, &tw, &th);
	wait_idle(c);
	CHECK_INT(state_of(c, "changed.png", 64, 64, IMAGE_CONTAIN, &tw, &th), TEXTURE_READY);
	CHECK_INT(tw, 64);
	CHECK_INT(th, 32);
	CHECK_INT(save_png(50, 100, 9, 9, 9, "changed.png"), 0); /* now tall */
	CHECK_INT(texture_cache_refresh(c, "changed.pn"), 0);
	CHECK_INT(texture_cache_refresh(c, "changed.png"), 2);
	CHECK_INT(texture_cache_refresh(c, "broken.png"), 1);
	CHECK_INT(stats(c).failed, 0);
	CHECK_INT(stats(c).loading, 2);
	CHECK_INT(state_of(c, "changed.png", 64, 64, IMAGE_CONTAIN, &tw, &th), TEXTURE_READY);
	CHECK_INT(tw, 64); /* the old picture until the new one is in */
	CHECK_INT(stats(c).textures, 2);
	CHECK(wait_idle(c) >= 1);
	CHECK_INT(state_of(c, "changed.png", 64, 64, IMAGE_CONTAIN, &tw, &th), TEXTURE_READY);
	CHECK_INT(tw, 32);
	CHECK_INT(th, 64);
	CHECK_INT(stats(c).bytes, 32 * 64 * 4 + 16 * 32 * 4);

	save_truncated_jpeg("changed.png", 300); /* a copy under way */
	CHECK_INT(texture_cache_refresh(c, "changed.png"), 2);
	wait_idle(c);
	CHECK_INT(stats(c).loading, 0);
	CHECK_INT(state_of(c, "changed.png", 64, 64, IMAGE_CONTAIN, &tw, &th), TEXTURE_READY);
	CHECK_INT(tw, 32); /* still the last picture that could be shown */
	CHECK_INT(th, 64);
	size_t misses = stats(c).misses;
	CHECK_INT(state_of(c, "broken.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING);
	CHECK_INT(stats(c).misses, misses + 1);
	wait_idle(c);
	texture_cache_free(c);
}

static void test_size_and_fit_are_part_of_the_key(void)
{
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	int w1, h1, w2, h2, w3, h3;
	enum texture_state st;
	state_of(c, "wide.png", 64, 64, IMAGE_COVER, &w1, &h1);
	state_of(c, "wide.png", 32, 32, IMAGE_COVER, &w1, &h1);
	state_of(c, "wide.png", 64, 64, IMAGE_CONTAIN, &w1, &h1);
	CHECK_INT(stats(c).misses, 3);
	wait_idle(c);
	SDL_Texture *a = texture_cache_get(c, "wide.png", 64, 64, IMAGE_COVER, &w1, &h1, &st);
	SDL_Texture *b = texture_cache_get(c, "wide.png", 32, 32, IMAGE_COVER, &w2, &h2, &st);
	SDL_Texture *d = texture_cache_get(c, "wide.png", 64, 64, IMAGE_CONTAIN, &w3, &h3, &st);
	CHECK(a && b && d && a != b && b != d && a != d);
	CHECK_INT(w2, 32);
	CHECK_INT(h2, 32);
	CHECK_INT(w3, 64); /* 200 x 100 into 64 x 64: 64 x 32 */
	CHECK_INT(h3, 32);
	CHECK_INT(stats(c).textures, 3);
	texture_cache_free(c);
}

/* Gets image i (n.png) at 64 x 64 and waits until it is in. */
static SDL_Texture *load(struct texture_cache *c, int i)
{
	char path[32];
	int tw, th;
	enum texture_state st;
	snprintf(path, sizeof path, "%d.png", i);
	SDL_Texture *t = texture_cache_get(c, path, 64, 64, IMAGE_COVER, &tw, &th, &st);
	if (st == TEXTURE_LOADING) {
		wait_idle(c);
		t = texture_cache_get(c, path, 64, 64, IMAGE_COVER, &tw, &th, &st);
	}
	return t;
}

static void test_budget_and_lru_across_frames(void)
{
	enum { ONE = 64 * 64 * 4, BUDGET = 3 * ONE };
	struct texture_cache *c = texture_cache_new(ren, dir, BUDGET, wake);
	for (int i = 1; i <= 6; i++) {
		CHECK(load(c, 0) != NULL); /* on screen all the time */
		CHECK(load(c, i) != NULL);
		CHECK(stats(c).bytes <= BUDGET + 3 * ONE); /* this and the last frame's */
		texture_cache_frame(c);
		CHECK(stats(c).bytes <= BUDGET + 2 * ONE);
	}
	CHECK(stats(c).evictions >= 3);
	CHECK_INT(stats(c).misses, 7);
	size_t misses = stats(c).misses;
	CHECK(load(c, 0) != NULL); /* the most used one is still in */
	CHECK_INT(stats(c).misses, misses);
	int tw, th;
	CHECK_INT(state_of(c, "1.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING); /* gone */
	CHECK_INT(stats(c).misses, misses + 1);
	wait_idle(c);
	texture_cache_free(c);
}

static void test_pinned_survive_over_budget(void)
{
	struct texture_cache *c = texture_cache_new(ren, dir, 1, wake);
	SDL_Texture *t[3];
	for (int i = 0; i < 3; i++)
		t[i] = load(c, i);
	CHECK(t[0] && t[1] && t[2]);
	CHECK_INT(stats(c).textures, 3);
	CHECK_INT(stats(c).evictions, 0);
	texture_cache_frame(c);
	CHECK_INT(stats(c).textures, 3);
	CHECK(load(c, 1) == t[1]);
	texture_cache_frame(c);
	CHECK_INT(stats(c).textures, 1);
	CHECK_INT(stats(c).evictions, 2);
	texture_cache_free(c);
}

static void test_prefetch(void)
{
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	texture_cache_prefetch(c, "tall.jpg", 40, 40, IMAGE_COVER);
	texture_cache_prefetch(c, "tall.jpg", 40, 40, IMAGE_COVER);
	CHECK_INT(stats(c).misses, 1);
	CHECK_INT(stats(c).loading, 1);
	wait_idle(c);
	int tw, th;
	CHECK_INT(state_of(c, "tall.jpg", 40, 40, IMAGE_COVER, &tw, &th), TEXTURE_READY);
	CHECK_INT(stats(c).hits, 1);
	CHECK_INT(stats(c).misses, 1);
	texture_cache_free(c);
}

static void test_result_after_clear_is_dropped(void)
{
	struct texture_cache *c = texture_cache_new(ren, dir, 8 << 20, wake);
	int tw, th;
	for (int i = 0; i < 8; i++) {
		char path[16];
		snprintf(path, sizeof path, "%d.png", i);
		state_of(c, path, 64, 64, IMAGE_COVER, &tw, &th);
	}
	texture_cache_clear(c);
	CHECK(!settle(c, 300));
	CHECK_INT(stats(c).textures, 0);
	CHECK_INT(stats(c).loading, 0);
	CHECK_INT(stats(c).bytes, 0);
	/* Asked again while the old decode may still run: it must arrive. */
	for (int i = 0; i < 10; i++) {
		state_of(c, "wide.png", 50 + i, 50, IMAGE_COVER, &tw, &th);
		texture_cache_clear(c);
		state_of(c, "wide.png", 50 + i, 50, IMAGE_COVER, &tw, &th);
		wait_idle(c);
		CHECK_INT(state_of(c, "wide.png", 50 + i, 50, IMAGE_COVER, &tw, &th),
		          TEXTURE_READY);
		CHECK_INT(tw, 50 + i);
	}
	texture_cache_free(c);
	texture_cache_free(NULL);
}

/* Waits (at most WAIT_MS) for the next wake event: a decode is done. */
static bool wait_wake(void)
{
	SDL_Event ev;
	Uint64 end = SDL_GetTicks64() + WAIT_MS;
	while (SDL_GetTicks64() < end)
		if (SDL_WaitEventTimeout(&ev, 20) && ev.type == wake) {
			wakes++;
			return true;
		}
	return false;
}

/* The colour of pixel (x, y) of t, drawn into the corner of the target. */
static Uint32 texel(SDL_Texture *t, int x, int y)
{
	SDL_Rect src = {x, y, 1, 1}, dst = {0, 0, 1, 1};
	SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
	SDL_RenderClear(ren);
	SDL_RenderCopy(ren, t, &src, &dst);
	SDL_RenderFlush(ren);
	return ((const Uint32 *)target->pixels)[0] & 0xffffff;
}

/* rows.png: row y is the colour (y & 255, y >> 8, 77). */
static Uint32 row_colour(int y)
{
	return (Uint32)(y & 255) << 16 | (Uint32)(y >> 8) << 8 | 77;
}

/* Frames of takes until rows.png (1024 x 768, 3 MB) is READY, at most 10;
 * paced tells whether the cache was set to pace its takes. */
static int frames_until_ready(struct texture_cache *c, bool paced)
{
	int tw, th, frames = 0;
	while (frames < 10 &&
	       state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th) != TEXTURE_READY) {
		CHECK(!texture_cache_uploaded(c)); /* a frame starts with nothing paid */
		bool changed = texture_cache_take(c);
		frames++;
		bool ready =
		    state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th) == TEXTURE_READY;
		CHECK(changed == ready); /* a change only when the whole photo is in */
		CHECK(texture_cache_holding(c) == !ready);
		/* Paced, every frame of it paid for a part; not paced, none counts. */
		CHECK(texture_cache_uploaded(c) == paced);
		texture_cache_frame(c);
	}
	return frames;
}

static void test_paced_takes_a_part_a_frame(void)
{
	settle(NULL, 50);
	struct texture_cache *c = texture_cache_new(ren, dir, 16 << 20, wake);
	int tw, th;
	/* In a transition: the texture is made in one frame (3 MB, over the
	 * 2 MB a frame), then its rows go in 2 MB a frame: 512, then 256. */
	texture_cache_pace(c, true);
	CHECK_INT(state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th), TEXTURE_LOADING);
	CHECK(wait_wake());
	CHECK_INT(frames_until_ready(c, true), 3);
	CHECK_INT(stats(c).loading, 0);
	CHECK_INT(stats(c).bytes, 1024 * 768 * 4);
	enum texture_state st;
	SDL_Texture *t = texture_cache_get(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th, &st);
	CHECK(t != NULL);
	int ys[] = {0, 1, 255, 511, 512, 513, 700, 767}; /* every band's rows, and their seams */
	for (size_t i = 0; t && i < sizeof ys / sizeof ys[0]; i++) {
		CHECK_INT(texel(t, 0, ys[i]), row_colour(ys[i]));
		CHECK_INT(texel(t, 1023, ys[i]), row_colour(ys[i]));
	}

	/* Not paced: taken whole at the first take. */
	texture_cache_clear(c);
	texture_cache_pace(c, false);
	state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th);
	CHECK(wait_wake());
	CHECK_INT(frames_until_ready(c, false), 1);

	/* The transition ends with rows still held: the next take finishes. */
	texture_cache_clear(c);
	texture_cache_pace(c, true);
	state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th);
	CHECK(wait_wake());
	CHECK(!texture_cache_take(c));
	CHECK(texture_cache_holding(c));
	texture_cache_frame(c);
	texture_cache_pace(c, false);
	CHECK(texture_cache_take(c));
	CHECK(!texture_cache_holding(c));
	CHECK_INT(state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th), TEXTURE_READY);

	/* Cleared while held: what was held goes, nothing is made of it. */
	texture_cache_clear(c);
	texture_cache_pace(c, true);
	state_of(c, "rows.png", 1024, 768, IMAGE_CONTAIN, &tw, &th);
	CHECK(wait_wake());
	texture_cache_take(c);
	CHECK(texture_cache_holding(c));
	texture_cache_clear(c);
	CHECK(!texture_cache_holding(c));
	CHECK_INT(stats(c).textures, 0);
	CHECK_INT(stats(c).loading, 0);
	texture_cache_free(c);
}

/* Asking for an image makes its room in the budget at once: what the
 * budget lets go for it goes before its pixels are decoded (so the images
 * held, the one decoded and its texture are never all there at once);
 * never a texture still pinned. */
static void test_room_is_made_when_asked(void)
{
	enum { ONE = 64 * 64 * 4 };
	struct texture_cache *c = texture_cache_new(ren, dir, 2 * ONE, wake);
	SDL_Texture *t[4];
	for (int i = 0; i < 3; i++) /* all three pinned (this frame): each its own */
		t[i] = load(c, i);
	CHECK(t[0] && t[1] && t[2] && t[0] != t[1] && t[1] != t[2] && t[0] != t[2]);
	CHECK_INT(stats(c).evictions, 0);
	texture_cache_frame(c);
	texture_cache_frame(c); /* none pinned now; 0.png is the oldest */
	int tw, th;
	enum texture_state st;
	texture_cache_get(c, "3.png", 64, 64, IMAGE_COVER, &tw, &th, &st);
	CHECK_INT(st, TEXTURE_LOADING);
	CHECK_INT(stats(c).evictions, 2); /* 0.png and 1.png, before 3.png is decoded */
	CHECK(stats(c).bytes <= 2 * ONE);
	t[3] = load(c, 3);
	CHECK(t[3] != NULL);
	CHECK_INT(stats(c).evictions, 2);
	CHECK_INT(stats(c).textures, 2);
	CHECK_INT(state_of(c, "1.png", 64, 64, IMAGE_COVER, &tw, &th), TEXTURE_LOADING); /* gone */
	if (t[3])
		CHECK_INT(texel(t[3], 32, 32), 3 * 30 << 16); /* 3.png's red */
	wait_idle(c);
	/* Another size is made anew (2.png's texture is not taken for it). */
	SDL_Texture *wide = NULL;
	for (int i = 0; i < 2 && !wide; i++) {
		wide = texture_cache_get(c, "wide.png", 64, 32, IMAGE_COVER, &tw, &th, &st);
		wait_idle(c);
	}
	CHECK(wide != NULL && wide != t[2] && wide != t[3]);
	texture_cache_free(c);
}

static int save_png(int w, int h, Uint8 r, Uint8 g, Uint8 b, const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s)
		return -1;
	SDL_FillRect(s, NULL, SDL_MapRGB(s->format, r, g, b));
	int rc = strstr(name, ".jpg") ? IMG_SaveJPG(s, path, 90) : IMG_SavePNG(s, path);
	SDL_FreeSurface(s);
	return rc;
}

static int write_images(void)
{
	if (!mkdtemp(dir) || save_png(200, 100, 200, 30, 30, "wide.png") != 0 ||
	    save_png(120, 160, 30, 200, 30, "tall.jpg") != 0)
		return -1;
	for (int i = 0; i < 8; i++) {
		char name[16];
		snprintf(name, sizeof name, "%d.png", i);
		if (save_png(80, 80, (Uint8)(i * 30), 0, 0, name) != 0)
			return -1;
	}
	char path[128];
	SDL_Surface *rows =
	    SDL_CreateRGBSurfaceWithFormat(0, 1024, 768, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!rows)
		return -1;
	for (int y = 0; y < 768; y++)
		SDL_FillRect(rows, &(SDL_Rect){0, y, 1024, 1}, 0xff000000u | row_colour(y));
	snprintf(path, sizeof path, "%s/rows.png", dir);
	int rc = IMG_SavePNG(rows, path);
	SDL_FreeSurface(rows);
	if (rc != 0)
		return -1;
	snprintf(path, sizeof path, "%s/broken.png", dir);
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fputs("\x89PNG\r\n\x1a\n not really", f);
	return fclose(f);
}

static void remove_images(void)
{
	const char *names[] = {"wide.png", "tall.jpg", "broken.png", "changed.png", "rows.png",
	                       "0.png",    "1.png",    "2.png",      "3.png",       "4.png",
	                       "5.png",    "6.png",    "7.png"};
	char path[128];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0 ||
	    !(IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG) & IMG_INIT_PNG)) {
		printf("FAIL cannot start SDL: %s\n", SDL_GetError());
		return 1;
	}
	wake = SDL_RegisterEvents(1);
	target = SDL_CreateRGBSurfaceWithFormat(0, 256, 256, 32, SDL_PIXELFORMAT_ARGB8888);
	ren = target ? SDL_CreateSoftwareRenderer(target) : NULL;
	if (!ren || write_images() != 0) {
		printf("FAIL cannot set up a renderer and images in %s: %s\n", dir, SDL_GetError());
		return 1;
	}
	RUN(test_loads_off_thread_to_size);
	RUN(test_failure_sticks_until_clear);
	RUN(test_failure_retried_after_reload);
	RUN(test_size_and_fit_are_part_of_the_key);
	RUN(test_refresh_a_changed_file);
	RUN(test_budget_and_lru_across_frames);
	RUN(test_pinned_survive_over_budget);
	RUN(test_room_is_made_when_asked);
	RUN(test_prefetch);
	RUN(test_result_after_clear_is_dropped);
	RUN(test_paced_takes_a_part_a_frame);
	remove_images();
	SDL_DestroyRenderer(ren);
	SDL_FreeSurface(target);
	IMG_Quit();
	SDL_Quit();
	return failures_ != 0;
}
