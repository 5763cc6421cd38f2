#include "png_chunks.h"

#include <stdint.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A chunk type is four ASCII letters. */
static int type_ok(const unsigned char *t)
{
	for (int i = 0; i < 4; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')))
			return 0;
	return 1;
}

enum png_chunks_status png_chunks_check(const unsigned char *data, size_t len)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	size_t have = len < sizeof sig ? len : sizeof sig;
	if (!data || have == 0 || memcmp(data, sig, have) != 0)
		return PNG_CHUNKS_BROKEN;
	if (have < sizeof sig)
		return PNG_CHUNKS_CUT;
	size_t pos = sizeof sig;
	for (int first = 1;; first = 0) {
		if (len - pos < 8)
			return PNG_CHUNKS_CUT;
		uint32_t n = be32(data + pos);
		const unsigned char *type = data + pos + 4;
		if (n > 0x7fffffffu || !type_ok(type)) /* the format's own limit */
			return PNG_CHUNKS_BROKEN;
		if (first && memcmp(type, "IHDR", 4) != 0)
			return PNG_CHUNKS_BROKEN;
		if (len - pos - 8 < (size_t)n + 4) /* its data and CRC */
			return PNG_CHUNKS_CUT;
		if (memcmp(type, "IEND", 4) == 0)
			return PNG_CHUNKS_OK;
		pos += 12 + (size_t)n;
	}
}
