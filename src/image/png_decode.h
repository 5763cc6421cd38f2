/* png_decode: a PNG's rows through libpng straight into a resize, one row
 * at a time, so a 6-megapixel scan is never held whole (SDL_image held all
 * 18 MB of it). Colours as SDL_image gave them: no gamma or colour profile
 * applied, 16-bit samples cut to their high byte. Interlaced (Adam7) files
 * are the exception: their rows come in seven passes, so the rows the
 * resize takes are held until the last pass, within a cap. Never exits,
 * prints or jumps past its own cleanup on a broken file. Safe on worker
 * threads (no shared state). */
#ifndef TWINHALL_PNG_DECODE_H
#define TWINHALL_PNG_DECODE_H

#include <stddef.h>

#include "image/resize.h"

enum png_decode_status {
	PNG_DECODE_OK,
	PNG_DECODE_INCOMPLETE, /* the file ends before its image: still being copied */
	PNG_DECODE_BROKEN,     /* corrupt, or not a PNG */
	PNG_DECODE_TOO_LARGE,  /* over IMAGE_INFO_MAX_SIDE/PIXELS, or interlaced past the cap */
	PNG_DECODE_NO_MEMORY,
};

enum {
	/* The most an interlaced PNG's held rows may take (1 to 4 bytes a
	 * pixel): a 16-megapixel RGB scan, cropped or not. */
	PNG_DECODE_INTERLACED_MAX_BYTES = 48 << 20,
};

/* Decodes the PNG in data[0..len) (kept by the caller) into r, whose box,
 * fit and orientation are set; sets r->alpha and calls resize_begin. On
 * failure err holds a reason for staff. */
enum png_decode_status png_decode_mem(const unsigned char *data, size_t len, struct resize *r,
                                      char *err, size_t err_size);

/* The same for the first len bytes of the file open as fd, read as the rows
 * are decoded (pread: fd's offset stays, and fd stays the caller's). */
enum png_decode_status png_decode_fd(int fd, size_t len, struct resize *r, char *err,
                                     size_t err_size);

#endif
