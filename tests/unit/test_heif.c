/* HEIC photos as phones save them. The boxes: brands (HEIC shown, AVIF
 * named), the largest image's size, irot and imir as an EXIF orientation,
 * a file cut short. Then a real HEIC made by heif-enc (libheif-examples)
 * from a JPEG stored on its side with EXIF orientation 6, as a phone
 * stores a portrait photo: it decodes upright, at the size it is shown. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image/heif_boxes.h"
#include "image/image_decode.h"
#include "image/image_info.h"
#include "jpeg_fixture.h"
#include "test.h"

static int failures_;

/* A growing byte string of boxes. */
struct bytes {
	unsigned char b[1024];
	size_t n;
};

static void put32(struct bytes *o, uint32_t v)
{
	for (int i = 3; i >= 0; i--)
		o->b[o->n++] = (unsigned char)(v >> (8 * i));
}

static void put(struct bytes *o, const void *p, size_t n)
{
	memcpy(o->b + o->n, p, n);
	o->n += n;
}

/* Opens a box of type at o's end; close_box writes its size. */
static size_t open_box(struct bytes *o, const char *type)
{
	size_t at = o->n;
	put32(o, 0);
	put(o, type, 4);
	return at;
}

static void close_box(struct bytes *o, size_t at)
{
	size_t n = o->n - at;
	for (int i = 0; i < 4; i++)
		o->b[at + (size_t)i] = (unsigned char)(n >> (8 * (3 - i)));
}

/* ftyp (major, then compatible brands), meta with ispe sizes and the
 * properties props ("irot1", "imir0": type and one digit), then an mdat. */
static struct bytes heif(const char *major, const char *compat, const int *sizes, int n_sizes,
                         const char *const *props, int n_props)
{
	struct bytes o = {.n = 0};
	size_t f = open_box(&o, "ftyp");
	put(&o, major, 4);
	put32(&o, 0);
	put(&o, compat, strlen(compat));
	close_box(&o, f);
	size_t meta = open_box(&o, "meta");
	put32(&o, 0); /* version and flags */
	size_t iprp = open_box(&o, "iprp"), ipco = open_box(&o, "ipco");
	for (int i = 0; i < n_sizes; i++) {
		size_t p = open_box(&o, "ispe");
		put32(&o, 0);
		put32(&o, (uint32_t)sizes[2 * i]);
		put32(&o, (uint32_t)sizes[2 * i + 1]);
		close_box(&o, p);
	}
	for (int i = 0; i < n_props; i++) {
		size_t p =
		    open_box(&o, (char[5]){props[i][0], props[i][1], props[i][2], props[i][3], 0});
		o.b[o.n++] = (unsigned char)(props[i][4] - '0');
		close_box(&o, p);
	}
	close_box(&o, ipco);
	close_box(&o, iprp);
	close_box(&o, meta);
	size_t mdat = open_box(&o, "mdat");
	put(&o, "pixels", 6);
	close_box(&o, mdat);
	return o;
}

static void test_brands(void)
{
	int size[] = {4032, 3024};
	struct bytes a = heif("heic", "mif1heic", size, 1, NULL, 0);
	CHECK_INT(heif_boxes_brand(a.b, a.n), HEIF_BOXES_HEIC);
	struct bytes b = heif("mif1", "mif1heic", size, 1, NULL, 0);
	CHECK_INT(heif_boxes_brand(b.b, b.n), HEIF_BOXES_HEIC);
	struct bytes c = heif("avif", "mif1avif", size, 1, NULL, 0);
	CHECK_INT(heif_boxes_brand(c.b, c.n), HEIF_BOXES_AVIF);
	CHECK_INT(heif_boxes_brand((const unsigned char *)"\xff\xd8\xff\xe0", 4), HEIF_BOXES_NONE);

	struct image_info info;
	CHECK_INT(image_info_parse(a.b, a.n, &info), IMAGE_INFO_OK);
	CHECK_INT(info.format, IMAGE_INFO_HEIC);
	CHECK_INT(info.width, 4032);
	CHECK_INT(info.height, 3024);
	CHECK_INT(image_info_parse(c.b, c.n, &info), IMAGE_INFO_UNSUPPORTED);
	CHECK(info.other && strcmp(info.other, "AVIF") == 0);
}

/* A grid photo lists its tiles' size and a thumbnail's too: the largest
 * is the photo. */
static void test_largest_image_is_the_photo(void)
{
	int sizes[] = {320, 240, 4032, 3024, 512, 512};
	struct bytes a = heif("heic", "mif1heic", sizes, 3, NULL, 0);
	struct heif_boxes x;
	CHECK(heif_boxes_parse(a.b, a.n, &x));
	CHECK_INT(x.width, 4032);
	CHECK_INT(x.height, 3024);
	CHECK_INT(x.orientation, 0); /* no irot or imir */
}

static int orientation(const char *const *props, int n)
{
	int size[] = {400, 300};
	struct bytes a = heif("heic", "mif1heic", size, 1, props, n);
	struct heif_boxes x;
	CHECK(heif_boxes_parse(a.b, a.n, &x));
	return x.orientation;
}

/* irot turns anticlockwise, a quarter at a time; imir mirrors: the same
 * as the EXIF orientation that shows the picture the same way. */
