/* The store's index across restarts (store_index) and the store that uses
 * it: an unchanged file is neither copied nor read again by the next
 * process, a changed one always is, and an index that is damaged, cut
 * short or of another version is ignored and written anew. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content/content.h"
#include "live/store.h"
#include "live/store_index.h"
#include "test.h"

static int failures_;
static char dir[64];

static const char NAME_A[] = "0123456789abcdef-1f";
static const char NAME_B[] = "fedcba9876543210-20";

/* A file's identity, changed at least STORE_INDEX_RACY_S before seen. */
static struct store_index_id id_at(uint64_t ino, int64_t t)
{
	return (struct store_index_id){.dev = 7,
	                               .ino = ino,
	                               .size = 31,
	                               .mtime_s = t,
	                               .mtime_ns = 5,
	                               .ctime_s = t,
	                               .ctime_ns = 6};
}

static void test_find_trusts_only_what_is_the_same(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id id = id_at(1, 1000);
	const char *name;
	CHECK_INT(store_index_find(x, &id, 2000, &name), STORE_INDEX_UNKNOWN);
	CHECK(name == NULL);
	store_index_put(x, &id, NAME_A, 1100);
	CHECK_INT(store_index_find(x, &id, 2000, &name), STORE_INDEX_TRUSTED);
	CHECK_STR(name, NAME_A);
	struct store_index_id other = id;
	other.size = 32; /* another size: another file's bytes */
	CHECK_INT(store_index_find(x, &other, 2000, &name), STORE_INDEX_UNKNOWN);
	other = id;
	other.mtime_ns = 4; /* written again within the same second */
	CHECK_INT(store_index_find(x, &other, 2000, &name), STORE_INDEX_UNKNOWN);
	other = id;
	other.ino = 2; /* replaced by another file (saved by rename) */
	CHECK_INT(store_index_find(x, &other, 2000, &name), STORE_INDEX_UNKNOWN);
	other = id;
	other.dev = 8;
	CHECK_INT(store_index_find(x, &other, 2000, &name), STORE_INDEX_UNKNOWN);
	/* the same size and times put back (cp -p, touch -r): only the change
	 * time tells, and then the bytes must be hashed */
	other = id;
	other.ctime_s = 1500;
	CHECK_INT(store_index_find(x, &other, 2000, &name), STORE_INDEX_VERIFY);
	CHECK_STR(name, NAME_A);
	other = id;
	other.ctime_ns = 7;
	CHECK_INT(store_index_find(x, &other, 2000, &name), STORE_INDEX_VERIFY);
	store_index_free(x);
}

/* A file changed in the second it was seen may change again without its
 * times moving: it is hashed until it has been seen settled. */
static void test_racy_entries_are_verified(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id id = id_at(1, 1000);
	const char *name;
	store_index_put(x, &id, NAME_A, 1000); /* seen in the second it was written */
	CHECK_INT(store_index_find(x, &id, 5000, &name), STORE_INDEX_VERIFY);
	store_index_put(x, &id, NAME_A, 1000 + STORE_INDEX_RACY_S);
	CHECK_INT(store_index_find(x, &id, 5000, &name), STORE_INDEX_VERIFY);
	store_index_put(x, &id, NAME_A, 1001 + STORE_INDEX_RACY_S);
	CHECK_INT(store_index_find(x, &id, 5000, &name), STORE_INDEX_TRUSTED);
	/* the wall clock went back since: nothing is known of what happened */
	CHECK_INT(store_index_find(x, &id, 900, &name), STORE_INDEX_VERIFY);
	/* a file from the future (a share's clock ahead) is never settled */
	struct store_index_id ahead = id_at(2, 9000);
	store_index_put(x, &ahead, NAME_B, 5000);
	CHECK_INT(store_index_find(x, &ahead, 5000, &name), STORE_INDEX_VERIFY);
	store_index_free(x);
}

static void test_put_replaces_the_same_file(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id id = id_at(1, 1000), changed = id_at(1, 1500);
	const char *name;
	store_index_put(x, &id, NAME_A, 1100);
	store_index_put(x, &changed, NAME_B, 1600);
	CHECK_INT(store_index_count(x), 1);
	CHECK_INT(store_index_find(x, &id, 2000, &name), STORE_INDEX_UNKNOWN);
	CHECK_INT(store_index_find(x, &changed, 2000, &name), STORE_INDEX_TRUSTED);
	CHECK_STR(name, NAME_B);
	/* the ring: the oldest goes first */
	for (uint64_t i = 0; i < STORE_INDEX_CAP; i++) {
		struct store_index_id k = id_at(100 + i, 1000);
		store_index_put(x, &k, NAME_A, 1100);
	}
	CHECK_INT(store_index_count(x), STORE_INDEX_CAP);
	CHECK_INT(store_index_find(x, &changed, 2000, &name), STORE_INDEX_UNKNOWN);
	store_index_free(x);
}

