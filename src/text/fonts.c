#include "text/fonts.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "text/font_stream.h"

struct font_file {
	const char *name; /* file name to look for */
	int index;        /* face in a collection (.ttc) */
};

/* Per face: its own font, then the CJK face of the same weight: index 2 of
 * Debian's Noto CJK collections is Simplified Chinese (青岛). */
static const struct font_file chains[FACE_COUNT][FONTS_CHAIN_MAX] = {
    [FACE_SANS] = {{"NotoSans-Regular.ttf", 0}, {"NotoSansCJK-Regular.ttc", 2}},
    [FACE_SANS_BOLD] = {{"NotoSans-Bold.ttf", 0}, {"NotoSansCJK-Bold.ttc", 2}},
    [FACE_SERIF_BOLD] = {{"NotoSerif-Bold.ttf", 0}, {"NotoSerifCJK-Bold.ttc", 2}},
};

/* One open font a file: its size is changed as asked (TTF_SetFontSize),
 * since every size opened on its own costs FreeType a copy of the face's
 * tables, megabytes for each CJK one. */
struct open_font {
	int px;
	TTF_Font *font;
};

/* SDL_ttf keeps one FreeType library for the process; FreeType asks that
 * opening and closing faces on it be serialised, while faces opened by
 * different threads are then used freely, each by its own thread (a struct
 * fonts made on another thread, --check's say, may open fonts while the
 * render thread's text worker draws). */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

struct fonts {
	char path[FACE_COUNT][FONTS_CHAIN_MAX][512];
	int length[FACE_COUNT];
	struct open_font open[FACE_COUNT][FONTS_CHAIN_MAX];
};

/* Whether path is a regular file this process can read. Opened without
 * blocking and its type checked, so a FIFO or a device named like a font
 * (hall.yaml's font_dirs are staff's) is passed over, never waited on. */
static bool readable(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	close(fd);
	return ok;
}

/* Looks for file in dirs, then the usual places; writes the path found. A
 * folder whose path would not fit out is passed over. */
static bool find(const char *file, const char *const *dirs, size_t n, char *out, size_t size)
{
	for (size_t i = 0; i < n; i++) {
		int len = snprintf(out, size, "%s/%s", dirs[i], file);
		if (len > 0 && (size_t)len < size && readable(out))
			return true;
	}
	char *base = SDL_GetBasePath();
	snprintf(out, size, "%s../assets/fonts/%s", base ? base : "", file);
	SDL_free(base);
	if (readable(out))
		return true;
	const char *system[] = {TWINHALL_DATADIR "/assets/fonts", "/usr/share/fonts/truetype/noto",
	                        "/usr/share/fonts/opentype/noto"};
	for (size_t i = 0; i < sizeof system / sizeof system[0]; i++) {
		snprintf(out, size, "%s/%s", system[i], file);
		if (readable(out))
			return true;
	}
	return false;
}

struct fonts *fonts_new(const char *const *dirs, size_t n)
{
	struct fonts *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	for (int face = 0; face < FACE_COUNT; face++) {
		for (int s = 0; s < FONTS_CHAIN_MAX && chains[face][s].name; s++) {
			char *out = f->path[face][f->length[face]];
			if (find(chains[face][s].name, dirs, n, out, sizeof f->path[0][0]))
				f->length[face]++;
			else if (s == 0)
				goto missing;
		}
	}
	return f;
missing:
	log_error("no font file found for the text (install fonts-noto-core)");
	free(f);
	return NULL;
}

void fonts_free(struct fonts *f)
{
	if (!f)
		return;
	for (int face = 0; face < FACE_COUNT; face++)
		for (int s = 0; s < FONTS_CHAIN_MAX; s++)
			if (f->open[face][s].font) {
				pthread_mutex_lock(&open_lock);
				TTF_CloseFont(f->open[face][s].font);
				pthread_mutex_unlock(&open_lock);
			}
	free(f);
}

int fonts_chain_length(const struct fonts *f, enum text_face face)
{
	return f->length[face];
}

const char *fonts_path(const struct fonts *f, enum text_face face, int slot)
{
	return slot >= 0 && slot < f->length[face] ? f->path[face][slot] : "";
}

/* The collection index of the file in slot (slots skip missing files). */
static int face_index(const struct fonts *f, enum text_face face, int slot)
{
	const char *path = f->path[face][slot];
	for (int s = 0; s < FONTS_CHAIN_MAX && chains[face][s].name; s++) {
		size_t pl = strlen(path), nl = strlen(chains[face][s].name);
		if (pl >= nl && strcmp(path + pl - nl, chains[face][s].name) == 0)
			return chains[face][s].index;
	}
	return 0;
}

/* The open font of slot at whatever size it has (px the first time). */
static struct open_font *open_slot(struct fonts *f, enum text_face face, int slot, int px)
{
	if (slot < 0 || slot >= f->length[face])
		return NULL;
	struct open_font *o = &f->open[face][slot];
	if (o->font)
		return o;
	pthread_mutex_lock(&open_lock);
	SDL_RWops *rw = font_stream_open(f->path[face][slot]);
	o->font = rw ? TTF_OpenFontIndexRW(rw, 1, px, face_index(f, face, slot)) : NULL;
	pthread_mutex_unlock(&open_lock);
	if (!o->font) {
		log_error("cannot open font %s: %s", f->path[face][slot], TTF_GetError());
		return NULL;
	}
	TTF_SetFontHinting(o->font, TTF_HINTING_LIGHT);
	o->px = px;
	return o;
}

TTF_Font *fonts_get(struct fonts *f, enum text_face face, int slot, int px)
{
	struct open_font *o = open_slot(f, face, slot, px);
	if (!o)
		return NULL;
	if (o->px != px) {
		if (TTF_SetFontSize(o->font, px) != 0)
			return NULL;
		o->px = px;
	}
	return o->font;
}

bool fonts_covers(struct fonts *f, enum text_face face, int slot, uint32_t cp)
{
	/* Coverage does not depend on the size: ask the font at the one it has. */
	struct open_font *o = open_slot(f, face, slot, 24);
	return o && TTF_GlyphIsProvided32(o->font, cp);
}
