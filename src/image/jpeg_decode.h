/* jpeg_decode: JPEG bytes to ARGB8888 pixels with libjpeg(-turbo), shrunk
 * in the DCT to the smallest eighth that still covers the size needed, which
 * makes a 24-megapixel photo several times faster than a full decode. Never
 * exits or prints on corrupt input. Safe on worker threads (no shared state). */
#ifndef TWINHALL_JPEG_DECODE_H
#define TWINHALL_JPEG_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum jpeg_status {
	JPEG_OK,
	JPEG_INCOMPLETE, /* no end-of-image marker: a half-copied file, not ready */
	JPEG_BROKEN,     /* not a JPEG, corrupt, or a kind libjpeg cannot decode */
	JPEG_TOO_LARGE,  /* over IMAGE_INFO_MAX_SIDE a side or IMAGE_INFO_MAX_PIXELS */
	JPEG_NO_MEMORY,
};

/* The DCT scale, in eighths (1..8), for a w x h JPEG: the smallest whose
 * output (each side rounded up, as libjpeg does) is at least min_w x min_h;
 * 8 (full size, never enlarged) when even that is smaller. Pure. */
int jpeg_scale_for(int w, int h, int min_w, int min_h);

/* Where decoded rows go, one by one, top to bottom: begin is called once
 * with the decoded size before any row, and whether the file is in one scan
 * (baseline: rows can then be skipped cheaply); it returns how many rows to
 * skip before the first it wants (they are decoded only far enough to find
 * the next), or -1 (out of memory: stop). Then row gets each wanted row of
 * w pixels of ARGB8888 (the uint32_t 0xAARRGGBB, alpha 0xFF;
 * SDL_PIXELFORMAT_ARGB8888), valid only during the call, and returns
 * whether it wants more: the decode ends early, successfully, when not. */
struct jpeg_sink {
	int (*begin)(void *ctx, int w, int h, bool one_scan);
	bool (*row)(void *ctx, const uint32_t *row);
	void *ctx;
	void (*pause)(void *ctx); /* if set, called every few dozen rows skipped */
};

/* Decodes the JPEG in data[0..len) (kept by the caller) at the scale
 * jpeg_scale_for() picks for min_w x min_h, given in the file's own stored
 * orientation (swap them for EXIF orientations 5..8; no rotation is done
 * here), into sink; only one row is held at a time. A failure may come
 * after some rows; err then holds a reason for staff. Files without an
 * end-of-image marker (0xFFD9, trailing 0x00 padding allowed) get
 * JPEG_INCOMPLETE without being decoded; what follows the image's own end
 * marker (a phone's trailer, a motion photo's video) is left out. CMYK and YCCK files are converted
 * to RGB without a colour profile (Adobe's inverted CMYK is recognised), so
 * their colours are close, not exact. */
enum jpeg_status jpeg_decode(const unsigned char *data, size_t len, int min_w, int min_h,
                             const struct jpeg_sink *sink, char *err, size_t err_size);

/* jpeg_decode of the JPEG in the first len bytes of the file open as fd,
 * read a little at a time as it is decoded (pread: fd's offset is not used),
 * so the file is never held whole. fd stays the caller's. */
enum jpeg_status jpeg_decode_fd(int fd, size_t len, int min_w, int min_h,
                                const struct jpeg_sink *sink, char *err, size_t err_size);

#endif