static bool is_b(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, NAME_B) == 0;
}

static void test_forget(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id a = id_at(1, 1000), b = id_at(2, 1000);
	const char *name;
	store_index_put(x, &a, NAME_A, 1100);
	store_index_put(x, &b, NAME_B, 1100);
	CHECK_INT(store_index_forget(x, is_b, NULL), 1);
	CHECK_INT(store_index_count(x), 1);
	CHECK_INT(store_index_find(x, &b, 2000, &name), STORE_INDEX_UNKNOWN);
	CHECK_INT(store_index_find(x, &a, 2000, &name), STORE_INDEX_TRUSTED);
	store_index_free(x);
}

static int dir_fd(void)
{
	return open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* An index of two entries saved as "index" in dir; its size in bytes. */
static long save_two(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id a = id_at(1, 1000), b = id_at(2, 1000);
	store_index_put(x, &a, NAME_A, 1100);
	store_index_put(x, &b, NAME_B, 1100);
	CHECK(store_index_dirty(x));
	int fd = dir_fd();
	CHECK_INT(store_index_save(x, fd, "index"), 0);
	CHECK(!store_index_dirty(x));
	struct stat st;
	CHECK(fstatat(fd, "index", &st, 0) == 0);
	CHECK(faccessat(fd, "index.new", F_OK, 0) != 0); /* renamed, not left */
	close(fd);
	store_index_free(x);
	return (long)st.st_size;
}

static enum store_index_read load_back(struct store_index *x)
{
	int fd = dir_fd();
	enum store_index_read r = store_index_load(x, fd, "index");
	close(fd);
	return r;
}

static void test_save_and_load(void)
{
	save_two();
	struct store_index *x = store_index_new();
	CHECK_INT(load_back(x), STORE_INDEX_READ);
	CHECK_INT(store_index_count(x), 2);
	CHECK(!store_index_dirty(x));
	struct store_index_id a = id_at(1, 1000), b = id_at(2, 1000);
	const char *name;
	CHECK_INT(store_index_find(x, &a, 2000, &name), STORE_INDEX_TRUSTED);
	CHECK_STR(name, NAME_A);
	CHECK_INT(store_index_find(x, &b, 2000, &name), STORE_INDEX_TRUSTED);
	CHECK_STR(name, NAME_B);
	/* an empty index saves and loads too */
	struct store_index *empty = store_index_new();
	int fd = dir_fd();
	CHECK_INT(store_index_save(empty, fd, "index"), 0);
	close(fd);
	CHECK_INT(load_back(x), STORE_INDEX_READ);
	CHECK_INT(store_index_count(x), 0);
	char path[128];
	snprintf(path, sizeof path, "%s/index", dir);
	unlink(path);
	CHECK_INT(load_back(x), STORE_INDEX_MISSING);
	store_index_free(empty);
	store_index_free(x);
}

/* Changes the byte at `at` of dir/index (from the end when negative). */
static void poke(long at, unsigned char v)
{
	char path[128];
	snprintf(path, sizeof path, "%s/index", dir);
	FILE *f = fopen(path, "r+b");
	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, at, at < 0 ? SEEK_END : SEEK_SET);
	fputc(v, f);
	fclose(f);
}

static void cut(long size)
{
	char path[128];
	snprintf(path, sizeof path, "%s/index", dir);
	CHECK(truncate(path, size) == 0);
}

