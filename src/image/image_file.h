/* image_file: opening an image file of the content, confined to the content
 * directory, and reading it into memory. */
#ifndef TWINHALL_IMAGE_FILE_H
#define TWINHALL_IMAGE_FILE_H

#include <stddef.h>

/* Largest image file read, in bytes. */
#define IMAGE_FILE_MAX ((size_t)128 << 20)

/* Opens path (relative to the directory root, staying inside it), a
 * regular file of at most IMAGE_FILE_MAX bytes: *fd (the caller closes it)
 * and its size. Returns 0, or -1 with a reason in err. */
int image_file_open(const char *root, const char *path, int *fd, size_t *len, char *err,
                    size_t err_size);

/* Reads the whole file open as fd (from its start, whatever its offset)
 * into a new buffer the caller frees with big_free. Returns 0, or -1 with a
 * reason in err. */
int image_file_read_fd(int fd, void **data, size_t *len, char *err, size_t err_size);

#endif
