#include "input/input.h"

static bool from_finger(const SDL_TouchFingerEvent *f, int out_w, int out_h,
                        struct gesture_input *in)
{
	in->finger = (int64_t)f->fingerId;
	in->x = f->x * (float)out_w;
	in->y = f->y * (float)out_h;
	return true;
}

static bool from_mouse(int x, int y, int out_w, int out_h, int win_w, int win_h,
                       struct gesture_input *in)
{
	in->finger = INPUT_MOUSE_FINGER;
	in->x = win_w > 0 ? (float)x * (float)out_w / (float)win_w : (float)x;
	in->y = win_h > 0 ? (float)y * (float)out_h / (float)win_h : (float)y;
	return true;
}

bool input_from_sdl(const SDL_Event *ev, int out_w, int out_h, int win_w, int win_h,
                    uint64_t now_ms, struct gesture_input *in)
{
	in->t_ms = now_ms;
	switch (ev->type) {
	case SDL_FINGERDOWN:
		in->kind = GESTURE_IN_DOWN;
		return from_finger(&ev->tfinger, out_w, out_h, in);
	case SDL_FINGERMOTION:
		in->kind = GESTURE_IN_MOVE;
		return from_finger(&ev->tfinger, out_w, out_h, in);
	case SDL_FINGERUP:
		in->kind = GESTURE_IN_UP;
		return from_finger(&ev->tfinger, out_w, out_h, in);
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			return false;
		in->kind = ev->type == SDL_MOUSEBUTTONDOWN ? GESTURE_IN_DOWN : GESTURE_IN_UP;
		return from_mouse(ev->button.x, ev->button.y, out_w, out_h, win_w, win_h, in);
	case SDL_MOUSEMOTION:
		if (ev->motion.which == SDL_TOUCH_MOUSEID || !(ev->motion.state & SDL_BUTTON_LMASK))
			return false;
		in->kind = GESTURE_IN_MOVE;
		return from_mouse(ev->motion.x, ev->motion.y, out_w, out_h, win_w, win_h, in);
	default:
		return false;
	}
}
