#include "content/staff_language.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/bigalloc.h"
#include "base/safe_path.h"
#include "content/diag.h"
#include "content/yaml_doc.h"

static const char *const languages[] = {STAFF_LANGUAGES};
enum { N_LANGUAGES = sizeof languages / sizeof languages[0] };

bool staff_language_known(const char *code)
{
	for (int i = 0; i < N_LANGUAGES; i++)
		if (strcmp(code, languages[i]) == 0)
			return true;
	return false;
}

const char *staff_language_of(const char *dir)
{
	const char *lang = languages[0];
	int root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), fd = -1;
	char *buf = NULL;
	size_t len = 0;
	if (root >= 0 && safe_path_open(root, "hall.yaml", &fd) == SAFE_PATH_OK &&
	    safe_path_read_all(fd, YAML_DOC_MAX_BYTES, &buf, &len) == SAFE_PATH_OK) {
		struct arena *a = arena_new();
		struct diag *d = diag_new();
		const struct yaml_doc_node *v =
		    a && d ? yaml_doc_get(yaml_doc_parse("hall.yaml", buf, len, a, d),
		                          "staff_language")
		           : NULL;
		for (int i = 0; v && v->kind == YAML_DOC_SCALAR && i < N_LANGUAGES; i++)
			if (strcmp(v->str, languages[i]) == 0)
				lang = languages[i];
		diag_free(d);
		arena_free(a);
	}
	big_free(buf);
	if (fd >= 0)
		close(fd);
	if (root >= 0)
		close(root);
	return lang;
}
