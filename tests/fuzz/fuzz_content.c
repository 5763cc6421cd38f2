/* Fuzz target: the content loader over a whole content folder built from
 * the input. The input is a little archive of files:
 *
 *     hall.yaml's bytes
 *     #@ cities/oxford/city.yaml
 *     that file's bytes
 *     #@ cities/oxford/flag.png
 *     ...
 *
 * Everything before the first "#@ " line is hall.yaml. Each run writes the
 * files into a fresh folder and loads it. Beyond "no crash, no leak, no
 * undefined behaviour", every run must keep the loader's promises to staff:
 * a model exactly when there is no error, and every message one line of
 * valid UTF-8 with a position inside its file. FUZZ_SHOW=1 prints what
 * the loader said of each input. */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "content/diag.h"
#include "fuzz.h"
#include "base/utf8.h"

enum { MAX_FILES = 64, MAX_NAME = 96 };

static char base[256]; /* this process's scratch folder */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_scratch_dir(base, sizeof base, "content");
	return 0;
}

/* A name the harness may write: letters, digits, "._-/", no "..", not
 * absolute, not hidden. Other names are skipped, not fixed up. */
static int name_ok(const char *s, size_t n)
{
	if (n == 0 || n >= MAX_NAME || s[0] == '/' || s[0] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '/';
		if (!ok || (c == '/' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '.')))
			return 0;
	}
	return s[n - 1] != '/';
}

/* Writes data[0..len) to root/rel, making the folders on the way. */
static void put_file(const char *root, const char *rel, const uint8_t *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return; /* a file where a folder is wanted: the loader sees that */
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd);
}

/* Splits the input at "#@ NAME\n" lines and writes every file. */
static void unpack(const char *root, const uint8_t *data, size_t size)
{
	const uint8_t *end = data + size, *p = data;
	char name[MAX_NAME] = "hall.yaml";
	int files = 0;
	while (p <= end && files < MAX_FILES) {
		const uint8_t *next = p, *mark = NULL;
		while (next + 3 <= end) {
			const uint8_t *at = memmem(next, (size_t)(end - next), "#@ ", 3);
			if (!at)
				break;
			if (at == data || at[-1] == '\n') {
				mark = at;
				break;
			}
			next = at + 1;
		}
		const uint8_t *stop = mark ? mark : end;
		/* The newline before a mark belongs to the mark, not the file. */
		size_t len = (size_t)(stop - p);
		if (mark && len && stop[-1] == '\n')
			len--;
		if (mark != data)
			put_file(root, name, p, len), files++;
		if (!mark)
			break;
		const uint8_t *nl = memchr(mark, '\n', (size_t)(end - mark));
		const uint8_t *nend = nl ? nl : end;
		size_t nlen = (size_t)(nend - (mark + 3));
		if (name_ok((const char *)mark + 3, nlen)) {
			memcpy(name, mark + 3, nlen);
			name[nlen] = '\0';
		} else {
			snprintf(name, sizeof name, "skipped-%d", files);
		}
		p = nl ? nl + 1 : end;
		if (!nl) {
			put_file(root, name, p, 0);
			break;
		}
	}
}

/* The promises each message keeps, whatever the input. */
static void check_message(const struct diag_item *it)
{
	size_t n = strlen(it->message);
	fuzz_assert(n > 0, "an empty message");
	fuzz_assert(utf8_validate(it->message, n, NULL), "a message that is not valid UTF-8");
	for (size_t i = 0; i < n; i++)
		fuzz_assert((unsigned char)it->message[i] >= 0x20 && it->message[i] != 0x7f,
		            "a control character (a newline?) in a message");
	fuzz_assert(it->line >= 0 && it->col >= 0, "a negative position");
	fuzz_assert(it->line > 0 || it->col == 0, "a column without a line");
	if (it->file) {
		fuzz_assert(it->file[0] != '/', "an absolute file name in a message");
		fuzz_assert(utf8_validate(it->file, strlen(it->file), NULL),
		            "a file name not UTF-8");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char root[300];
	snprintf(root, sizeof root, "%s/run", base);
	fuzz_remove_tree(root);
	mkdir(root, 0755);
	unpack(root, data, size);

	struct diag *d = diag_new();
	struct content *c = content_load(root, d);
	size_t errors = diag_count(d, DIAG_ERROR);
	if (getenv("FUZZ_SHOW")) /* for looking at one input by hand */
		diag_print(d, stderr, root), fprintf(stderr, "%zu errors\n", errors);
	fuzz_assert((c != NULL) == (errors == 0), "a model with errors, or no model and no error");
	for (size_t i = 0; i < diag_size(d); i++)
		check_message(diag_get(d, i));
	if (c) {
		size_t cities, photos, history, gifts;
		content_counts(c, &cities, &photos, &history, &gifts);
		fuzz_assert(cities == c->hall.n_cities, "counts disagree with the model");
		fuzz_assert(c->hall.n_langs >= 1 && c->hall.n_langs <= CONTENT_MAX_LANGS,
		            "a model without languages");
	}
	content_free(c);
	diag_free(d);
	return 0;
}
