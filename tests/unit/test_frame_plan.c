/* The frame planner, walked whole: every stage of a crossfade with every
 * combination of the facts, against the rules a frame must keep. */
#include "test.h"
#include "visit/frame_plan.h"

static int failures_;

enum { FACTS = 9 };

static struct frame_facts facts_of(enum fade_stage stage, unsigned bits)
{
	return (struct frame_facts){
	    .fade = stage,
	    .fade_at_end = bits & 1,
	    .screen = bits & 2,
	    .moving = bits & 4,
	    .dragged = bits & 8,
	    .dirty = bits & 16,
	    .text_waiting = bits & 32,
	    .new_whole = bits & 64,
	    .images_held = bits & 128,
	    .motion_tail = bits & 256,
	};
}

static bool fading_action(enum frame_action a)
{
	return a == FRAME_WAIT || a == FRAME_PREPARE_BAND || a == FRAME_PREPARE_WHOLE ||
	       a == FRAME_BLEND || a == FRAME_BLEND_BAND || a == FRAME_BLEND_WHOLE;
}

/* The rules, for one combination; the number of rules broken. */
static int broken(const struct frame_facts *f, enum frame_action a)
{
	int n = 0;
	bool fading = f->fade != FADE_NONE && !f->fade_at_end;
	/* A crossfade under way stays one; none starts without a change. */
	n += fading != fading_action(a);
	/* The new place's first frames show the old one alone, waiting. */
	n += f->fade == FADE_PREPARE && !f->fade_at_end &&
	     !(a == FRAME_WAIT || a == FRAME_PREPARE_BAND || a == FRAME_PREPARE_WHOLE);
	n += (f->fade == FADE_HOLD || f->fade == FADE_BLEND) && fading &&
	     !(a == FRAME_BLEND || a == FRAME_BLEND_BAND || a == FRAME_BLEND_WHOLE);
	/* Waiting draws nothing, and only while the text is awaited. */
	n += a == FRAME_WAIT && !(f->text_waiting && !f->dirty);
	/* The attract loop moves by itself: never banded, never direct. */
	n += !f->screen && (a == FRAME_PREPARE_BAND || a == FRAME_BLEND_BAND || a == FRAME_DIRECT ||
	                    a == FRAME_FADE_LAST);
	/* Straight to the screen only what moves (or ends its motion) with its
	 * text, and never during a crossfade. */
	n += a == FRAME_DIRECT &&
	     !(f->screen && !f->text_waiting && (f->moving || f->dragged || f->motion_tail));
	/* A photo going in a part a frame: that frame only blends. */
	n += f->images_held && a == FRAME_BLEND_BAND;
	/* The fade's last frame shows the new layer only when it is the place
	 * as it is now, at rest. */
	n += a == FRAME_FADE_LAST &&
	     !(f->new_whole && !f->dirty && !f->text_waiting && !f->moving && !f->dragged);
	/* A moving screen's place is drawn whole, bands cannot follow it. */
	n += f->screen && f->moving && (a == FRAME_PREPARE_BAND || a == FRAME_BLEND_BAND);
	return n;
}

static void test_every_combination_keeps_the_rules(void)
{
	int combos = 0, bad = 0;
	enum fade_stage stages[] = {FADE_NONE, FADE_PREPARE, FADE_HOLD, FADE_BLEND};
	for (int s = 0; s < 4; s++)
		for (unsigned bits = 0; bits < (1u << FACTS); bits++) {
			struct frame_facts f = facts_of(stages[s], bits);
			if (f.fade_at_end && f.fade != FADE_BLEND)
				continue; /* only a blend has an end */
			enum frame_action a = frame_plan(&f);
			int b = broken(&f, a);
			if (b && bad < 5)
				printf("  stage %d facts %#x: %s breaks %d rules\n", (int)f.fade,
				       bits, frame_action_name(a), b);
			bad += b != 0;
			combos++;
		}
	CHECK_INT(combos, 256 * 3 + 512); /* at_end only in BLEND */
	CHECK_INT(bad, 0);
}

/* Each action, and what it is for. */
static void test_each_action(void)
{
	struct frame_facts f = {.fade = FADE_PREPARE, .screen = true};
	CHECK_INT(frame_plan(&f), FRAME_PREPARE_BAND);
	f.text_waiting = true;
	CHECK_INT(frame_plan(&f), FRAME_WAIT);
	f.dirty = true; /* something came in: try again */
	CHECK_INT(frame_plan(&f), FRAME_PREPARE_BAND);
	f = (struct frame_facts){.fade = FADE_PREPARE, .screen = false};
	CHECK_INT(frame_plan(&f), FRAME_PREPARE_WHOLE);
	f = (struct frame_facts){.fade = FADE_BLEND, .screen = true, .new_whole = true};
	CHECK_INT(frame_plan(&f), FRAME_BLEND);
	f.dirty = true;
	CHECK_INT(frame_plan(&f), FRAME_BLEND_BAND);
	f.images_held = true;
	CHECK_INT(frame_plan(&f), FRAME_BLEND);
	f = (struct frame_facts){.fade = FADE_BLEND, .screen = true, .moving = true};
	CHECK_INT(frame_plan(&f), FRAME_BLEND_WHOLE);
	f = (struct frame_facts){
	    .fade = FADE_BLEND, .fade_at_end = true, .screen = true, .new_whole = true};
	CHECK_INT(frame_plan(&f), FRAME_FADE_LAST);
	f.dirty = true; /* changed meanwhile: drawn again at rest */
	CHECK_INT(frame_plan(&f), FRAME_LAYER);
	f = (struct frame_facts){.screen = true, .dragged = true};
	CHECK_INT(frame_plan(&f), FRAME_DIRECT);
	f.text_waiting = true; /* its text first, through a layer */
	CHECK_INT(frame_plan(&f), FRAME_LAYER);
	f = (struct frame_facts){.screen = true, .motion_tail = true};
	CHECK_INT(frame_plan(&f), FRAME_DIRECT);
	f = (struct frame_facts){.screen = true};
	CHECK_INT(frame_plan(&f), FRAME_LAYER);
	CHECK(!frame_action_draws(FRAME_BLEND));
	CHECK(frame_action_draws(FRAME_BLEND_BAND));
	CHECK_STR(frame_action_name(FRAME_FADE_LAST), "fade-last");
}

int main(void)
{
	RUN(test_every_combination_keeps_the_rules);
	RUN(test_each_action);
	return failures_ != 0;
}
