#include "base/perf_switch.h"

#include <string.h>

static const char *const names[PERF_PIECES] = {"bigalloc", "pace"};
static bool off[PERF_PIECES];

bool perf_on(enum perf_piece p)
{
	return (unsigned)p < PERF_PIECES && !off[p];
}

const char *perf_piece_name(enum perf_piece p)
{
	return (unsigned)p < PERF_PIECES ? names[p] : "?";
}

int perf_switch_off(const char *spec)
{
	bool want[PERF_PIECES] = {false};
	for (const char *s = spec ? spec : ""; *s;) {
		size_t n = strcspn(s, ",");
		int found = -1;
		for (int i = 0; i < PERF_PIECES; i++)
			if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0)
				found = i;
		if (n && found < 0)
			return -1;
		if (found >= 0)
			want[found] = true;
		s += n + (s[n] == ',');
	}
	memcpy(off, want, sizeof off);
	return 0;
}