/* Whatever is wrong with the file, nothing of it is taken. */
static void test_damaged_index_is_ignored(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id a = id_at(1, 1000);
	const char *name;
	long size = save_two();
	cut(size - 1); /* cut short (a crash while it was written elsewhere) */
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	CHECK_INT(store_index_count(x), 0);
	CHECK_INT(store_index_find(x, &a, 2000, &name), STORE_INDEX_UNKNOWN);
	save_two();
	cut(0); /* empty */
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	save_two();
	cut(10); /* not even a header */
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	save_two();
	poke(-30, 'x'); /* a byte of an entry changed: the checksum tells */
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	CHECK_INT(store_index_count(x), 0);
	save_two();
	poke(0, 'T'); /* not an index at all */
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	save_two();
	poke(16, 2); /* version 2: another program's layout */
	CHECK_INT(load_back(x), STORE_INDEX_FOREIGN);
	CHECK_INT(store_index_count(x), 0);
	save_two();
	poke(20, 99); /* entries of another size */
	CHECK_INT(load_back(x), STORE_INDEX_FOREIGN);
	/* a good index loaded first is replaced by nothing, not kept */
	save_two();
	CHECK_INT(load_back(x), STORE_INDEX_READ);
	poke(-1, 1);
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	CHECK_INT(store_index_count(x), 0);
	store_index_free(x);
}

/* An entry whose name is not one the store gives, checksum and all (a
 * bug or a hand-made file): refused, so no path is ever made of it. */
static void test_bad_name_is_refused(void)
{
	struct store_index *x = store_index_new();
	struct store_index_id a = id_at(1, 1000);
	store_index_put(x, &a, "../../etc/passwd-1", 1100);
	int fd = dir_fd();
	CHECK_INT(store_index_save(x, fd, "index"), 0);
	close(fd);
	CHECK_INT(load_back(x), STORE_INDEX_DAMAGED);
	store_index_free(x);
}

/* --- the store over it, across "restarts" (store_open again) --- */

static char src[128], state[128], store_dir[160];

static void write_src(const char *text)
{
	CHECK(test_write_file(src, "f.txt", text, "w") == 0);
}

/* The store's copy of src/f.txt, by a store opened anew (a new process);
 * its name into name. Returns the copy's bytes (static; "" when none was
 * given). With path_only the file is handed over unreadable (O_PATH: its
 * identity can be taken, its bytes cannot be read), so only a store that
 * neither reads nor copies it gives its copy. */
static const char *keep_once(char *name, size_t size, bool path_only)
{
	static char bytes[256];
	bytes[0] = '\0';
	struct store *s = store_open(state);
	CHECK(s != NULL);
	if (!s)
		return bytes;
	char path[256];
	snprintf(path, sizeof path, "%s/f.txt", src);
	int fd = open(path, (path_only ? O_PATH : O_RDONLY) | O_CLOEXEC);
	struct stat st;
	CHECK(fd >= 0 && fstat(fd, &st) == 0);
	const struct content_store *h = store_hook(s);
	int copy = h->keep(h->ctx, fd, &st, name, size);
	ssize_t n = copy >= 0 ? pread(copy, bytes, sizeof bytes - 1, 0) : -1;
	bytes[n > 0 ? n : 0] = '\0';
	if (copy >= 0)
		close(copy);
	close(fd);
	CHECK_INT(store_commit(s), 0);
	store_free(s);
	return bytes;
}

