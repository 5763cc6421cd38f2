#include "image_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "safe_path.h"

int image_file_read(const char *root, const char *path, void **data, size_t *len, char *err,
                    size_t err_size)
{
	int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root_fd < 0) {
		snprintf(err, err_size, "cannot open the content folder %s", root);
		return -1;
	}
	int fd = -1;
	char *buf = NULL;
	enum safe_path_err e = safe_path_open(root_fd, path, &fd);
	if (e == SAFE_PATH_OK)
		e = safe_path_read_all(fd, IMAGE_FILE_MAX, &buf, len);
	if (fd >= 0)
		close(fd);
	close(root_fd);
	if (e != SAFE_PATH_OK) {
		snprintf(err, err_size, "%s", safe_path_describe(e));
		return -1;
	}
	*data = buf;
	return 0;
}
