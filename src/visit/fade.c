#include "visit/fade.h"

#include <assert.h>

void fade_begin(struct fade *f, uint64_t now, uint64_t hold_until)
{
	*f = (struct fade){FADE_PREPARE, now, hold_until > now ? hold_until : 0};
}

void fade_prepared(struct fade *f, uint64_t now)
{
	if (f->stage != FADE_PREPARE)
		return;
	f->stage = f->hold_until ? FADE_HOLD : FADE_BLEND;
	f->since_ms = now;
}

void fade_tick(struct fade *f, uint64_t now, bool images_waiting)
{
	switch (f->stage) {
	case FADE_NONE:
	case FADE_BLEND:
		return;
	case FADE_PREPARE:
		if (f->hold_until && now >= f->hold_until)
			f->hold_until = 0;
		f->since_ms = now;
		return;
	case FADE_HOLD:
		assert(f->hold_until != 0); /* only a reload's fade holds */
		if (now >= f->hold_until || !images_waiting) {
			f->stage = FADE_BLEND;
			f->hold_until = 0;
		}
		f->since_ms = now;
		return;
	}
}

uint8_t fade_alpha(const struct fade *f, uint64_t now)
{
	if (f->stage != FADE_BLEND)
		return 255;
	uint64_t t = now >= f->since_ms ? now - f->since_ms : 0;
	return t >= FADE_MS ? 0 : (uint8_t)(255 - t * 255 / FADE_MS);
}

bool fade_at_end(const struct fade *f, uint64_t now)
{
	return f->stage == FADE_BLEND && now >= f->since_ms && now - f->since_ms >= FADE_MS;
}

bool fade_waiting(const struct fade *f)
{
	return f->stage == FADE_PREPARE || f->stage == FADE_HOLD;
}

void fade_end(struct fade *f)
{
	*f = (struct fade){FADE_NONE, f->since_ms, 0};
}
