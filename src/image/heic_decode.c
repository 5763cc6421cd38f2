#include "image/heic_decode.h"

#include "base/i18n.h"

#include <libheif/heif.h>
#include <stdio.h>
#include <stdlib.h>

#include "image/exif.h"
#include "image/heif_boxes.h"
#include "image/image_info.h"

/* The EXIF orientation in the image's Exif block, or 1. The block starts
 * with the offset of its TIFF header, after those 4 bytes. */
static int exif_block_orientation(const struct heif_image_handle *h)
{
	heif_item_id id;
	if (heif_image_handle_get_list_of_metadata_block_IDs(h, "Exif", &id, 1) != 1)
		return 1;
	size_t n = heif_image_handle_get_metadata_size(h, id);
	unsigned char *buf = n >= 4 && n <= (1u << 20) ? malloc(n) : NULL;
	int o = 1;
	if (buf && heif_image_handle_get_metadata(h, id, buf).code == heif_error_Ok) {
		size_t skip =
		    (size_t)buf[0] << 24 | (size_t)buf[1] << 16 | (size_t)buf[2] << 8 | buf[3];
		if (skip <= n - 4)
			o = exif_tiff_orientation(buf + 4 + skip, n - 4 - skip);
	}
	free(buf);
	return o;
}

/* The decoded image's rows, RGB or RGBA, to ARGB8888 and on to r. */
static int push_rows(const struct heif_image *img, bool alpha, struct resize *r)
{
	int w = heif_image_get_width(img, heif_channel_interleaved);
	int h = heif_image_get_height(img, heif_channel_interleaved), stride;
	const uint8_t *px = heif_image_get_plane_readonly(img, heif_channel_interleaved, &stride);
	uint32_t *row = px && w > 0 ? malloc((size_t)w * 4) : NULL;
	int first = row ? resize_begin(r, w, h) : -1;
	bool more = first >= 0;
	for (int y = first; more && y < h; y++) {
		const uint8_t *s = px + (size_t)y * (size_t)stride;
		for (int x = 0; x < w; x++, s += alpha ? 4 : 3)
			row[x] = (uint32_t)(alpha ? s[3] : 255) << 24 | (uint32_t)s[0] << 16 |
			         (uint32_t)s[1] << 8 | s[2];
		more = resize_row(r, row);
	}
	free(row);
	return first >= 0 ? 0 : -1;
}

int heic_decode(const unsigned char *data, size_t len, struct resize *r, char *err, size_t err_size)
{
	struct heif_boxes boxes;
	heif_boxes_parse(data, len < IMAGE_INFO_HEAD ? len : IMAGE_INFO_HEAD, &boxes);
	struct heif_context *ctx = heif_context_alloc();
	struct heif_image_handle *h = NULL;
	struct heif_image *img = NULL;
	struct heif_decoding_options *opt = heif_decoding_options_alloc();
	int rc = -1;
	if (!ctx || !opt) {
		snprintf(err, err_size, _("out of memory decoding the photo"));
		goto end;
	}
	heif_context_set_maximum_image_size_limit(ctx, IMAGE_INFO_MAX_SIDE);
	struct heif_error e = heif_context_read_from_memory_without_copy(ctx, data, len, NULL);
	if (e.code == heif_error_Ok)
		e = heif_context_get_primary_image_handle(ctx, &h);
	bool alpha = h && heif_image_handle_has_alpha_channel(h);
	/* Turned upright at the end, small, rather than here at full size. */
	opt->ignore_transformations = 1;
	if (e.code == heif_error_Ok)
		e = heif_decode_image(
		    h, &img, heif_colorspace_RGB,
		    alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, opt);
	if (e.code != heif_error_Ok) {
		snprintf(
		    err, err_size,
		    _("the HEIC photo is damaged or made in a way this PC cannot decode; save "
		      "it as JPEG (on an iPhone: Settings, Camera, Formats, Most Compatible)"));
		goto end;
	}
	r->alpha = alpha;
	r->orientation = boxes.orientation ? boxes.orientation : exif_block_orientation(h);
	rc = push_rows(img, alpha, r);
	if (rc != 0)
		snprintf(err, err_size, _("out of memory decoding the photo"));
end:
	heif_image_release(img);
	heif_image_handle_release(h);
	heif_decoding_options_free(opt);
	heif_context_free(ctx);
	return rc;
}
