/* keypad: the staff PIN's keypad on screen, drawn over the hall after the
 * corner hold when hall.yaml sets staff_pin. It shows the state of a
 * pin_pad (dots for the digits typed, "wrong PIN", the lock's countdown)
 * and turns taps on its keys into pin_pad keys; the state machine itself
 * is pin_pad's. */
#ifndef TWINHALL_KEYPAD_H
#define TWINHALL_KEYPAD_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/layout.h"
#include "input/gesture.h"
#include "input/pin_pad.h"
#include "text/text.h"

/* The keys as drawn: 0-9 are the digits, then these. */
enum { KEYPAD_ERASE = 10, KEYPAD_OK = 11, KEYPAD_CANCEL = 12, KEYPAD_KEYS = 13 };

struct keypad;

/* A keypad drawing with ren and text (borrowed). NULL when out of memory. */
struct keypad *keypad_new(SDL_Renderer *ren, struct text *text, float dpi);

/* Accepts NULL. */
void keypad_free(struct keypad *k);

/* A pointer input while the keypad is shown: true and the key in *key
 * (0-9 or KEYPAD_ERASE, KEYPAD_OK, KEYPAD_CANCEL) when a key was tapped. */
bool keypad_input(struct keypad *k, const struct gesture_input *in, int *key);

/* Forgets a finger that was down (the keypad was just shown). */
void keypad_reset(struct keypad *k);

/* Draws pad over the whole w x h target at now, in the staff's language. */
void keypad_draw(struct keypad *k, const struct pin_pad *pad, int w, int h, uint64_t now);

/* Where key (0..KEYPAD_KEYS-1) was last drawn (for --trace and tests). */
struct rect keypad_key_rect(const struct keypad *k, int key);

#endif
