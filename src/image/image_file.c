#include "image/image_file.h"

#include "base/i18n.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/safe_path.h"

int image_file_open(const char *root, const char *path, int *fd, size_t *len, char *err,
                    size_t err_size)
{
	*fd = -1;
	int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root_fd < 0) {
		snprintf(err, err_size, _("cannot open the content folder %s"), root);
		return -1;
	}
	enum safe_path_err e = safe_path_open(root_fd, path, fd);
	close(root_fd);
	struct stat st;
	if (e == SAFE_PATH_OK && fstat(*fd, &st) != 0)
		e = SAFE_PATH_IO;
	else if (e == SAFE_PATH_OK && !S_ISREG(st.st_mode)) /* a pipe would never end */
		e = S_ISDIR(st.st_mode) ? SAFE_PATH_IS_DIR : SAFE_PATH_NOT_REGULAR;
	else if (e == SAFE_PATH_OK && (uintmax_t)st.st_size > IMAGE_FILE_MAX)
		e = SAFE_PATH_TOO_LARGE;
	if (e == SAFE_PATH_OK) {
		*len = (size_t)st.st_size;
		return 0;
	}
	snprintf(err, err_size, "%s", safe_path_describe(e));
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
	return -1;
}

int image_file_read_fd(int fd, void **data, size_t *len, char *err, size_t err_size)
{
	char *buf = NULL;
	enum safe_path_err e = safe_path_read_all(fd, IMAGE_FILE_MAX, &buf, len);
	if (e != SAFE_PATH_OK) {
		snprintf(err, err_size, "%s", safe_path_describe(e));
		return -1;
	}
	*data = buf;
	return 0;
}
