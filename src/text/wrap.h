/* wrap: breaking a paragraph into lines that fit a width, with an ellipsis
 * when it needs more lines than allowed. Pure: widths come from a callback. */
#ifndef TWINHALL_WRAP_H
#define TWINHALL_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* Width in pixels of the len bytes at s (UTF-8), as the font would draw them. */
typedef int (*wrap_measure_fn)(void *ctx, const char *s, size_t len);

struct wrap_line {
	size_t start, len; /* bytes of the paragraph, spaces at the break dropped */
	bool ellipsis;     /* the line was cut short: draw "…" after it */
};

/* Breaks text into at most cap lines no wider than max_w (but at least one
 * character a line). Lines break at spaces, and before and after each CJK
 * ideograph, kana or CJK punctuation mark; never before closing punctuation
 * (。，」 , . ! ? ) and the like) nor after opening punctuation (「（“ ( and the
 * like), at a space too. Nor at a space after a short word (one letter, or a
 * Russian preposition, conjunction or particle such as "в", "на", "и",
 * "не") or between a number and the word after it ("с 1992 года" stays
 * together), unless those words together are wider than the line. Words
 * longer than a line are broken between
 * characters; '\n' forces a break. When the text needs more than max_lines
 * lines, the last line ends with an ellipsis and still fits. Measures only
 * from each line's start and not much past max_w, so the work grows with
 * the length of the text times that of a line. Returns the number of lines
 * written to lines. */
size_t wrap_text(const char *text, int max_w, size_t max_lines, wrap_measure_fn measure, void *ctx,
                 struct wrap_line *lines, size_t cap);

/* The ellipsis character the wrapper measures with and callers draw. */
extern const char wrap_ellipsis[];

#endif
