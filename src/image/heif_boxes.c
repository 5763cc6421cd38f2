#include "image/heif_boxes.h"

#include <string.h>

/* One box: its type, and its body (after the header) as [body, end). */
struct box {
	char type[5];
	size_t body, end;
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const unsigned char *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

/* The box at b[at..limit): false when its header or body does not fit. */
static bool box_at(const unsigned char *b, size_t at, size_t limit, struct box *x)
{
	if (limit < 8 || at > limit - 8)
		return false;
	uint64_t size = be32(b + at);
	size_t head = 8;
	memcpy(x->type, b + at + 4, 4);
	x->type[4] = 0;
	if (size == 1) {
		if (at > limit - 16)
			return false;
		size = be64(b + at + 8);
		head = 16;
	} else if (size == 0) {
		size = limit - at; /* to the end */
	}
	if (size < head || size > limit - at)
		return false;
	x->body = at + head;
	x->end = at + (size_t)size;
	return true;
}

static bool is_heic_brand(const unsigned char *p)
{
	static const char *const heic[] = {"heic", "heix", "heim", "heis", "hevc", "hevx"};
	for (size_t i = 0; i < sizeof heic / sizeof heic[0]; i++)
		if (memcmp(p, heic[i], 4) == 0)
			return true;
	return false;
}

enum heif_boxes_brand heif_boxes_brand(const unsigned char *b, size_t len)
{
	struct box ftyp;
	if (!box_at(b, 0, len, &ftyp) || strcmp(ftyp.type, "ftyp") != 0 || ftyp.end - ftyp.body < 8)
		return HEIF_BOXES_NONE;
	const unsigned char *major = b + ftyp.body;
	if (is_heic_brand(major))
		return HEIF_BOXES_HEIC;
	bool avif = memcmp(major, "avif", 4) == 0 || memcmp(major, "avis", 4) == 0;
	/* mif1 and msf1 are generic: the compatible brands say the codec. */
	for (size_t at = ftyp.body + 8; !avif && at + 4 <= ftyp.end; at += 4) {
		if (is_heic_brand(b + at))
			return HEIF_BOXES_HEIC;
		avif = memcmp(b + at, "avif", 4) == 0;
	}
	return avif ? HEIF_BOXES_AVIF : HEIF_BOXES_OTHER;
}

/* EXIF orientations as 2x2 matrices (x' = a x + b y, y' = c x + d y) taking
 * a stored pixel's direction to the shown one, with y down. */
static const int turn[9][4] = {
    {0},          {1, 0, 0, 1},  {-1, 0, 0, 1},  {-1, 0, 0, -1}, {1, 0, 0, -1},
    {0, 1, 1, 0}, {0, -1, 1, 0}, {0, -1, -1, 0}, {0, 1, -1, 0},
};

static int orientation_of(const int m[4])
{
	for (int o = 1; o <= 8; o++)
		if (memcmp(turn[o], m, sizeof turn[o]) == 0)
			return o;
	return 1;
}

/* Applies m after the orientation o so far. */
static int then(int o, const int m[4])
{
	const int *a = turn[o ? o : 1];
	int r[4] = {m[0] * a[0] + m[1] * a[2], m[0] * a[1] + m[1] * a[3], m[2] * a[0] + m[3] * a[2],
	            m[2] * a[1] + m[3] * a[3]};
	return orientation_of(r);
}

/* irot turns anticlockwise by angle quarter turns; imir mirrors about a
 * vertical (axis 0: left and right swap) or horizontal axis. */
static void property(const unsigned char *b, const struct box *p, struct heif_boxes *out)
{
	size_t n = p->end - p->body;
	if (strcmp(p->type, "ispe") == 0 && n >= 12) {
		uint32_t w = be32(b + p->body + 4), h = be32(b + p->body + 8);
		if (w <= 1u << 20 && h <= 1u << 20 &&
		    (uint64_t)w * h > (uint64_t)out->width * (uint64_t)out->height) {
			out->width = (int)w;
			out->height = (int)h;
		}
	} else if (strcmp(p->type, "irot") == 0 && n >= 1) {
		static const int anticlockwise[4] = {0, 1, -1, 0}; /* a quarter turn */
		int o = out->orientation;
		for (int i = 0; i < (b[p->body] & 3); i++)
			o = then(o, anticlockwise);
		out->orientation = o ? o : 1;
	} else if (strcmp(p->type, "imir") == 0 && n >= 1) {
		static const int flip_x[4] = {-1, 0, 0, 1}, flip_y[4] = {1, 0, 0, -1};
		out->orientation = then(out->orientation, (b[p->body] & 1) ? flip_y : flip_x);
	}
}

/* Finds the child of type in [from, to): its box in *x. */
static bool child(const unsigned char *b, size_t from, size_t to, const char *type, struct box *x)
{
	for (size_t at = from; box_at(b, at, to, x); at = x->end) {
		if (strcmp(x->type, type) == 0)
			return true;
		if (x->end <= at)
			break;
	}
	return false;
}

bool heif_boxes_parse(const unsigned char *b, size_t len, struct heif_boxes *out)
{
	memset(out, 0, sizeof *out);
	struct box meta, iprp, ipco, p;
	/* meta is a full box: 4 bytes of version and flags before its children */
	if (!child(b, 0, len, "meta", &meta) || meta.end - meta.body < 4 ||
	    !child(b, meta.body + 4, meta.end, "iprp", &iprp) ||
	    !child(b, iprp.body, iprp.end, "ipco", &ipco))
		return false;
	for (size_t at = ipco.body; box_at(b, at, ipco.end, &p) && p.end > at; at = p.end)
		property(b, &p, out);
	return out->width > 0 && out->height > 0;
}

bool heif_boxes_whole(uint64_t size, size_t (*read)(void *ctx, void *buf, size_t n, uint64_t at),
                      void *ctx)
{
	uint64_t at = 0;
	for (int i = 0; i < 4096 && at < size; i++) { /* a photo has a handful */
		unsigned char h[16];
		if (size - at < 8 || read(ctx, h, 8, at) != 8)
			return false;
		uint64_t n = be32(h);
		if (n == 1) {
			if (size - at < 16 || read(ctx, h + 8, 8, at + 8) != 8)
				return false;
			n = be64(h + 8);
		} else if (n == 0) {
			return true; /* to the end of the file */
		}
		if (n < 8 || n > size - at)
			return false;
		at += n;
	}
	return at == size;
}
