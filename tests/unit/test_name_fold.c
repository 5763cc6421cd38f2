/* Names staff call the same: folded alike in letter case (Latin, Cyrillic)
 * and in how accents are encoded (NFC from Windows and Linux, NFD from a
 * Mac), and found on disk when written the other way, one match only. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/name_fold.h"
#include "base/safe_path.h"
#include "test.h"

static int failures_;

static void test_fold(void)
{
	/* é precomposed (NFC) and as e + U+0301 (NFD); й both ways */
	CHECK(name_fold_same("Amn\xC3\xA9ville.jpg", "Amne\xCC\x81ville.jpg", NAME_FOLD_FORM));
	CHECK(name_fold_same("\xD0\xB9.jpg", "\xD0\xB8\xCC\x86.jpg", NAME_FOLD_FORM));
	CHECK(!name_fold_same("Photo.JPG", "photo.jpg", NAME_FOLD_FORM));
	CHECK(name_fold_same("Photo.JPG", "photo.jpg", NAME_FOLD_CASE));
	CHECK(name_fold_same("\xD0\x9F\xD0\x95\xD0\xA0\xD0\x9C\xD0\xAC.png", /* ПЕРМЬ */
	                     "\xD0\xBF\xD0\xB5\xD1\x80\xD0\xBC\xD1\x8C.png", NAME_FOLD_CASE));
	CHECK(name_fold_same("\xC3\x89T\xC3\x89.jpg", "e\xCC\x81te\xCC\x81.jpg", NAME_FOLD_CASE));
	CHECK(!name_fold_same("ete.jpg", "\xC3\xA9t\xC3\xA9.jpg",
	                      NAME_FOLD_CASE)); /* accents count */
	char out[8];
	CHECK(!name_fold("a-longer-name", NAME_FOLD_CASE, out, sizeof out));
	CHECK(!name_fold("bad\xFF", NAME_FOLD_CASE, out, sizeof out));
}

static void touch(const char *dir, const char *rel)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, rel);
	int fd = open(p, O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0);
	close(fd);
}

static void test_find(void)
{
	char dir[] = "/tmp/twinhall-fold-XXXXXX", p[512];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(p, sizeof p, "%s/Photos", dir);
	mkdir(p, 0755);
	touch(dir, "Photos/Ratusha-\xD0\xB8\xCC\x86.JPG"); /* й as a Mac writes it */
	touch(dir, "Photos/twin.jpg");
	touch(dir, "Photos/TWIN.jpg");
	int root = open(dir, O_RDONLY | O_DIRECTORY);
	char out[512];
	CHECK_INT(safe_path_find_folded(root, "photos/ratusha-\xD0\xB9.jpg", out, sizeof out),
	          SAFE_PATH_OK);
	CHECK(strcmp(out, "Photos/Ratusha-\xD0\xB8\xCC\x86.JPG") == 0);
	/* two files fold alike: which one was meant is not guessed */
	CHECK_INT(safe_path_find_folded(root, "photos/Twin.jpg", out, sizeof out),
	          SAFE_PATH_NOT_FOUND);
	CHECK_INT(safe_path_find_folded(root, "photos/none.jpg", out, sizeof out),
	          SAFE_PATH_NOT_FOUND);
	CHECK_INT(safe_path_find_folded(root, "../x.jpg", out, sizeof out), SAFE_PATH_NOT_FOUND);
	close(root);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0);
}

int main(void)
{
	RUN(test_fold);
	RUN(test_find);
	return failures_ != 0;
}
