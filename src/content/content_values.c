/* content_fields: numbers and image paths. */
#include "content/content_fields.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/hash.h"
#include "base/name_fold.h"
#include "image/image_file.h"
#include "base/i18n.h"
#include "image/image_info.h"
#include "image/image_whole.h"
#include "image/jpeg_walk.h"
#include "base/safe_path.h"

int content_fields_parse_int(const char *s, long *out)
{
	int neg = *s == '-';
	s += neg;
	if (!*s)
		return 0;
	long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 99999999)
			return 0;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 1;
}

int content_fields_parse_number(const char *s, double *out)
{
	int neg = *s == '-';
	s += *s == '-' || *s == '+';
	double v = 0, scale = 1;
	int digits = 0, in_fraction = 0;
	for (; *s; s++) {
		if (*s == '.' && !in_fraction) {
			in_fraction = 1;
			continue;
		}
		if (*s < '0' || *s > '9' || ++digits > 15)
			return 0;
		v = v * 10 + (*s - '0');
		if (in_fraction)
			scale *= 10;
	}
	if (!digits)
		return 0;
	*out = (neg ? -v : v) / scale;
	return 1;
}

/* The field's value when it is a single value; reports a list or fields. */
static const struct yaml_doc_node *single(struct content_fields_ctx *x,
                                          const struct yaml_doc_node *map, const char *key,
                                          const char *example)
{
	const struct yaml_doc_node *v = yaml_doc_get(map, key);
	if (v && v->kind != YAML_DOC_SCALAR) {
		content_fields_error(x, v, "\"%s\" must be a single value such as %s, not %s", key,
		                     example, content_fields_kind(v));
		return NULL;
	}
	return v;
}

int content_fields_int(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                       const char *key, long min, long max, int *out)
{
	char example[24];
	long ex = min >= 1000 ? 1995 : (90 >= min && 90 <= max ? 90 : min);
	snprintf(example, sizeof example, "%ld", ex);
	const struct yaml_doc_node *v = single(x, map, key, example);
	long n;
	if (!v)
		return 0;
	if (!content_fields_parse_int(v->str, &n)) {
		content_fields_error(x, v, "\"%s\" must be a whole number such as %s, not \"%s\"",
		                     key, example, v->str);
		return 0;
	}
	if (n < min || n > max) {
		content_fields_error(x, v, "\"%s\" must be between %ld and %ld, not %ld", key, min,
		                     max, n);
		return 0;
	}
	*out = (int)n;
	return 1;
}

int content_fields_number(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                          const char *key, double min, double max, double *out)
{
	const struct yaml_doc_node *v = single(x, map, key, "49.261");
	double n;
	if (!v)
		return 0;
	if (!content_fields_parse_number(v->str, &n)) {
		content_fields_error(x, v,
		                     "\"%s\" must be a number such as 49.261 or -7.5 (a dot "
		                     "before the decimals), not \"%s\"",
		                     key, v->str);
		return 0;
	}
	if (n < min || n > max) {
		content_fields_error(x, v, "\"%s\" must be between %g and %g, not %s", key, min,
		                     max, v->str);
		return 0;
	}
	*out = n;
	return 1;
}

/* What changes whenever the file's bytes may have: its size, its time to
 * the nanosecond, and the inode (a save by rename makes a new one). */
static uint64_t file_stamp(const struct stat *st)
{
	uint64_t v[4] = {(uint64_t)st->st_size, (uint64_t)st->st_mtim.tv_sec,
	                 (uint64_t)st->st_mtim.tv_nsec, (uint64_t)st->st_ino};
	return hash_more(HASH_SEED, v, sizeof v);
}

/* Reports at v when the JPEG fd (size bytes) would cost the decoder more
 * than it may spend: whole-image coefficients over the memory budget (a
 * large progressive file), or more scans than an encoder writes. The same
 * limits hold in the decoder; here they are located, for --check and the
 * live load alike. A structure that makes no sense is left to the checks
 * of its ends and to the decoder. */
