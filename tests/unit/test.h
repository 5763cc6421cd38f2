/* A tiny unit-test harness. Each test is a function; CHECK records a
 * failure with its location and goes on, so one run shows every failure.
 * Every test prints "PASS name" or "FAIL name" on its own line; tests/run.sh
 * counts those lines. */
#ifndef TWINHALL_TEST_H
#define TWINHALL_TEST_H

#include <stdio.h>
#include <string.h>

static int test_failed_;

/* Writes text to dir/rel, replacing it (mode "w") or appending (mode "a");
 * 0, or -1 when the file cannot be written. */
static inline int test_write_file(const char *dir, const char *rel, const char *text,
                                  const char *mode)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	FILE *f = fopen(path, mode);
	if (!f)
		return -1;
	int bad = fputs(text, f) < 0;
	return fclose(f) != 0 || bad ? -1 : 0;
}

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);          \
			test_failed_ = 1;                                                          \
		}                                                                                  \
	} while (0)

#define CHECK_INT(a, b)                                                                            \
	do {                                                                                       \
		long long a_ = (long long)(a), b_ = (long long)(b);                                \
		if (a_ != b_) {                                                                    \
			printf("  %s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, \
			       b_);                                                                \
			test_failed_ = 1;                                                          \
		}                                                                                  \
	} while (0)

#define CHECK_STR(a, b)                                                                            \
	do {                                                                                       \
		const char *a_ = (a), *b_ = (b);                                                   \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                           \
			printf("  %s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
			       a_ ? a_ : "(null)", b_ ? b_ : "(null)");                            \
			test_failed_ = 1;                                                          \
		}                                                                                  \
	} while (0)

#define RUN(fn)                                                                                    \
	do {                                                                                       \
		test_failed_ = 0;                                                                  \
		fn();                                                                              \
		printf("%s %s\n", test_failed_ ? "FAIL" : "PASS", #fn);                            \
		fflush(stdout);                                                                    \
		failures_ += test_failed_;                                                         \
	} while (0)

#endif
