#include "visit/frame_plan.h"

#include <assert.h>

/* A crossfade's frame before its time is up. Until the new place is whole
 * in its layer (PREPARE), the old one shows alone: no frame both draws
 * much of a screen and blends one. (A finger dragging alone does not
 * count as motion here: the screen's own say does.) */
static enum frame_action fading(const struct frame_facts *f)
{
	bool still_screen = f->screen && !f->moving;
	if (f->fade == FADE_PREPARE) {
		if (f->text_waiting && !f->dirty)
			return FRAME_WAIT; /* nothing new since the text was asked for */
		return still_screen ? FRAME_PREPARE_BAND : FRAME_PREPARE_WHOLE;
	}
	if (!still_screen)
		return FRAME_BLEND_WHOLE;
	if ((f->dirty || !f->new_whole) && !f->images_held)
		return FRAME_BLEND_BAND; /* a photo came in: drawn again, a band a frame */
	return FRAME_BLEND;              /* (a photo going in a part a frame: only blend) */
}

enum frame_action frame_plan(const struct frame_facts *f)
{
	assert(f->fade >= FADE_NONE && f->fade <= FADE_BLEND);
	assert(!f->fade_at_end || f->fade == FADE_BLEND); /* only a blend has an end */
	if (f->fade != FADE_NONE && !f->fade_at_end)
		return fading(f);
	bool moves = f->moving || f->dragged;
	if (f->fade != FADE_NONE && f->screen && f->new_whole && !f->dirty && !f->text_waiting &&
	    !moves)
		return FRAME_FADE_LAST;
	if (f->screen && (moves || f->motion_tail) && !f->text_waiting)
		return FRAME_DIRECT;
	return FRAME_LAYER;
}

bool frame_action_draws(enum frame_action a)
{
	return a != FRAME_WAIT && a != FRAME_BLEND && a != FRAME_FADE_LAST;
}

const char *frame_action_name(enum frame_action a)
{
	switch (a) {
	case FRAME_WAIT:
		return "wait";
	case FRAME_PREPARE_BAND:
		return "prepare-band";
	case FRAME_PREPARE_WHOLE:
		return "prepare-whole";
	case FRAME_BLEND:
		return "blend";
	case FRAME_BLEND_BAND:
		return "blend-band";
	case FRAME_BLEND_WHOLE:
		return "blend-whole";
	case FRAME_FADE_LAST:
		return "fade-last";
	case FRAME_DIRECT:
		return "direct";
	case FRAME_LAYER:
		return "layer";
	}
	return "?";
}