static ino_t inode_of(const char *name)
{
	char path[512];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", store_dir, name);
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* Sets src/f.txt's modification time to t (seconds, nanoseconds). */
static void set_mtime(time_t s, long ns)
{
	char path[256];
	snprintf(path, sizeof path, "%s/f.txt", src);
	struct timespec ts[2] = {{s, ns}, {s, ns}};
	CHECK(utimensat(AT_FDCWD, path, ts, 0) == 0);
}

/* An unchanged file is neither copied nor read by the next process; a
 * copy that went or is not whole is not believed. */
static void test_store_remembers_across_restarts(void)
{
	char name[64], again[64];
	write_src("the first bytes of the file, 31\n");
	set_mtime(time(NULL) - 60, 123456789); /* long settled */
	CHECK_STR(keep_once(name, sizeof name, false), "the first bytes of the file, 31\n");
	ino_t ino = inode_of(name);
	CHECK(ino != 0);
	/* just written (its change time is now): a change in this second
	 * could leave its times as they are, so the next start reads it */
	CHECK_STR(keep_once(again, sizeof again, true), "");
	sleep(STORE_INDEX_RACY_S + 1);
	CHECK_STR(keep_once(again, sizeof again, false), "the first bytes of the file, 31\n");
	CHECK(inode_of(name) == ino); /* read to be sure, not copied */
	/* settled now: neither read nor copied */
	CHECK_STR(keep_once(again, sizeof again, true), "the first bytes of the file, 31\n");
	CHECK_STR(again, name);
	CHECK(inode_of(name) == ino);
	/* the copy went while the index still names it: copied anew */
	char path[512];
	snprintf(path, sizeof path, "%s/%s", store_dir, name);
	CHECK(unlink(path) == 0);
	CHECK_STR(keep_once(again, sizeof again, true), ""); /* must read: cannot */
	CHECK_STR(keep_once(again, sizeof again, false), "the first bytes of the file, 31\n");
	CHECK_STR(again, name);
	/* a copy of the wrong size under that name (cut short by a crash) */
	CHECK(unlink(path) == 0);
	CHECK(test_write_file(store_dir, name, "cut", "w") == 0);
	CHECK_STR(keep_once(again, sizeof again, true), "");
	CHECK_STR(keep_once(again, sizeof again, false), "the first bytes of the file, 31\n");
	/* a file of the content that changed is read (handed over unreadable,
	 * it cannot be kept) */
	CHECK_STR(keep_once(again, sizeof again, false), "the first bytes of the file, 31\n");
	write_src("the other bytes of the file, 31\n");
	set_mtime(time(NULL) - 60, 123456789);
	CHECK_STR(keep_once(again, sizeof again, true), "");
	CHECK_STR(keep_once(again, sizeof again, false), "the other bytes of the file, 31\n");
	CHECK(strcmp(again, name) != 0);
}

/* The same size and the same modification time (to the second and the
 * nanosecond, put back as cp -p or touch -r do): the new bytes are shown. */
static void test_store_sees_a_change_with_the_same_size_and_time(void)
{
	char name[64], again[64];
	write_src("aaaa\n");
	set_mtime(time(NULL) - 60, 5);
	CHECK_STR(keep_once(name, sizeof name, false), "aaaa\n");
	write_src("bbbb\n");
	set_mtime(time(NULL) - 60, 5);
	CHECK_STR(keep_once(again, sizeof again, false), "bbbb\n");
	CHECK(strcmp(name, again) != 0);
	/* and back: the first copy is found by its bytes */
	write_src("aaaa\n");
	set_mtime(time(NULL) - 60, 5);
	CHECK_STR(keep_once(again, sizeof again, false), "aaaa\n");
	CHECK_STR(again, name);
}

/* A file written in the second it was copied, then written again with
 * the same size in that second: never taken for the first bytes. */
static void test_store_sees_a_change_in_the_same_second(void)
{
	char name[64];
	write_src("1111\n");
	CHECK_STR(keep_once(name, sizeof name, false), "1111\n");
	struct stat st;
	char path[256];
	snprintf(path, sizeof path, "%s/f.txt", src);
	CHECK(stat(path, &st) == 0);
	write_src("2222\n");
	set_mtime(st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	CHECK_STR(keep_once(name, sizeof name, false), "2222\n");
}

/* A damaged index is said once and written anew: the next start trusts
 * the new one. */
static void test_store_rebuilds_a_damaged_index(void)
{
	char name[64], path[256];
	write_src("some bytes\n");
	set_mtime(time(NULL) - 60, 0);
	keep_once(name, sizeof name, false);
	snprintf(path, sizeof path, "%s/.index", store_dir);
	CHECK(truncate(path, 50) == 0);
	CHECK_STR(keep_once(name, sizeof name, false), "some bytes\n");
	struct store_index *x = store_index_new();
	int fd = open(store_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CHECK_INT(store_index_load(x, fd, ".index"), STORE_INDEX_READ);
	CHECK(store_index_count(x) >= 1);
	close(fd);
	store_index_free(x);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/twinhall-index-XXXXXX");
	snprintf(src, sizeof src, "/tmp/twinhall-store-src-XXXXXX");
	snprintf(state, sizeof state, "/tmp/twinhall-store-state-XXXXXX");
	if (!mkdtemp(dir) || !mkdtemp(src) || !mkdtemp(state))
		return 1;
	snprintf(store_dir, sizeof store_dir, "%s/store", state);
	RUN(test_find_trusts_only_what_is_the_same);
	RUN(test_racy_entries_are_verified);
	RUN(test_put_replaces_the_same_file);
	RUN(test_forget);
	RUN(test_save_and_load);
	RUN(test_damaged_index_is_ignored);
	RUN(test_bad_name_is_refused);
	RUN(test_store_remembers_across_restarts);
	RUN(test_store_sees_a_change_with_the_same_size_and_time);
	RUN(test_store_sees_a_change_in_the_same_second);
	RUN(test_store_rebuilds_a_damaged_index);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' '%s'", dir, src, state);
	CHECK_INT(system(cmd), 0);
	return failures_ ? 1 : 0;
}
