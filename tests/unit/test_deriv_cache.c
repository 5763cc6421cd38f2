/* The derivative cache: what is written is read back as it was; a file
 * damaged, cut short, of another version, made for another box or not
 * ours is never given (and is deleted); the byte budget evicts the least
 * recently used, a warm-up never what this run used; a cache that cannot
 * be written is no cache; the loader reads a derivative instead of
 * decoding, and only for names of the store. */
#include <SDL.h>
#include <SDL_image.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image/deriv_cache.h"
#include "image/image_loader.h"
#include "test.h"

static int failures_;

/* Two store names (hash and size), as store.c makes them. */
static const char *const A = "0123456789abcdef-1f40";
static const char *const B = "fedcba9876543210-20";

enum { W = 40, H = 30 };

/* A W x H picture whose every pixel differs from its neighbours. */
static SDL_Surface *picture(Uint32 format, Uint32 seed)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, format);
	for (int i = 0; s && i < W * H; i++)
		((Uint32 *)s->pixels)[i] = (Uint32)i * 2654435761u + seed;
	return s;
}

static bool same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
	return a && b && a->w == b->w && a->h == b->h && a->format->format == b->format->format &&
	       memcmp(a->pixels, b->pixels, (size_t)a->w * (size_t)a->h * 4) == 0;
}

static void make_dir(char *dir)
{
	CHECK(mkdtemp(dir) != NULL);
}

