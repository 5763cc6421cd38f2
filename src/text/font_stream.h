/* font_stream: a font file as an SDL_RWops that reads through a few
 * windows of its bytes kept in memory. FreeType reads a face in many small
 * pieces at scattered offsets (tables, then a glyph's outline at a time);
 * through SDL's stdio file each piece cost an lseek and a read, most of the
 * time the content's text check took. Read with pread, never mapped: a
 * font file cut short under the hall (hall.yaml's font_dirs are staff's)
 * reads as an error, not a SIGBUS. */
#ifndef TWINHALL_FONT_STREAM_H
#define TWINHALL_FONT_STREAM_H

#include <SDL.h>

/* The font file at path, open for reading; NULL (SDL_GetError says why)
 * when it cannot be opened or is not a regular file. Closed with
 * SDL_RWclose, or by TTF_CloseFont when opened with freesrc. */
SDL_RWops *font_stream_open(const char *path);

#endif
