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
#include "base/bigalloc.h"
#include "base/safe_path.h"

struct load {
	struct content_fields_ctx x;
	struct arena *yaml; /* the parsed files; freed when loading ends */
	struct content_hall_ids ids;
};

/* Reads and parses the YAML file rel; NULL after reporting. A missing file
 * is reported at where (in the current file) when given. */
static const struct yaml_doc_node *load_yaml(struct load *l, const char *rel,
                                             const struct yaml_doc_node *where)
{
	int fd = -1;
	char *buf = NULL;
	size_t len = 0;
	enum safe_path_err e = safe_path_open(l->x.root_fd, rel, &fd);
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

static void load_city(struct load *l, const struct yaml_doc_node *item, struct city *c)
{
	char dir[128], rel[160];
	snprintf(dir, sizeof dir, "cities/%s", item->str);
	snprintf(rel, sizeof rel, "%s/city.yaml", dir);
	const char *hall_file = l->x.file;
	c->id = arena_strdup(l->x.a, item->str);
	const struct yaml_doc_node *root = load_yaml(l, rel, item);
	if (root && enter_file(l, dir, rel))
		content_city_read(&l->x, root, c);
	l->x.file = hall_file;
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
	if (!root)
		return;
	content_hall_read(&l->x, root, &c->hall, &l->ids);
	struct city *cities = l->ids.n ? arena_alloc(l->x.a, l->ids.n * sizeof *cities) : NULL;
	for (size_t i = 0; cities && i < l->ids.n; i++)
		load_city(l, l->ids.items[i], &cities[i]);
	c->hall.cities = cities;
	c->hall.n_cities = cities ? l->ids.n : 0;
	warn_unlisted(l);
}

struct content *content_load(const char *dir, struct diag *d)
{
	size_t errors = diag_count(d, DIAG_ERROR);
	struct load l = {.x = {.d = d, .root_fd = -1}};
	struct content *c = calloc(1, sizeof *c);
	if (!c)
		goto fail;
	c->arena = arena_new();
	l.yaml = arena_new();
	l.x.a = c->arena;
	if (!c->arena || !l.yaml || !(c->root = arena_strdup(c->arena, dir)))
		goto fail;
	l.x.root_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (l.x.root_fd < 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "the content folder %s cannot be opened: %s",
		         dir, strerror(errno));
		goto fail;
	}
	load_all(&l, c);
	close(l.x.root_fd);
	arena_free(l.yaml);
	if (diag_count(d, DIAG_ERROR) == errors)
		return c;
	content_free(c);
	return NULL;
fail:
	if (!c || !c->arena || !l.yaml)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory while loading the content");
	arena_free(l.yaml);
	content_free(c);
	return NULL;
}
