#include "image/png_chunks.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

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

/* The chunks of a PNG of len bytes whose bytes at an offset read gives
 * (0, or -1 when they cannot be read). */
static enum png_chunks_status walk(int (*read)(void *ctx, size_t off, unsigned char *buf, size_t n),
                                   void *ctx, size_t len)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	unsigned char head[8];
	size_t have = len < sizeof sig ? len : sizeof sig;
	if (have == 0 || read(ctx, 0, head, have) != 0 || memcmp(head, sig, have) != 0)
		return PNG_CHUNKS_BROKEN;
	if (have < sizeof sig)
		return PNG_CHUNKS_CUT;
	size_t pos = sizeof sig;
	for (int first = 1;; first = 0) {
		if (len - pos < 8)
			return PNG_CHUNKS_CUT;
		if (read(ctx, pos, head, 8) != 0)
			return PNG_CHUNKS_CUT; /* shorter than it was: being written */
		uint32_t n = be32(head);
		const unsigned char *type = head + 4;
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

static int read_memory(void *ctx, size_t off, unsigned char *buf, size_t n)
{
	memcpy(buf, (const unsigned char *)ctx + off, n);
	return 0;
}

enum png_chunks_status png_chunks_check(const unsigned char *data, size_t len)
{
	return data ? walk(read_memory, (void *)data, len) : PNG_CHUNKS_BROKEN;
}

static int read_file(void *ctx, size_t off, unsigned char *buf, size_t n)
{
	ssize_t got = pread(*(const int *)ctx, buf, n, (off_t)off);
	return got == (ssize_t)n ? 0 : -1;
}

enum png_chunks_status png_chunks_check_fd(int fd, size_t len)
{
	return walk(read_file, &fd, len);
}