static void remove_dir(const char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

/* The path of A's derivative for the W x H box. */
static void file_of(const char *dir, const char *name, int w, int h, char *out, size_t size)
{
	snprintf(out, size, "%s/v%d-%s-%dx%d-f", dir, DERIV_CACHE_VERSION, name, w, h);
}

static void test_keyed_only_by_store_names(void)
{
	CHECK(deriv_cache_keyed(A));
	CHECK(deriv_cache_keyed(B));
	CHECK(!deriv_cache_keyed("cities/perm/photos/1.jpg"));
	CHECK(!deriv_cache_keyed("0123456789abcdef"));
	CHECK(!deriv_cache_keyed("0123456789abcdef-"));
	CHECK(!deriv_cache_keyed("0123456789ABCDEF-10"));
	CHECK(!deriv_cache_keyed("0123456789abcdef-10/x"));
	CHECK(!deriv_cache_keyed("../0123456789abcde-10"));
}

static void test_dir_from_the_environment(void)
{
	char out[256];
	setenv("CACHE_DIRECTORY", "/var/cache/twinhall:/var/cache/other", 1);
	CHECK_INT(deriv_cache_dir(out, sizeof out), 0);
	CHECK_STR(out, "/var/cache/twinhall/pictures");
	unsetenv("CACHE_DIRECTORY");
	setenv("XDG_CACHE_HOME", "/home/hall/.xdg", 1);
	CHECK_INT(deriv_cache_dir(out, sizeof out), 0);
	CHECK_STR(out, "/home/hall/.xdg/twinhall/pictures");
	unsetenv("XDG_CACHE_HOME");
	setenv("HOME", "/home/hall", 1);
	CHECK_INT(deriv_cache_dir(out, sizeof out), 0);
	CHECK_STR(out, "/home/hall/.cache/twinhall/pictures");
	CHECK_INT(deriv_cache_dir(out, 8), -1);
}

static void test_read_back_as_written(void)
{
	char dir[] = "/tmp/twinhall-deriv-XXXXXX";
	make_dir(dir);
	struct deriv_cache *d = deriv_cache_open(dir, 1 << 20);
	CHECK(d != NULL);
	SDL_Surface *rgb = picture(SDL_PIXELFORMAT_RGB888, 1);
	SDL_Surface *argb = picture(SDL_PIXELFORMAT_ARGB8888, 2);
	SDL_SetSurfaceBlendMode(argb, SDL_BLENDMODE_BLEND);
	CHECK(deriv_cache_read(d, A, W, H, IMAGE_CONTAIN) == NULL); /* none yet */
	CHECK(deriv_cache_write(d, A, W, H, IMAGE_CONTAIN, rgb, false));
	CHECK(deriv_cache_write(d, A, W, H, IMAGE_COVER, argb, false));
	CHECK(deriv_cache_has(d, A, W, H, IMAGE_CONTAIN));
	SDL_Surface *got = deriv_cache_read(d, A, W, H, IMAGE_CONTAIN);
	CHECK(same_pixels(got, rgb));
	SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
	SDL_GetSurfaceBlendMode(got, &mode);
	CHECK_INT(mode, SDL_BLENDMODE_NONE);
	SDL_FreeSurface(got);
	got = deriv_cache_read(d, A, W, H, IMAGE_COVER); /* the fit is part of the key */
	CHECK(same_pixels(got, argb));
	SDL_GetSurfaceBlendMode(got, &mode);
	CHECK_INT(mode, SDL_BLENDMODE_BLEND);
	SDL_FreeSurface(got);
	CHECK(deriv_cache_read(d, B, W, H, IMAGE_CONTAIN) == NULL);     /* other bytes */
	CHECK(deriv_cache_read(d, A, W + 1, H, IMAGE_CONTAIN) == NULL); /* another box */
	CHECK(!deriv_cache_write(d, "cities/a.jpg", W, H, IMAGE_CONTAIN, rgb, false));
	struct deriv_cache_stats st;
	deriv_cache_stats(d, &st);
	CHECK_INT(st.files, 2);
	CHECK_INT(st.hits, 2);
	CHECK_INT(st.written, 2);
	CHECK_INT(st.rejected, 0);
	deriv_cache_free(d);
	d = deriv_cache_open(dir, 1 << 20); /* after a restart */
	got = deriv_cache_read(d, A, W, H, IMAGE_CONTAIN);
	CHECK(same_pixels(got, rgb));
	SDL_FreeSurface(got);
	deriv_cache_stats(d, &st);
	CHECK_INT(st.files, 2);
	CHECK_INT(st.bytes, 2 * (64 + W * H * 4));
	deriv_cache_free(d);
	SDL_FreeSurface(rgb);
	SDL_FreeSurface(argb);
	remove_dir(dir);
}

/* Writes A's derivative, lets spoil change its file, and checks that it
 * is then not given, is deleted and counted. */
static void spoilt(void (*spoil)(const char *path, const char *dir), const char *what)
{
	char dir[] = "/tmp/twinhall-deriv-XXXXXX", path[300];
	make_dir(dir);
	struct deriv_cache *d = deriv_cache_open(dir, 1 << 20);
	SDL_Surface *s = picture(SDL_PIXELFORMAT_RGB888, 3);
	CHECK(deriv_cache_write(d, A, W, H, IMAGE_CONTAIN, s, false));
	file_of(dir, A, W, H, path, sizeof path);
	spoil(path, dir);
	SDL_Surface *got = deriv_cache_read(d, A, W, H, IMAGE_CONTAIN);
	if (got)
		printf("  %s: read back\n", what);
	CHECK(got == NULL);
	SDL_FreeSurface(got);
	CHECK(access(path, F_OK) != 0); /* deleted, to be written again */
	struct deriv_cache_stats st;
	deriv_cache_stats(d, &st);
	CHECK_INT(st.rejected, 1);
	CHECK_INT(st.files, 0);
	CHECK_INT(st.bytes, 0);
	/* Written again, it is good again. */
	CHECK(deriv_cache_write(d, A, W, H, IMAGE_CONTAIN, s, false));
	got = deriv_cache_read(d, A, W, H, IMAGE_CONTAIN);
	CHECK(same_pixels(got, s));
	SDL_FreeSurface(got);
	SDL_FreeSurface(s);
	deriv_cache_free(d);
	remove_dir(dir);
}

/* Flips one byte at offset at of the file. */
static void flip(const char *path, long at)
{
	FILE *f = fopen(path, "r+b");
	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, at, SEEK_SET);
	int c = fgetc(f);
	fseek(f, at, SEEK_SET);
	fputc(c ^ 0x10, f);
	fclose(f);
}

static void a_pixel_changed(const char *path, const char *dir)
{
	(void)dir;
	flip(path, 64 + W * H * 2);
}

static void cut_short(const char *path, const char *dir)
{
	(void)dir;
	CHECK_INT(truncate(path, 64 + W * H * 4 - 4), 0);
}

static void header_changed(const char *path, const char *dir)
{
	(void)dir;
	flip(path, 12); /* the width */
}

static void longer(const char *path, const char *dir)
{
	(void)dir;
	FILE *f = fopen(path, "ab");
	fputs("more", f);
	fclose(f);
}

/* A header of version 2, whole in itself: its own checksum recomputed
 * the way a later program would write it cannot be made here, so the
 * version word and its checksum are both wrong for this program. */
static void another_version(const char *path, const char *dir)
{
	(void)dir;
	FILE *f = fopen(path, "r+b");
	uint32_t v = DERIV_CACHE_VERSION + 1;
	fseek(f, 8, SEEK_SET);
	fwrite(&v, sizeof v, 1, f);
	fclose(f);
}

