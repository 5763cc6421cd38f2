/* content: loading a content folder; the fields are read by content_hall.c
 * and content_city.c. */
#include "content/content.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content_city.h"
#include "content/content_hall.h"
#include "content/content_keep.h"
#include "base/bigalloc.h"
#include "base/safe_path.h"

struct load {
	struct content_fields_ctx x;
	struct arena *yaml; /* the parsed files; freed when loading ends */
	struct content_hall_ids ids;
	size_t hall_errors;                   /* the errors of hall.yaml */
	bool broken[CONTENT_HALL_MAX_CITIES]; /* cities with errors of their own */
	char kept[128];                       /* the kept copy of the last file read */
};

/* Reads and parses the YAML file rel; NULL after reporting. A missing file
 * is reported at where (in the current file) when given. */
static const struct yaml_doc_node *load_yaml(struct load *l, const char *rel,
                                             const struct yaml_doc_node *where)
{
	int fd = -1;
	char *buf = NULL;
	size_t len = 0;
	enum safe_path_err e = content_fields_open(&l->x, rel, &fd, l->kept, sizeof l->kept);
	if (e == SAFE_PATH_OK)
		e = safe_path_read_all(fd, YAML_DOC_MAX_BYTES, &buf, &len);
	if (fd >= 0)
		close(fd);
	if (e == SAFE_PATH_NOT_FOUND && where)
		content_fields_error(&l->x, where,
		                     "city \"%s\" has no file %s; create it or "
		                     "remove the city from this list",
		                     where->str, rel);
	else if (e == SAFE_PATH_NOT_FOUND)
		diag_add(l->x.d, DIAG_ERROR, rel, 0, 0, "%s not found in the content folder", rel);
	else if (e == SAFE_PATH_TOO_LARGE)
		diag_add(l->x.d, DIAG_ERROR, rel, 0, 0,
		         "the file is larger than 1 MiB; content files are much smaller, so this "
		         "is probably the wrong file");
	else if (e != SAFE_PATH_OK)
		diag_add(l->x.d, DIAG_ERROR, rel, 0, 0, "%s %s", rel, safe_path_describe(e));
	if (e != SAFE_PATH_OK)
		return NULL;
	const struct yaml_doc_node *root = yaml_doc_parse(rel, buf, len, l->yaml, l->x.d);
	big_free(buf);
	return root;
}

/* Points the field readers at file rel in folder dir (both copied). */
static int enter_file(struct load *l, const char *dir, const char *rel)
{
	l->x.file = arena_strdup(l->x.a, rel);
	l->x.dir = arena_strdup(l->x.a, dir);
	return l->x.file && l->x.dir;
}

/* Reads city i; errors make it broken, and when they are all in photos
 * and gifts (left out), CITY_TRIMMED. */
static void load_city(struct load *l, size_t i, struct city *c)
{
	const struct yaml_doc_node *item = l->ids.items[i];
	char dir[128], rel[160];
	snprintf(dir, sizeof dir, "cities/%s", item->str);
	snprintf(rel, sizeof rel, "%s/city.yaml", dir);
	const char *hall_file = l->x.file;
	size_t before = diag_count(l->x.d, DIAG_ERROR);
	l->x.item_errors = 0;
	c->id = arena_strdup(l->x.a, item->str);
	const struct yaml_doc_node *root = load_yaml(l, rel, item);
	c->yaml = *l->kept ? arena_strdup(l->x.a, l->kept) : NULL;
	if (root && enter_file(l, dir, rel))
		content_city_read(&l->x, root, c);
	l->x.file = hall_file;
	size_t errors = diag_count(l->x.d, DIAG_ERROR) - before;
	l->broken[i] = errors > 0;
	c->origin = errors && errors == l->x.item_errors ? CITY_TRIMMED : CITY_NEW;
}

static int is_listed(const struct load *l, const char *name)
{
	for (size_t i = 0; i < l->ids.n; i++)
		if (strcmp(l->ids.items[i]->str, name) == 0)
			return 1;
	return 0;
}

