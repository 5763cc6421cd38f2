/* Fuzz target: the EXIF orientation reader. Hostile APP1 segments (offsets
 * past the end, loops of IFDs, counts near 2^32) must give an orientation
 * of 1..8 and never a read outside the buffer. The input is copied into a
 * buffer of exactly its size so AddressSanitizer sees any overread. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "image/exif.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(size ? size : 1);
	fuzz_assert(copy != NULL, "out of memory");
	memcpy(copy, data, size);
	int o = exif_orientation(copy, size);
	fuzz_assert(o >= 1 && o <= 8, "an orientation outside 1..8");
	/* Behind a JPEG's start marker too, where the reader really looks. */
	if (size + 2 <= 1 << 16) {
		unsigned char *jpeg = malloc(size + 2);
		fuzz_assert(jpeg != NULL, "out of memory");
		jpeg[0] = 0xFF, jpeg[1] = 0xD8;
		memcpy(jpeg + 2, data, size);
		int oj = exif_orientation(jpeg, size + 2);
		fuzz_assert(oj >= 1 && oj <= 8, "an orientation outside 1..8");
		int w, h;
		exif_oriented_size(oj, 30, 20, &w, &h);
		fuzz_assert((oj >= 5 ? w == 20 && h == 30 : w == 30 && h == 20),
		            "a turn that does not swap the sides as it should");
		free(jpeg);
	}
	free(copy);
	return 0;
}
