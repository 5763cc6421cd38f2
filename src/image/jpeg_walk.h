/* jpeg_walk: a JPEG's structure from its markers: the frame header (its
 * kind, sample precision, size, components and their sampling), the scans
 * and where the image ends, which may be before the file does (a phone's
 * trailer, a motion photo's video). Read through a callback, a window at a
 * time, so metadata of any size before the frame header costs a few reads
 * and nothing is held whole. Pure apart from the reads. */
#ifndef TWINHALL_JPEG_WALK_H
#define TWINHALL_JPEG_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	/* More scans than any encoder writes for a photo (libjpeg's progressive
	 * files have 10, 6 in grey); each costs a pass over the image. */
	JPEG_WALK_MAX_SCANS = 64,
	/* The coefficient memory a decode may hold whole (a progressive file's,
	 * 128 bytes an 8x8 block): 128 MB takes a 40-megapixel progressive
	 * photo (4:2:0); a 64-megapixel one would need 192 MB and more. */
	JPEG_WALK_COEF_BUDGET = 128 << 20,
	JPEG_WALK_MAX_COMPONENTS = 4,
};

struct jpeg_frame {
	unsigned char sof; /* the frame marker, 0xC0..0xCF */
	int precision;     /* bits a sample: 8, 12 */
	int width, height, components;
	int h[JPEG_WALK_MAX_COMPONENTS], v[JPEG_WALK_MAX_COMPONENTS]; /* sampling factors */
	int first_scan_components; /* components in the first scan; 0: no scan seen */
};

struct jpeg_walk {
	struct jpeg_frame frame;
	bool have_frame;
	unsigned scans;
	uint64_t end; /* through the scans: just past the end-of-image marker */
};

enum jpeg_walk_err {
	JPEG_WALK_OK,
	JPEG_WALK_CUT,   /* the file ends before what was looked for */
	JPEG_WALK_BAD,   /* markers or a header that make no sense */
	JPEG_WALK_SCANS, /* more than JPEG_WALK_MAX_SCANS scans */
	JPEG_WALK_IO,    /* out of memory for the window */
};

/* Reads n bytes at offset at into buf; returns how many it read. */
typedef size_t (*jpeg_walk_read)(void *ctx, void *buf, size_t n, uint64_t at);

/* Walks the JPEG of size bytes from its start: to the first scan's header
 * (through false: the frame header and that scan), or through every scan
 * to the end-of-image marker (through true: the scans counted, end set).
 * Fills *out (zeroed first). */
enum jpeg_walk_err jpeg_walk(jpeg_walk_read read, void *ctx, uint64_t size, bool through,
                             struct jpeg_walk *out);

/* The same over the open file fd (with pread: its offset is not used). */
enum jpeg_walk_err jpeg_walk_fd(int fd, uint64_t size, bool through, struct jpeg_walk *out);

/* The same over len bytes in memory. */
enum jpeg_walk_err jpeg_walk_buffer(const unsigned char *buf, size_t len, bool through,
                                    struct jpeg_walk *out);

/* Whether the decoder must hold the whole image's coefficients: a
 * progressive file, or one whose first scan lacks a component (the rest
 * come in later scans). Needs the walk to the first scan. */
bool jpeg_walk_buffered(const struct jpeg_frame *f);

/* The bytes of coefficients libjpeg holds whole for a buffered frame
 * (every component's blocks, padded to whole MCUs, 128 bytes each); 0
 * when the frame decodes row by row. */
uint64_t jpeg_walk_coef_bytes(const struct jpeg_frame *f);

/* NULL when libjpeg-turbo (8-bit) decodes this kind of frame: baseline,
 * extended and progressive, Huffman or arithmetic coded, 8 bits a sample.
 * Otherwise its kind in words (untranslated: N_), "a 12-bit JPEG", "a lossless JPEG"
 * or "a hierarchical JPEG". Static storage. */
const char *jpeg_walk_unsupported(const struct jpeg_frame *f);

#endif
