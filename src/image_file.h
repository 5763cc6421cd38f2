/* image_file: reading an image file of the content into memory, confined to
 * the content directory. */
#ifndef TWINHALL_IMAGE_FILE_H
#define TWINHALL_IMAGE_FILE_H

#include <stddef.h>

/* Largest image file read, in bytes. */
#define IMAGE_FILE_MAX ((size_t)128 << 20)

/* Reads path (relative to the directory root, staying inside it) into a new
 * buffer the caller frees with big_free. Returns 0, or -1 with a reason in err. */
int image_file_read(const char *root, const char *path, void **data, size_t *len, char *err,
                    size_t err_size);

/* Opens path as image_file_read would, without reading it: *fd (the caller
 * closes it) and its size. Returns 0, or -1 with a reason in err. */
int image_file_open(const char *root, const char *path, int *fd, size_t *len, char *err,
                    size_t err_size);

/* Reads the rest of the file open as fd (from its offset) into a new buffer
 * as image_file_read does. Returns 0, or -1 with a reason in err. */
int image_file_read_fd(int fd, void **data, size_t *len, char *err, size_t err_size);

#endif
