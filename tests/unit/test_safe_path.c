#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/bigalloc.h"
#include "base/safe_path.h"
#include "test.h"

static int failures_;
static char tmp_[64];
static int root_ = -1;

typedef enum safe_path_err (*open_fn)(int, const char *, int *);

static void write_file(const char *rel, const char *text)
{
	CHECK(test_write_file(tmp_, rel, text, "w") == 0);
}

static void in_tmp(const char *rel, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", tmp_, rel);
}

static void setup(void)
{
	char p[256], q[256];
	snprintf(tmp_, sizeof tmp_, "/tmp/twinhall-sp-XXXXXX");
	if (!mkdtemp(tmp_))
		abort();
	in_tmp("photos", p, sizeof p);
	mkdir(p, 0755);
	write_file("photos/a.jpg", "hello");
	in_tmp("photos/passwd", p, sizeof p);
	CHECK(symlink("/etc/passwd", p) == 0);
	in_tmp("photos/up", p, sizeof p);
	CHECK(symlink("../../../../../etc/passwd", p) == 0);
	in_tmp("photos/inside", p, sizeof p);
	CHECK(symlink("../photos/./a.jpg", p) == 0);
	in_tmp("alias", p, sizeof p);
	CHECK(symlink("photos", p) == 0);
	in_tmp("loop", p, sizeof p);
	CHECK(symlink("loop", p) == 0);
	in_tmp("fifo", p, sizeof p);
	CHECK(mkfifo(p, 0644) == 0);
	in_tmp("sparse", p, sizeof p);
	int fd = open(p, O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && ftruncate(fd, 4LL << 30) == 0);
	close(fd);
	(void)q;
	root_ = open(tmp_, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static void teardown(void)
{
	static const char *names[] = {"photos/a.jpg",  "photos/passwd", "photos/up",
	                              "photos/inside", "alias",         "loop",
	                              "fifo",          "sparse",        "photos"};
	char p[256];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		in_tmp(names[i], p, sizeof p);
		remove(p);
	}
	close(root_);
	CHECK(rmdir(tmp_) == 0);
}

static void check_open(open_fn fn, const char *rel, enum safe_path_err want)
{
	int fd = 42;
	enum safe_path_err e = fn(root_, rel, &fd);
	if (e != want)
		printf("  %s: got %d (%s)\n", rel, (int)e, safe_path_describe(e));
	CHECK_INT(e, want);
	if (e == SAFE_PATH_OK) {
		char buf[8] = "";
		CHECK(fd >= 0 && read(fd, buf, 5) == 5);
		CHECK_STR(buf, "hello");
		close(fd);
	} else {
		CHECK_INT(fd, -1);
	}
}

static void check_all(open_fn fn)
{
	check_open(fn, "photos/a.jpg", SAFE_PATH_OK);
	check_open(fn, "photos//./a.jpg", SAFE_PATH_OK);
	check_open(fn, "photos/inside", SAFE_PATH_OK);
	check_open(fn, "alias/a.jpg", SAFE_PATH_OK);
	check_open(fn, "photos/passwd", SAFE_PATH_OUTSIDE);
	check_open(fn, "photos/up", SAFE_PATH_OUTSIDE);
	check_open(fn, "photos/../photos/a.jpg", SAFE_PATH_DOTDOT);
	check_open(fn, "/etc/passwd", SAFE_PATH_ABSOLUTE);
	check_open(fn, "photos\\a.jpg", SAFE_PATH_BACKSLASH);
	check_open(fn, "", SAFE_PATH_EMPTY);
	check_open(fn, "photos", SAFE_PATH_IS_DIR);
	check_open(fn, "photos/none.jpg", SAFE_PATH_NOT_FOUND);
	check_open(fn, "photos/a.jpg/x", SAFE_PATH_NOT_FOUND);
	check_open(fn, "loop", SAFE_PATH_LINK_LOOP);
	time_t t0 = time(NULL);
	check_open(fn, "fifo", SAFE_PATH_NOT_REGULAR);
	CHECK(time(NULL) - t0 < 2);
}

static void test_openat2(void)
{
	check_all(safe_path_open);
}

static void test_walk_fallback(void)
{
	check_all(safe_path_open_walk);
}

static void test_sparse_file_refused_instantly(void)
{
	int fd = -1;
	CHECK_INT(safe_path_open(root_, "sparse", &fd), SAFE_PATH_OK);
	char *buf = (char *)1;
	size_t len = 7;
	clock_t t0 = clock();
	CHECK_INT(safe_path_read_all(fd, 1 << 20, &buf, &len), SAFE_PATH_TOO_LARGE);
	CHECK((clock() - t0) / (double)CLOCKS_PER_SEC < 0.1);
	CHECK(buf == NULL && len == 0);
	close(fd);
}

static void test_read_all(void)
{
	int fd = -1;
	CHECK_INT(safe_path_open(root_, "photos/a.jpg", &fd), SAFE_PATH_OK);
	char *buf = NULL;
	size_t len = 0;
	CHECK_INT(safe_path_read_all(fd, 5, &buf, &len), SAFE_PATH_OK);
	CHECK_INT(len, 5);
	CHECK_STR(buf, "hello");
	big_free(buf);
	CHECK_INT(safe_path_read_all(fd, 4, &buf, &len), SAFE_PATH_TOO_LARGE);
	close(fd);
}

static void test_join(void)
{
	char out[64];
	CHECK_INT(safe_path_join("cities/oxford", "photos/1.jpg", out, sizeof out), SAFE_PATH_OK);
	CHECK_STR(out, "cities/oxford/photos/1.jpg");
	CHECK_INT(safe_path_join("cities/oxford/", "./photos//./1.jpg", out, sizeof out),
	          SAFE_PATH_OK);
	CHECK_STR(out, "cities/oxford/photos/1.jpg");
	CHECK_INT(safe_path_join("", "flag.png", out, sizeof out), SAFE_PATH_OK);
	CHECK_STR(out, "flag.png");
	CHECK_INT(safe_path_join("cities/x", "../y/flag.png", out, sizeof out), SAFE_PATH_DOTDOT);
	CHECK_STR(out, "");
	CHECK_INT(safe_path_join("cities/x", "/flag.png", out, sizeof out), SAFE_PATH_ABSOLUTE);
	CHECK_INT(safe_path_join("cities/x", "./", out, sizeof out), SAFE_PATH_EMPTY);
	CHECK_INT(safe_path_join("cities/x", "a\\b.png", out, sizeof out), SAFE_PATH_BACKSLASH);
	CHECK_INT(safe_path_join("cities/x", "abcdefghij", out, 12), SAFE_PATH_TOO_LONG);
	CHECK_INT(safe_path_check("..foo/a..b"), SAFE_PATH_OK);
}

int main(void)
{
	setup();
	RUN(test_openat2);
	RUN(test_walk_fallback);
	RUN(test_sparse_file_refused_instantly);
	RUN(test_read_all);
	RUN(test_join);
	teardown();
	return failures_ != 0 || test_failed_;
}
