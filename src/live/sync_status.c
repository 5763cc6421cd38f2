#include "live/sync_status.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void value(const char *line, size_t key_len, char *out, size_t size)
{
	const char *v = line + key_len;
	size_t n = strcspn(v, "\n");
	snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), v);
}

static time_t seconds(const char *line, size_t key_len)
{
	char buf[32];
	value(line, key_len, buf, sizeof buf);
	char *end;
	long long t = strtoll(buf, &end, 10);
	return end != buf && t > 0 ? (time_t)t : 0;
}

bool sync_status_parse(const char *s, struct sync_status *out)
{
	memset(out, 0, sizeof *out);
	for (const char *line = s; line && *line;
	     line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		char result[16];
		if (strncmp(line, "result=", 7) == 0) {
			value(line, 7, result, sizeof result);
			out->result = strcmp(result, "ok") == 0         ? SYNC_OK
			              : strcmp(result, "rejected") == 0 ? SYNC_REJECTED
			              : strcmp(result, "failed") == 0   ? SYNC_FAILED
			                                                : SYNC_NONE;
		} else if (strncmp(line, "time=", 5) == 0) {
			out->time = seconds(line, 5);
		} else if (strncmp(line, "ok_time=", 8) == 0) {
			out->ok_time = seconds(line, 8);
		} else if (strncmp(line, "branch=", 7) == 0) {
			value(line, 7, out->branch, sizeof out->branch);
		} else if (strncmp(line, "detail=", 7) == 0) {
			value(line, 7, out->detail, sizeof out->detail);
		}
	}
	return out->result != SYNC_NONE;
}

void sync_status_read(const char *state, struct sync_status *out)
{
	char path[1024], text[4097];
	memset(out, 0, sizeof *out);
	if (snprintf(path, sizeof path, "%s/../sync/status", state) >= (int)sizeof path)
		return;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return;
	ssize_t n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n <= 0)
		return;
	text[n] = 0;
	sync_status_parse(text, out);
}
