/* scale: good-quality resizing of 32-bit pixels (any channel order): an area
 * average when shrinking, so fine detail does not shimmer, and bilinear
 * when enlarging. Source rows are pushed in order and only the few an
 * output row needs are kept, so a decoder can feed rows as it makes them
 * and no full-size image is ever held. Pure; runs on worker threads. */
#ifndef TWINHALL_SCALE_H
#define TWINHALL_SCALE_H

#include <stdbool.h>
#include <stdint.h>

struct scaler;

/* A scaler from sw x sh source rows to dw x dh pixels written to dst (pitch
 * dpitch bytes, owned by the caller, kept until the last row is pushed).
 * NULL when out of memory or a size is not positive. */
struct scaler *scaler_new(int sw, int sh, uint8_t *dst, int dw, int dh, int dpitch);

/* A scaler that writes only output rows y0..y1-1 (dst still points at row
 * 0), so two threads can each make part of one image. It takes the source
 * rows scaler_rows_needed names, pushed in order from the first. */
struct scaler *scaler_new_band(int sw, int sh, uint8_t *dst, int dw, int dh, int dpitch, int y0,
                               int y1);

/* The source rows the scaler's output rows need: first .. end-1. */
void scaler_rows_needed(const struct scaler *s, int *first, int *end);

/* Takes the next source row (sw pixels; rows in order from the first one
 * needed, extra ones ignored); output rows are written as soon as their source rows are in. */
void scaler_push(struct scaler *s, const uint8_t *row);

/* True when every output row of the scaler has been written. */
bool scaler_done(const struct scaler *s);

/* Frees the scaler. Accepts NULL. */
void scaler_free(struct scaler *s);

#endif
