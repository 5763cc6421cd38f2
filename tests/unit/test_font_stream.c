/* A font file read through font_stream's windows gives the file's bytes at
 * every offset and size FreeType may ask for, ends where the file ends
 * (also a file cut short while open: a short read, not a crash), and
 * refuses what is not a regular file; a font opened through it draws as
 * one opened from its file by SDL does. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/font_stream.h"
#include "test.h"

static int failures_;
static char path[64];
enum { SIZE = 300000 };
static unsigned char bytes[SIZE];

static void make_file(void)
{
	srand(7);
	for (size_t i = 0; i < SIZE; i++)
		bytes[i] = (unsigned char)(rand() >> 7);
	FILE *f = fopen(path, "wb");
	CHECK(f && fwrite(bytes, 1, SIZE, f) == SIZE);
	if (f)
		fclose(f);
}

/* n bytes at off through rw are the file's (as many as it has there). */
static bool same_at(SDL_RWops *rw, Sint64 off, size_t n)
{
	static unsigned char got[SIZE];
	if (SDL_RWseek(rw, off, RW_SEEK_SET) != off)
		return false;
	size_t want = off >= SIZE ? 0 : (size_t)(SIZE - off) < n ? (size_t)(SIZE - off) : n;
	size_t r = SDL_RWread(rw, got, 1, n);
	return r == want && memcmp(got, bytes + off, want) == 0 &&
	       SDL_RWtell(rw) == off + (Sint64)r;
}

static void test_reads_the_bytes(void)
{
	make_file();
	SDL_RWops *rw = font_stream_open(path);
	CHECK(rw != NULL);
	if (!rw)
		return;
	CHECK_INT(SDL_RWsize(rw), SIZE);
	CHECK(same_at(rw, 0, 12));         /* a header */
	CHECK(same_at(rw, 4090, 20));      /* across a page */
	CHECK(same_at(rw, 16380, 10));     /* across a window */
	CHECK(same_at(rw, 100000, 70000)); /* a table larger than a window */
	CHECK(same_at(rw, 16000, 20000));  /* across several windows */
	CHECK(same_at(rw, SIZE - 5, 100)); /* past the end: what there is */
	CHECK(same_at(rw, SIZE + 10, 4));  /* beyond it: nothing */
	srand(11);
	bool all = true;
	for (int i = 0; i < 2000; i++) /* scattered glyphs, windows replaced */
		all &= same_at(rw, rand() % SIZE, (size_t)(rand() % 300 + 1));
	CHECK(all);
	CHECK_INT(SDL_RWseek(rw, -10, RW_SEEK_END), SIZE - 10);
	CHECK_INT(SDL_RWseek(rw, 4, RW_SEEK_CUR), SIZE - 6);
	CHECK(SDL_RWseek(rw, -1, RW_SEEK_SET) < 0);
	CHECK_INT(SDL_RWwrite(rw, "x", 1, 1), 0);
	SDL_RWclose(rw);
	/* cut short while open (a font_dirs file replaced in place) */
	rw = font_stream_open(path);
	CHECK(rw != NULL && same_at(rw, 0, 100));
	CHECK(truncate(path, 1000) == 0);
	unsigned char got[64];
	CHECK_INT(SDL_RWseek(rw, 200000, RW_SEEK_SET), 200000);
	CHECK_INT(SDL_RWread(rw, got, 1, sizeof got), 0);
	SDL_RWclose(rw);
}

static void test_refuses_what_is_not_a_file(void)
{
	CHECK(font_stream_open("/tmp") == NULL);
	CHECK(font_stream_open("/nonexistent/font.ttf") == NULL);
	char fifo[80];
	snprintf(fifo, sizeof fifo, "%s.fifo", path);
	CHECK(mkfifo(fifo, 0600) == 0);
	CHECK(font_stream_open(fifo) == NULL); /* not waited on */
	unlink(fifo);
}

/* font's face index through the stream draws text the same as through
 * SDL's own file. */
static void draws_the_same(const char *font, int index, const char *text)
{
	SDL_RWops *rw = font_stream_open(font);
	CHECK(rw != NULL);
	TTF_Font *a = rw ? TTF_OpenFontIndexRW(rw, 1, 32, index) : NULL;
	TTF_Font *b = TTF_OpenFontIndex(font, 32, index);
	CHECK(a != NULL && b != NULL);
	if (!a || !b)
		return;
	SDL_Color white = {255, 255, 255, 255};
	SDL_Surface *sa = TTF_RenderUTF8_Blended(a, text, white);
	SDL_Surface *sb = TTF_RenderUTF8_Blended(b, text, white);
	CHECK(sa && sb && sa->w == sb->w && sa->h == sb->h);
	if (sa && sb && sa->w == sb->w && sa->h == sb->h) {
		bool same = true, ink = false;
		for (int y = 0; y < sa->h; y++) {
			const char *ra = (char *)sa->pixels + y * sa->pitch;
			same &=
			    memcmp(ra, (char *)sb->pixels + y * sb->pitch, (size_t)sa->w * 4) == 0;
			for (int x = 0; x < sa->w * 4; x++)
				ink |= ra[x] != 0;
		}
		CHECK(same);
		CHECK(ink);
	}
	SDL_FreeSurface(sa);
	SDL_FreeSurface(sb);
	TTF_CloseFont(a);
	TTF_CloseFont(b);
}

static void test_fonts_draw(void)
{
	draws_the_same("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", 0, "Пермь, Perm");
	/* a collection's third face, as the CJK fallback is opened */
	draws_the_same("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "青岛");
}

int main(void)
{
	snprintf(path, sizeof path, "/tmp/twinhall-font-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || TTF_Init() != 0)
		return 1;
	close(fd);
	RUN(test_reads_the_bytes);
	RUN(test_refuses_what_is_not_a_file);
	RUN(test_fonts_draw);
	unlink(path);
	TTF_Quit();
	return failures_ ? 1 : 0;
}
