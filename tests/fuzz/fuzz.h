/* Helpers shared by the fuzz targets: a failed promise aborts with its
 * reason (libFuzzer then saves the input as a crash), and a scratch folder
 * of the process's own for targets that need files. */
#ifndef TWINHALL_FUZZ_H
#define TWINHALL_FUZZ_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Aborts, naming the broken promise, when ok is false. */
static inline void fuzz_assert(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz: broken promise: %s\n", what);
		abort();
	}
}

static inline int fuzz_remove_one(const char *path, const struct stat *st, int flag,
                                  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	(void)remove(path); /* keep going: what is left is seen next time */
	return 0;
}

/* Removes the folder path and everything below it (symlinks not followed). */
static inline void fuzz_remove_tree(const char *path)
{
	nftw(path, fuzz_remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Makes a new folder of this process's own in memory (/dev/shm when it is
 * there, else $TMPDIR or /tmp) and writes its path to out. */
static inline void fuzz_scratch_dir(char *out, size_t size, const char *what)
{
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	snprintf(out, size, "%s/twinhall-fuzz-%s-%d", tmp ? tmp : "/tmp", what, (int)getpid());
	fuzz_remove_tree(out);
	if (mkdir(out, 0755) < 0) {
		perror(out);
		exit(1);
	}
}

#endif
