/* marks: characters that take no room of their own - combining accents,
 * which are drawn on the letter before them, and invisible format
 * characters (joiners, variation selectors) - and a cap on how many follow
 * one letter. Text shaping and wrapping cost grows with the length of a
 * cluster times its count, so a caption of one letter and 20,000 accents
 * (a paste from the web can bring one) would freeze the screen; capped,
 * every cluster is short. Pure. */
#ifndef TWINHALL_MARKS_H
#define TWINHALL_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How many marks may follow one character; the hall's languages need at
 * most two (Vietnamese), emoji sequences one between two pictures. */
enum { MARKS_MAX_PER_CHAR = 4 };

/* Whether cp takes no room of its own: a combining mark (Unicode's Mn and
 * Me, in the blocks the hall's fonts cover and the common ones around
 * them) or a default-ignorable character (ZWJ, variation selectors, soft
 * hyphen, tags). */
bool marks_is_mark(uint32_t cp);

/* Drops from the UTF-8 text s (len bytes, changed in place) every mark
 * past the first max after one character; bytes that are not UTF-8 are
 * characters here. Returns the new length (s is NUL-terminated there when
 * it was shorter) and, in *dropped (which may be NULL), how many marks
 * went; *longest gets the longest run of marks seen (may be NULL). */
size_t marks_cap(char *s, size_t len, size_t max, size_t *dropped, size_t *longest);

#endif