static int check_jpeg_cost(struct content_fields_ctx *x, const struct yaml_doc_node *v, int fd,
                           uint64_t size)
{
	struct jpeg_walk jw;
	if (jpeg_walk_fd(fd, size, false, &jw) != JPEG_WALK_OK)
		return 1;
	uint64_t coef = jpeg_walk_coef_bytes(&jw.frame);
	if (coef > JPEG_WALK_COEF_BUDGET) {
		content_fields_error(x, v,
		                     "%s is a progressive JPEG of %d x %d pixels, which needs "
		                     "%llu MB of memory to show (at most %d MB): save it as a "
		                     "baseline (not progressive) JPEG, or smaller",
		                     v->str, jw.frame.width, jw.frame.height,
		                     (unsigned long long)(coef >> 20), JPEG_WALK_COEF_BUDGET >> 20);
		return 0;
	}
	if (jpeg_walk_buffered(&jw.frame) && jpeg_walk_fd(fd, size, true, &jw) == JPEG_WALK_SCANS) {
		content_fields_error(x, v,
		                     "%s is a JPEG of more than %d scans (passes over the "
		                     "picture), which would take seconds each time it is shown: "
		                     "save it again as a baseline (not progressive) JPEG",
		                     v->str, JPEG_WALK_MAX_SCANS);
		return 0;
	}
	return 1;
}

/* Reports at v why the image file fd (size bytes, header info) cannot be
 * shown, when it cannot: too large to read, cut short, or damaged. */
static int check_image_body(struct content_fields_ctx *x, const struct yaml_doc_node *v, int fd,
                            uint64_t size, const struct image_info *info)
{
	if (size > IMAGE_FILE_MAX) {
		content_fields_error(x, v,
		                     "%s is a file of %.1f GB; an image may be at most %zu MB "
		                     "(a photo from a camera is about 10): save it smaller",
		                     v->str, (double)size / 1e9, IMAGE_FILE_MAX >> 20);
		return 0;
	}
	if (info->format == IMAGE_INFO_JPEG && !check_jpeg_cost(x, v, fd, size))
		return 0;
	enum image_whole w = image_whole_fd(fd, info->format, size);
	if (w == IMAGE_CUT)
		content_fields_error(x, v,
		                     "%s is cut short: the file ends before the picture does "
		                     "(perhaps it is still being copied); copy it again",
		                     v->str);
	else if (w == IMAGE_DAMAGED)
		content_fields_error(x, v, "%s is damaged and cannot be shown; save it again",
		                     v->str);
	return w == IMAGE_WHOLE;
}

/* fd (a file of the content, open) swapped for the store's copy of it when
 * x has a store and the file can be kept; its name then in kept. */
static void keep_open(struct content_fields_ctx *x, int *fd, char *kept, size_t kept_size)
{
	struct stat st;
	*kept = '\0';
	if (!x->store || fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > IMAGE_FILE_MAX)
		return; /* what cannot be kept is refused where it is */
	int copy = x->store->keep(x->store->ctx, *fd, &st, kept, kept_size);
	if (copy < 0) {
		*kept = '\0';
		return;
	}
	close(*fd);
	*fd = copy;
}

int content_fields_open(struct content_fields_ctx *x, const char *path, int *fd, char *kept,
                        size_t kept_size)
{
	*kept = '\0';
	enum safe_path_err e = safe_path_open(x->root_fd, path, fd);
	if (e == SAFE_PATH_OK)
		keep_open(x, fd, kept, kept_size);
	return e;
}

/* Opens path (root-relative, PATH_MAX bytes); when it is not there as
 * written, the file staff meant (safe_path_find_folded), whose path then
 * replaces it: a name that differs only in how its accents are encoded (a
 * Mac's) silently, one in another letter case with a warning. */
static enum safe_path_err open_image(struct content_fields_ctx *x, const struct yaml_doc_node *v,
                                     char *path, int *fd)
{
	enum safe_path_err e = safe_path_open(x->root_fd, path, fd);
	char found[PATH_MAX];
	if (e != SAFE_PATH_NOT_FOUND ||
	    safe_path_find_folded(x->root_fd, path, found, sizeof found) != SAFE_PATH_OK)
		return e;
	e = safe_path_open(x->root_fd, found, fd);
	const char *name = strrchr(found, '/');
	if (e == SAFE_PATH_OK && !name_fold_same(found, path, NAME_FOLD_FORM))
		content_fields_warning(x, v,
		                       "%s is not in the folder as written, but %s is: it is "
		                       "shown; write the name as the file has it, capital letters "
		                       "too",
		                       v->str, name ? name + 1 : found);
	if (e == SAFE_PATH_OK)
		memcpy(path, found, strlen(found) + 1);
	return e;
}

