/* png_chunks: a PNG's chunk structure, walked before libpng sees the file.
 * SDL_image's PNG reader ignores short reads, so libpng given a chunk that
 * runs past the end of the file reads stale memory for as long as the chunk
 * claims to be (found by fuzzing: one 416-byte file took over a minute).
 * png_decode's reader stops at the end itself; the walk still tells a file
 * being copied from a broken one before any pixel is decoded. Safe on any
 * thread. */
#ifndef TWINHALL_PNG_CHUNKS_H
#define TWINHALL_PNG_CHUNKS_H

#include <stddef.h>

enum png_chunks_status {
	PNG_CHUNKS_OK,     /* IHDR first, every chunk inside the file, up to IEND */
	PNG_CHUNKS_CUT,    /* the file ends before IEND: still being copied, or cut */
	PNG_CHUNKS_BROKEN, /* not a PNG, no IHDR first, or a chunk that makes no sense */
};

/* Walks the chunks of the PNG in data[0..len), reading nothing outside it. */
enum png_chunks_status png_chunks_check(const unsigned char *data, size_t len);

/* The same for the first len bytes of the file open as fd, reading only the
 * chunks' headers (pread: the file offset stays). */
enum png_chunks_status png_chunks_check_fd(int fd, size_t len);

#endif
