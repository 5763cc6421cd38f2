#include "app/derivs.h"

#include <stddef.h>

#include "base/log.h"
#include "image/deriv_cache.h"

/* The cache's budget: every photo of a hall of a dozen cities, at the
 * photo screen's and the loop's sizes, at 1920x1080 (8 MB each); at
 * 3840x2160 (33 MB each) the warm-up stops when it is full. */
#define DERIV_BUDGET ((size_t)2 << 30)

struct deriv_cache *derivs_open(void)
{
	char dir[4096];
	if (deriv_cache_dir(dir, sizeof dir) != 0) {
		log_warning("no cache directory (neither $CACHE_DIRECTORY nor $HOME): photos "
		            "are decoded from their originals");
		return NULL;
	}
	return deriv_cache_open(dir, DERIV_BUDGET);
}

void derivs_close(struct deriv_cache *d)
{
	struct deriv_cache_stats st;
	if (!d)
		return;
	deriv_cache_stats(d, &st);
	log_info("pictures at the screen's size: %zu read from the cache, %zu written, %zu "
	         "found damaged; %zu files, %zu MB",
	         st.hits, st.written, st.rejected, st.files, st.bytes >> 20);
	deriv_cache_free(d);
}
