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

#endif
