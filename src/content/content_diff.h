/* content_diff: what changed between two loads of the content directory
 * that matters to what the screen kept from the first: image files whose
 * bytes changed under the same name. Pure C over two models. */
#ifndef TWINHALL_CONTENT_DIFF_H
#define TWINHALL_CONTENT_DIFF_H

#include <stdbool.h>

#include "content/content.h"

/* Calls fn once for each image file (image_ref.file: its path, or its
 * kept copy's name) named in both old and now whose file changed between
 * the two loads (another size, time or inode; a kept copy never does). Returns how
 * many, or -1 when out of memory (then treat every image as changed). */
long content_changed_images(const struct content *old, const struct content *now,
                            void (*fn)(void *ctx, const char *path), void *ctx);

#endif