/* Reports at v when the image at the root-relative path (PATH_MAX bytes)
 * cannot be shown; fills *out's size and stamp when it can, path with the
 * file's own name when it was written in another case, and kept with the
 * name of the store's copy, which is what is checked (when x has one). */
static int check_image_file(struct content_fields_ctx *x, const struct yaml_doc_node *v, char *path,
                            struct image_ref *out, char *kept, size_t kept_size)
{
	int fd = -1;
	*kept = '\0';
	enum safe_path_err e = open_image(x, v, path, &fd);
	if (e == SAFE_PATH_OK)
		keep_open(x, &fd, kept, kept_size);
	if (e == SAFE_PATH_NOT_FOUND) {
		content_fields_error(x, v, "%s not found (looked for %s)", v->str, path);
		return 0;
	}
	if (e != SAFE_PATH_OK) {
		content_fields_error(x, v, "%s %s", v->str, safe_path_describe(e));
		return 0;
	}
	struct image_info info;
	enum image_info_err ie = image_info_read(fd, &info);
	struct stat st;
	int have_st = fstat(fd, &st) == 0;
	out->stamp = have_st ? file_stamp(&st) : 0;
	int ok = 0;
	if (have_st && st.st_size == 0)
		content_fields_error(x, v,
		                     "%s is an empty file (0 bytes), perhaps a copy that "
		                     "failed; copy it again",
		                     v->str);
	else if (ie == IMAGE_INFO_TOO_LARGE)
		content_fields_error(x, v,
		                     "%s is too large (%d x %d pixels): at most %d pixels on "
		                     "a side and 64 megapixels; make it smaller",
		                     v->str, info.width, info.height, IMAGE_INFO_MAX_SIDE);
	else if (ie == IMAGE_INFO_UNSUPPORTED && info.format != IMAGE_INFO_NONE)
		content_fields_error(x, v,
		                     "%s is %s, which cannot be shown; save it again as an "
		                     "ordinary JPEG (8 bits, baseline) or a still PNG",
		                     v->str, _(info.other));
	else if (ie == IMAGE_INFO_UNSUPPORTED)
		content_fields_error(x, v,
		                     "%s is a %s image, which cannot be shown; save it as "
		                     "JPEG",
		                     v->str, info.other);
	else if (ie != IMAGE_INFO_OK)
		content_fields_error(x, v, "%s %s", v->str, image_info_describe(ie));
	else if (!have_st)
		content_fields_error(x, v, "%s cannot be read", v->str);
	else
		ok = check_image_body(x, v, fd, (uint64_t)st.st_size, &info);
	close(fd);
	if (ok) {
		out->width = info.width;
		out->height = info.height;
	}
	return ok;
}

int content_fields_image(struct content_fields_ctx *x, const struct yaml_doc_node *map,
                         const char *key, struct image_ref *out)
{
	const struct yaml_doc_node *v = single(x, map, key, "photos/01.jpg");
	char path[PATH_MAX], kept[128];
	if (!v)
		return 0;
	if (v->len == 0) {
		content_fields_error(x, v,
		                     "\"%s\" is empty; write the image's file name, e.g. "
		                     "photos/01.jpg",
		                     key);
		return 0;
	}
	enum safe_path_err e = safe_path_join(x->dir, v->str, path, sizeof path);
	if (e != SAFE_PATH_OK) {
		content_fields_error(x, v, "%s %s", v->str, safe_path_describe(e));
		return 0;
	}
	if (!check_image_file(x, v, path, out, kept, sizeof kept))
		return 0;
	out->path = arena_strdup(x->a, path);
	out->file = *kept ? arena_strdup(x->a, kept) : out->path;
	out->loc = (struct src_loc){x->file, v->line, v->col};
	return out->path != NULL && out->file != NULL;
}