/* Warns about folders under cities/ that hall.yaml does not list. */
static void warn_unlisted(struct load *l)
{
	int fd = openat(l->x.root_fd, "cities", O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
	DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dir) {
		if (fd >= 0)
			close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dir))) {
		struct stat st;
		if (e->d_name[0] == '.' || is_listed(l, e->d_name) ||
		    fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		char rel[300];
		snprintf(rel, sizeof rel, "cities/%s", e->d_name);
		diag_add(l->x.d, DIAG_WARNING, rel, 0, 0,
		         "the folder cities/%s is not listed in \"cities\" in hall.yaml, so it is "
		         "not shown",
		         e->d_name);
	}
	closedir(dir);
}

static void load_all(struct load *l, struct content *c)
{
	const struct yaml_doc_node *root = NULL;
	if (enter_file(l, "", "hall.yaml"))
		root = load_yaml(l, "hall.yaml", NULL);
	l->hall_errors = diag_count(l->x.d, DIAG_ERROR);
	if (!root)
		return;
	c->hall_yaml = *l->kept ? arena_strdup(l->x.a, l->kept) : NULL;
	content_hall_read(&l->x, root, &c->hall, &l->ids);
	l->hall_errors = diag_count(l->x.d, DIAG_ERROR);
	struct city *cities = l->ids.n ? arena_alloc(l->x.a, l->ids.n * sizeof *cities) : NULL;
	for (size_t i = 0; cities && i < l->ids.n; i++)
		load_city(l, i, &cities[i]);
	c->hall.cities = cities;
	c->hall.n_cities = cities ? l->ids.n : 0;
	warn_unlisted(l);
}

/* Loads dir into a new model: NULL when out of memory or the folder
 * cannot be opened (reported); else the model, whatever its errors, which
 * the caller judges from l. */
static struct content *load(struct load *l, const char *dir, const struct content_store *store,
                            struct diag *d)
{
	*l = (struct load){.x = {.d = d, .root_fd = -1, .store = store}};
	struct content *c = calloc(1, sizeof *c);
	if (!c)
		goto fail;
	c->arena = arena_new();
	l->yaml = arena_new();
	l->x.a = c->arena;
	if (!c->arena || !l->yaml || !(c->root = arena_strdup(c->arena, dir)) ||
	    !(c->image_root = store ? arena_strdup(c->arena, store->dir) : c->root))
		goto fail;
	l->x.root_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (l->x.root_fd < 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "the content folder %s cannot be opened: %s",
		         dir, strerror(errno));
		arena_free(l->yaml);
		content_free(c);
		return NULL;
	}
	load_all(l, c);
	c->cities_listed = c->hall.n_cities;
	close(l->x.root_fd);
	arena_free(l->yaml);
	return c;
fail:
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory while loading the content");
	if (l->yaml)
		arena_free(l->yaml);
	content_free(c);
	return NULL;
}

struct content *content_load(const char *dir, struct diag *d)
{
	size_t errors = diag_count(d, DIAG_ERROR);
	struct load l;
	struct content *c = load(&l, dir, NULL, d);
	if (c && diag_count(d, DIAG_ERROR) == errors)
		return c;
	content_free(c);
	return NULL;
}

struct content *content_load_kept(const char *dir, const struct content_store *store,
                                  const struct content *good, struct diag *d)
{
	size_t errors = diag_count(d, DIAG_ERROR);
	struct load l;
	struct content *c = load(&l, dir, store, d);
	if (!c || l.hall_errors > errors || !c->hall.n_cities) {
		content_free(c); /* only hall.yaml's errors hold the whole hall back */
		return NULL;
	}
	c->cities_listed = c->hall.n_cities;
	long left = content_keep_cities(c->arena, &c->hall, l.broken, good, d);
	if (left <= 0) {
		if (left < 0)
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
			         "out of memory while loading the content");
		content_free(c);
		return NULL;
	}
	return c;
}
