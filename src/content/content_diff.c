/* content_diff: what a reload changed that the screen keeps from before. */
#include "content/content_diff.h"

#include <stdlib.h>
#include <string.h>

/* Every image of c into out (NULL: only count); returns how many. */
static size_t list_images(const struct content *c, const struct image_ref **out)
{
	size_t n = 0;
	for (size_t i = 0; i < c->hall.n_cities; i++) {
		const struct city *city = &c->hall.cities[i];
		if (out)
			out[n] = &city->flag;
		n++;
		for (size_t k = 0; k < city->n_photos; k++, n++)
			if (out)
				out[n] = &city->photos[k].image;
		for (size_t k = 0; k < city->n_gifts; k++, n++)
			if (out)
				out[n] = &city->gifts[k].image;
	}
	return n;
}

static int by_path(const void *a, const void *b)
{
	return strcmp((*(const struct image_ref *const *)a)->file,
	              (*(const struct image_ref *const *)b)->file);
}

/* The images of c sorted by path, in a new array of *n; NULL when out of
 * memory (or none). */
static const struct image_ref **sorted_images(const struct content *c, size_t *n)
{
	*n = list_images(c, NULL);
	const struct image_ref **v = *n ? malloc(*n * sizeof *v) : NULL;
	if (!v)
		return NULL;
	list_images(c, v);
	qsort(v, *n, sizeof *v, by_path);
	return v;
}

long content_changed_images(const struct content *old, const struct content *now,
                            void (*fn)(void *ctx, const char *path), void *ctx)
{
	size_t na, nb;
	const struct image_ref **a = sorted_images(old, &na), **b = sorted_images(now, &nb);
	long changed = 0;
	if ((na && !a) || (nb && !b)) {
		changed = -1;
		goto done;
	}
	for (size_t i = 0, k = 0; i < na && k < nb;) {
		int cmp = strcmp(a[i]->file, b[k]->file);
		if (cmp < 0) {
			i++;
		} else if (cmp > 0) {
			k++;
		} else {
			const char *path = a[i]->file;
			bool differs = false;
			for (; i < na && strcmp(a[i]->file, path) == 0; i++)
				differs |= a[i]->stamp != b[k]->stamp;
			for (; k < nb && strcmp(b[k]->file, path) == 0; k++)
				;
			if (differs) {
				fn(ctx, path);
				changed++;
			}
		}
	}
done:
	free(a);
	free(b);
	return changed;
}
