/* name_fold: a file name folded so that names a person calls the same
 * compare equal: letters in one case (Latin, Latin-1 and Latin Extended-A,
 * Cyrillic) and accented letters decomposed (é as e and a combining
 * accent), as macOS writes file names (NFD) and Windows and Linux mostly
 * do not (NFC). For finding the file staff meant when the name they wrote
 * is not there exactly. Pure. */
#ifndef TWINHALL_NAME_FOLD_H
#define TWINHALL_NAME_FOLD_H

#include <stdbool.h>
#include <stddef.h>

enum name_fold_mode {
	NAME_FOLD_FORM, /* accents decomposed only: names that look the same */
	NAME_FOLD_CASE, /* and letters in lower case */
};

/* Writes s folded into out (size bytes, NUL-terminated); false when it does
 * not fit or s is not UTF-8. */
bool name_fold(const char *s, enum name_fold_mode mode, char *out, size_t size);

/* Whether a and b fold to the same name. */
bool name_fold_same(const char *a, const char *b, enum name_fold_mode mode);

#endif
