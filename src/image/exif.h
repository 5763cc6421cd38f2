/* exif: the orientation tag of a JPEG's EXIF block, read without libjpeg.
 * Bounds-checked, so hostile files are safe; pure apart from the reads of
 * exif_orientation_fd; runs on worker threads. */
#ifndef TWINHALL_EXIF_H
#define TWINHALL_EXIF_H

#include <stddef.h>

/* The EXIF orientation (1..8) of the JPEG in jpeg[0..len), from tag 0x0112
 * of IFD0 in its APP1 "Exif" segment; 1 when absent or malformed. Reads only
 * inside the buffer, which the caller keeps. */
int exif_orientation(const unsigned char *jpeg, size_t len);

/* exif_orientation of the JPEG in the first len bytes of the file open as
 * fd, reading its segment headers and the EXIF block only (pread: fd's
 * offset is not used). */
int exif_orientation_fd(int fd, size_t len);

/* The orientation (1..8) in the TIFF block tiff[0..len) of an EXIF block
 * (after its "Exif\0\0", in HEIC files); 1 when absent or malformed. */
int exif_tiff_orientation(const unsigned char *tiff, size_t len);

/* The size *ow x *oh of a w x h image once shown with orientation:
 * 5..8 turn it a quarter, so they swap w and h; anything else keeps them. */
void exif_oriented_size(int orientation, int w, int h, int *ow, int *oh);

#endif