/* B's derivative (other bytes, a good file) renamed to A's. */
static void foreign(const char *path, const char *dir)
{
	char other[300];
	file_of(dir, B, W, H, other, sizeof other);
	SDL_Surface *s = picture(SDL_PIXELFORMAT_RGB888, 9);
	struct deriv_cache *d = deriv_cache_open(dir, 1 << 20);
	CHECK(deriv_cache_write(d, B, W, H, IMAGE_CONTAIN, s, false));
	deriv_cache_free(d);
	SDL_FreeSurface(s);
	CHECK_INT(rename(other, path), 0);
}

/* A's derivative for a box twice as large, renamed to the W x H one. */
static void made_for_another_box(const char *path, const char *dir)
{
	char big[300];
	file_of(dir, A, 2 * W, 2 * H, big, sizeof big);
	SDL_Surface *s = picture(SDL_PIXELFORMAT_RGB888, 5);
	struct deriv_cache *d = deriv_cache_open(dir, 1 << 20);
	CHECK(deriv_cache_write(d, A, 2 * W, 2 * H, IMAGE_CONTAIN, s, false));
	deriv_cache_free(d);
	SDL_FreeSurface(s);
	CHECK_INT(rename(big, path), 0);
}

static void not_ours(const char *path, const char *dir)
{
	(void)dir;
	FILE *f = fopen(path, "wb");
	for (int i = 0; i < 64 + W * H * 4; i++)
		fputc(i * 7, f);
	fclose(f);
}

static void test_a_spoilt_file_is_never_shown(void)
{
	spoilt(a_pixel_changed, "a pixel changed");
	spoilt(cut_short, "cut short");
	spoilt(header_changed, "header changed");
	spoilt(longer, "longer");
	spoilt(another_version, "another version");
	spoilt(foreign, "another picture's file");
	spoilt(made_for_another_box, "made for another box");
	spoilt(not_ours, "not ours");
}

static void test_other_versions_go_at_open(void)
{
	char dir[] = "/tmp/twinhall-deriv-XXXXXX", path[300];
	make_dir(dir);
	snprintf(path, sizeof path, "%s/v%d-%s-%dx%d-f", dir, DERIV_CACHE_VERSION + 1, A, W, H);
	CHECK_INT(test_write_file(dir, strrchr(path, '/') + 1, "later", "w"), 0);
	CHECK_INT(test_write_file(dir, "notes.txt", "staff's", "w"), 0);
	struct deriv_cache *d = deriv_cache_open(dir, 1 << 20);
	CHECK(access(path, F_OK) != 0);
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	CHECK(access(path, F_OK) == 0); /* not ours: left alone */
	struct deriv_cache_stats st;
	deriv_cache_stats(d, &st);
	CHECK_INT(st.files, 0);
	deriv_cache_free(d);
	remove_dir(dir);
}

static void test_budget_evicts_least_recently_used(void)
{
	char dir[] = "/tmp/twinhall-deriv-XXXXXX";
	make_dir(dir);
	size_t one = 64 + W * H * 4;
	struct deriv_cache *d = deriv_cache_open(dir, 3 * one);
	SDL_Surface *s = picture(SDL_PIXELFORMAT_RGB888, 4);
	const char *names[4] = {"0000000000000001-10", "0000000000000002-10", "0000000000000003-10",
	                        "0000000000000004-10"};
	for (int i = 0; i < 3; i++)
		CHECK(deriv_cache_write(d, names[i], W, H, IMAGE_CONTAIN, s, false));
	SDL_FreeSurface(deriv_cache_read(d, names[0], W, H, IMAGE_CONTAIN)); /* used again */
	/* A warm-up does not push out what this run used: skipped. */
	CHECK(!deriv_cache_write(d, names[3], W, H, IMAGE_CONTAIN, s, true));
	CHECK(!deriv_cache_has(d, names[3], W, H, IMAGE_CONTAIN));
	CHECK(deriv_cache_write(d, names[3], W, H, IMAGE_CONTAIN, s, false));
	CHECK(deriv_cache_has(d, names[0], W, H, IMAGE_CONTAIN));
	CHECK(!deriv_cache_has(d, names[1], W, H, IMAGE_CONTAIN)); /* the oldest use */
	CHECK(deriv_cache_has(d, names[2], W, H, IMAGE_CONTAIN));
	CHECK(deriv_cache_has(d, names[3], W, H, IMAGE_CONTAIN));
	struct deriv_cache_stats st;
	deriv_cache_stats(d, &st);
	CHECK_INT(st.files, 3);
	CHECK_INT(st.bytes, 3 * one);
	CHECK_INT(st.evicted, 1);
	deriv_cache_free(d);
	/* After a restart the order is the files' times: names[2] is the
	 * oldest now, and a warm-up may evict what no run used since. */
	struct timespec old[2] = {{1000, 0}, {1000, 0}};
	char path[300];
	file_of(dir, names[2], W, H, path, sizeof path);
	CHECK_INT(utimensat(AT_FDCWD, path, old, 0), 0);
	d = deriv_cache_open(dir, 3 * one);
	CHECK(deriv_cache_write(d, names[1], W, H, IMAGE_CONTAIN, s, true));
	CHECK(!deriv_cache_has(d, names[2], W, H, IMAGE_CONTAIN));
	CHECK(deriv_cache_has(d, names[0], W, H, IMAGE_CONTAIN));
	deriv_cache_free(d);
	d = deriv_cache_open(dir, one / 2); /* larger than the whole budget: not written */
	CHECK(!deriv_cache_write(d, names[2], W, H, IMAGE_CONTAIN, s, false));
	deriv_cache_free(d);
	SDL_FreeSurface(s);
	remove_dir(dir);
}

