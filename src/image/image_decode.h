/* image_decode: turns an image file's bytes into pixels of the size they
 * will be shown at. Safe to call from worker threads (no renderer). */
#ifndef TWINHALL_IMAGE_DECODE_H
#define TWINHALL_IMAGE_DECODE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

enum image_fit {
	IMAGE_COVER,   /* exactly w x h, cropped centrally to keep proportions */
	IMAGE_CONTAIN, /* as large as fits in w x h, proportions kept */
};

/* Decodes data (JPEG, PNG or WebP, told by its first bytes) upright (EXIF
 * orientation) and resizes it for fit into w x h; JPEGs are decoded at the
 * smallest DCT scale that still covers that size. Returns a new surface the
 * caller frees: RGB888 when the image has no alpha channel, else ARGB8888
 * (blend mode NONE when every pixel is opaque, so drawing it is a copy, not
 * a blend), or NULL with a reason for staff in err and
 * *incomplete set when the file is a JPEG or PNG without its end (still
 * being copied: not ready, try again later). JPEGs and PNGs go row by row
 * into the resize, so their whole decoded image is never held. */
SDL_Surface *image_decode(const void *data, size_t len, int w, int h, enum image_fit fit,
                          bool *incomplete, char *err, size_t err_size);

/* image_decode of data from big_malloc, which it frees once decoded, before
 * the result is turned upright. */
SDL_Surface *image_decode_take(void *data, size_t len, int w, int h, enum image_fit fit,
                               bool *incomplete, char *err, size_t err_size);

/* A PNG decoded as image_decode does, read from the file open as fd (of len
 * bytes, from its start) as it is decoded, row by row into the resize
 * (png_decode): neither a 10 MB scan's file nor its whole decoded image
 * (18 MB for 6 MP) is ever held; only the file's chunk headers are read
 * before. fd stays the caller's. */
SDL_Surface *image_decode_png_fd(int fd, size_t len, int w, int h, enum image_fit fit,
                                 bool *incomplete, char *err, size_t err_size);

/* A JPEG decoded as image_decode does, read from the file open as fd (of
 * len bytes, from its start) as it is decoded (jpeg_decode_fd): a 24 MP
 * photo's 6-7 MB file is never held, only 64 KB of it at a time. fd stays
 * the caller's. */
SDL_Surface *image_decode_jpeg_fd(int fd, size_t len, int w, int h, enum image_fit fit,
                                  bool *incomplete, char *err, size_t err_size);

#endif
