/* Fuzz target: the image sniffer and header size reader, then, for a
 * header that passed and is small, the real decoder. Promises checked: an
 * accepted header has a known format and a size within the limits; a
 * refused one names a reason staff can read; a decode gives pixels of the
 * size asked or a reason, never both and never neither. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "image/image_decode.h"
#include "image/image_info.h"
#include "image/jpeg_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The decoder runs only on images this small, so a run stays quick. */
enum { DECODE_MAX_PIXELS = 1 << 20 };

static void check_info(enum image_info_err e, const struct image_info *info)
{
	const char *why = image_info_describe(e);
	fuzz_assert(why && why[0], "an error without words");
	if (e != IMAGE_INFO_OK)
		return;
	fuzz_assert(info->format != IMAGE_INFO_NONE, "an accepted image of no format");
	fuzz_assert(info->width > 0 && info->height > 0, "an accepted image of no size");
	fuzz_assert(info->width <= IMAGE_INFO_MAX_SIDE && info->height <= IMAGE_INFO_MAX_SIDE,
	            "an accepted side over the limit");
	fuzz_assert((int64_t)info->width * info->height <= IMAGE_INFO_MAX_PIXELS,
	            "accepted pixels over the limit");
}

static void try_decode(const uint8_t *data, size_t size, const struct image_info *info)
{
	char err[256] = "";
	bool incomplete = false;
	int w = 1 + (int)(size % 97), h = 1 + (int)(size % 61);
	enum image_fit fit = size & 1 ? IMAGE_COVER : IMAGE_CONTAIN;
	SDL_Surface *s = image_decode(data, size, w, h, fit, &incomplete, err, sizeof err);
	if (s) {
		fuzz_assert(s->w >= 1 && s->h >= 1 && s->w <= w && s->h <= h,
		            "decoded pixels of another size than asked");
		fuzz_assert(fit == IMAGE_CONTAIN || (s->w == w && s->h == h),
		            "a cover decode not of the exact size");
		SDL_FreeSurface(s);
	} else {
		fuzz_assert(err[0] != '\0', "a failed decode without a reason");
	}
	(void)info;
}

/* The JPEG walk: an end within the file, scans stopped at the limit, a
 * frame whenever it says OK, and a walk to the first scan never failing
 * where the walk through them all got further. */
static void check_walk(const uint8_t *data, size_t size)
{
	struct jpeg_walk all, head;
	enum jpeg_walk_err e = jpeg_walk_buffer(data, size, true, &all);
	fuzz_assert(all.scans <= JPEG_WALK_MAX_SCANS + 1, "scans counted past the limit");
	if (e == JPEG_WALK_OK) {
		fuzz_assert(all.have_frame && all.scans >= 1, "an image without frame or scan");
		fuzz_assert(all.end >= 4 && all.end <= size, "an end outside the file");
		fuzz_assert(data[all.end - 2] == 0xff && data[all.end - 1] == 0xd9,
		            "an end that is not an end marker");
	}
	if (e == JPEG_WALK_OK || e == JPEG_WALK_SCANS)
		fuzz_assert(jpeg_walk_buffer(data, size, false, &head) == JPEG_WALK_OK &&
		                head.frame.width == all.frame.width,
		            "the walk to the first scan disagrees with the whole walk");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_walk(data, size);
	struct image_info info;
	enum image_info_err e = image_info_parse(data, size, &info);
	check_info(e, &info);
	/* The same bytes cut short never do better than the whole file. */
	if (size > 8) {
		struct image_info part;
		enum image_info_err pe = image_info_parse(data, size / 2, &part);
		check_info(pe, &part);
		if (pe == IMAGE_INFO_OK)
			fuzz_assert(e == IMAGE_INFO_OK && part.width == info.width &&
			                part.height == info.height,
			            "half the file read another size than the whole");
	}
	if (e == IMAGE_INFO_OK && (int64_t)info.width * info.height <= DECODE_MAX_PIXELS)
		try_decode(data, size, &info);
	return 0;
}
