/* jpeg_split: a JPEG decoded into a resize; for a photo somebody is waiting
 * for, with help. When the file is baseline and big, and a board is given,
 * the lower part is put up on it for another thread, which decodes it at
 * the same time (skipping the rows above it costs about half of what
 * decoding them would), while this thread decodes the rest. If no thread
 * takes the part while this one is in the top fifth of the rows, it
 * decodes all of it alone. On two cores a 24 MP photo is then ready in
 * about three quarters of the time (docs/performance.md). Runs on worker
 * threads. */
#ifndef TWINHALL_JPEG_SPLIT_H
#define TWINHALL_JPEG_SPLIT_H

#include <stddef.h>

#include "image/jpeg_decode.h"
#include "image/offer_board.h"
#include "image/resize.h"

/* jpeg_decode of data (kept by the caller) at the DCT scale for min_w x
 * min_h into r (set up but not begun). With a board: an urgent decode
 * offers its lower part there; any other takes up offered parts between
 * its rows, which delays it by as much. On return no helper touches r or
 * data any more. */
enum jpeg_status jpeg_split_decode(const unsigned char *data, size_t len, int min_w, int min_h,
                                   struct resize *r, struct offer_board *board, bool urgent,
                                   char *err, size_t err_size);

#endif
