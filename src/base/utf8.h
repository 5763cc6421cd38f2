/* utf8: validation of UTF-8 text with the position of the first bad byte,
 * and decoding of one character at a time. */
#ifndef TWINHALL_UTF8_H
#define TWINHALL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Where a scan of raw bytes stopped: 1-based line and column, the column
 * counted in characters, and the byte offset. */
struct utf8_pos {
	int line, col;
	size_t offset;
};

/* Checks that the len bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). Returns 1 when valid; otherwise 0 and
 * the position of the first invalid byte in *bad (which may be NULL). */
int utf8_validate(const char *s, size_t len, struct utf8_pos *bad);

/* Decodes the character at s (at most len bytes) into *cp; returns its length
 * in bytes (1..4), or 0 when the bytes there are not valid UTF-8. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* The position of byte offset within s (which must be valid up to there). */
struct utf8_pos utf8_position(const char *s, size_t offset);

/* Number of characters in the first len bytes of s, which must be valid. */
size_t utf8_length(const char *s, size_t len);

#endif
