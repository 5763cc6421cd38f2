/* The process's peak resident memory, for tests that a decode never holds
 * a whole file or picture: reset it, do the work, read how far it rose. */
#ifndef TWINHALL_TEST_PEAK_RSS_H
#define TWINHALL_TEST_PEAK_RSS_H

#include <stdio.h>

/* The process's peak resident memory in kB, since reset_peak; -1 unknown. */
static inline long peak_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* Sets the peak back to what is resident now (clear_refs); 0 when done. */
static inline int reset_peak(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	int ok = f && fputs("5", f) >= 0;
	return f && fclose(f) == 0 && ok ? 0 : -1;
}

#endif
