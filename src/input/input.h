/* input: SDL touch and mouse events as the gesture recognizer's pointer
 * inputs. A real mouse is one more finger; the mouse events SDL makes up
 * from touches are dropped so a touch never counts twice. */
#ifndef TWINHALL_INPUT_H
#define TWINHALL_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "input/gesture.h"

/* The finger id the mouse is fed as. */
#define INPUT_MOUSE_FINGER (-1)

/* Converts ev into *out for a screen of out_w x out_h pixels drawn in a
 * window of win_w x win_h points (they differ on high-DPI screens), at time
 * now_ms. Returns false when ev is not pointer input for the recognizer. */
bool input_from_sdl(const SDL_Event *ev, int out_w, int out_h, int win_w, int win_h,
                    uint64_t now_ms, struct gesture_input *out);

#endif