static void test_turns_as_exif(void)
{
	CHECK_INT(orientation((const char *const[]){"irot0"}, 1), 1);
	CHECK_INT(orientation((const char *const[]){"irot1"}, 1), 8);
	CHECK_INT(orientation((const char *const[]){"irot2"}, 1), 3);
	CHECK_INT(orientation((const char *const[]){"irot3"}, 1), 6);
	CHECK_INT(orientation((const char *const[]){"imir0"}, 1), 2);
	CHECK_INT(orientation((const char *const[]){"imir1"}, 1), 4);
	/* turned, then mirrored: not the same as mirrored, then turned */
	CHECK_INT(orientation((const char *const[]){"irot1", "imir0"}, 2), 7);
	CHECK_INT(orientation((const char *const[]){"irot3", "imir0"}, 2), 5);
}

static size_t read_mem(void *ctx, void *buf, size_t n, uint64_t at)
{
	const struct bytes *b = ctx;
	if (at >= b->n)
		return 0;
	if (n > b->n - at)
		n = b->n - (size_t)at;
	memcpy(buf, b->b + at, n);
	return n;
}

static void test_cut_short(void)
{
	int size[] = {400, 300};
	struct bytes a = heif("heic", "mif1heic", size, 1, NULL, 0);
	CHECK(heif_boxes_whole(a.n, read_mem, &a));
	struct bytes cut = a;
	cut.n -= 3;
	CHECK(!heif_boxes_whole(cut.n, read_mem, &cut));
	struct bytes meta_only = a;
	meta_only.n = a.n - 14; /* no mdat */
	CHECK(heif_boxes_whole(meta_only.n, read_mem, &meta_only));
	struct heif_boxes x;
	CHECK(!heif_boxes_parse(a.b, 40, &x)); /* the meta box not all read */
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b = f ? malloc(1 << 20) : NULL;
	*len = b ? fread(b, 1, 1 << 20, f) : 0;
	if (f)
		fclose(f);
	return b;
}

/* A 64 x 48 picture, red in its top-left quarter and blue elsewhere, stored
 * turned a quarter clockwise (48 x 64) with EXIF orientation 6, then made a
 * HEIC by heif-enc: shown, red is top-left again and it is wide. */
static void test_phone_photo_upright(void)
{
	enum { W = 64, H = 48 };
	unsigned char px[W * H * 3];
	for (int y = 0; y < W; y++) /* stored: H wide, W high */
		for (int x = 0; x < H; x++) {
			/* turned a quarter clockwise, stored (x, y) shows at (W - 1 - y, x) */
			int sx = W - 1 - y, sy = x;
			bool red = sx < W / 2 && sy < H / 2;
			unsigned char *p = px + ((size_t)y * H + (size_t)x) * 3;
			p[0] = red ? 230 : 20;
			p[1] = 20;
			p[2] = red ? 20 : 230;
		}
	struct jpeg_fixture f = {.w = H, .h = W, .quality = 95, .orientation = 6};
	unsigned long jlen = 0;
	unsigned char *jpeg = jpeg_fixture_write(px, &f, &jlen);
	char dir[] = "/tmp/twinhall-heif-XXXXXX", jpath[64], hpath[64], cmd[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(jpath, sizeof jpath, "%s/p.jpg", dir);
	snprintf(hpath, sizeof hpath, "%s/p.heic", dir);
	FILE *out = fopen(jpath, "wb");
	CHECK(out && fwrite(jpeg, 1, jlen, out) == jlen);
	if (out)
		fclose(out);
	snprintf(cmd, sizeof cmd, "heif-enc -q 95 %s -o %s >/dev/null 2>&1", jpath, hpath);
	if (system(cmd) != 0) {
		printf("  heif-enc failed: is libheif-examples installed (make test-deps)?\n");
		CHECK(!"heif-enc made a HEIC");
		return;
	}
	size_t len;
	unsigned char *heic = slurp(hpath, &len);
	struct image_info info;
	CHECK_INT(image_info_parse(heic, len, &info), IMAGE_INFO_OK);
	CHECK_INT(info.format, IMAGE_INFO_HEIC);
	char err[256] = "";
	bool incomplete = false;
	SDL_Surface *s = image_decode(heic, len, W, H, IMAGE_CONTAIN, &incomplete, err, sizeof err);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->w, W);
		CHECK_INT(s->h, H);
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + 6 * s->pitch);
		Uint32 tl = row[6], tr = row[W - 7];
		CHECK(((tl >> 16) & 0xff) > 150 && (tl & 0xff) < 100); /* red, top left */
		CHECK(((tr >> 16) & 0xff) < 100 && (tr & 0xff) > 150); /* blue, top right */
		SDL_FreeSurface(s);
	} else {
		printf("  %s\n", err);
	}
	unlink(jpath);
	unlink(hpath);
	rmdir(dir);
	free(heic);
	free(jpeg);
}

int main(void)
{
	RUN(test_brands);
	RUN(test_largest_image_is_the_photo);
	RUN(test_turns_as_exif);
	RUN(test_cut_short);
	RUN(test_phone_photo_upright);
	return failures_ != 0;
}
