#include "base/utf8.h"

static size_t seq_length(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	size_t n = seq_length(u[0]);
	if (n == 0 || n > len)
		return 0;
	if (n == 1) {
		*cp = u[0];
		return 1;
	}
	uint32_t v = u[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (u[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (v < min_for_len[n] || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff)
		return 0;
	*cp = v;
	return n;
}

int utf8_validate(const char *s, size_t len, struct utf8_pos *bad)
{
	int line = 1, col = 1;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad) {
				bad->line = line;
				bad->col = col;
				bad->offset = i;
			}
			return 0;
		}
		if (cp == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += n;
	}
	return 1;
}

size_t utf8_length(const char *s, size_t len)
{
	size_t chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	return chars;
}

struct utf8_pos utf8_position(const char *s, size_t offset)
{
	struct utf8_pos pos = {1, 1, offset};
	for (size_t i = 0; i < offset; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			pos.line++;
			pos.col = 1;
		} else if ((c & 0xc0) != 0x80) {
			pos.col++;
		}
	}
	return pos;
}
