#include "app/backoff.h"

#include <stdio.h>
#include <unistd.h>

static int count_path(const char *state_dir, char *buf, size_t size)
{
	return state_dir && snprintf(buf, size, "%s/failed-starts", state_dir) < (int)size ? 0 : -1;
}

unsigned backoff_delay_s(unsigned n)
{
	if (n <= 1)
		return 0;
	unsigned s = 1;
	for (unsigned i = 1; i < n && s < BACKOFF_MAX_S; i++)
		s *= 2;
	return s < BACKOFF_MAX_S ? s : BACKOFF_MAX_S;
}

unsigned backoff_failed(const char *state_dir)
{
	char path[1024];
	unsigned n = 0;
	if (count_path(state_dir, path, sizeof path) != 0)
		return 1;
	FILE *f = fopen(path, "r");
	if (f) {
		if (fscanf(f, "%u", &n) != 1)
			n = 0;
		fclose(f);
	}
	n = n < 1000 ? n + 1 : n;
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "%u\n", n);
		fclose(f);
	}
	return n;
}

void backoff_clear(const char *state_dir)
{
	char path[1024];
	if (count_path(state_dir, path, sizeof path) == 0)
		unlink(path);
}
