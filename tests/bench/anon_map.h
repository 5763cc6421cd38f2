/* anon_map: where a process's own memory is, written for a person to read
 * (bench_photos' BENCH_SMAPS=FILE): every mapping holding anonymous pages,
 * from /proc/self/smaps, then the big blocks (bigalloc) and glibc's
 * malloc_info. Header-only: the benchmarks are one file each. */
#ifndef TWINHALL_BENCH_ANON_MAP_H
#define TWINHALL_BENCH_ANON_MAP_H

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bigalloc.h"

/* Writes the mappings of this process that hold anonymous pages to out:
 * range, size, resident anonymous kB, of it on huge pages, and name. */
static void anon_map_mappings(FILE *out)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[4096], head[4096] = "";
	long anon = 0, huge = 0, total = 0;
	fprintf(out, "%-34s %9s %9s %9s  %s\n", "mapping", "size kB", "anon kB", "huge kB", "name");
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		int path = 0;
		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &path) == 2 && path > 0) {
			snprintf(head, sizeof head, "%s", line);
			head[strcspn(head, "\n")] = '\0';
			anon = huge = 0;
		} else if (strncmp(line, "Anonymous:", 10) == 0) {
			anon = strtol(line + 10, NULL, 10);
		} else if (strncmp(line, "AnonHugePages:", 14) == 0) {
			huge = strtol(line + 14, NULL, 10);
		} else if (strncmp(line, "VmFlags:", 8) == 0 && anon > 0) {
			unsigned long a, z;
			int name = 0;
			sscanf(head, "%lx-%lx %*s %*s %*s %*s %n", &a, &z, &name);
			fprintf(out, "%012lx-%012lx %12lu %9ld %9ld  %s\n", a, z, (z - a) >> 10,
			        anon, huge, name > 0 ? head + name : "");
			total += anon;
			anon = 0;
		}
	}
	if (f)
		fclose(f);
	fprintf(out, "anonymous in all: %ld kB\n", total);
}

/* Writes the whole picture to path (replacing it): why and what the
 * caller knows (a line each), mappings, big blocks, malloc arenas. Silent
 * when path cannot be written. */
static void anon_map_write(const char *path, const char *why, const char *known)
{
	FILE *out = fopen(path, "w");
	if (!out)
		return;
	fprintf(out, "%s\n%s\n\n", why, known);
	anon_map_mappings(out);
	struct bigalloc_stats st;
	bigalloc_stats(&st);
	fprintf(out, "\nbig blocks: %zu live (%zu kB), %zu idle (%zu kB)\n", st.live_blocks,
	        st.live_bytes >> 10, st.idle_blocks, st.idle_bytes >> 10);
	struct mallinfo2 mi = mallinfo2();
	fprintf(out,
	        "malloc (all arenas): arena %zu kB, in use %zu kB, free %zu kB, "
	        "mmapped %zu kB in %zu\n\n",
	        mi.arena >> 10, mi.uordblks >> 10, mi.fordblks >> 10, mi.hblkhd >> 10, mi.hblks);
	malloc_info(0, out);
	fclose(out);
}

#endif
