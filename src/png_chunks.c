#include "png_chunks.h"

#include <string.h>
#include <unistd.h>

/* Where the bytes come from: memory, or a file read at offsets. */
struct source {
	const unsigned char *data; /* NULL: read fd */
	int fd;
	uint64_t size;
};

/* Reads n bytes at off into buf; 0 when they are not all there. */
static int read_at(const struct source *s, uint64_t off, unsigned char *buf, size_t n)
{
	if (off > s->size || s->size - off < n)
		return 0;
	if (s->data) {
		memcpy(buf, s->data + off, n);
		return 1;
	}
	return pread(s->fd, buf, n, (off_t)off) == (ssize_t)n;
}

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

static enum png_chunks_status walk(const struct source *s)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	unsigned char head[8];
	size_t have = s->size < sizeof head ? (size_t)s->size : sizeof head;
	if (!read_at(s, 0, head, have) || have == 0 || memcmp(head, sig, have) != 0)
		return PNG_CHUNKS_BROKEN;
	if (have < sizeof sig)
		return PNG_CHUNKS_CUT;
	uint64_t pos = sizeof sig;
	for (int first = 1;; first = 0) {
		if (!read_at(s, pos, head, 8))
			return PNG_CHUNKS_CUT;
		uint32_t n = be32(head);
		const unsigned char *type = head + 4;
		if (n > 0x7fffffffu || !type_ok(type)) /* the format's own limit */
			return PNG_CHUNKS_BROKEN;
		if (first && memcmp(type, "IHDR", 4) != 0)
			return PNG_CHUNKS_BROKEN;
		if (s->size - pos - 8 < (uint64_t)n + 4) /* its data and CRC */
			return PNG_CHUNKS_CUT;
		if (memcmp(type, "IEND", 4) == 0)
			return PNG_CHUNKS_OK;
		pos += 12 + (uint64_t)n;
	}
}

enum png_chunks_status png_chunks_check(const unsigned char *data, size_t len)
{
	struct source s = {.data = data, .fd = -1, .size = len};
	return data ? walk(&s) : PNG_CHUNKS_BROKEN;
}

enum png_chunks_status png_chunks_check_fd(int fd, uint64_t size)
{
	struct source s = {.data = NULL, .fd = fd, .size = size};
	return walk(&s);
}
