#include "input/corner_hold.h"

#include <math.h>
#include <string.h>

void corner_hold_init(struct corner_hold *h, enum corner corner, uint64_t hold_ms, float zone,
                      float slop)
{
	*h = (struct corner_hold){.corner = corner, .hold_ms = hold_ms, .zone = zone, .slop = slop};
}

static bool in_zone(const struct corner_hold *h, float x, float y, int w, int hgt)
{
	bool left = h->corner == CORNER_TOP_LEFT || h->corner == CORNER_BOTTOM_LEFT;
	bool top = h->corner == CORNER_TOP_LEFT || h->corner == CORNER_TOP_RIGHT;
	bool in_x = left ? x < h->zone : x >= (float)w - h->zone;
	bool in_y = top ? y < h->zone : y >= (float)hgt - h->zone;
	return in_x && in_y;
}

void corner_hold_input(struct corner_hold *h, const struct gesture_input *in, int w, int hgt)
{
	if (!isfinite(in->x) || !isfinite(in->y))
		return;
	switch (in->kind) {
	case GESTURE_IN_DOWN:
		if (h->armed && in->finger == h->finger)
			break; /* a repeated DOWN: a move */
		h->fingers++;
		/* Only a lone finger arms it; a second one disarms. */
		h->armed = h->fingers == 1 && in_zone(h, in->x, in->y, w, hgt);
		h->finger = in->finger;
		h->x = in->x;
		h->y = in->y;
		h->since = in->t_ms;
		return;
	case GESTURE_IN_MOVE:
		break;
	case GESTURE_IN_UP:
	case GESTURE_IN_CANCEL:
		if (h->fingers > 0)
			h->fingers--;
		h->armed = false;
		return;
	}
	if (h->armed && in->finger == h->finger && hypotf(in->x - h->x, in->y - h->y) > h->slop)
		h->armed = false;
}

bool corner_hold_tick(struct corner_hold *h, uint64_t now)
{
	if (!h->armed || now < h->since + h->hold_ms)
		return false;
	h->armed = false; /* once per hold */
	return true;
}

uint64_t corner_hold_deadline(const struct corner_hold *h)
{
	return h->armed ? h->since + h->hold_ms : UINT64_MAX;
}

double corner_hold_progress(const struct corner_hold *h, uint64_t now)
{
	if (!h->armed)
		return -1;
	if (now <= h->since)
		return 0;
	uint64_t held = now - h->since;
	return held >= h->hold_ms ? 1.0 : (double)held / (double)h->hold_ms;
}

int corner_parse(const char *s, enum corner *out)
{
	static const char *const names[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
	for (int i = 0; i < 4; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum corner)i;
			return 0;
		}
	}
	return -1;
}
