#include "image_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* TEMPORARY: replaced by safe_path once merged. */
int image_file_read(const char *root, const char *path, void **data, size_t *len, char *err,
		    size_t err_size)
{
	char full[1024];
	snprintf(full, sizeof full, "%s/%s", root, path);
	FILE *f = fopen(full, "rb");
	if (!f) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	*data = malloc((size_t)n + 1);
	*len = fread(*data, 1, (size_t)n, f);
	fclose(f);
	return 0;
}