static void test_unwritable_is_no_cache(void)
{
	CHECK(deriv_cache_open("/dev/null/pictures", 1 << 20) == NULL);
	char dir[] = "/tmp/twinhall-deriv-XXXXXX";
	make_dir(dir);
	struct deriv_cache *d = deriv_cache_open(dir, 1 << 20);
	SDL_Surface *s = picture(SDL_PIXELFORMAT_RGB888, 6);
	remove_dir(dir); /* gone under it, as a full or broken disk would fail */
	CHECK(!deriv_cache_write(d, A, W, H, IMAGE_CONTAIN, s, false));
	struct deriv_cache_stats st;
	deriv_cache_stats(d, &st);
	CHECK(st.broken);
	CHECK_INT(mkdir(dir, 0700), 0); /* back: still not tried again in this run */
	CHECK(!deriv_cache_write(d, A, W, H, IMAGE_CONTAIN, s, false));
	CHECK(deriv_cache_read(d, A, W, H, IMAGE_CONTAIN) == NULL);
	deriv_cache_free(d);
	SDL_FreeSurface(s);
	remove_dir(dir);
}

/* One result of l, waited for (5 s at most). */
static struct image_result *wait_result(struct image_loader *l)
{
	struct image_result *r = NULL;
	for (int waited = 0; !r && waited < 5000; waited += 5) {
		r = image_loader_poll(l);
		if (!r)
			SDL_Delay(5);
	}
	return r;
}

static void test_loader_reads_the_derivative(void)
{
	char dir[] = "/tmp/twinhall-deriv-XXXXXX", cache[300], file[300];
	make_dir(dir);
	snprintf(cache, sizeof cache, "%s/cache", dir);
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 48, 32, SDL_PIXELFORMAT_RGB888);
	SDL_FillRect(s, NULL, 0x336699);
	const char *names[2] = {A, "cities/perm/a.png"};
	CHECK_INT(mkdir(strcat(strcpy(file, dir), "/cities"), 0755), 0);
	CHECK_INT(mkdir(strcat(file, "/perm"), 0755), 0);
	for (int i = 0; i < 2; i++) {
		snprintf(file, sizeof file, "%s/%s", dir, names[i]);
		CHECK_INT(IMG_SavePNG(s, file), 0);
	}
	SDL_FreeSurface(s);
	struct deriv_cache *d = deriv_cache_open(cache, 1 << 20);
	for (int round = 0; round < 2; round++) {
		struct image_loader *l = image_loader_new(dir, 1, SDL_RegisterEvents(1));
		image_loader_use_derivs(l, d);
		for (int i = 0; i < 2; i++) { /* not urgent: kept at once */
			image_loader_request(l, names[i], 32, 24, IMAGE_CONTAIN, 1, false);
			struct image_result *r = wait_result(l);
			CHECK(r && r->surface && r->surface->w == 32);
			/* The second round reads the store's name from the cache;
			 * a path of the content folder is always decoded. */
			CHECK_INT(r && r->derived, round == 1 && i == 0);
			image_result_free(r);
		}
		image_loader_free(l);
	}
	struct deriv_cache_stats st;
	deriv_cache_stats(d, &st);
	CHECK_INT(st.written, 1);
	CHECK_INT(st.hits, 1);
	deriv_cache_free(d);
	remove_dir(dir);
}

int main(void)
{
	SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
	RUN(test_keyed_only_by_store_names);
	RUN(test_dir_from_the_environment);
	RUN(test_read_back_as_written);
	RUN(test_a_spoilt_file_is_never_shown);
	RUN(test_other_versions_go_at_open);
	RUN(test_budget_evicts_least_recently_used);
	RUN(test_unwritable_is_no_cache);
	RUN(test_loader_reads_the_derivative);
	return failures_ ? 1 : 0;
}
