#include "input/tap_echo.h"

struct tap_echo tap_echo_make(uint64_t window_ms, float radius_px)
{
	return (struct tap_echo){.window_ms = window_ms, .radius_px = radius_px};
}

void tap_echo_arm(struct tap_echo *e, uint64_t t_ms, float x, float y)
{
	e->armed = true;
	e->armed_ms = t_ms;
	e->x = x;
	e->y = y;
}

bool tap_echo_press(struct tap_echo *e, uint64_t t_ms, float x, float y)
{
	float dx = x - e->x, dy = y - e->y;
	/* A clock that stepped back counts as no time passed. */
	bool soon = t_ms <= e->armed_ms || t_ms - e->armed_ms <= e->window_ms;
	e->echo = e->armed && soon && dx * dx + dy * dy <= e->radius_px * e->radius_px;
	e->armed = false;
	return e->echo;
}

bool tap_echo_tap(struct tap_echo *e, uint64_t t_ms)
{
	if (!e->echo)
		return false;
	tap_echo_arm(e, t_ms, e->x, e->y);
	return true;
}
